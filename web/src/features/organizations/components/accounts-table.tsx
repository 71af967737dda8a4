import type { ColumnsType } from 'antd/es/table';
import { roleLabel } from '@zc/domain';
import { StatusTag } from '@shared/components/status-tag';
import type { Account } from '../api';
import { tableEmpty } from '@shared/components/table-empty';
import { ScrollTable } from '@shared/components/scroll-table';

const columns: ColumnsType<Account> = [
  { title: '姓名', dataIndex: 'realName', key: 'realName', width: 140 },
  { title: '登录账号', dataIndex: 'username', key: 'username', width: 140, render: (v: string | null) => v ?? '—' },
  { title: '角色', dataIndex: 'role', key: 'role', width: 160, render: (v: string) => roleLabel(v) },
  { title: '手机', dataIndex: 'mobile', key: 'mobile', width: 130, render: (v: string | null) => v ?? '—' },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 80,
    render: (v: string) => (v === 'active' ? <StatusTag tone="success" label="正常" /> : <StatusTag tone="neutral" label="停用" />),
  },
];

export function AccountsTable({
  accounts,
  loading,
  emptyText = '暂无账号',
}: {
  accounts: Account[];
  loading: boolean;
  emptyText?: string;
}) {
  return (
    <ScrollTable<Account>
      label="账号列表"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={accounts}
      loading={loading}
      pagination={false}
      minWidth={650}
      locale={{ emptyText: tableEmpty(emptyText) }}
    />
  );
}
