/** /public/notices — 通知公告 with search and pages; /public/notices/:id — one notice with its document date and 文号. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Card, Empty, Flex, Input, Pagination, Skeleton, Typography } from 'antd';
import { ItemList } from '@shared/components/item-list';
import { LinkButton } from '@shared/components/link-button';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { formatDate } from '@shared/format';
import { useNotice, useNotices, type Notice } from '../api';

/** the date a notice is dated: its document's, else the day it was entered */
export const noticeDate = (n: Notice) => n.documentDate ?? formatDate(n.publishedAt);

/** One notice in a list: title (a link), publisher, 文号 and the document date. */
export function NoticeRow({ n }: { n: Notice }) {
  return (
    <Flex vertical gap={2}>
      <Link to={`/public/notices/${n.id}`} style={{ fontSize: 15 }}>
        {n.title}
      </Link>
      <Typography.Text type="secondary">
        {n.publisher}
        {n.documentNumber ? ` · ${n.documentNumber}` : ''}
      </Typography.Text>
    </Flex>
  );
}

const PAGE_SIZE = 10;

export function NoticeListPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const notices = useNotices({ q, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>通知公告</PageTitle>
      <Card>
        <Input.Search
          allowClear
          placeholder="按标题或发文单位搜索"
          aria-label="搜索通知公告"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 360, marginBottom: 12 }}
        />
        {notices.isLoading ? (
          <Skeleton active />
        ) : (
          <ItemList<Notice>
            items={notices.data?.items ?? []}
            itemKey={(n) => n.id}
            render={(n) => <NoticeRow n={n} />}
            extra={(n) => <Typography.Text type="secondary">{noticeDate(n)}</Typography.Text>}
            empty={<Empty description={q ? '没有找到相关通知，请换个关键词' : '暂无通知公告'} />}
          />
        )}
        {(notices.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={notices.data?.total ?? 0}
            onChange={setPage}
            showSizeChanger={false}
            showTotal={(t) => `共 ${t} 条`}
          />
        )}
      </Card>
    </>
  );
}

export function NoticePage() {
  const { id = '' } = useParams();
  const notice = useNotice(id);
  if (notice.isLoading) return <Skeleton active />;
  if (notice.isError || !notice.data)
    return (
      <Alert
        type="warning"
        showIcon
        title={notice.error?.message ?? '未找到该通知公告'}
        action={<LinkButton to="/public/notices">返回通知列表</LinkButton>}
      />
    );
  const n = notice.data;
  return (
    <>
      <PageTitle>{n.title}</PageTitle>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">发文单位：{n.publisher}</Typography.Text>
          {n.documentNumber && <Typography.Text type="secondary">文号：{n.documentNumber}</Typography.Text>}
          <Typography.Text type="secondary">发文日期：{noticeDate(n)}</Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{n.body}</Typography.Paragraph>
        {n.plans.length > 0 && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              本通知对应的申报计划
            </Typography.Title>
            <Flex vertical gap={8}>
              {n.plans.map((p) => (
                <Flex key={p.id} gap={8} align="center" wrap>
                  <Link to={`/public/plans/${p.id}`}>{p.name}</Link>
                  <StatusTag tone="neutral" label={p.phaseLabel} />
                </Flex>
              ))}
            </Flex>
          </>
        )}
        <div style={{ marginTop: 16 }}>
          <LinkButton to="/public/notices">返回通知列表</LinkButton>
        </div>
      </Card>
    </>
  );
}
