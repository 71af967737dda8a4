import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Grid, Popconfirm, Select, Skeleton, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ARCHIVE_KINDS, educationVerificationRoute, entryNeedsEvidence, type ArchiveKind, type SubmitBlocker } from '@zc/domain';
import { ItemList } from '@shared/components/item-list';
import { LinkButton } from '@shared/components/link-button';
import { PageTitle } from '@shared/components/page-title';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useArchiveEntries, useDeleteEntry, useNewVersion, useReverify, useSubmitEntries, type ArchiveEntry } from '../api';
import { ACHIEVEMENT_TYPE_OPTIONS, achievementTypeLabel, achievementTypeOf } from '../fields';
import { EntryFormDrawer } from './entry-form';
import { EntryTags, ReturnReason, VerificationNote } from './entry-status';
import { EvidenceModal } from './evidence-modal';
import { SocialSecurityCard } from './social-security-card';
import { EntryProblems } from './entry-problems';

type Editing = { kind: ArchiveKind; entry: ArchiveEntry | null; achievementType?: string };

const kindLabel = (kind: ArchiveKind) => ARCHIVE_KINDS.find((k) => k.value === kind)?.label ?? kind;

/** The server refuses to submit an entry without evidence, unless the degree registry has confirmed it. */
function missingEvidence(e: ArchiveEntry): boolean {
  return e.evidence.length === 0 && entryNeedsEvidence(e.kind, e.verification);
}

/** Hidden text that tells a screen reader which entry a repeated button ("编辑", "删除" …) is for. */
function For({ entry }: { entry: ArchiveEntry }) {
  return <span className="sr-only">：{entry.summary}</span>;
}

