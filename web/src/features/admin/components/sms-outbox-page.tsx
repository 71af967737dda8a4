import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { formatDateTime } from '@shared/format';
import { useSmsOutbox, type SmsMessage } from '../api';
import { tableEmpty } from '@shared/components/table-empty';
import { PagedTable } from '@shared/components/paged-table';

const PAGE_SIZE = 20;
const columns: ColumnsType<SmsMessage> = [
  { title: '生成时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  { title: '手机号码', dataIndex: 'mobileMasked', key: 'mobileMasked', width: 130 },
  // the template's name in words from the server (domain SMS_TEMPLATE_LABELS), never its key
  { title: '类型', dataIndex: 'templateLabel', key: 'template', width: 150 },
  { title: '短信内容', dataIndex: 'body', key: 'body', width: 360 },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (v: string, m) => <StatusTag status={v} label={m.statusLabel} />,
  },
  { title: '尝试次数', dataIndex: 'attempts', key: 'attempts', width: 90 },
  { title: '发送时间', dataIndex: 'sentAt', key: 'sentAt', width: 150, render: (v: string | null) => formatDateTime(v) },
  { title: '失败原因', dataIndex: 'lastError', key: 'lastError', width: 200, render: (v: string | null) => v ?? '—' },
];

export function SmsOutboxPage() {
  const [page, setPage] = useState(1);
  const list = useSmsOutbox(page, PAGE_SIZE);
  return (
    <>
      <PageTitle extra={<Button onClick={() => void list.refetch()}>刷新</Button>}>短信发件箱</PageTitle>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="演示短信网关：平台发出的短信记录于此，由省级管理员查看。" />
      <Card>
        <PagedTable<SmsMessage>
          label="短信列表"
          columns={columns}
          query={list}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          minWidth={1330}
          locale={{ emptyText: tableEmpty('暂无短信') }}
        />
      </Card>
    </>
  );
}
