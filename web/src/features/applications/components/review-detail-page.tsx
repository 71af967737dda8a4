/**
 * One application for its reviewer (SPEC §6, §7): the material with every file, the chain and timeline, and
 * the actions the workflow table allows this user now — buttons, tones and forms from the table (act-dialog.tsx),
 * ways out confirmed once more. The employer also runs its publicity here (export, objections, forwarding after
 * it ends); departments record their checks and who verified the copies against the originals; the committee
 * office its qualification checks and the handling of pre-review objections.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, List, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { App } from 'antd';
import { actionView, type ActionView } from '@zc/domain';
import { apiUrl, ApiError } from '@shared/api-client';
import { PageTitle } from '@shared/components/page-title';
import { LinkButton } from '@shared/components/link-button';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { usePlan } from '@shared/plans';
import { useAct, useApplication, useApplicationObjections } from '../api';
import { ApplicationMaterials, ApplicationTimeline, scoringItems, StepRecords } from './application-view';
import { ActDialog, actInputOf, confirmIfDanger, type ActForm } from './act-dialog';
import { publicityEndText } from '@shared/components/publicity-end';

const OBJECTION_STATUS = { pending: '待处理', upheld: '异议成立', dismissed: '异议不成立' } as const;

export function ReviewDetailPage({ base }: { base: '/employer' | '/manage' }) {
  const { id = '' } = useParams();
  const q = useApplication(id);
  const app = q.data;
  const plan = usePlan(app?.planId ?? '');
  const act = useAct(id);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [doing, setDoing] = useState<ActionView | null>(null);
  const actions = app ? app.allowed.map((a) => actionView(app.status, a)) : [];
  // the pre-review objections, read only where an action handles them
  const objections = useApplicationObjections(
    id,
    actions.some((a) => a.input === 'objectionHandling'),
  );

  if (q.isError) return <Alert type="error" showIcon title="无法打开该申报" description="它可能不在您的管辖范围内，或已被撤回。" />;
  if (q.isLoading || !app) return <Skeleton active />;
  const items = scoringItems(plan.data?.plan);

  const run = (a: ActionView, v: ActForm) => {
    act.mutateAsync({ action: a.action, input: actInputOf(a, v) }).then(
      (r) => {
        setDoing(null);
        void message.success(`${a.label}：已完成`);
        if (r.warning) void message.warning(r.warning);
      },
      (e: unknown) => {
        // someone else acted first: say so and show the application as it is now
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          setDoing(null);
          void q.refetch();
        }
        onError(e);
      },
    );
  };
  return (
    <>
      <PageTitle extra={<LinkButton to={`${base}/applications`}>返回列表</LinkButton>}>
        {app.applicantName} · {app.planName}
      </PageTitle>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            办理
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        <Flex vertical gap={12}>
          {app.status === 'employerPublicity' && app.publicityEnd && (
            <Alert
              type="info"
              showIcon
              title={`单位公示期：${app.publicityStart} 至 ${publicityEndText(app.publicityEnd, app.publicityEndProvisional)}`}
              description={`公示不少于 ${plan.data?.plan.publicity.employerWorkingDays ?? ''} 个工作日（按国家法定节假日与调休计算），期满后方可报送主管部门。${
                app.publicityEndProvisional
                  ? `截止日所在年度的放假安排尚未录入，暂按周末和法定节假日计算；录入后自动重新计算，期满前也可按暂定日期报送，系统会记录。`
                  : ''
              }`}
            />
          )}
          {app.objections.length > 0 && (
            <List
              size="small"
              header="公示异议及处理"
              bordered
              dataSource={app.objections}
              renderItem={(o) => (
                <List.Item>
                  {formatDateTime(o.at)} · 异议：{o.content}；处理：{o.handling || '—'}
                </List.Item>
              )}
            />
          )}
          {(objections.data ?? []).length > 0 && (
            <List
              size="small"
              header="评前公示异议"
              bordered
              dataSource={objections.data}
              renderItem={(o) => (
                <List.Item>
                  <Space wrap size={4}>
                    <StatusTag status={o.status === 'pending' ? 'pending' : 'approved'} label={OBJECTION_STATUS[o.status]} />
                    {formatDateTime(o.lodgedAt)} · 异议：{o.content}
                    {o.handling ? `；处理：${o.handling}` : ''}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {app.allowed.length === 0 ? (
            <Typography.Text type="secondary">当前状态：{app.statusLabel}。您暂无需办理的操作。</Typography.Text>
          ) : (
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a.action}
                  type={a.tone === 'primary' ? 'primary' : 'default'}
                  danger={a.tone === 'danger'}
                  onClick={() => setDoing(a)}
                >
                  {a.label}
                </Button>
              ))}
              {base === '/employer' && app.publicityStart && (
                <Button href={apiUrl(`/applications/${app.id}/publicity.xlsx`)}>导出公示表（Excel）</Button>
              )}
            </Space>
          )}
          <Typography.Text type="secondary">
            截止时间：个人申报 {app.timeline.personalDeadline}；单位审核推荐 {app.timeline.employerDeadline}
            {app.timeline.departmentDeadline ? `；主管部门审核推荐 ${app.timeline.departmentDeadline}` : ''}（逾期不再受理）
          </Typography.Text>
        </Flex>
      </Card>
      <ApplicationTimeline app={app} />
      <StepRecords app={app} />
      <ApplicationMaterials app={app} plan={plan.data?.plan} />
      {doing && (
        <ActDialog
          action={doing}
          pending={act.isPending}
          scoringItems={items}
          objections={objections.data}
          onCancel={() => setDoing(null)}
          onFinish={(v) => confirmIfDanger(modal.confirm, doing, doing.label, () => run(doing, v))}
        />
      )}
    </>
  );
}
