import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tabs, Typography, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BindingStatus } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime, sexLabel } from '@shared/format';
import { useDecideBinding, useEmployerBindings, type EmployerBinding } from '../api';
import { tableEmpty } from '@shared/components/table-empty';
import { PagedTable } from '@shared/components/paged-table';
import { ReasonModal } from '@shared/components/reason-modal';

const FILTERS: Array<{ value: BindingStatus | 'all'; label: string }> = [
  { value: 'pending', label: '待确认' },
  { value: 'approved', label: '已同意' },
  { value: 'refused', label: '已拒绝' },
  { value: 'cancelled', label: '已撤销' },
  { value: 'all', label: '全部' },
];

const PAGE_SIZE = 10;

export function EmployerBindingsPage() {
  const [status, setStatus] = useState<BindingStatus | 'all'>('pending');
  const [page, setPage] = useState(1);
  const list = useEmployerBindings({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE });
  const decide = useDecideBinding();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [refusing, setRefusing] = useState<EmployerBinding | null>(null);

  const approve = (b: EmployerBinding) =>
    decide.mutateAsync({ id: b.id, kind: 'approve' }).then(
      () => void message.success(`已同意 ${b.applicantName} 的绑定申请`),
      (e: unknown) => onError(e),
    );

  const refuse = (b: EmployerBinding, reason: string, form: FormInstance<{ reason: string }>) =>
    decide.mutate(
      { id: b.id, kind: 'refuse', reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已拒绝 ${b.applicantName} 的绑定申请`);
          setRefusing(null);
        },
        onError: (e) => onError(e, form),
      },
    );

  const columns: ColumnsType<EmployerBinding> = [
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 100 },
    { title: '性别', dataIndex: 'sex', key: 'sex', width: 72, render: (v: string | null) => sexLabel(v) },
    { title: '身份证号', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 190 },
    { title: '手机', dataIndex: 'mobileMasked', key: 'mobileMasked', width: 130 },
    { title: '现从事专业', dataIndex: 'currentSpecialty', key: 'currentSpecialty', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '申请时间', dataIndex: 'requestedAt', key: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={2}>
          <StatusTag status={b.status} label={FILTERS.find((f) => f.value === b.status)?.label ?? b.statusLabel} />
          {b.reason && <Typography.Text type="secondary">原因：{b.reason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_: unknown, b) =>
        b.status === 'pending' ? (
          <Space>
            <Popconfirm
              title={`确定同意 ${b.applicantName} 绑定为本单位人员？`}
              okText="确定"
              cancelText="取消"
              onConfirm={() => void approve(b)}
            >
              <Button type="primary" size="small">
                同意
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setRefusing(b)}>
              拒绝
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageTitle>人员绑定审核</PageTitle>
      <Card>
        <Tabs
          activeKey={status}
          onChange={(k) => {
            setStatus(k as BindingStatus | 'all');
            setPage(1);
          }}
          items={FILTERS.map((f) => ({
            key: f.value,
            label: f.label,
            children:
              f.value === status ? (
                <PagedTable<EmployerBinding>
                  label="绑定申请列表"
                  columns={columns}
                  query={list}
                  page={page}
                  pageSize={PAGE_SIZE}
                  onPageChange={setPage}
                  minWidth={1000}
                  locale={{ emptyText: tableEmpty(status === 'pending' ? '暂无待确认的绑定申请' : '暂无记录') }}
                />
              ) : null,
          }))}
        />
      </Card>
      {refusing && (
        <ReasonModal
          title={`拒绝 ${refusing.applicantName} 的绑定申请`}
          label="拒绝原因"
          requiredMessage="请填写拒绝原因"
          minMessage="请填写拒绝原因，告诉申请人如何处理"
          placeholder="如：经核实，该人员非本单位在职人员"
          pending={decide.isPending}
          onCancel={() => setRefusing(null)}
          onSubmit={(reason, form) => refuse(refusing, reason, form)}
        />
      )}
    </>
  );
}
