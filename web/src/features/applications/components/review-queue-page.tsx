/**
 * The queue of whoever holds applications now (SPEC §6, §7): an employer (/employer/applications), a
 * department (/manage/applications) or a committee office (its 资格审查 inbox). Filters, search, sort,
 * pagination; rows selected for the batch actions the workflow table gives this actor (batchActionsFor):
 * departments' 审查通过 / 审核推荐 / 退回修改 / 审查不通过, employers' 报送主管部门, the office's 资格审查通过 …
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, List, Select, Typography } from 'antd';
import { actionView, APPLICATION_STATUSES, batchActionsFor, statusesHeldBy, type ApplicationStatus, type WorkflowActor } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { ScrollTable } from '@shared/components/scroll-table';
import { StatusTag } from '@shared/components/status-tag';
import { LinkButton } from '@shared/components/link-button';
import { RegionCascader } from '@shared/components/region-cascader';
import { tableEmpty } from '@shared/components/table-empty';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useCurrentUser } from '@shared/session';
import { usePublishedPlans } from '@shared/plans';
import { levelLabel } from '@shared/labels';
import { useBatch, useQueue, type ActInput, type QueueItem, type QueueQuery } from '../api';
import { ActDialog, actInputOf, confirmIfDanger } from './act-dialog';
import { PublicityEndDate } from '@shared/components/publicity-end';

type BatchAction = ReturnType<typeof batchActionsFor>[number];

/** A batch action as its dialog reads it: the table's transition, in the first status it applies to. */
const batchView = (b: BatchAction) =>
  actionView(b.statuses[0]!, { action: b.action, label: b.transition.label, needsReason: !!b.transition.needsReason });

/** Who the signed-in user is in the workflow table, for its queue. */
function queueActor(user: { role: string; orgKind: string | null }): WorkflowActor {
  if (user.role === 'employer') return 'employer';
  return user.orgKind === 'committeeOffice' ? 'committeeOffice' : 'department';
}

