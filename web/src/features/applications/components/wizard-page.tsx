/**
 * /applicant/applications/:id — the application wizard while it is a draft (or returned), the
 * timeline once submitted. The draft is saved on the server at every step, so it survives a logout or
 * another device; the step is in the address (?step=), so a reload lands where the applicant was.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Grid, Popconfirm, Progress, Skeleton, Space, Steps, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { App } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { usePlan } from '@shared/plans';
import { useArchiveEntries } from '@shared/archive-entries';
import { useAct, useApplication, useSaveDraft, type Draft } from '../api';
import { ApplicationMaterials, ApplicationTimeline, StepRecords } from './application-view';
import { AchievementsStep, AttachmentsStep, InfoStep, PhotoStep, type StepProps } from './wizard-steps';
import { PledgeStep } from './wizard-pledge-step';
import { EligibilityStep, SelfScoreStep } from './wizard-score-steps';

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

export function WizardPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), PREVIEW);
  const editable = (s: string | undefined) => s === 'draft' || s === 'returned';
  // the desktop waits for the phone's signature on the 诚信承诺 step
  const q = useApplication(id, step === 1);
  const app = q.data;
  const plan = usePlan(app?.planId ?? '');
  const entries = useArchiveEntries();
  const save = useSaveDraft(id);
  const act = useAct(id);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [draft, setDraftState] = useState<Draft>({});
  const [meta, setMetaState] = useState<StepProps['meta']>({ level: null, mode: null, specialtyCode: null });
  const dirty = useRef(false);
  const loaded = useRef(false);

  // the server's draft fills the wizard once; later refetches (polling) must not wipe the applicant's typing
  useEffect(() => {
    if (!app || loaded.current) return;
    loaded.current = true;
    setDraftState(app.draft);
    setMetaState({ level: app.level, mode: app.mode, specialtyCode: app.specialtyCode });
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
                onConfirm={() => act.mutateAsync({ action: 'withdraw', input: {} }).then(() => void message.success('已撤回，可修改后重新提交'), onError)}
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

  const setDraft = (patch: Partial<Draft>) => {
    dirty.current = true;
    setDraftState((d) => ({ ...d, ...patch }));
  };
  const setMeta = (patch: Partial<StepProps['meta']>) => {
    dirty.current = true;
    setMetaState((m) => ({ ...m, ...patch }));
  };
  const persist = async () => {
    if (!dirty.current) return true;
    try {
      const { submittedEntries: _s, ...rest } = draft;
      await save.mutateAsync({ ...meta, draft: rest });
      dirty.current = false;
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };
  const go = async (to: number) => {
    if (await persist()) setParams({ step: String(to) }, { replace: false });
  };
  const submit = async () => {
    if (!(await persist())) return;
    try {
      const r = await act.mutateAsync({ action: 'submit', input: {} });
      void message.success('申报已提交，等待单位审核');
      if (r.warning) modal.warning({ title: '请注意', content: r.warning });
      setParams({});
    } catch (e) {
      onError(e);
    }
  };

  const props: StepProps = { app, plan: plan.data.plan, draft, meta, setDraft, setMeta, entries: entries.data ?? [] };
  const current = STEPS[step];
  const lastReturn = app.status === 'returned' ? [...app.events].reverse().find((e) => e.toStatus === 'returned') : undefined;
  const deadline = app.timeline.personalDeadline;

  return (
    <>
      <PageTitle>{app.planName}</PageTitle>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {lastReturn && <Alert type="error" showIcon title={`${lastReturn.actorOrgName ?? ''}退回了您的申报，请按意见修改后重新提交`} description={`意见：${lastReturn.opinion ?? ''}`} />}
        <Typography.Text type="secondary">个人申报截止：{deadline}（逾期不再受理）。每一步点击“下一步”时自动保存草稿，退出后可继续填写。</Typography.Text>
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
        {current ? (
          <current.Body {...props} />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="请核对以下内容。提交后在单位审核前可以撤回；单位审核后不能再修改。" />
            <ApplicationMaterials app={{ ...app, draft, ...meta }} plan={plan.data.plan} entries={(entries.data ?? []).map((e) => ({ id: e.id, kindLabel: e.kindLabel, summary: e.summary, evidence: e.evidence }))} />
          </>
        )}
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 24 }}>
          <Button disabled={step === 0} onClick={() => void go(step - 1)}>
            上一步
          </Button>
          {step < PREVIEW ? (
            <Button type="primary" loading={save.isPending} onClick={() => void go(step + 1)}>
              下一步
            </Button>
          ) : (
            <Popconfirm title="确定提交申报？" description="提交即表示所填内容真实准确。" okText="提交" cancelText="再看看" onConfirm={() => void submit()}>
              <Button type="primary" loading={act.isPending || save.isPending}>
                {app.status === 'returned' ? '重新提交' : '提交申报'}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
    </>
  );
}
