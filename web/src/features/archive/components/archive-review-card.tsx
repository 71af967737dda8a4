import { Card, Flex, Skeleton, Typography } from 'antd';
import { LinkButton } from '@shared/components/link-button';
import { useReviewQueue } from '../api';

/**
 * The employer home's 档案审核 card. GET /home does not count archive entries yet, so the number comes
 * from the queue's total (one row fetched).
 */
export function ArchiveReviewCard() {
  const queue = useReviewQueue({ status: 'pending', page: 1, pageSize: 1 });
  const n = queue.data?.total;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          档案审核
        </Typography.Title>
      }
    >
      {queue.isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text>
            {n === undefined
              ? '本单位人员提交的个人业绩档案条目须由单位审核。'
              : n > 0
                ? `有 ${n} 条个人业绩档案条目等待本单位审核。`
                : '暂无待审核的个人业绩档案条目。'}
          </Typography.Text>
          <LinkButton to="/employer/archive" type={n ? 'primary' : 'default'}>
            去档案审核
          </LinkButton>
        </Flex>
      )}
    </Card>
  );
}
