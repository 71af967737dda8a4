/**
 * /applicant/applications/:id — the application wizard while it is a draft (or returned), the
 * timeline once submitted. Every upload and choice is saved on the server as it happens (use-autosave.ts;
 * the page says so), so a reload, a logout or another device loses nothing; the step is in the address
 * (?step=), so a reload lands where the applicant was.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Grid, Popconfirm, Progress, Skeleton, Space, Steps, Typography } from 'antd';
import { useBlocker, useParams, useSearchParams } from 'react-router';
import { App } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { usePlan } from '@shared/plans';
import { useArchiveEntries } from '@shared/archive-entries';
import { useAct, useApplication, useSaveDraft, type Draft, type DraftSave } from '../api';
import { ApplicationMaterials, ApplicationTimeline, StepRecords } from './application-view';
import { AchievementsStep, AttachmentsStep, InfoStep, PhotoStep, type StepProps } from './wizard-steps';
import { PledgeStep } from './wizard-pledge-step';
import { EligibilityStep, SelfScoreStep } from './wizard-score-steps';
import { missingInfo } from './info-check';
import { SaveIndicator } from './save-indicator';
import { useAutosave, type Autosave } from './use-autosave';

const STEPS: Array<{ key: string; title: string; Body: (p: StepProps) => React.ReactNode }> = [
  { key: 'photo', title: '证件照', Body: PhotoStep },
  { key: 'pledge', title: '诚信承诺', Body: PledgeStep },
  { key: 'info', title: '申报信息', Body: InfoStep },
  { key: 'achievements', title: '业绩成果', Body: AchievementsStep },
  { key: 'attachments', title: '附件材料', Body: AttachmentsStep },
  { key: 'score', title: '自评分', Body: SelfScoreStep },
  { key: 'eligibility', title: '资格检查', Body: EligibilityStep },
];
const PREVIEW = STEPS.length;
const INFO = STEPS.findIndex((s) => s.key === 'info');
const stepOf = (v: string | null) => Math.min(Math.max(Number(v ?? 0) || 0, 0), PREVIEW);
/**
 * The step in the address right now. A 下一步 pressed again before the page has re-rendered for the step it just
 * went to must count from that step (a render's `step` is one behind until the transition commits).
 */
const stepNow = () => stepOf(new URLSearchParams(window.location.search).get('step'));
/** a button waiting for the last save shows its spinner only if the wait is noticeable ([ours]) */
const BUTTON_WAIT = { delay: 200 };

interface WizardState {
  draft: Draft;
  meta: StepProps['meta'];
}

/** typed fields are saved after a pause; choices and uploads at once */
const TYPED: ReadonlySet<string> = new Set<keyof Draft>(['personalStatement', 'recommenders', 'selfScore', 'incomeTaxMultiples']);

/** The request body for a state; a statement over the limit stays in the browser until shortened (the server refuses it). */
function toSave({ draft, meta }: WizardState, maxChars: number): DraftSave {
  const { submittedEntries: _s, personalStatement, ...rest } = draft;
  const fits = [...(personalStatement ?? '')].length <= maxChars;
  return { ...meta, draft: fits ? { ...rest, personalStatement } : rest };
}

/**
 * Leaving the wizard inside the app waits for the save; if it fails, or a file is still uploading, the
 * applicant decides. (Closing the tab is handled in useAutosave.)
 */