/** 个人业绩档案: the applicant's entries by kind, evidence, and submission to the employer (SPEC §2). */
export function ApplicantArchivePage() {
  const screens = Grid.useBreakpoint();
  const entries = useArchiveEntries();
  const submit = useSubmitEntries();
  const remove = useDeleteEntry();
  const newVersion = useNewVersion();
  const reverify = useReverify();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [tab, setTab] = useState<ArchiveKind>('education');
  const [achievementType, setAchievementType] = useState<string>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<string | null>(null);

  const all = useMemo(() => entries.data ?? [], [entries.data]);
  const submittable = useMemo(
    () => new Set(all.filter((e) => e.allowed.includes('submit') && !missingEvidence(e)).map((e) => e.id)),
    [all],
  );
  const chosen = [...selected].filter((id) => submittable.has(id));
  // why drafts cannot be sent for review, as the server says (issue 9 item 4): the binding once for the page,
  // a degree the registry did not confirm named with its entry — never a binding message for a degree problem
  const isBinding = (b: SubmitBlocker) => b.code === 'unbound' || b.code === 'bindingPending';
  const bindingBlock = all.flatMap((e) => e.submitBlockers).find(isBinding) ?? null;
  const ownBlock = (e: ArchiveEntry) => e.submitBlockers.find((b) => !isBinding(b)) ?? null;
  const isDegree = (b: SubmitBlocker | null) => b?.code === 'degreeNotVerified' || b?.code === 'degreeRegistryUnavailable';
  const degreeBlocked = all.filter((e) => isDegree(ownBlock(e)));
  // the registry was asked and found no match: asking again may help (its data changes); a pre-2001 or foreign degree needs uploads
  const registryMiss = (e: ArchiveEntry) =>
    e.data.kind === 'education' && ownBlock(e)?.code === 'degreeNotVerified' && educationVerificationRoute(e.data).route === 'registry';
  const evidenceEntry = evidenceOf ? all.find((e) => e.id === evidenceOf) : undefined;
  const kindItems = ARCHIVE_KINDS.map((k) => {
    const n = all.filter((e) => e.kind === k.value).length;
    return { value: k.value, label: n > 0 ? `${k.label}（${n}）` : k.label };
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const doSubmit = () =>
    submit.mutate(chosen, {
      onSuccess: () => {
        void message.success(`已提交 ${chosen.length} 条档案信息，等待单位审核`);
        setSelected(new Set());
      },
      onError: (e) => onError(e),
    });

  const doDelete = (e: ArchiveEntry) =>
    remove.mutateAsync(e.id).then(
      () => void message.success('已删除'),
      (err: unknown) => onError(err),
    );

  const doNewVersion = (e: ArchiveEntry) =>
    newVersion.mutateAsync(e.id).then(
      (n) => {
        void message.success('已新建版本，请修改后重新提交单位审核');
        setEditing({ kind: n.kind, entry: n });
      },
      (err: unknown) => onError(err),
    );

  const doReverify = (e: ArchiveEntry) =>
    reverify.mutate(e.id, {
      onSuccess: (n) => {
        const s = n.verification?.status;
        void message[s === 'verified' ? 'success' : 'warning'](n.verification?.explanation ?? '已重新核验');
      },
      onError: (err) => onError(err),
    });

  const renderEntry = (e: ArchiveEntry) => (
    <Flex gap={12} align="flex-start">
      {e.allowed.includes('submit') && (
        <Checkbox
          checked={selected.has(e.id)}
          disabled={missingEvidence(e)}
          onChange={(ev) => toggle(e.id, ev.target.checked)}
          style={{ marginTop: 2 }}
        >
          <span className="sr-only">选择“{e.summary}”提交单位审核</span>
        </Checkbox>
      )}
      <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong>{e.summary}</Typography.Text>
        <EntryTags entry={e} />
        <ReturnReason reason={e.status === 'returned' ? e.returnReason : null} />
        <EntryProblems entry={e} viewer="applicant" />
        {e.kind === 'education' && (
          <VerificationNote
            verification={e.verification}
            onReverify={(e.verification?.status === 'unavailable' || registryMiss(e)) && !e.frozen ? () => doReverify(e) : undefined}
            pending={reverify.isPending && reverify.variables === e.id}
          />
        )}
        <Typography.Text type="secondary">
          佐证材料 {e.evidence.length} 份{e.submittedAt ? ` · 提交于 ${formatDateTime(e.submittedAt)}` : ''}
          {e.reviewedAt && e.status !== 'pending' && e.status !== 'draft' ? ` · 审核于 ${formatDateTime(e.reviewedAt)}` : ''}
        </Typography.Text>
        {ownBlock(e) && (
          <Typography.Text style={{ color: '#7a4100' }} data-testid="entry-blocker">
            {ownBlock(e)!.message}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );

  const renderActions = (e: ArchiveEntry) => (
    <>
      {e.allowed.includes('edit') && (
        <Button size="small" onClick={() => setEditing({ kind: e.kind, entry: e })}>
          编辑
          <For entry={e} />
        </Button>
      )}
      {e.allowed.includes('addEvidence') ? (
        <Button size="small" onClick={() => setEvidenceOf(e.id)}>
          上传佐证材料
          <For entry={e} />
        </Button>
      ) : (
        e.evidence.length > 0 && (
          <Button size="small" onClick={() => setEvidenceOf(e.id)}>
            查看佐证材料
            <For entry={e} />
          </Button>
        )
      )}
      {e.allowed.includes('newVersion') && (
        <Popconfirm
          title="新建版本"
          description="将复制为新的草稿版本，修改后重新提交单位审核；已提交的申报仍使用原版本。"
          okText="新建"
          cancelText="取消"
          onConfirm={() => void doNewVersion(e)}
        >
          <Button size="small" type="primary">
            新建版本
            <For entry={e} />
          </Button>
        </Popconfirm>
      )}
      {e.allowed.includes('delete') && (
        <Popconfirm
          title="确定删除该条目？"
          description="删除后不能恢复，已上传的佐证材料也将一并移除。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => void doDelete(e)}
        >
          <Button size="small" danger>
            删除
            <For entry={e} />
          </Button>
        </Popconfirm>
      )}
    </>
  );

  const panel = (kind: ArchiveKind) => {
    let list = all.filter((e) => e.kind === kind);
    if (kind === 'achievement' && achievementType !== 'all') list = list.filter((e) => achievementTypeOf(e.data) === achievementType);
    const addLabel =
      kind === 'achievement' ? (achievementType === 'all' ? '业绩成果' : achievementTypeLabel(achievementType)) : kindLabel(kind);
    return (
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center" justify="space-between">
          {kind === 'achievement' ? (
            <Select
              aria-label="筛选成果类型"
              value={achievementType}
              onChange={setAchievementType}
              options={[{ value: 'all', label: '全部成果类型' }, ...ACHIEVEMENT_TYPE_OPTIONS]}
              style={{ minWidth: 180 }}
            />
          ) : (
            <span />
          )}
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              setEditing({
                kind,
                entry: null,
                achievementType: kind === 'achievement' && achievementType !== 'all' ? achievementType : undefined,
              })
            }
          >
            新增{addLabel}
          </Button>
        </Flex>
        <ItemList<ArchiveEntry>
          items={list}
          itemKey={(e) => e.id}
          render={renderEntry}
          extra={renderActions}
          empty={
            <Typography.Paragraph type="secondary">
              暂无{addLabel}记录，请点击“新增{addLabel}”登记。
            </Typography.Paragraph>
          }
        />
      </Flex>
    );
  };

  return (
    <>
      <PageTitle>个人业绩档案</PageTitle>
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="档案条目须经所在单位审核通过后，才能在职称申报中使用"
          description="请每年及时维护。新增条目并上传佐证材料后，勾选条目点击“提交单位审核”。已用于已提交申报的条目将被冻结，不能修改或删除；如需更新，请点击“新建版本”。"
        />
        <SocialSecurityCard
          onAddProof={() => {
            setTab('socialSecurityProof');
            setEditing({ kind: 'socialSecurityProof', entry: null });
          }}
        />
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              档案条目
            </Typography.Title>
          }
          extra={
            <Flex gap={8} align="center" wrap>
              {chosen.length > 0 && <Typography.Text>已选择 {chosen.length} 条</Typography.Text>}
              <Button type="primary" disabled={chosen.length === 0} loading={submit.isPending} onClick={doSubmit}>
                提交单位审核
              </Button>
            </Flex>
          }
        >
          {bindingBlock && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={bindingBlock.code === 'bindingPending' ? '绑定申请等待单位确认，暂不能提交审核' : '尚未绑定工作单位，暂不能提交审核'}
              description={bindingBlock.message}
              action={
                <LinkButton to="/applicant/binding" size="small">
                  {bindingBlock.code === 'bindingPending' ? '查看绑定申请' : '去绑定'}
                </LinkButton>
              }
            />
          )}
          {degreeBlocked.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="degree-blocked"
              title={`${degreeBlocked.length} 项学历尚未通过核验，暂不能提交单位审核`}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {degreeBlocked.map((e) => (
                    <li key={e.id}>{ownBlock(e)?.message}</li>
                  ))}
                </ul>
              }
              action={
                tab === 'education' ? undefined : (
                  <Button size="small" onClick={() => setTab('education')}>
                    查看学历条目
                  </Button>
                )
              }
            />
          )}
          {entries.isLoading ? (
            <Skeleton active />
          ) : entries.isError ? (
            <Alert type="error" showIcon title="档案加载失败，请刷新页面重试" />
          ) : screens.md ? (
            <Tabs
              activeKey={tab}
              onChange={(k) => setTab(k as ArchiveKind)}
              tabPlacement="start"
              items={kindItems.map((k) => ({ key: k.value, label: k.label, children: k.value === tab ? panel(k.value) : null }))}
            />
          ) : (
            // a phone: eight tabs do not fit in a row, a picker does
            <Flex vertical gap={12}>
              <Select aria-label="档案类别" value={tab} onChange={setTab} options={kindItems} style={{ width: '100%' }} />
              {panel(tab)}
            </Flex>
          )}
        </Card>
      </Flex>

      {editing && (
        <EntryFormDrawer
          kind={editing.kind}
          kindLabel={kindLabel(editing.kind)}
          entry={editing.entry}
          achievementType={editing.achievementType}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            // a new entry needs its evidence next (unless the degree registry has confirmed it)
            if (created && saved.allowed.includes('addEvidence') && saved.verification?.status !== 'verified') setEvidenceOf(saved.id);
          }}
        />
      )}
      {evidenceEntry && <EvidenceModal entry={evidenceEntry} onClose={() => setEvidenceOf(null)} />}
    </>
  );
}
