import { useEffect, useId, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Popconfirm, Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ACCEPTED_FILE_LABEL, EVIDENCE_MAX_FILE_BYTES, formatBytes, type ArchiveKind } from '@zc/domain';
import { ApiError } from '@shared/api-client';
import { errorMessage, useApiErrorHandler } from '@shared/feedback';
import { useAfterEvidenceUpload, useRemoveEvidence, type ArchiveEntry } from '../api';
import { achievementTypeOf } from '../fields';
import { checkEvidenceFile, EVIDENCE_ACCEPT, uploadEvidence } from '../evidence-upload';
import { EvidenceList } from './evidence-list';

/** What the evidence of each kind should show (seed 003 附件1.10 and SPEC §2). */
const WHAT_TO_UPLOAD: Partial<Record<ArchiveKind | string, string>> = {
  education: '毕业证书、学位证书；按核验结果的要求上传《教育部学历证书电子注册备案表》《中国高等教育学历认证报告》或《高校毕业生登记表》',
  title: '职称证书或评审（认定）文件',
  appointment: '聘书或单位聘任文件（近 5 年）',
  workExperience: '单位出具并盖章的工作经历证明',
  annualAssessment: '年度考核登记表或单位出具的考核结果证明',
  continuingEducation: '学时登记平台的记录截图或培训证书',
  socialSecurityProof: '《基本养老保险参保缴费证明》，或劳动合同、银行工资流水和个税证明（三项齐全）',
  paper: '刊物封面、刊号页、目录页和论文正文（请标出本人姓名）',
  book: '著作封面、版权页、目录页及本人撰写部分的说明页',
  project: '合同或立项批复封面、金额页、成员及分工页、盖章页；集体项目须有本人为主要完成人的证明',
  patent: '专利证书',
  standard: '标准封面及起草人名单页',
  award: '获奖证书或表彰文件',
  honour: '荣誉证书或表彰文件',
  softwareCopyright: '计算机软件著作权登记证书',
  report: '报告封面、本人署名页；可行性研究报告须有本人为编写人的证明',
  skillCertificate: '职业技能等级证书',
  competition: '获奖证书或竞赛主办方的名次文件',
  innovationResult: '销售额、利润的证明材料（财务报表或审计报告等）',
};

interface Task {
  key: string;
  file: File;
  label: string | null;
  sent: number;
  status: 'waiting' | 'uploading' | 'done' | 'error';
  error?: string;
  /** a dropped connection or a busy server: 继续上传 picks up where it stopped */
  resumable?: boolean;
}

let taskSeq = 0;

