/**
 * /public/publicity — the open and recent publicity lists; /public/publicity/:listId — one list's people (a table
 * on a desktop, cards on a phone), searchable, with 提出异议 while the list is open. No login (SPEC §10).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Flex, Grid, Input, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { labelOf, provisionalEndNote, type PublicityKind } from '@zc/domain';
import { ItemList } from '@shared/components/item-list';
import { PageTitle } from '@shared/components/page-title';
import { PagedTable } from '@shared/components/paged-table';
import { StatusTag } from '@shared/components/status-tag';
import { usePublicityList, usePublicityLists, type PublicityEntry, type PublicityList } from '../api';
import { ObjectionModal } from './objection-modal';

const PAGE_SIZE = 10;
const ENTRY_PAGE_SIZE = 20;

export function periodText(l: Pick<PublicityList, 'startDate' | 'endDate' | 'endProvisional'>): string {
  return `${l.startDate} 至 ${l.endDate}${l.endProvisional ? `（${provisionalEndNote(l.endDate)}）` : ''}`;
}

export function OpenTag({ open }: { open: boolean }) {
  return open ? <StatusTag tone="success" label="公示中" /> : <StatusTag tone="neutral" label="已结束" />;
}

type KindFilter = PublicityKind | 'all';

export function PublicPublicityListPage() {
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const lists = usePublicityLists({ page, pageSize: PAGE_SIZE, kind: kind === 'all' ? undefined : kind });
  return (
    <>
      <PageTitle>公示公告</PageTitle>
      <Card>
        <Segmented<KindFilter>
          aria-label="公示类别"
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'preReview', label: labelOf('publicityKind', 'preReview') },
            { value: 'employer', label: labelOf('publicityKind', 'employer') },
            { value: 'results', label: labelOf('publicityKind', 'results') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {lists.isLoading ? (
          <Skeleton active />
        ) : lists.isError ? (
          <Alert type="error" showIcon title={lists.error.message} />
        ) : (
          <ItemList<PublicityList>
            items={lists.data?.items ?? []}
            itemKey={(l) => l.id}
            render={(l) => (
              <Flex vertical gap={2}>
                <Link to={`/public/publicity/${l.id}`} style={{ fontSize: 15 }}>
                  {l.title}
                </Link>
                <Typography.Text type="secondary">
                  {l.publisher} · 公示期 {periodText(l)} · 共 {l.entryCount} 人
                </Typography.Text>
              </Flex>
            )}
            extra={(l) => (
              <>
                <StatusTag tone="info" label={labelOf('publicityKind', l.kind)} />
                <OpenTag open={l.open} />
              </>
            )}
            empty={<Empty description="暂无公示" />}
          />
        )}
        {(lists.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={lists.data?.total ?? 0}
            onChange={setPage}
            showSizeChanger={false}
            showTotal={(t) => `共 ${t} 条`}
          />
        )}
      </Card>
    </>
  );
}

function EntryCard({ e, action }: { e: PublicityEntry; action: React.ReactNode }) {
  return (
    <Card size="small" title={`${e.seq}. ${e.name}`} extra={action} style={{ marginBottom: 8 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'employer', label: '工作单位', children: e.employerName },
          { key: 'specialty', label: '申报专业', children: e.specialty },
          { key: 'level', label: '申报级别', children: e.level },
          { key: 'mode', label: '申报方式', children: e.mode },
        ]}
      />
    </Card>
  );
}

export function PublicPublicityPage() {
  const { listId = '' } = useParams();
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<PublicityEntry | null>(null);
  const screens = Grid.useBreakpoint();
  const q = usePublicityList(listId, { page, pageSize: ENTRY_PAGE_SIZE, keyword: keyword || undefined });
  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return (
      <>
        <PageTitle>公示</PageTitle>
        <Alert
          type="warning"
          showIcon
          title={q.error?.message ?? '该公示不存在'}
          action={<Link to="/public/publicity">返回公示列表</Link>}
        />
      </>
    );
  const { list, entries } = q.data;
  const objectButton = (e: PublicityEntry) =>
    list.open ? (
      <Button size="small" onClick={() => setTarget(e)} aria-label={`对${e.name}提出异议`}>
        提出异议
      </Button>
    ) : null;
  const entriesQuery = { data: entries, isFetching: q.isFetching };
  return (
    <>
      <PageTitle>{list.title}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'publisher', label: '公示单位', children: list.publisher },
            { key: 'kind', label: '公示类别', children: labelOf('publicityKind', list.kind) },
            { key: 'period', label: '公示期', children: periodText(list) },
            { key: 'state', label: '状态', children: <OpenTag open={list.open} /> },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {list.open
            ? '公示期内（含截止日），对公示对象有异议的，可点击“提出异议”实名、据实反映，并提供具体事实和证明材料。'
            : '该公示已结束，不再受理异议。'}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Input.Search
          allowClear
          placeholder="按姓名或工作单位搜索"
          aria-label="按姓名或工作单位搜索"
          onSearch={(v) => {
            setKeyword(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 360, marginBottom: 12 }}
        />
        {screens.md ? (
          <PagedTable<PublicityEntry>
            label="公示名单"
            minWidth={720}
            query={entriesQuery}
            page={page}
            pageSize={ENTRY_PAGE_SIZE}
            onPageChange={setPage}
            unit="人"
            locale={{ emptyText: keyword ? '没有找到，请换个关键词' : '暂无公示对象' }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 70 },
              { title: '姓名', dataIndex: 'name' },
              { title: '工作单位', dataIndex: 'employerName' },
              { title: '申报专业', dataIndex: 'specialty' },
              { title: '申报级别', dataIndex: 'level' },
              { title: '申报方式', dataIndex: 'mode' },
              ...(list.open ? [{ title: '操作', key: 'action', render: (_: unknown, e: PublicityEntry) => objectButton(e) }] : []),
            ]}
          />
        ) : (
          <>
            {entries.items.length === 0 ? <Empty description={keyword ? '没有找到，请换个关键词' : '暂无公示对象'} /> : null}
            {entries.items.map((e) => (
              <EntryCard key={e.id} e={e} action={objectButton(e)} />
            ))}
            {entries.total > ENTRY_PAGE_SIZE && (
              <Pagination
                simple
                current={page}
                pageSize={ENTRY_PAGE_SIZE}
                total={entries.total}
                onChange={setPage}
                showTotal={(t) => `共 ${t} 人`}
              />
            )}
          </>
        )}
      </Card>
      {target && <ObjectionModal listId={list.id} entry={target} onClose={() => setTarget(null)} />}
    </>
  );
}
