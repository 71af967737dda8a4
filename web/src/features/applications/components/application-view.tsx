/**
 * An application as reviewers and the applicant read it: who, what, the photo and signature, the
 * statement, the achievements with their evidence, the attachments, the self-score, and the timeline.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, List, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { progressOf, QUALIFICATION_CHECKS, REVIEW_CHECKS } from '@zc/domain';
import { fileUrl } from '@shared/api-client';
import { FilePreviewModal, type StoredFile } from '@shared/components/file-view';
import { StatusTag } from '@shared/components/status-tag';
import { formatDateTime } from '@shared/format';
import type { PlanDocument } from '@shared/plans';
import { levelLabel, modeLabel } from '@shared/labels';
import type { Application } from '../api';
import { PublicityEndDate } from '@shared/components/publicity-end';
import { FeeCard } from '@shared/components/fee-card';

const cardTitle = (t: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {t}
  </Typography.Title>
);

export function specialtyName(plan: PlanDocument | undefined, code: string | null): string {
  return plan?.specialties.find((s) => s.code === code)?.name ?? code ?? '—';
}

export function scoringItems(plan: PlanDocument | undefined) {
  return plan?.scoring?.items ?? [];
}

/**
 * Where the application stands — the review chain fixed at submission, then the committee's stages (资格审查 →
 * 评前公示 → 专家评审, domain progressOf) — and every event, with who, when and the opinion.
 */
