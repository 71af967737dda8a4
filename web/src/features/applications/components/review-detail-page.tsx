/**
 * One application for its reviewer (SPEC §6): the material with every file, the chain and timeline, and
 * the actions the workflow table allows this user now. The employer also runs the publicity here
 * (export, objections, forwarding after it ends); departments record their checks and who verified
 * the copies against the originals.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, List, Select, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { App } from 'antd';
import { REVIEW_CHECKS } from '@zc/domain';
import { apiUrl, ApiError } from '@shared/api-client';
import { PageTitle } from '@shared/components/page-title';
import { FormModal } from '@shared/components/form-modal';
import { LinkButton } from '@shared/components/link-button';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { usePlan } from '@shared/plans';
import { useAct, useApplication, type ActInput, type Application } from '../api';
import { ApplicationMaterials, ApplicationTimeline, scoringItems, StepRecords } from './application-view';
import { publicityEndText } from '@shared/components/publicity-end';

type Allowed = Application['allowed'][number];
interface ActForm {
  opinion?: string;
  checks?: string[];
  originalsVerifiedBy?: string;
  overestimated?: string[];
  content?: string;
  handling?: string;
}

const PRIMARY = new Set(['employerApprove', 'employerForward', 'stepApprove', 'stepForward']);

export function ReviewDetailPage({ base }: { base: '/employer' | '/manage' }) {
  const { id = '' } = useParams();
  const q = useApplication(id);
  const app = q.data;
  const plan = usePlan(app?.planId ?? '');
  const act = useAct(id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [doing, setDoing] = useState<Allowed | null>(null);

  if (q.isError) return <Alert type="error" showIcon title="无法打开该申报" description="它可能不在您的管辖范围内，或已被撤回。" />;
  if (q.isLoading || !app) return <Skeleton active />;
  const items = scoringItems(plan.data?.plan);

  const run = (a: Allowed, v: ActForm) => {
    const input: ActInput = {};
    if (a.action === 'recordObjection') input.objection = { content: v.content ?? '', handling: v.handling ?? '' };
    else if (a.needsReason)
      input.reason = [v.overestimated?.length ? `自评分严重高估：${v.overestimated.join('、')}` : '', v.opinion ?? '']
        .filter(Boolean)
        .join('。');
    else input.opinion = v.opinion;
    if (a.action === 'stepApprove') {
      input.checks = Object.fromEntries(REVIEW_CHECKS.map((c) => [c.key, (v.checks ?? []).includes(c.key)]));
      if (v.originalsVerifiedBy?.trim()) input.originalsVerifiedBy = v.originalsVerifiedBy.trim();
    }
    act.mutateAsync({ action: a.action, input }).then(
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
          {app.allowed.length === 0 ? (
            <Typography.Text type="secondary">当前状态：{app.statusLabel}。您暂无需办理的操作。</Typography.Text>
          ) : (
            <Space wrap>
              {app.allowed.map((a) => (
                <Button
                  key={a.action}
                  type={PRIMARY.has(a.action) ? 'primary' : 'default'}
                  danger={a.needsReason && a.action !== 'recordObjection'}
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
        <FormModal<ActForm>
          title={doing.label}
          danger={doing.needsReason && doing.action !== 'recordObjection'}
          pending={act.isPending}
          onCancel={() => setDoing(null)}
          onFinish={(v) => run(doing, v)}
          intro={
            doing.action === 'employerApprove'
              ? '通过后即开始单位公示，系统按工作日计算公示截止日期。'
              : doing.action === 'stepReturn' || doing.action === 'employerReturn'
                ? '退回后申报人修改再提交，材料将按原路线逐级重新审核；下一级也会收到通知。'
                : undefined
          }
        >
          {doing.action === 'recordObjection' ? (
            <>
              <Form.Item name="content" label="异议内容" rules={[{ required: true, min: 2, message: '请填写异议内容' }]}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
              <Form.Item name="handling" label="处理情况">
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <>
              {doing.action === 'stepApprove' && (
                <>
                  <Form.Item name="checks" label="已审查事项" initialValue={REVIEW_CHECKS.map((c) => c.key)}>
                    <Checkbox.Group options={REVIEW_CHECKS.map((c) => ({ value: c.key, label: c.label }))} />
                  </Form.Item>
                  <Form.Item name="originalsVerifiedBy" label="原件核验人" extra="核对复印件与原件一致的经办人姓名；系统记录核验时间">
                    <Input maxLength={30} />
                  </Form.Item>
                </>
              )}
              {doing.action === 'stepReturn' && items.length > 0 && (
                <Form.Item name="overestimated" label="自评分严重高估的项目" htmlFor="act-overestimated">
                  <Select
                    id="act-overestimated"
                    mode="multiple"
                    allowClear
                    placeholder="如有，请选择"
                    options={items.map((i) => ({ value: i.name, label: i.name }))}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="opinion"
                label={doing.needsReason ? '原因' : '意见'}
                rules={doing.needsReason ? [{ required: true, min: 2, message: '请填写原因（至少 2 个字），告诉申报人如何修改' }] : []}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  placeholder={doing.needsReason ? '写明需要修改或不通过的原因' : '如：经审核，情况属实，同意推荐'}
                />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </>
  );
}
