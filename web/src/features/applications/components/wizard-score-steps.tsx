/** The wizard's 自评分 and 资格检查 steps (SPEC §4). */
import { useMemo } from 'react';
import { Alert, Button, Flex, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { applicationFacts, evaluate, factsFromEntries, planSelfScore, type ApplicationMode, type SelfScoreLine } from '@zc/domain';
import { StatusTag } from '@shared/components/status-tag';
import type { PlanDocument } from '@shared/plans';
import { useLiveEligibility } from '../api';
import { scoringItems } from './application-view';
import type { StepProps } from './wizard-steps';

const modeSpecOf = (plan: PlanDocument, mode: string | null) => plan.modes.find((m) => m.mode === mode);

/** The one self-score count of the domain (planSelfScore), on the approved archive and this draft. */
function useSelfScore({ plan, draft, entries }: Pick<StepProps, 'plan' | 'draft' | 'entries'>) {
  return useMemo(
    () =>
      planSelfScore(plan, { ...factsFromEntries(entries.filter((e) => e.status === 'approved')), application: applicationFacts(draft) }),
    [plan, draft, entries],
  );
}

/** Per item: what was typed, what counts and why not (the same lines the 资格检查 step shows). */
function ShortfallList({ lines }: { lines: SelfScoreLine[] }) {
  const short = lines.filter((l) => l.reason);
  if (short.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="以下项目不计分或少计分"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="self-score-shortfalls">
          {short.map((l) => (
            <li key={l.itemKey}>
              {l.name}：填报 {l.claimed} 分，计 {l.counted} 分——{l.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 6. 自评分: each item with its points and the achievements that prove them ("无证明材料的不予评分"). */
export function SelfScoreStep({ plan, draft, meta, setDraft, entries }: StepProps) {
  const items = scoringItems(plan);
  const spec = modeSpecOf(plan, meta.mode);
  const score = useSelfScore({ plan, draft, entries });
  if (items.length === 0) return <Alert type="info" showIcon title="本计划没有自评分表，可直接下一步" />;
  const chosen = entries.filter((e) => (draft.entryIds ?? []).includes(e.id) && e.kind === 'achievement');
  const rows = draft.selfScore ?? [];
  const rowOf = (key: string) => rows.find((r) => r.itemKey === key) ?? { itemKey: key, points: 0, evidenceIds: [] };
  const setRow = (key: string, patch: Partial<{ points: number; evidenceIds: string[] }>) =>
    setDraft({ selfScore: [...rows.filter((r) => r.itemKey !== key), { ...rowOf(key), ...patch }] });
  const lineOf = (key: string) => score.lines.find((l) => l.itemKey === key);
  const differs = score.claimed + score.bonus !== score.total;
  return (
    <Flex vertical gap={12}>
      <Typography.Text data-testid="self-score-total">
        计分合计 <Typography.Text strong>{score.total}</Typography.Text> 分{score.bonus > 0 ? `（含山区 26 县加分 ${score.bonus} 分）` : ''}
        {differs
          ? `；填报合计 ${score.claimed} 分，其中 ${Math.round((score.claimed + score.bonus - score.total) * 10) / 10} 分不计，原因见下`
          : ''}
        {spec?.selfScoreThreshold !== undefined ? `；“${spec.label}”须达到 ${spec.selfScoreThreshold} 分` : ''}
        。无证明材料的项目不予评分；资格检查使用同一合计。
      </Typography.Text>
      <ShortfallList lines={score.lines} />
      <div role="region" aria-label="自评分表" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={items}
          style={{ minWidth: 560 }}
          columns={[
            { title: '评分项', dataIndex: 'name' },
            { title: '满分', dataIndex: 'maxPoints', width: 60 },
            {
              title: '自评分',
              width: 110,
              render: (_, it) => (
                <InputNumber
                  aria-label={`${it.name}自评分`}
                  min={0}
                  max={it.maxPoints}
                  value={rowOf(it.key).points}
                  onChange={(v) => setRow(it.key, { points: Math.min(v ?? 0, it.maxPoints) })}
                />
              ),
            },
            {
              title: '计分',
              width: 60,
              render: (_, it) => lineOf(it.key)?.counted ?? 0,
            },
            {
              title: '佐证（所选业绩）',
              render: (_, it) => (
                <Select
                  mode="multiple"
                  aria-label={`${it.name}佐证`}
                  style={{ minWidth: 200, width: '100%' }}
                  placeholder="选择证明该项的业绩"
                  value={rowOf(it.key).evidenceIds}
                  onChange={(v: string[]) => setRow(it.key, { evidenceIds: v })}
                  options={chosen.map((e) => ({ value: e.id, label: e.summary }))}
                />
              ),
            },
          ]}
        />
      </div>
    </Flex>
  );
}

const STATUS_TAG = {
  pass: { tone: 'success', label: '符合' },
  fail: { tone: 'danger', label: '不符合' },
  needsReview: { tone: 'pending', label: '待人工审核' },
} as const;

/**
 * 7. 资格检查: every rule of the plan on the approved archive and this draft, evaluated here in the
 * browser by the same domain function the server runs at submission (so it follows each change at
 * once); 服务器复核 asks the server, which decides.
 */
export function EligibilityStep({ app, plan, draft, meta, entries }: StepProps) {
  const ready = !!meta.level && !!meta.mode;
  const server = useLiveEligibility(app.id, false);
  const score = useSelfScore({ plan, draft, entries });
  const live = useMemo(() => {
    if (!meta.level || !meta.mode) return null;
    const approved = entries.filter((e) => e.status === 'approved');
    return evaluate(plan, meta.mode as ApplicationMode, meta.level, {
      ...factsFromEntries(approved),
      application: applicationFacts(draft),
    });
  }, [plan, meta.level, meta.mode, entries, draft]);
  if (!ready || !live) return <Alert type="warning" showIcon title="请先选择申报级别和申报方式" />;
  const r = live;
  const agrees = server.data ? server.data.eligible === r.eligible : null;
  return (
    <Flex vertical gap={12}>
      <Alert
        type={r.eligible ? 'success' : 'error'}
        showIcon
        title={r.eligible ? '按已审核的档案和本次填写的内容，符合申报条件' : '暂不符合申报条件，提交时将被拒绝'}
        description={r.interviewRequired ? `须参加面试答辩：${r.interviewReasons.join('、')}` : undefined}
      />
      <List
        bordered
        dataSource={r.results}
        renderItem={(x) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space wrap>
                <StatusTag tone={STATUS_TAG[x.status].tone} label={STATUS_TAG[x.status].label} />
                <Typography.Text strong>{x.title}</Typography.Text>
              </Space>
              <Typography.Text>{x.explanation}</Typography.Text>
              {x.rule === 'selfScore' && <ShortfallList lines={score.lines} />}
            </Flex>
          </List.Item>
        )}
      />
      <Flex gap={8} align="center" wrap>
        <Button onClick={() => void server.refetch()} loading={server.isFetching}>
          服务器复核
        </Button>
        <Typography.Text type="secondary">
          {agrees === null
            ? '以上结果在本机按计划规则实时计算；提交时服务器按同一规则复核（以服务器为准）。'
            : agrees
              ? '服务器复核结果一致。'
              : '服务器复核结果与本机不同（可能档案刚有变化），请刷新页面后再检查。'}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
