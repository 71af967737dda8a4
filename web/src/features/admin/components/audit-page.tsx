import { Alert, Button, Card, Col, Row, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageTitle } from '@shared/components/page-title';
import { formatDateTime } from '@shared/format';
import { useAuditChainCheck, useAuditEvents, type AuditEvent } from '../api';
import { useCurrentUser } from '@shared/session';
import { tableEmpty } from '@shared/components/table-empty';
import { FilterBar, SearchFilter } from '@shared/components/filter-bar';
import { PagedTable } from '@shared/components/paged-table';
import { useListFilters } from '@shared/use-list-filters';

const PAGE_SIZE = 20;
function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: '#f5f5f5', padding: 8 }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

const columns: ColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (v: string) => formatDateTime(v) },
  {
    title: '操作人',
    key: 'actor',
    width: 200,
    render: (_: unknown, e) => (e.actorName ? `${e.actorName}${e.actorRoleLabel ? `（${e.actorRoleLabel}）` : ''}` : '—'),
  },
  { title: '操作', dataIndex: 'actionLabel', key: 'actionLabel', width: 180 },
  {
    title: '对象',
    key: 'target',
    width: 280,
    render: (_: unknown, e) => <AuditTarget event={e} />,
  },
  { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];

/**
 * The object in words (issue 9 item 6): its kind and name, resolved by the server; the full id stays one
 * click away (copy, and in the tooltip) for investigators, who search the log by it.
 */
function AuditTarget({ event: e }: { event: AuditEvent }) {
  return (
    <span data-testid="audit-target">
      <Typography.Text strong>{e.targetLabel}</Typography.Text>
      <Tooltip title={`对象编号：${e.targetId}`}>
        <Typography.Text
          style={{ marginInlineStart: 6 }}
          type={e.targetName ? undefined : 'secondary'}
          copyable={{ text: e.targetId, tooltips: ['复制对象编号', '已复制对象编号'] }}
        >
          {e.targetName ?? '（已不存在）'}
        </Typography.Text>
      </Tooltip>
    </span>
  );
}

/** The hash chain's integrity (docs/decisions/0011): province administrators check it on demand. */
function AuditChainCheck() {
  const check = useAuditChainCheck();
  const r = check.data;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button onClick={() => void check.refetch()} loading={check.isFetching}>
            校验审计链
          </Button>
          <Typography.Text type="secondary">逐条核对审计记录的哈希链，发现被篡改、删除或重排的记录</Typography.Text>
        </Space>
        {check.isError && <Alert type="error" showIcon title="校验未能完成，请稍后重试" />}
        {r && (
          <Alert
            type={r.ok ? 'success' : 'error'}
            showIcon
            title={r.ok ? `审计链完整（已校验 ${r.checked} 条）` : `审计链已被破坏：首条异常记录编号 ${r.firstBroken?.id ?? '—'}`}
            description={<pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{r.summary}</pre>}
          />
        )}
      </Space>
    </Card>
  );
}

export function AuditPage() {
  const user = useCurrentUser();
  const { filters, setFilter, page, setPage } = useListFilters({ targetId: '' });
  const { targetId } = filters;
  const list = useAuditEvents(page, PAGE_SIZE, targetId || undefined);
  return (
    <>
      <PageTitle>审计日志</PageTitle>
      {user.regionLevel === 'province' && <AuditChainCheck />}
      <Card>
        <FilterBar gutter={0}>
          <SearchFilter
            span={{ xs: 24, md: 10 }}
            label="对象编号"
            placeholder="按对象编号查询（完整编号）"
            maxLength={64}
            onSearch={(v) => setFilter('targetId', v)}
          />
        </FilterBar>
        <PagedTable<AuditEvent>
          label="审计日志列表"
          columns={columns}
          query={list}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          minWidth={1000}
          locale={{ emptyText: tableEmpty('暂无审计记录') }}
          expandable={{
            columnTitle: <span className="sr-only">详情</span>,
            rowExpandable: (e) => e.before != null || e.after != null,
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Json label="变更前" value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Json label="变更后" value={e.after} />
                </Col>
              </Row>
            ),
          }}
        />
      </Card>
    </>
  );
}
