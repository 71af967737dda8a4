/**
 * /public/plans — 申报计划 open now, about to open or recently closed (a switch adds earlier rounds);
 * /public/plans/:id — one plan: dates with a countdown, fee, conditions in words, 我要申报.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Switch, Typography } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { LinkButton } from '@shared/components/link-button';
import { StatusTag } from '@shared/components/status-tag';
import { useSession } from '@shared/session';
import { usePublicPlan, usePublicPlans, type PublicPlan } from '../api';

const PHASE_TONE = { open: 'success', upcoming: 'info', closed: 'neutral' } as const;

function PhaseTag({ plan }: { plan: Pick<PublicPlan, 'phase' | 'phaseLabel'> }) {
  return <StatusTag tone={PHASE_TONE[plan.phase]} label={plan.phaseLabel} />;
}

export function PublicPlansPage() {
  const [q, setQ] = useState('');
  const [all, setAll] = useState(false);
  const plans = usePublicPlans({ q, all });
  return (
    <>
      <PageTitle>申报计划</PageTitle>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="按计划名称搜索"
          aria-label="搜索申报计划"
          onSearch={(v) => setQ(v.trim())}
          style={{ maxWidth: 320 }}
        />
        <Flex gap={8} align="center">
          <Switch checked={all} onChange={setAll} aria-label="显示往年计划" />
          <span aria-hidden>显示往年计划</span>
        </Flex>
      </Flex>
      {plans.isLoading ? (
        <Skeleton active />
      ) : (plans.data ?? []).length === 0 ? (
        <Card>
          <Empty description={all || q ? '没有符合条件的评审计划' : '目前没有正在受理的评审计划，可打开“显示往年计划”查看往年通知'} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(plans.data ?? []).map((p) => (
            <Col xs={24} key={p.id}>
              <Card
                title={
                  <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
                    <Link to={`/public/plans/${p.id}`}>{p.name}</Link>
                  </Typography.Title>
                }
                extra={<PhaseTag plan={p} />}
              >
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {p.committeeName}（办公室：{p.officeName}）
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  级别：{p.levels.join('、')} · 专业：{p.specialties.join('、')}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  受理时间：{p.openDate} 至 {p.personalDeadline} · <strong>{p.countdown}</strong>
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {p.fee}
                </Typography.Paragraph>
                <LinkButton to={`/public/plans/${p.id}`}>查看申报条件</LinkButton>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

/** 我要申报: an applicant goes to the plan's wizard; a visitor signs in first and comes back to it. */
function ApplyButton({ plan }: { plan: PublicPlan }) {
  const session = useSession();
  const navigate = useNavigate();
  const user = session.data?.user;
  const applyPath = `/public/plans/${plan.id}/apply`;
  if (plan.phase !== 'open')
    return (
      <Button disabled aria-describedby="apply-hint">
        我要申报
      </Button>
    );
  if (user && user.role !== 'applicant')
    return (
      <Flex vertical gap={4}>
        <Button disabled>我要申报</Button>
        <Typography.Text type="secondary">请使用申报人账号登录后申报</Typography.Text>
      </Flex>
    );
  return (
    <Button type="primary" size="large" onClick={() => void navigate(user ? applyPath : `/login?next=${encodeURIComponent(applyPath)}`)}>
      我要申报
    </Button>
  );
}

export function PublicPlanPage() {
  const { id = '' } = useParams();
  const plan = usePublicPlan(id);
  if (plan.isLoading) return <Skeleton active />;
  if (plan.isError || !plan.data)
    return (
      <Alert
        type="warning"
        showIcon
        title={plan.error?.message ?? '未找到该评审计划'}
        action={<LinkButton to="/public/plans">返回申报计划</LinkButton>}
      />
    );
  const p = plan.data;
  return (
    <>
      <PageTitle extra={<PhaseTag plan={p} />}>{p.name}</PageTitle>
      <Flex vertical gap={16}>
        <Card>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {p.countdown}
            </Typography.Text>
            <ApplyButton plan={p} />
          </Flex>
          {p.phase !== 'open' && (
            <Typography.Paragraph id="apply-hint" type="secondary" style={{ margin: '8px 0 0' }}>
              {p.phase === 'upcoming' ? `本计划 ${p.openDate} 起受理，届时可在此申报` : '本计划个人申报已截止'}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={<CardHeading>基本信息</CardHeading>}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="评委会">
              {p.committeeName}（{p.committeeKind}）
            </Descriptions.Item>
            <Descriptions.Item label="评委会办公室">{p.officeName}</Descriptions.Item>
            <Descriptions.Item label="通知">{p.sourceTitle}</Descriptions.Item>
            <Descriptions.Item label="发文">{[p.issuer, p.documentNumber, p.documentDate].filter(Boolean).join(' · ')}</Descriptions.Item>
            <Descriptions.Item label="评审级别">{p.levels.join('、')}</Descriptions.Item>
            <Descriptions.Item label="评审费">{p.fee}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<CardHeading>时间安排</CardHeading>}>
          <Descriptions column={1} size="small">
            {p.timeline.map((t) => (
              <Descriptions.Item key={t.label} label={t.label}>
                {t.date}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="年限计算截止">{p.cutoffDate}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<CardHeading>申报条件</CardHeading>}>
          {p.sections
            .filter((s) => s.key !== 'modes')
            .map((s) => (
              <section key={s.key} style={{ marginBottom: 16 }}>
                <Typography.Title level={3} style={{ fontSize: 15 }}>
                  {s.title}
                </Typography.Title>
                <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                  {s.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </section>
            ))}
        </Card>
        <Card title={<CardHeading>申报方式与材料</CardHeading>}>
          {p.modes.map((m) => (
            <section key={m.label} style={{ marginBottom: 16 }}>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {m.label}
              </Typography.Title>
              {m.lines.map((l) => (
                <Typography.Paragraph key={l} style={{ marginBottom: 4 }}>
                  {l}
                </Typography.Paragraph>
              ))}
              {m.requiredAttachments.length > 0 && (
                <Typography.Paragraph style={{ marginBottom: 4 }}>须上传：{m.requiredAttachments.join('；')}</Typography.Paragraph>
              )}
              {m.optionalAttachments.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  如有请上传：{m.optionalAttachments.join('；')}
                </Typography.Paragraph>
              )}
            </section>
          ))}
        </Card>
        <div>
          <LinkButton to="/public/plans">返回申报计划</LinkButton>
        </div>
      </Flex>
    </>
  );
}

function CardHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}
