/** The wizard's steps (SPEC §4). Each step edits part of the draft; the page saves every change as it happens. */
import { useEffect, useEffectEvent, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, List, Radio, Select, Space, Typography, Upload } from 'antd';
import { IdcardOutlined, UploadOutlined } from '@ant-design/icons';
import { describePhotoSpec, type Plan } from '@zc/domain';
import { fileUrl } from '@shared/api-client';
import { PhotoFrame } from '@shared/components/photo-frame';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { useMe } from '@shared/me';
import { App } from 'antd';
import type { PlanDocument } from '@shared/plans';
import { levelLabel, modeLabel } from '@shared/labels';
import type { ArchiveEntry } from '@shared/archive-entries';
import { checkEvidenceFile, EVIDENCE_ACCEPT, sendResumable } from '@shared/upload';
import { missingInfo, type InfoField } from './info-check';
import { useArchivePhoto, useUploadPhoto, type Application, type Draft, type PhotoResult } from '../api';

export interface StepProps {
  app: Application;
  plan: PlanDocument;
  draft: Draft;
  meta: { level: string | null; mode: string | null; specialtyCode: string | null };
  /** a patch, or a patch made from the latest draft (an upload that ends after another must not undo it) */
  setDraft: (patch: Partial<Draft> | ((latest: Draft) => Partial<Draft>)) => void;
  setMeta: (patch: Partial<StepProps['meta']>) => void;
  entries: ArchiveEntry[];
  /** the page's autosave: save now (a field was left), wait for an upload before leaving, a photo stored by its own request */
  autosave?: { saveNow(): void; track<R>(upload: Promise<R>): Promise<R>; markSaved(): void };
  /** set (a new number each time) when 下一步 found choices missing on 申报信息 */
  infoCheck?: number;
}

const modeSpecOf = (plan: PlanDocument, mode: string | null) => plan.modes.find((m) => m.mode === mode);

/**
 * 1. 证件照: checked against the plan's spec; a too-large photo can be fitted by the server. The photo
 * kept in the personal archive (基本信息) can be used instead of choosing a file, with the same checks.
 */
