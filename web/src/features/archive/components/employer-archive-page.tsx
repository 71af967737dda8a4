import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ARCHIVE_KINDS, type ArchiveKind, type ArchiveStatus } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { FilterBar, SearchFilter, SelectFilter } from '@shared/components/filter-bar';
import { PagedTable } from '@shared/components/paged-table';
import { StatusTag } from '@shared/components/status-tag';
import { tableEmpty } from '@shared/components/table-empty';
import { formatDateTime } from '@shared/format';
import { useListFilters } from '@shared/use-list-filters';
import { useReviewQueue, type QueueEntry } from '../api';
import { categoryLabel } from '../fields';
import { ReviewDrawer } from './review-drawer';

const PAGE_SIZE = 10;
const STATUS_OPTIONS: Array<{ value: ArchiveStatus | 'all'; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已审核通过' },
  { value: 'returned', label: '已退回' },
  { value: 'all', label: '全部状态' },
];
const KIND_OPTIONS: Array<{ value: ArchiveKind | 'all'; label: string }> = [
  { value: 'all', label: '全部类别' },
  ...ARCHIVE_KINDS.map((k) => ({ value: k.value, label: k.label })),
];

/** 档案审核: entries the unit's staff submitted, pending first by default (SPEC §2). */
export function EmployerArchivePage() {
  const { filters, setFilter, page, setPage } = useListFilters<{
    status: ArchiveStatus | 'all';
    kind: ArchiveKind | 'all';
    keyword: string;
  }>({
    status: 'pending',
    kind: 'all',
    keyword: '',
  });
  const { status, kind, keyword } = filters;
  const [open, setOpen] = useState<QueueEntry | null>(null);
  const list = useReviewQueue({
    status: status === 'all' ? undefined : status,
    kind: kind === 'all' ? undefined : kind,
    keyword: keyword || undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const columns: ColumnsType<QueueEntry> = [
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 90 },
    { title: '身份证号', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 180 },
    { title: '类别', key: 'category', width: 140, render: (_: unknown, e) => categoryLabel(e) },
    { title: '内容摘要', dataIndex: 'summary', key: 'summary', width: 280 },
    {
      title: '佐证材料',
      key: 'evidence',
      width: 90,
      render: (_: unknown, e) => (e.evidence.length > 0 ? `${e.evidence.length} 份` : '无'),
    },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    {
      title: '状态',
      key: 'status',
      width: 160,
      render: (_: unknown, e) => (
        <Flex vertical gap={4} align="flex-start">
          <StatusTag status={e.status} label={e.statusLabel} />
          {e.status === 'returned' && e.returnReason && <Typography.Text type="secondary">原因：{e.returnReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, e) => (
        <Button size="small" type={e.status === 'pending' ? 'primary' : 'default'} onClick={() => setOpen(e)}>
          查看
          <span className="sr-only">
            ：{e.applicantName}的{e.summary}
          </span>
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle>档案审核</PageTitle>
      <Typography.Paragraph>
        本单位人员提交的个人业绩档案条目，请核对内容与佐证材料是否一致、真实。审核通过的条目方可用于职称申报；退回须写明原因。
      </Typography.Paragraph>
      <Card>
        <FilterBar>
          <SearchFilter
            span={{ xs: 24, md: 10 }}
            label="按申请人姓名搜索"
            placeholder="申请人姓名"
            maxLength={30}
            onSearch={(v) => setFilter('keyword', v)}
          />
          <SelectFilter
            span={{ xs: 12, md: 7 }}
            label="筛选审核状态"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(v) => setFilter('status', v)}
          />
          <SelectFilter
            span={{ xs: 12, md: 7 }}
            label="筛选档案类别"
            value={kind}
            options={KIND_OPTIONS}
            onChange={(v) => setFilter('kind', v)}
          />
        </FilterBar>
        <PagedTable<QueueEntry>
          label="档案条目列表"
          columns={columns}
          query={list}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          minWidth={1060}
          locale={{ emptyText: tableEmpty(status === 'pending' ? '暂无待审核的档案条目' : '暂无记录') }}
        />
      </Card>
      {open && <ReviewDrawer entry={open} onClose={() => setOpen(null)} />}
    </>
  );
}