export function ApplicationTimeline({ app }: { app: Application }) {
  const progress = progressOf({
    status: app.status,
    currentStep: app.currentStep,
    steps: app.steps,
    employerName: app.employerName,
    history: app.events.map((e) => e.toStatus),
  });
  return (
    <Card title={cardTitle('办理进度')} style={{ marginBottom: 16 }}>
      {app.steps.length > 0 && (
        <Steps
          size="small"
          orientation="vertical"
          current={progress.current}
          status={progress.state}
          items={progress.titles.map((title, i) => ({
            title,
            ...(i === progress.current ? { content: `当前：${app.statusLabel}` } : {}),
          }))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Timeline
        items={app.events.map((e) => ({
          color: e.toStatus === 'rejected' ? 'red' : e.toStatus === 'returned' ? 'orange' : 'blue',
          children: (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {e.label} · {e.actorOrgName ?? '—'}
              </Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · 状态：{e.toStatusLabel}
              </Typography.Text>
              {e.objection ? (
                // 登记异议: the objection and how the employer handled it, who and when (issue 9 item 4)
                <>
                  <Typography.Text>异议：{e.objection.content}</Typography.Text>
                  <Typography.Text data-testid="objection-handling">
                    处理情况：
                    {e.objection.handling
                      ? `${e.objection.handling}（${e.actorOrgName ?? '单位'}，${formatDateTime(e.at)}）`
                      : `${e.actorOrgName ?? '单位'}尚未填写处理情况`}
                  </Typography.Text>
                </>
              ) : (
                e.opinion && <Typography.Text>意见：{e.opinion}</Typography.Text>
              )}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/**
 * What the reviewers recorded at each level: the checks (the committee office's are its qualification checks),
 * and who verified the copies against the originals.
 */
export function StepRecords({ app }: { app: Application }) {
  const acted = app.steps.filter((s) => s.actedAt);
  if (acted.length === 0) return null;
  return (
    <Card title={cardTitle('各级审查记录')} style={{ marginBottom: 16 }}>
      <List
        dataSource={acted}
        renderItem={(s) => {
          const office = s.kind === 'committeeOffice';
          const checks = (office ? (s.qualificationChecks ?? s.checks) : s.checks) ?? null;
          return (
            <List.Item>
              <Flex vertical gap={4}>
                <Typography.Text strong>{office ? `资格审查 · ${s.label}` : s.label}</Typography.Text>
                {s.opinion && <Typography.Text>意见：{s.opinion}</Typography.Text>}
                {checks && (
                  <Space wrap size={4}>
                    {(office ? QUALIFICATION_CHECKS : REVIEW_CHECKS).map((c) => (
                      <StatusTag
                        key={c.key}
                        tone={checks[c.key] ? 'success' : 'neutral'}
                        label={`${c.label}：${checks[c.key] ? '已核' : '未核'}`}
                      />
                    ))}
                  </Space>
                )}
                {s.originalsVerifiedBy && (
                  <Typography.Text type="secondary">
                    原件核验：{s.originalsVerifiedBy}，{formatDateTime(s.originalsVerifiedAt)}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** The submitted material. Reviewers read files through the application (`via`). */
interface EntryItem {
  id: string;
  kindLabel?: string;
  summary: string;
  evidence?: StoredFile[];
}

export function ApplicationMaterials({ app, plan, entries }: { app: Application; plan: PlanDocument | undefined; entries?: EntryItem[] }) {
  const [preview, setPreview] = useState<{ file: StoredFile; title: string } | null>(null);
  const fileOf = (id: string): StoredFile => ({
    fileId: id,
    name: app.files[id]?.name ?? '文件',
    mime: app.files[id]?.mime ?? 'application/pdf',
    application: app.id,
  });
  const d = app.draft;
  const list: EntryItem[] =
    entries ?? (d.submittedEntries ?? []).map((e) => ({ id: e.id, summary: e.summary, evidence: e.evidenceFileIds.map(fileOf) }));
  const chosen = list.filter((e) => (d.entryIds ?? []).includes(e.id) || !entries);
  const modeSpec = plan?.modes.find((m) => m.mode === app.mode);
  const items = scoringItems(plan);
  const open = (file: StoredFile, title: string) => setPreview({ file, title });

  return (
    <>
      <FeeCard applicationId={app.id} />
      <Card title={cardTitle('申报信息')} style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="flex-start">
          {app.photoFileId && (
            <img
              src={fileUrl(app.photoFileId, false, app.id)}
              alt={`${app.applicantName}的证件照`}
              style={{ width: 120, border: '1px solid #d9d9d9' }}
            />
          )}
          <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ flex: 1, minWidth: 260 }}>
            <Descriptions.Item label="申报人">{app.applicantName}</Descriptions.Item>
            <Descriptions.Item label="身份证号码">{app.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{app.employerName}</Descriptions.Item>
            <Descriptions.Item label="现从事专业">{app.currentSpecialty ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="评审计划">{app.planName}</Descriptions.Item>
            <Descriptions.Item label="申报级别">{app.level ? levelLabel(app.level) : '—'}</Descriptions.Item>
            <Descriptions.Item label="申报方式">{app.mode ? modeLabel(app.mode) : '—'}</Descriptions.Item>
            <Descriptions.Item label="申报专业">{specialtyName(plan, app.specialtyCode)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={app.status} label={app.statusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatDateTime(app.submittedAt)}</Descriptions.Item>
            {app.publicityEnd && (
              <Descriptions.Item label="单位公示期">
                {app.publicityStart} 至 <PublicityEndDate date={app.publicityEnd} provisional={app.publicityEndProvisional} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label="真实性保证书">
              {app.pledgeSignedAt ? (
                <Space>
                  已签名（{formatDateTime(app.pledgeSignedAt)}）
                  {app.pledgeSignatureFileId && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => open({ ...fileOf(app.pledgeSignatureFileId!), mime: 'image/png' }, '保证书手写签名')}
                    >
                      查看签名
                    </Button>
                  )}
                </Space>
              ) : (
                '未签名'
              )}
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      </Card>
      <Card title={cardTitle('本人述职')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {d.personalStatement || '（未填写）'}
        </Typography.Paragraph>
      </Card>
      <Card title={cardTitle('业绩成果')} style={{ marginBottom: 16 }}>
        {chosen.length === 0 ? (
          <Empty description="未选择业绩成果" />
        ) : (
          <List
            dataSource={chosen}
            renderItem={(e) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Space wrap>
                    {d.representativeWorkId === e.id && <StatusTag tone="pending" label="代表作" />}
                    {e.kindLabel && <Tag>{e.kindLabel}</Tag>}
                    <Typography.Text>{e.summary}</Typography.Text>
                  </Space>
                  {(e.evidence ?? []).length > 0 && (
                    <Space wrap size={4}>
                      佐证材料：
                      {e.evidence!.map((f) => (
                        <Button key={f.fileId} size="small" type="link" onClick={() => open(f, `${e.summary}：${f.name}`)}>
                          {f.name}
                        </Button>
                      ))}
                    </Space>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {(modeSpec?.attachments ?? []).length > 0 && (
        <Card title={cardTitle('附件材料')} style={{ marginBottom: 16 }}>
          <List
            dataSource={modeSpec!.attachments!}
            renderItem={(a) => {
              const id = d.attachments?.[a.key];
              return (
                <List.Item>
                  <Space wrap>
                    <Typography.Text>{a.name}</Typography.Text>
                    {id ? (
                      <Button size="small" type="link" onClick={() => open(fileOf(id), a.name)}>
                        查看
                      </Button>
                    ) : (
                      <StatusTag
                        tone={a.required === false ? 'neutral' : 'danger'}
                        label={a.required === false ? '未提供（选交）' : '缺少'}
                      />
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        </Card>
      )}
      {items.length > 0 && (d.selfScore ?? []).length > 0 && (
        <Card title={cardTitle('自评分')} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={items}
            columns={[
              { title: '评分项', dataIndex: 'name' },
              { title: '满分', dataIndex: 'maxPoints', width: 70 },
              { title: '自评', width: 70, render: (_, it) => d.selfScore?.find((s) => s.itemKey === it.key)?.points ?? 0 },
              { title: '佐证', render: (_, it) => `${d.selfScore?.find((s) => s.itemKey === it.key)?.evidenceIds.length ?? 0} 项` },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2}>{(d.selfScore ?? []).reduce((n, s) => n + s.points, 0)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
      {preview && <FilePreviewModal file={preview.file} title={preview.title} onClose={() => setPreview(null)} />}
    </>
  );
}