/** 上传佐证材料: the entry's files (preview, remove) and an upload queue with progress. Render it only while open. */
export function EvidenceModal({ entry, onClose }: { entry: ArchiveEntry; onClose: () => void }) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const after = useAfterEvidenceUpload();
  const remove = useRemoveEvidence();
  const [label, setLabel] = useState('');
  const [tasks, setTasks] = useState<Task[]>([]);
  const running = useRef(false);
  const abort = useRef<AbortController | null>(null);
  const labelId = useId();
  const canChange = entry.allowed.includes('addEvidence');
  const hint = WHAT_TO_UPLOAD[achievementTypeOf(entry.data) ?? entry.kind];

  useEffect(() => {
    const c = new AbortController();
    abort.current = c;
    return () => c.abort();
  }, []);

  const update = (key: string, patch: Partial<Task>) => setTasks((list) => list.map((t) => (t.key === key ? { ...t, ...patch } : t)));

  // one file at a time, in the order chosen
  useEffect(() => {
    if (running.current || !abort.current) return;
    const next = tasks.find((t) => t.status === 'waiting');
    if (!next) return;
    running.current = true;
    const signal = abort.current.signal;
    update(next.key, { status: 'uploading', error: undefined });
    uploadEvidence(entry.id, next.file, next.label, { onProgress: (sent) => update(next.key, { sent }), signal })
      .then(() => {
        running.current = false;
        update(next.key, { status: 'done', sent: next.file.size });
        void message.success(`“${next.file.name}”已上传`);
        after();
      })
      .catch((e: unknown) => {
        running.current = false;
        if (e instanceof DOMException && e.name === 'AbortError') return;
        const resumable = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 429);
        update(next.key, { status: 'error', error: errorMessage(e), resumable });
      });
  }, [tasks, entry.id, message, after]);

  const enqueue = (file: File) => {
    const problem = checkEvidenceFile(file);
    if (problem) {
      void message.error(problem);
      return;
    }
    taskSeq += 1;
    setTasks((list) => [...list, { key: `t${taskSeq}`, file, label: label.trim() || null, sent: 0, status: 'waiting' }]);
  };

  const busy = tasks.some((t) => t.status === 'uploading' || t.status === 'waiting');

  return (
    <Modal
      open
      title={`佐证材料 — ${entry.summary}`}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{busy ? '取消上传' : '完成'}</Button>}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {hint && (
          <Typography.Paragraph style={{ margin: 0 }}>
            应上传：{hint}。支持 {ACCEPTED_FILE_LABEL}，单个文件不超过 {formatBytes(EVIDENCE_MAX_FILE_BYTES)}
            ；较大的文件分段上传，网络中断后可继续。
          </Typography.Paragraph>
        )}
        {entry.verification?.status === 'needsUpload' && entry.verification.documents && (
          <Alert type="warning" showIcon title={`学历须上传：${entry.verification.documents.join('；')}`} />
        )}
        {(entry.status === 'approved' || entry.status === 'pending') && canChange && (
          <Alert type="warning" showIcon title="增加或删除佐证材料后，该条目须重新提交单位审核。" />
        )}

        <div>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            已上传（{entry.evidence.length} 份）
          </Typography.Title>
          <EvidenceList
            entrySummary={entry.summary}
            evidence={entry.evidence}
            empty="尚未上传佐证材料"
            action={
              canChange
                ? (f) => (
                    <Popconfirm
                      title={`确定删除“${f.name}”？`}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() =>
                        void remove.mutateAsync({ entryId: entry.id, fileId: f.fileId }).then(
                          () => void message.success(`已删除“${f.name}”`),
                          (e: unknown) => onError(e),
                        )
                      }
                    >
                      <Button size="small" danger>
                        删除<span className="sr-only">{f.name}</span>
                      </Button>
                    </Popconfirm>
                  )
                : undefined
            }
          />
        </div>

        {canChange ? (
          <div>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              上传新材料
            </Typography.Title>
            <Flex vertical gap={12}>
              <div>
                <label htmlFor={labelId} style={{ display: 'block', marginBottom: 4 }}>
                  材料说明（选填）
                </label>
                <Input
                  id={labelId}
                  value={label}
                  onChange={(e) => setLabel(e.target.value)}
                  maxLength={40}
                  placeholder="如：封面、目录页、正文"
                />
              </div>
              <Upload.Dragger
                accept={EVIDENCE_ACCEPT}
                multiple
                showUploadList={false}
                beforeUpload={(file) => {
                  enqueue(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">点击选择文件，或将文件拖到此处</p>
                <p className="ant-upload-hint">
                  {ACCEPTED_FILE_LABEL}，单个文件不超过 {formatBytes(EVIDENCE_MAX_FILE_BYTES)}，可一次选择多个文件
                </p>
              </Upload.Dragger>
              {tasks.length > 0 && (
                <ul aria-label="上传进度" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {tasks.map((t) => (
                    <li key={t.key} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
                      <Flex justify="space-between" align="center" gap={8} wrap>
                        <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                          {t.file.name}（{formatBytes(t.file.size)}）
                        </Typography.Text>
                        <span aria-live="polite">
                          {t.status === 'waiting'
                            ? '等待上传'
                            : t.status === 'uploading'
                              ? '正在上传…'
                              : t.status === 'done'
                                ? '已上传'
                                : '上传失败'}
                        </span>
                      </Flex>
                      <Progress
                        aria-label={`${t.file.name} 上传进度`}
                        percent={Math.min(100, Math.floor((t.sent / t.file.size) * 100))}
                        status={
                          t.status === 'error'
                            ? 'exception'
                            : t.status === 'done'
                              ? 'success'
                              : t.status === 'uploading'
                                ? 'active'
                                : 'normal'
                        }
                        size="small"
                      />
                      {t.status === 'error' && (
                        <Flex vertical gap={8} align="flex-start">
                          <Typography.Text type="danger" role="alert">
                            {t.error}
                          </Typography.Text>
                          <Flex gap={8}>
                            {t.resumable && (
                              <Button size="small" type="primary" onClick={() => update(t.key, { status: 'waiting' })}>
                                继续上传
                              </Button>
                            )}
                            <Button size="small" onClick={() => setTasks((list) => list.filter((x) => x.key !== t.key))}>
                              移除
                            </Button>
                          </Flex>
                        </Flex>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Flex>
          </div>
        ) : (
          <Alert type="info" showIcon title="该条目已冻结，不能增删佐证材料；如需更新，请新建版本。" />
        )}
      </Flex>
    </Modal>
  );
}