export function ReviewQueuePage({ base }: { base: '/employer' | '/manage' }) {
  const user = useCurrentUser();
  const actor = queueActor(user);
  const isEmployer = actor === 'employer';
  const isCommittee = actor === 'committeeOffice';
  const batchActions = batchActionsFor(actor);
  const [q, setQ] = useState<QueueQuery>({ sort: '-submittedAt', page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOf, setBatchOf] = useState<BatchAction | null>(null);
  const list = useQueue(q);
  const plans = usePublishedPlans();
  const batch = useBatch();
  const onError = useApiErrorHandler();
  const { modal } = App.useApp();
  const plan = plans.data?.find((p) => p.id === q.planId);
  const set = (patch: Partial<QueueQuery>) => {
    setSelected([]);
    setQ((old) => ({ ...old, page: 1, ...patch }));
  };
  const canBatch = batchActions.length > 0;

  const runBatch = (action: BatchAction, input: ActInput) =>
    batch.mutateAsync({ ...input, ids: selected, action: action.action }).then((results) => {
      setBatchOf(null);
      setSelected([]);
      const failed = results.filter((r) => !r.ok);
      const names = new Map((list.data?.items ?? []).map((i) => [i.id, i.applicantName]));
      modal[failed.length ? 'warning' : 'success']({
        title: `${action.transition.label}：成功 ${results.length - failed.length} 件${failed.length ? `，未成功 ${failed.length} 件` : ''}`,
        content: failed.length ? (
          <List size="small" dataSource={failed} renderItem={(f) => <List.Item>{`${names.get(f.id) ?? f.id}：${f.message}`}</List.Item>} />
        ) : undefined,
      });
    }, onError);

  const title = isEmployer ? '职称申报审核' : isCommittee ? '资格审查' : '职称申报审核推荐';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {isCommittee && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="这里是各级审核推荐后报送本评委会办公室的申报材料：资格审查通过后发布评前公示，公示期满后提交评审。"
        />
      )}
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { keyword?: string }) => set({ keyword: v.keyword?.trim() || undefined })}
      >
        <Form.Item name="keyword" label="姓名">
          <Input.Search
            allowClear
            placeholder="按申报人姓名搜索"
            enterButton="搜索"
            onSearch={(v) => set({ keyword: v.trim() || undefined })}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item label="评审计划" htmlFor="queue-plan">
          <Select
            id="queue-plan"
            aria-label="评审计划"
            allowClear
            placeholder="全部计划"
            style={{ width: 240 }}
            value={q.planId}
            onChange={(v: string | undefined) => set({ planId: v, specialtyCode: undefined })}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item label="专业" htmlFor="queue-specialty">
          <Select
            id="queue-specialty"
            aria-label="专业"
            allowClear
            notFoundContent="请先选择评审计划"
            placeholder="全部专业"
            style={{ width: 160 }}
            value={q.specialtyCode}
            onChange={(v: string | undefined) => set({ specialtyCode: v })}
            options={(plan?.specialties ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="queue-status">
          <Select
            id="queue-status"
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 150 }}
            value={q.status}
            onChange={(v: ApplicationStatus | undefined) => set({ status: v })}
            options={statusesHeldBy(actor).map((s) => ({ value: s, label: APPLICATION_STATUSES[s].label }))}
          />
        </Form.Item>
        {!isEmployer && (
          <Form.Item label="地区" htmlFor="queue-region">
            <RegionCascader
              id="queue-region"
              aria-label="地区"
              changeOnSelect
              allowClear
              placeholder="全部地区"
              style={{ width: 240 }}
              onChange={(v) => set({ regionId: v.at(-1) })}
            />
          </Form.Item>
        )}
      </Form>
      {canBatch && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>已选 {selected.length} 件</Typography.Text>
          {batchActions.map((b) => (
            <Button key={b.action} danger={b.transition.tone === 'danger'} disabled={selected.length === 0} onClick={() => setBatchOf(b)}>
              批量{b.transition.label}
            </Button>
          ))}
        </Flex>
      )}
      <ScrollTable<QueueItem>
        label="申报列表"
        minWidth={isEmployer ? 1000 : 1180}
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: tableEmpty(q.keyword || q.planId || q.status ? '没有符合条件的申报' : '暂无待处理的申报') }}
        rowSelection={
          canBatch
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ 'aria-label': `选择 ${r.applicantName}` }),
              }
            : undefined
        }
        onChange={(pagination, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setQ((old) => ({
            ...old,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 20,
            sort: s?.order === 'ascend' ? 'submittedAt' : '-submittedAt',
          }));
        }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 件`,
        }}
        columns={[
          // fixed widths (the plan column's ellipsis makes the layout fixed): the status never runs into 当前环节
          {
            title: '申报人',
            dataIndex: 'applicantName',
            width: 100,
            render: (v: string, r) => (
              <LinkButton type="link" to={`${base}/applications/${r.id}`}>
                {v}
              </LinkButton>
            ),
          },
          { title: '身份证号码', dataIndex: 'idNumberMasked', width: 170 },
          ...(isEmployer ? [] : [{ title: '工作单位', dataIndex: 'employerName', width: 150, ellipsis: { showTitle: true } }]),
          { title: '评审计划', dataIndex: 'planName', width: 180, ellipsis: { showTitle: true } },
          { title: '级别', dataIndex: 'level', width: 110, render: (v: string | null) => (v ? levelLabel(v) : '—') },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 150,
            render: (v: string, r) => <StatusTag status={r.status} label={r.stepApproved ? `${v}（本级已审查通过）` : v} />,
          },
          ...(isEmployer
            ? [
                {
                  title: '公示截止',
                  dataIndex: 'publicityEnd',
                  width: 130,
                  render: (v: string | null, r: QueueItem) => <PublicityEndDate date={v} provisional={r.publicityEndProvisional} />,
                },
              ]
            : [{ title: '当前环节', dataIndex: 'stepLabel', width: 160 }]),
          {
            title: '提交时间',
            dataIndex: 'submittedAt',
            width: 110,
            sorter: true,
            sortOrder: q.sort === 'submittedAt' ? ('ascend' as const) : ('descend' as const),
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {batchOf && (
        <ActDialog
          action={batchView(batchOf)}
          title={`批量${batchOf.transition.label}（${selected.length} 件）`}
          note={`适用于状态为“${batchOf.statuses.map((st) => APPLICATION_STATUSES[st].label).join('”“')}”的申报；其他状态的申报不受影响，会列为未成功。`}
          pending={batch.isPending}
          scoringItems={[]}
          objections={undefined}
          onCancel={() => setBatchOf(null)}
          onFinish={(v) => {
            const view = batchView(batchOf);
            confirmIfDanger(
              modal.confirm,
              view,
              `批量${view.label}（${selected.length} 件）`,
              () => void runBatch(batchOf, actInputOf(view, v)),
            );
          }}
        />
      )}
    </>
  );
}
