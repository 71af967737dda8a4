/** 申报人: published plans ("马上申报" comes with the wizard), and the eligibility check per plan and mode. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Typography } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { usePlan, usePublishedPlans, useEligibility, type PlanSummary } from '../api';
import { levelLabel, modeLabel } from './labels';

const STATUS_TONE = {
  pass: { status: 'approved', label: '符合' },
  fail: { status: 'refused', label: '不符合' },
  needsReview: { status: 'pending', label: '待审查' },
} as const;

function EligibilityPanel({ plan }: { plan: PlanSummary }) {
  const detail = usePlan(plan.id);
  const check = useEligibility(plan.id);
  const onError = useApiErrorHandler();
  const modes = detail.data?.plan.modes ?? [];
  const [mode, setMode] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>(plan.levels.length === 1 ? plan.levels[0] : undefined);
  const r = check.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="选择申报级别"
          placeholder="申报级别"
          style={{ width: 160 }}
          value={level}
          onChange={setLevel}
          options={plan.levels.map((l) => ({ value: l, label: levelLabel(l) }))}
        />
        <Select
          aria-label="选择申报方式"
          placeholder="申报方式"
          style={{ width: 200 }}
          value={mode}
          onChange={setMode}
          options={modes.map((m) => ({ value: m.mode, label: modeLabel(m.mode) }))}
        />
        <Button
          disabled={!mode || !level}
          loading={check.isPending}
          onClick={() => void check.mutateAsync({ mode: mode!, level: level! }).catch(onError)}
        >
          资格检查
        </Button>
      </Space>
      {r && (
        <>
          <Alert
            type={r.eligible ? 'success' : 'warning'}
            showIcon
            title={r.eligible ? '按已审核的档案，符合本计划的申报条件' : '按已审核的档案，暂不符合下列条件'}
            description={r.interviewRequired ? `须参加面试答辩：${r.interviewReasons.join('、')}` : undefined}
          />
          <List
            size="small"
            dataSource={r.results}
            renderItem={(x) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Space>
                    <StatusTag status={STATUS_TONE[x.status].status} label={STATUS_TONE[x.status].label} />
                    <strong>{x.title}</strong>
                  </Space>
                  <Typography.Text>{x.explanation}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  );
}

export function OpenPlansPage() {
  const plans = usePublishedPlans();
  const [checking, setChecking] = useState<string | null>(null);
  return (
    <>
      <PageTitle>评审计划</PageTitle>
      {plans.data?.length === 0 && <Empty description="暂无发布的评审计划" />}
      <Row gutter={[16, 16]}>
        {(plans.data ?? []).map((p) => (
          <Col xs={24} key={p.id}>
            <Card
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
                  {p.name}
                </Typography.Title>
              }
              extra={<StatusTag status={p.phase === 'open' ? 'approved' : 'draft'} label={p.phaseLabel} />}
            >
              <Typography.Paragraph>
                {p.committeeName}（{p.officeName}） · 级别：{p.levels.map(levelLabel).join('、')} · 个人申报截止：
                {p.timeline.personalDeadline}
              </Typography.Paragraph>
              <Typography.Paragraph>专业：{p.specialties.map((s) => s.name).join('、')}</Typography.Paragraph>
              {checking === p.id ? <EligibilityPanel plan={p} /> : <Button onClick={() => setChecking(p.id)}>查看资格条件</Button>}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
