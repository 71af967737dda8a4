import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@zc/domain';
import { FormModal } from '@shared/components/form-modal';
import { PageTitle } from '@shared/components/page-title';
import { RegionCascader } from '@shared/components/region-cascader';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '@shared/components/filter-bar';
import { PagedTable } from '@shared/components/paged-table';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { required } from '@shared/form-rules';
import { formatDateTime } from '@shared/format';
import { useCreateOrganization, useOrganizations, type OrganizationSummary } from '../api';
import { AccountsModal } from './accounts-modal';
import { ORG_STATUS_LABELS } from './employer-detail-drawer';
import { tableEmpty } from '@shared/components/table-empty';
import { useListFilters } from '@shared/use-list-filters';

const PAGE_SIZE = 10;
const MANAGEMENT_KINDS = ORGANIZATION_KINDS.filter((k) => k.management);
const KIND_FILTER: Array<{ value: OrganizationKind | 'all'; label: string }> = [
  { value: 'all', label: '全部管理机构' },
  ...MANAGEMENT_KINDS.map((k) => ({ value: k.value, label: k.label })),
];

interface CreateValues {
  kind: OrganizationKind;
  name: string;
  regionId: string[];
}

/** 机构与账号: management bodies in the administrator's jurisdiction; create a body, allocate its accounts. */
export function OrganizationsAdminPage() {
  const { filters, setFilter, page, setPage } = useListFilters<{ kind: OrganizationKind | 'all'; keyword: string; region: string[] }>({
    kind: 'all',
    keyword: '',
    region: [],
  });
  const { kind, keyword, region } = filters;
  const [creating, setCreating] = useState(false);
  const [accountsOf, setAccountsOf] = useState<OrganizationSummary | null>(null);
  const list = useOrganizations({
    kind: kind === 'all' ? undefined : kind,
    // employers are reviewed under 单位注册审核; this page allocates accounts of management bodies
    managementOnly: kind === 'all' ? true : undefined,
    keyword: keyword || undefined,
    regionId: region[region.length - 1],
    page,
    pageSize: PAGE_SIZE,
  });
  const create = useCreateOrganization();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submitCreate = (v: CreateValues, form: FormInstance<CreateValues>) =>
    create.mutate(
      { kind: v.kind, name: v.name.trim(), regionId: v.regionId[v.regionId.length - 1] ?? '' },
      {
        onSuccess: () => {
          void message.success(`已创建机构：${v.name.trim()}`);
          setCreating(false);
        },
        onError: (e) => onError(e, form),
      },
    );

  const columns: ColumnsType<OrganizationSummary> = [
    { title: '机构名称', dataIndex: 'name', key: 'name', width: 280 },
    { title: '类型', dataIndex: 'kindLabel', key: 'kindLabel', width: 170 },
    { title: '所在地区', dataIndex: 'regionName', key: 'regionName', width: 120 },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (v: string) => <StatusTag status={v} label={ORG_STATUS_LABELS[v] ?? v} />,
    },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_: unknown, o) =>
        o.kind === 'employer' ? (
          '—'
        ) : (
          <Button size="small" onClick={() => setAccountsOf(o)}>
            分配账号
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            新建机构
          </Button>
        }
      >
        机构与账号
      </PageTitle>
      <Card>
        <FilterBar>
          <SearchFilter
            span={{ xs: 24, md: 9 }}
            label="搜索机构名称"
            placeholder="机构名称"
            maxLength={60}
            onSearch={(v) => setFilter('keyword', v)}
          />
          <SelectFilter
            span={{ xs: 12, md: 7 }}
            label="筛选机构类型"
            value={kind}
            options={KIND_FILTER}
            onChange={(v) => setFilter('kind', v)}
          />
          <RegionFilter span={{ xs: 12, md: 8 }} value={region} onChange={(v) => setFilter('region', v)} />
        </FilterBar>
        <PagedTable<OrganizationSummary>
          label="机构列表"
          columns={columns}
          query={list}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          unit="个"
          minWidth={920}
          locale={{ emptyText: tableEmpty('暂无机构') }}
        />
      </Card>

      {creating && (
        <FormModal<CreateValues>
          title="新建管理机构"
          pending={create.isPending}
          onCancel={() => setCreating(false)}
          onFinish={submitCreate}
        >
          <Form.Item label="机构类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
            <Select placeholder="请选择机构类型" options={MANAGEMENT_KINDS.map((k) => ({ value: k.value, label: k.label }))} />
          </Form.Item>
          <Form.Item label="机构名称" name="name" rules={[required('请输入机构名称'), { min: 4, message: '机构名称至少 4 个字' }]}>
            <Input maxLength={60} placeholder="如：嘉兴市秀洲区职称申报受理点" />
          </Form.Item>
          <Form.Item
            label="所在地区"
            name="regionId"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择所在地区' }]}
            extra="市级管理员只能创建本市的职称申报受理点"
          >
            <RegionCascader changeOnSelect />
          </Form.Item>
        </FormModal>
      )}

      {accountsOf && <AccountsModal org={accountsOf} onClose={() => setAccountsOf(null)} />}
    </>
  );
}
