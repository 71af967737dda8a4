import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useHome, type PendingItem } from '../api';

/** The 待办事项 card of a portal's home page. */
export function PendingTasksCard() {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          待办事项
        </Typography.Title>
      }
    >
      <PendingCards />
    </Card>
  );
}

/** The home page's pending-work cards (GET /home): label, count, link. */
export function PendingCards() {
  const home = useHome();
  if (home.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const items = home.data?.pending ?? [];
  if (items.length === 0) return <Empty description="暂无待办事项" />;
  return (
    <Row gutter={[16, 16]}>
      {items.map((p) => (
        <Col key={p.key} xs={24} sm={12} lg={8}>
          <PendingCard item={p} to={p.link} />
        </Col>
      ))}
    </Row>
  );
}

function PendingCard({ item, to }: { item: PendingItem; to: string }) {
  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <Link to={to} style={{ display: 'block' }}>
        <Typography.Text style={{ display: 'block', color: 'inherit' }}>{item.label}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 28, color: 'inherit' }}>
          {item.count}
        </Typography.Text>
        <Typography.Text style={{ marginInlineStart: 4, color: 'inherit' }}>项 · 去办理 ›</Typography.Text>
      </Link>
    </Card>
  );
}
