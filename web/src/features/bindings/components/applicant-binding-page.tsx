import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ItemList } from '@shared/components/item-list';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useCurrentUser } from '@shared/session';
import { useCancelBinding, useEmployerSearch, useMyBindings, useRequestBinding, type MyBinding } from '../api';
import { tableEmpty } from '@shared/components/table-empty';
import { ScrollTable } from '@shared/components/scroll-table';

export function ApplicantBindingPage() {
  const user = useCurrentUser();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const search = useEmployerSearch(keyword);
  const mine = useMyBindings();
  const request = useRequestBinding();
  const cancel = useCancelBinding();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const bindings = mine.data ?? [];
  const bound = bindings.find((b) => b.status === 'approved');
  const pending = bindings.find((b) => b.status === 'pending');
  const canRequest = user.profileCompleted && !bound && !pending;

  const doSearch = (value: string) => {
    const kw = value.trim();
    if ([...kw].length < 2) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setKeyword(kw);
  };

  const columns: ColumnsType<MyBinding> = [
    { title: '单位名称', dataIndex: 'employerName', key: 'employerName', width: 240 },
    { title: '所在地区', dataIndex: 'regionName', key: 'regionName', width: 110 },
    { title: '申请时间', dataIndex: 'requestedAt', key: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (_: unknown, b) => <StatusTag status={b.status} label={b.statusLabel} />,
    },
    { title: '原因', dataIndex: 'reason', key: 'reason', width: 200, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, b) =>
        b.status === 'pending' ? (
          <Popconfirm
            title="确定撤销该绑定申请？"
            okText="确定"
            cancelText="取消"
            onConfirm={() =>
              void cancel.mutateAsync(b.id).then(
                () => void message.success('已撤销绑定申请'),
                (e: unknown) => onError(e),
              )
            }
          >
            <Button size="small">撤销</Button>
          </Popconfirm>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageTitle>单位绑定</PageTitle>
      <Flex vertical gap={16}>
        {!user.profileCompleted && (
          <Alert
            type="warning"
            showIcon
            title="请先完善个人基本信息，再申请绑定单位。"
            action={<Link to="/applicant/profile">去完善</Link>}
          />
        )}
        {bound && (
          <Alert
            type="success"
            showIcon
            title={`您已绑定工作单位：${bound.employerName}`}
            description="如工作单位变更，请先由原单位解除绑定。"
          />
        )}
        {pending && <Alert type="info" showIcon title={`您申请绑定“${pending.employerName}”，等待单位确认。`} />}

        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              查找工作单位
            </Typography.Title>
          }
        >
          <label htmlFor="employer-keyword" style={{ display: 'block', marginBottom: 8 }}>
            单位名称或统一社会信用代码
          </label>
          <Input.Search
            id="employer-keyword"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onSearch={doSearch}
            enterButton="搜索"
            placeholder="请输入至少 2 个字"
            allowClear
            maxLength={60}
            loading={search.isFetching}
            status={tooShort ? 'error' : undefined}
            aria-describedby={tooShort ? 'employer-keyword-error' : undefined}
          />
          {tooShort && (
            <Typography.Text type="danger" id="employer-keyword-error" role="alert" style={{ display: 'block', marginTop: 4 }}>
              请至少输入 2 个字
            </Typography.Text>
          )}
          {keyword && !search.isLoading && (
            <div style={{ marginTop: 16 }}>
              <ItemList
                items={search.data ?? []}
                itemKey={(e) => e.id}
                empty={<Empty description="未找到已通过注册审核的单位，请核对单位全称" />}
                render={(e) => (
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{e.name}</Typography.Text>
                    <Typography.Text type="secondary">{e.regionName}</Typography.Text>
                  </Flex>
                )}
                extra={(e) =>
                  // once a request is pending the confirmation is gone from the page at once (not left fading out,
                  // where it would be read — and photographed — half-transparent)
                  canRequest ? (
                    <Popconfirm
                      title={`确定申请绑定到“${e.name}”？`}
                      description="提交后由单位经办人确认。"
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() =>
                        void request.mutateAsync(e.id).then(
                          () => void message.success('绑定申请已提交，请等待单位确认'),
                          (err: unknown) => onError(err),
                        )
                      }
                    >
                      <Button type="primary" size="small">
                        申请绑定
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="primary" size="small" disabled>
                      申请绑定
                    </Button>
                  )
                }
              />
            </div>
          )}
        </Card>

        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              我的绑定申请
            </Typography.Title>
          }
        >
          <ScrollTable<MyBinding>
            label="我的绑定申请列表"
            rowKey="id"
            columns={columns}
            dataSource={bindings}
            loading={mine.isLoading}
            pagination={false}
            minWidth={900}
            size="middle"
            locale={{ emptyText: tableEmpty('暂无绑定申请') }}
          />
        </Card>
      </Flex>
    </>
  );
}
