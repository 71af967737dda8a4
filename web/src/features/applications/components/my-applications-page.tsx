/** /applicant/applications — my applications, and the open plans to start one (马上申报). */
import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { LinkButton } from '@shared/components/link-button';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { usePublishedPlans } from '@shared/plans';
import { levelLabel } from '@shared/labels';
import { useCreateApplication, useMyApplications } from '../api';

export function MyApplicationsPage() {
  const mine = useMyApplications();
  const plans = usePublishedPlans();
  const create = useCreateApplication();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const open = (plans.data ?? []).filter((p) => p.phase === 'open');
  const start = (planId: string) => create.mutateAsync(planId).then((r) => void navigate(`/applicant/applications/${r.id}`), onError);
  const title = (t: string) => (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {t}
    </Typography.Title>
  );
  return (
    <>
      <PageTitle>我的申报</PageTitle>
      <Flex vertical gap={16}>
        <Card title={title('申报记录')}>
          <List
            loading={mine.isLoading}
            locale={{ emptyText: <Empty description="还没有申报，可在下方选择正在受理的评审计划" /> }}
            dataSource={mine.data ?? []}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <LinkButton
                    key="open"
                    to={`/applicant/applications/${a.id}`}
                    type={a.status === 'draft' || a.status === 'returned' ? 'primary' : 'default'}
                  >
                    {a.status === 'draft' || a.status === 'returned' ? '继续填写' : '查看进度'}
                  </LinkButton>,
                ]}
              >
                <List.Item.Meta
                  title={a.planName}
                  description={
                    <Space wrap>
                      <StatusTag status={a.status} label={a.statusLabel} />
                      <span>{a.submittedAt ? `提交于 ${formatDateTime(a.submittedAt)}` : `更新于 ${formatDateTime(a.updatedAt)}`}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
        <Card title={title('正在受理的评审计划')}>
          <List
            loading={plans.isLoading}
            locale={{ emptyText: <Empty description="目前没有正在受理的评审计划" /> }}
            dataSource={open}
            renderItem={(p) => {
              const existing = mine.data?.find((a) => a.planId === p.id);
              return (
                <List.Item
                  actions={[
                    existing ? (
                      <LinkButton key="go" to={`/applicant/applications/${existing.id}`}>
                        已申报，查看
                      </LinkButton>
                    ) : (
                      <Button
                        key="go"
                        type="primary"
                        loading={create.isPending && create.variables === p.id}
                        onClick={() => void start(p.id)}
                      >
                        马上申报<span className="sr-only">{p.name}</span>
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={p.name}
                    description={
                      <Space wrap>
                        <Tag>{p.levels.map(levelLabel).join('、')}</Tag>
                        <span>{p.committeeName}</span>
                        <span>个人申报截止：{p.timeline.personalDeadline}</span>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      </Flex>
    </>
  );
}
