import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ItemList } from '@shared/components/item-list';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useMarkNotificationsRead, useNotifications, type AppNotification } from '../api';

export function NotificationsPage() {
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const onError = useApiErrorHandler();
  const unread = (list.data ?? []).filter((n) => !n.read);

  const mark = (ids: string[] | 'all') => markRead.mutate(ids, { onError: (e) => onError(e) });

  return (
    <>
      <PageTitle
        extra={
          <Button onClick={() => mark('all')} disabled={unread.length === 0} loading={markRead.isPending && markRead.variables === 'all'}>
            全部标为已读
          </Button>
        }
      >
        消息通知
      </PageTitle>
      <Card>
        {list.isLoading ? (
          <Skeleton active />
        ) : list.isError ? (
          <Alert type="error" showIcon title="消息加载失败，请刷新页面重试" />
        ) : (list.data ?? []).length === 0 ? (
          <Empty description="暂无消息" />
        ) : (
          <ItemList<AppNotification>
            items={list.data ?? []}
            itemKey={(n) => n.id}
            render={(n) => (
              <Flex vertical gap={4}>
                <Space wrap size={8}>
                  <Typography.Text strong>{n.title}</Typography.Text>
                  {n.read ? <StatusTag tone="neutral" label="已读" /> : <StatusTag tone="info" label="未读" />}
                </Space>
                <Typography.Text>{n.body}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
              </Flex>
            )}
            extra={(n) => (
              <>
                {n.link && (
                  <Link to={n.link} onClick={() => !n.read && mark([n.id])}>
                    去查看
                  </Link>
                )}
                {!n.read && (
                  <Button type="link" size="small" onClick={() => mark([n.id])}>
                    标为已读
                  </Button>
                )}
              </>
            )}
          />
        )}
      </Card>
    </>
  );
}