export function PhotoStep({ app, plan, autosave }: StepProps) {
  const upload = useUploadPhoto(app.id);
  const fromArchive = useArchivePhoto(app.id);
  const me = useMe();
  const onError = useApiErrorHandler();
  const [result, setResult] = useState<PhotoResult | null>(null);
  /** what the last check was about: a chosen file, or the archive photo (the fit offer repeats it) */
  const [source, setSource] = useState<File | 'archive' | null>(null);
  const spec = plan.photo;
  const busy = upload.isPending || fromArchive.isPending;
  // an accepted photo is stored on the application by the request itself: the page says it is saved
  const send = (f: File | 'archive', fit: boolean) => {
    const sent = f === 'archive' ? fromArchive.mutateAsync({ fit }) : upload.mutateAsync({ file: f, fit });
    return (autosave ? autosave.track(sent) : sent).then((r) => {
      setResult(r);
      setSource(f);
      if (r.ok) autosave?.markSaved();
    }, onError);
  };
  const archivePhotoId = me.data?.photoFileId ?? null;
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title="照片要求" description={`本计划要求：${describePhotoSpec(spec)}。请上传近期免冠正面证件照。`} />
      <Flex gap={24} wrap align="flex-start">
        <PhotoFrame fileId={app.photoFileId} alt="已上传的证件照" />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 240 }}>
          <Space wrap>
            <Upload accept=".jpg,.jpeg,.png,image/jpeg,image/png" showUploadList={false} beforeUpload={(f) => (void send(f, false), false)}>
              <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending} disabled={fromArchive.isPending}>
                {app.photoFileId ? '重新上传照片' : '选择照片'}
              </Button>
            </Upload>
            {archivePhotoId && (
              <Button
                icon={<IdcardOutlined aria-hidden />}
                loading={fromArchive.isPending}
                disabled={upload.isPending}
                onClick={() => void send('archive', false)}
              >
                使用档案中的证件照
              </Button>
            )}
          </Space>
          {archivePhotoId && (
            <Flex gap={8} align="center">
              <img
                src={fileUrl(archivePhotoId)}
                alt="档案中的证件照"
                style={{ width: 36, height: 48, objectFit: 'cover', border: '1px solid #f0f0f0' }}
              />
              <Typography.Text type="secondary">档案中已有证件照，可直接使用；同样按本计划要求检查。</Typography.Text>
            </Flex>
          )}
          {result?.ok && (
            <Alert
              type="success"
              showIcon
              title={`照片符合要求（${result.photo.width}×${result.photo.height} 像素，${Math.round(result.photo.bytes / 102.4) / 10} KB）`}
            />
          )}
          {result && !result.ok && (
            <Alert
              type="error"
              showIcon
              title={source === 'archive' ? '档案中的证件照不符合本计划要求' : '照片不符合要求'}
              description={
                <Flex vertical gap={8}>
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {result.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                  {result.suggestedSize && source && (
                    <div>
                      <Button type="primary" loading={busy} onClick={() => void send(source, true)}>
                        自动裁剪压缩为 {result.suggestedSize.width}×{result.suggestedSize.height} 像素并使用
                      </Button>
                    </div>
                  )}
                </Flex>
              }
            />
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}

/** 3. 申报信息: level, mode, specialty (专业对口 picks the committee), mode extras, and the statement with a live counter. */
export function InfoStep({ plan, draft, meta, setDraft, setMeta, autosave, infoCheck = 0 }: StepProps) {
  const max = plan.personalStatementMaxChars;
  const fits = (level: string | null) => (m: PlanDocument['modes'][number]) =>
    !level || !m.levels || m.levels.includes(level as Plan['levels'][number]);
  const modes = plan.modes.filter(fits(meta.level));
  const spec = modeSpecOf(plan, meta.mode);
  const specialty = plan.specialties.find((s) => s.code === meta.specialtyCode);
  const length = [...(draft.personalStatement ?? '')].length;
  // after a 下一步 with choices missing: each missing one says so, and the first one takes the focus
  const missing = new Map(infoCheck > 0 ? missingInfo(meta).map((f) => [f.field, f.message]) : []);
  const marked = (field: InfoField) => (missing.has(field) ? { validateStatus: 'error' as const, help: missing.get(field) } : {});
  // only a new 下一步 moves the focus, not the choices made after it
  const focusFirstMissing = useEffectEvent(() => {
    const first = missingInfo(meta)[0];
    const el = first && document.getElementById(first.id);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  });
  useEffect(() => {
    if (infoCheck > 0) focusFirstMissing();
  }, [infoCheck]);
  return (
    <Form layout="vertical" style={{ maxWidth: 760 }}>
      <Form.Item label="申报级别" required htmlFor="wizard-level" {...marked('level')}>
        <Select
          id="wizard-level"
          aria-label="申报级别"
          value={meta.level ?? undefined}
          placeholder="请选择申报级别"
          // a mode that does not fit the new level is cleared (and saved so)
          onChange={(v: string) =>
            setMeta({ level: v, mode: plan.modes.filter(fits(v)).some((m) => m.mode === meta.mode) ? meta.mode : null })
          }
          options={plan.levels.map((l) => ({ value: l, label: levelLabel(l) }))}
        />
      </Form.Item>
      <Form.Item label="申报方式" required htmlFor="wizard-mode" extra={spec?.description} {...marked('mode')}>
        <Select
          id="wizard-mode"
          aria-label="申报方式"
          value={meta.mode ?? undefined}
          placeholder="请选择申报方式"
          onChange={(v: string) => setMeta({ mode: v })}
          options={modes.map((m) => ({ value: m.mode, label: m.label || modeLabel(m.mode) }))}
        />
      </Form.Item>
      <Form.Item label="申报专业" required htmlFor="wizard-specialty" extra={specialty?.description} {...marked('specialtyCode')}>
        <Select
          id="wizard-specialty"
          aria-label="申报专业"
          value={meta.specialtyCode ?? undefined}
          placeholder="请选择申报专业"
          onChange={(v: string) => setMeta({ specialtyCode: v })}
          options={plan.specialties.map((s) => ({ value: s.code, label: s.name }))}
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`评审委员会：${plan.committee.name}`}
        description={`材料最终报送${plan.committee.office}。提交时按您单位的隶属关系确定逐级审核路线，并写入申报记录。`}
      />
      {spec?.recommenders && (
        <Form.Item label={`推荐人数（须 ${spec.recommenders.count} 名：${spec.recommenders.qualification}）`} htmlFor="wizard-recommenders">
          <InputNumber
            id="wizard-recommenders"
            min={0}
            max={20}
            value={draft.recommenders ?? 0}
            onChange={(v) => setDraft({ recommenders: v ?? 0 })}
          />
        </Form.Item>
      )}
      {spec?.requiresApprovalForm && (
        <Form.Item>
          <Checkbox checked={!!draft.hasApprovalForm} onChange={(e) => setDraft({ hasApprovalForm: e.target.checked })}>
            已取得破格推荐审批表（在“附件材料”一步上传）
          </Checkbox>
        </Form.Item>
      )}
      <Form.Item>
        <Checkbox checked={!!draft.transfer} onChange={(e) => setDraft({ transfer: e.target.checked })}>
          转评（现任职称属其他系列或专业）
        </Checkbox>
      </Form.Item>
      <Form.Item
        label="本人述职"
        required
        htmlFor="wizard-statement"
        validateStatus={length > max ? 'error' : undefined}
        help={length > max ? `本人述职不超过 ${max} 字，当前 ${length} 字，请删减 ${length - max} 字` : undefined}
        extra={length > max ? undefined : <span aria-live="polite">{`不超过 ${max} 字，已写 ${length} 字`}</span>}
      >
        <Input.TextArea
          id="wizard-statement"
          rows={8}
          value={draft.personalStatement ?? ''}
          onChange={(e) => setDraft({ personalStatement: e.target.value })}
          onBlur={() => autosave?.saveNow()}
          placeholder="任现职以来的主要工作、专业技术能力与业绩"
        />
      </Form.Item>
    </Form>
  );
}

/** 4. 业绩成果: approved achievements, one of them the 代表作. Other approved entries (education, titles …) go with the application. */
export function AchievementsStep({ draft, setDraft, entries }: StepProps) {
  const approved = entries.filter((e) => e.status === 'approved');
  const achievements = approved.filter((e) => e.kind === 'achievement');
  const waiting = entries.filter((e) => e.status !== 'approved');
  const base = approved.filter((e) => e.kind !== 'achievement').map((e) => e.id);
  const chosen = new Set((draft.entryIds ?? []).filter((id) => achievements.some((a) => a.id === id)));
  const update = (ids: Set<string>, rep = draft.representativeWorkId) =>
    setDraft({ entryIds: [...base, ...ids], representativeWorkId: rep && ids.has(rep) ? rep : null });
  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        只能选用经单位审核通过的档案条目。学历、职称、考核、继续教育等已审核条目（{base.length}{' '}
        项）自动随申报提交。请勾选本次申报的业绩成果，并指定 1 项代表作。
      </Typography.Text>
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`另有 ${waiting.length} 项档案条目尚未审核通过，不能选用`}
          description="可在“个人业绩档案”中提交单位审核。"
        />
      )}
      {achievements.length === 0 ? (
        <Alert type="error" showIcon title="没有已审核通过的业绩成果" description="请先在“个人业绩档案”中添加业绩成果并提交单位审核。" />
      ) : (
        <List
          bordered
          dataSource={achievements}
          renderItem={(e) => (
            <List.Item>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
                <Checkbox
                  checked={chosen.has(e.id)}
                  onChange={(ev) => {
                    const next = new Set(chosen);
                    if (ev.target.checked) next.add(e.id);
                    else next.delete(e.id);
                    update(next);
                  }}
                >
                  {e.summary}
                </Checkbox>
                <Radio checked={draft.representativeWorkId === e.id} disabled={!chosen.has(e.id)} onChange={() => update(chosen, e.id)}>
                  代表作
                </Radio>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {chosen.size > 0 && !draft.representativeWorkId && <Alert type="warning" showIcon title="请指定 1 项代表作" />}
    </Flex>
  );
}

/** 5. 附件材料: the plan's checklist for the chosen mode, with what is missing. */
export function AttachmentsStep({ app, plan, draft, meta, setDraft, autosave }: StepProps) {
  const spec = modeSpecOf(plan, meta.mode);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const list = spec?.attachments ?? [];
  if (!spec) return <Alert type="warning" showIcon title="请先在“申报信息”一步选择申报方式" />;
  if (list.length === 0) return <Alert type="info" showIcon title={`“${spec.label}”无需另交附件`} />;
  const missing = list.filter((a) => a.required && !draft.attachments?.[a.key]);
  const upload = async (key: string, file: File) => {
    const bad = checkEvidenceFile(file);
    if (bad) return void message.error(bad);
    try {
      const sending = sendResumable(file, { onProgress: (n) => setProgress((p) => ({ ...p, [key]: Math.round((n / file.size) * 100) })) });
      const fileId = await (autosave ? autosave.track(sending) : sending);
      // saved at once by the page; made from the latest draft, so uploads that end together all stay
      setDraft((latest) => ({ attachments: { ...(latest.attachments ?? {}), [key]: fileId } }));
      setProgress((p) => ({ ...p, [key]: -1 }));
    } catch (e) {
      setProgress((p) => ({ ...p, [key]: -1 }));
      onError(e);
    }
  };
  return (
    <Flex vertical gap={12}>
      {missing.length > 0 ? (
        <Alert type="warning" showIcon title={`还缺 ${missing.length} 项必交附件：${missing.map((a) => a.name).join('、')}`} />
      ) : (
        <Alert type="success" showIcon title="必交附件已齐全" />
      )}
      <List
        bordered
        dataSource={list}
        renderItem={(a) => {
          const id = draft.attachments?.[a.key];
          const pct = progress[a.key];
          return (
            <List.Item>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
                <Flex vertical>
                  <Space wrap>
                    <Typography.Text strong>{a.name}</Typography.Text>
                    {id ? (
                      <StatusTag tone="success" label="已上传" />
                    ) : a.required ? (
                      <StatusTag tone="danger" label="必交，缺少" />
                    ) : (
                      <StatusTag tone="neutral" label="选交" />
                    )}
                  </Space>
                  {'note' in a && a.note ? <Typography.Text type="secondary">{String(a.note)}</Typography.Text> : null}
                </Flex>
                <Space>
                  {id && (
                    <a href={fileUrl(id, false, app.id)} target="_blank" rel="noopener noreferrer">
                      查看<span className="sr-only">{a.name}</span>
                    </a>
                  )}
                  <Upload accept={EVIDENCE_ACCEPT} showUploadList={false} beforeUpload={(f) => (void upload(a.key, f), false)}>
                    <Button
                      size="small"
                      icon={<UploadOutlined aria-hidden />}
                      loading={pct !== undefined && pct >= 0}
                      aria-label={`上传${a.name}`}
                    >
                      {pct !== undefined && pct >= 0 ? `${pct}%` : id ? '替换' : '上传'}
                    </Button>
                  </Upload>
                </Space>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Typography.Text type="secondary">支持 PDF、JPG、PNG，单个文件不超过 50 MB。</Typography.Text>
    </Flex>
  );
}