function useLeaveGuard(autosave: Autosave<WizardState>, active: boolean) {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      active && currentLocation.pathname !== nextLocation.pathname && (autosave.dirty() || autosave.uploading()),
  );
  // reads the blocker, autosave and modal of the render that blocked; only a new blocked state runs it
  const decide = useEffectEvent(async (gone: () => boolean) => {
    if (blocker.state !== 'blocked') return;
    const uploading = autosave.uploading();
    if (!uploading && (await autosave.flush())) return void (gone() || blocker.proceed());
    if (gone()) return;
    modal.confirm({
      title: uploading ? '文件正在上传' : '修改尚未保存',
      content: uploading
        ? '离开本页将中断正在上传的文件（已上传完成的不受影响）。仍要离开吗？'
        : '刚才的修改没能保存到服务器（原因见页面上的提示）。离开将丢失这些修改，仍要离开吗？',
      okText: '仍要离开',
      cancelText: '留在本页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  });
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let gone = false;
    void decide(() => gone);
    return () => {
      gone = true;
    };
  }, [blocker.state]);
}

export function WizardPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const step = stepOf(params.get('step'));
  const editable = (s: string | undefined) => s === 'draft' || s === 'returned';
  // the 诚信承诺 step polls by itself while it waits for the phone's signature (wizard-pledge-step.tsx)
  const q = useApplication(id);
  const app = q.data;
  const plan = usePlan(app?.planId ?? '');
  const entries = useArchiveEntries();
  const save = useSaveDraft(id);
  const act = useAct(id);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form, setForm] = useState<WizardState>({ draft: {}, meta: { level: null, mode: null, specialtyCode: null } });
  /** the state as of the last change, for changes that land between renders (two uploads ending together) */
  const latest = useRef(form);
  const loaded = useRef(false);
  const [moving, setMoving] = useState(false);
  /** counts the times 下一步 found 申报信息 incomplete (InfoStep marks the fields and focuses the first) */
  const [infoCheck, setInfoCheck] = useState(0);
  const maxChars = plan.data?.plan.personalStatementMaxChars ?? Number.POSITIVE_INFINITY;
  const autosave = useAutosave<WizardState>((s) => save.mutateAsync(toSave(s, maxChars)));
  useLeaveGuard(autosave, editable(app?.status));

  // the server's draft fills the wizard once; later refetches (polling, after each save) must not wipe the applicant's typing
  useEffect(() => {
    if (!app || loaded.current) return;
    loaded.current = true;
    latest.current = { draft: app.draft, meta: { level: app.level, mode: app.mode, specialtyCode: app.specialtyCode } };
    setForm(latest.current);
  }, [app]);

  if (q.isLoading || !app || plan.isLoading || !plan.data) return <Skeleton active />;

  if (!editable(app.status)) {
    const withdraw = app.allowed.find((a) => a.action === 'withdraw');
    return (
      <>
        <PageTitle
          extra={
            withdraw && (
              <Popconfirm
                title="确定撤回申报？撤回后可修改再提交（须在个人申报截止前）。"
                okText="撤回"
                cancelText="取消"
                onConfirm={() =>
                  void act
                    .mutateAsync({ action: 'withdraw', input: {} })
                    .then(() => void message.success('已撤回，可修改后重新提交'), onError)
                }
              >
                <Button danger>撤回申报</Button>
              </Popconfirm>
            )
          }
        >
          {app.planName}
        </PageTitle>
        <Space style={{ marginBottom: 16 }}>
          <StatusTag status={app.status} label={app.statusLabel} />
        </Space>
        <ApplicationTimeline app={app} />
        <StepRecords app={app} />
        <ApplicationMaterials app={app} plan={plan.data.plan} />
      </>
    );
  }

  const { draft, meta } = form;
  const change = (next: WizardState, debounce: boolean) => {
    latest.current = next;
    setForm(next);
    autosave.change(next, debounce);
  };
  const setDraft: StepProps['setDraft'] = (patch) => {
    const now = latest.current;
    const p = typeof patch === 'function' ? patch(now.draft) : patch;
    change(
      { ...now, draft: { ...now.draft, ...p } },
      Object.keys(p).every((k) => TYPED.has(k)),
    );
  };
  const setMeta = (patch: Partial<StepProps['meta']>) => change({ ...latest.current, meta: { ...latest.current.meta, ...patch } }, false);
  /** everything so far on the server; if not, the page already shows why and offers 重试 */
  const persist = async () => {
    // nothing waiting (the usual case, everything is saved as it happens): no spinner flash on the button
    if (!autosave.dirty()) return true;
    setMoving(true);
    try {
      if (await autosave.flush()) return true;
      void message.error('修改尚未保存到服务器，请点击页面上的“重试”，成功后再继续');
      return false;
    } finally {
      setMoving(false);
    }
  };
  /** the steps after 申报信息 need its choices: going there without them stays on (or returns to) 申报信息 */
  const infoMissing = () => {
    const missing = missingInfo(latest.current.meta);
    if (missing.length === 0) return false;
    setInfoCheck((n) => n + 1);
    if (stepNow() !== INFO) setParams({ step: String(INFO) });
    void message.warning(`请先完成申报信息：${missing.map((f) => f.message).join('，')}`);
    return true;
  };
  const go = async (to: number) => {
    if (to > stepNow() && to > INFO && infoMissing()) return;
    if (await persist()) setParams({ step: String(to) }, { replace: false });
  };
  const submit = async () => {
    if (infoMissing() || !(await persist())) return;
    try {
      const r = await act.mutateAsync({ action: 'submit', input: {} });
      void message.success('申报已提交，等待单位审核');
      if (r.warning) modal.warning({ title: '请注意', content: r.warning });
      setParams({});
    } catch (e) {
      onError(e);
    }
  };

  const props: StepProps = {
    app,
    plan: plan.data.plan,
    draft,
    meta,
    setDraft,
    setMeta,
    entries: entries.data ?? [],
    autosave: { saveNow: () => void autosave.flush(), track: autosave.track, markSaved: autosave.markSaved },
    infoCheck,
  };
  const statementLength = [...(draft.personalStatement ?? '')].length;
  const current = STEPS[step];
  const lastReturn = app.status === 'returned' ? [...app.events].reverse().find((e) => e.toStatus === 'returned') : undefined;
  const deadline = app.timeline.personalDeadline;

  return (
    <>
      <PageTitle>{app.planName}</PageTitle>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {lastReturn && (
          <Alert
            type="error"
            showIcon
            title={`${lastReturn.actorOrgName ?? ''}退回了您的申报，请按意见修改后重新提交`}
            description={`意见：${lastReturn.opinion ?? ''}`}
          />
        )}
        <Typography.Text type="secondary">
          个人申报截止：{deadline}（逾期不再受理）。填写的内容和上传的文件随时自动保存到服务器，退出后可继续填写。
        </Typography.Text>
      </Flex>
      {screens.md ? (
        <Steps
          size="small"
          current={step}
          onChange={(to) => void go(to)}
          items={[...STEPS.map((s) => ({ title: s.title })), { title: '预览提交' }]}
          style={{ marginBottom: 24 }}
        />
      ) : (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text strong>
            第 {step + 1} / {PREVIEW + 1} 步：{current?.title ?? '预览提交'}
          </Typography.Text>
          <Progress percent={Math.round(((step + 1) / (PREVIEW + 1)) * 100)} showInfo={false} aria-label="填写进度" />
        </Flex>
      )}
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {current?.title ?? '预览并提交'}
          </Typography.Title>
        }
      >
        <div style={{ marginBottom: 16 }}>
          <SaveIndicator
            state={autosave.state}
            onRetry={() => void autosave.flush()}
            warning={
              statementLength > maxChars ? `本人述职超出 ${statementLength - maxChars} 字，删减后才会保存述职（其余内容照常保存）` : null
            }
          />
        </div>
        {current ? (
          <current.Body {...props} />
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="请核对以下内容。提交后在单位审核前可以撤回；单位审核后不能再修改。"
            />
            <ApplicationMaterials
              app={{ ...app, draft, ...meta }}
              plan={plan.data.plan}
              entries={(entries.data ?? []).map((e) => ({ id: e.id, kindLabel: e.kindLabel, summary: e.summary, evidence: e.evidence }))}
            />
          </>
        )}
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 24 }}>
          <Button disabled={step === 0} onClick={() => void go(stepNow() - 1)}>
            上一步
          </Button>
          {step < PREVIEW ? (
            <Button type="primary" loading={moving && BUTTON_WAIT} onClick={() => void go(stepNow() + 1)}>
              下一步
            </Button>
          ) : (
            <Popconfirm
              title="确定提交申报？"
              description="提交即表示所填内容真实准确。"
              okText="提交"
              cancelText="再看看"
              onConfirm={() => void submit()}
            >
              <Button type="primary" loading={(act.isPending || moving) && BUTTON_WAIT}>
                {app.status === 'returned' ? '重新提交' : '提交申报'}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
      {app.status === 'returned' && (
        // where it was returned and by whom: the progress and every event with its opinion
        <div style={{ marginTop: 16 }}>
          <ApplicationTimeline app={app} />
        </div>
      )}
    </>
  );
}
