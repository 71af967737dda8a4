import { useState } from 'react';
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AFFILIATIONS, type OrganizationStatus } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '@shared/components/filter-bar';
import { PagedTable } from '@shared/components/paged-table';
import { StatusTag } from '@shared/components/status-tag';
import { formatDateTime } from '@shared/format';
import { useOrganizations, type OrganizationSummary } from '../api';
import { EmployerDetailDrawer, ORG_STATUS_LABELS } from './employer-detail-drawer';
import { tableEmpty } from '@shared/components/table-empty';
import { useListFilters } from '@shared/use-list-filters';

const PAGE_SIZE = 10;
const STATUS_OPTIONS: Array<{ value: OrganizationStatus | 'all'; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'refused', label: '未通过' },
  { value: 'all', label: '全部状态' },
];

/** 单位注册审核: employers in the actor's jurisdiction, pending first. */
export function EmployerReviewPage() {
  const { filters, setFilter, page, setPage } = useListFilters<{ status: OrganizationStatus | 'all'; keyword: string; region: string[] }>({
    status: 'pending',
    keyword: '',
    region: [],
  });
  const { status, keyword, region } = filters;
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useOrganizations({
    kind: 'employer',
    status: status === 'all' ? undefined : status,
    keyword: keyword || undefined,
    regionId: region[region.length - 1],
    page,
    pageSize: PAGE_SIZE,
  });

  const columns: ColumnsType<OrganizationSummary> = [
    { title: '单位名称', dataIndex: 'name', key: 'name', width: 240 },
    { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', width: 190 },
    { title: '所在地区', dataIndex: 'regionName', key: 'regionName', width: 110 },
    { title: '单位性质', dataIndex: 'natureLabel', key: 'natureLabel', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: '隶属关系',
      dataIndex: 'affiliation',
      key: 'affiliation',
      width: 100,
      render: (v: string | null) => AFFILIATIONS.find((a) => a.value === v)?.label ?? '—',
    },
    {
      title: '授权委托书',
      dataIndex: 'hasAuthorizationLetter',
      key: 'letter',
      width: 100,
      render: (v: boolean) => (v ? '已上传' : '未上传'),
    },
    { title: '注册时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (v: string) => <StatusTag status={v} label={ORG_STATUS_LABELS[v] ?? v} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, o) => (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setOpenId(o.id);
          }}
        >
          查看
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle>单位注册审核</PageTitle>
      <Card>
        <FilterBar>
          <SearchFilter
            span={{ xs: 24, md: 10 }}
            label="搜索单位名称或统一社会信用代码"
            placeholder="单位名称或统一社会信用代码"
            maxLength={60}
            onSearch={(v) => setFilter('keyword', v)}
          />
          <SelectFilter
            span={{ xs: 12, md: 6 }}
            label="筛选审核状态"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(v) => setFilter('status', v)}
          />
          <RegionFilter span={{ xs: 12, md: 8 }} value={region} onChange={(v) => setFilter('region', v)} />
        </FilterBar>
        <PagedTable<OrganizationSummary>
          label="单位注册列表"
          columns={columns}
          query={list}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          minWidth={1200}
          onRow={(o) => ({ onClick: () => setOpenId(o.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: tableEmpty(status === 'pending' ? '暂无待审核的单位注册' : '暂无记录') }}
        />
      </Card>
      <EmployerDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
