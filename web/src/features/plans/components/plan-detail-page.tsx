/**
 * A plan as applicants will read it (preview), the full editor, publish / withdraw, export, and
 * "导入覆盖" — a plan file replacing this draft's content (the list page's import creates a new plan).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Dropdown, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useLocation, useParams } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { ApiError, apiUrl } from '@shared/api-client';
import { useImportOverPlan, usePlan, usePublishPlan, type PlanSummary } from '../api';
import { levelLabel, modeLabel, TIMELINE_FIELDS } from './labels';
import { PlanEditor } from './plan-editor';
import { PlanFileInput } from './plan-file-input';
import { CopyAsNewYearModal, MovedTable, type CopyNotice } from './copy-year-modal';

function ImportOverModal({ summary, onClose, onDone }: { summary: PlanSummary; onClose: () => void; onDone: () => void }) {
  const importOver = useImportOverPlan(summary.id);
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Array<[string, string]>>([]);
  const [busy, setBusy] = useState(false);

  const run = () => {
    setBusy(true);
    return importOver
      .mutateAsync({ text, version: summary.version })
      .then(
        () => {
          void message.success('已用计划文件覆盖');
          onDone();
        },
        (err: unknown) => {
          setErrors(err instanceof ApiError && err.details ? Object.entries(err.details) : []);
          onError(err);
        },
      )
      .finally(() => setBusy(false));
  };

  const confirm = () =>
    void modal.confirm({
      title: '确定导入覆盖？',
      content: `计划"${summary.name}"（版本 ${summary.version}）的全部内容将被文件内容替换，此操作不能撤销。可先导出当前计划文件备份。`,
      okText: '覆盖',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: run,
    });

  return (
    <Modal
      title="导入覆盖"
      open
      okText="导入覆盖"
      okButtonProps={{ danger: true, disabled: !text.trim(), loading: busy }}
      cancelText="取消"
      onOk={confirm}
      onCancel={onClose}
      width={720}
    >
      <Typography.Paragraph>
        用计划文件（YAML 或 JSON）替换本草稿的全部内容，计划编号不变。文件须通过计划格式校验；已发布的计划不能导入覆盖。
      </Typography.Paragraph>
      <PlanFileInput id="plan-overwrite-text" text={text} onChange={setText} errors={errors} />
    </Modal>
  );
}

export function PlanDetailPage() {
  const { id = '' } = useParams();
  const q = usePlan(id);
  const publish = usePublishPlan(id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [editorKey, setEditorKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState(false);
  const copied = (useLocation().state as { copied?: CopyNotice } | null)?.copied;
  const [noticeOpen, setNoticeOpen] = useState(true);
  const plan = q.data?.plan;
  const summary = q.data?.summary;

  if (q.isLoading || !plan || !summary) return <PageTitle>评审计划</PageTitle>;
  const canEdit = summary.allowed.includes('edit');
  const reload = () =>
    void q.refetch().then(() => {
      setDirty(false);
      setEditorKey((k) => k + 1);
    });
  const unsaved = dirty ? '页面上有未保存的修改，发布的是已保存的版本。' : '';

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Dropdown
              menu={{
                items: [
                  { key: 'yaml', label: <a href={apiUrl(`/plans/${id}/export`, { format: 'yaml' })}>YAML 文件</a> },
                  { key: 'json', label: <a href={apiUrl(`/plans/${id}/export`, { format: 'json' })}>JSON 文件</a> },
                ],
              }}
            >
              <Button>
                导出计划文件 <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
            {canEdit && <Button onClick={() => setCopying(true)}>复制为新年度</Button>}
            {canEdit && summary.status === 'draft' && <Button onClick={() => setImporting(true)}>导入覆盖</Button>}
            {summary.allowed.includes('publish') && (
              <Popconfirm
                title={`确定发布？发布后申报人即可看到并申报。${unsaved}`}
                okText="确定"
                cancelText="取消"
                onConfirm={() => void publish.mutateAsync(true).then(() => void message.success('已发布'), onError)}
              >
                <Button type="primary">发布</Button>
              </Popconfirm>
            )}
            {summary.allowed.includes('unpublish') && (
              <Popconfirm
                title="确定撤回发布？申报人将看不到该计划。"
                okText="确定"
                cancelText="取消"
                onConfirm={() => void publish.mutateAsync(false).then(() => void message.success('已撤回'), onError)}
              >
                <Button danger>撤回发布</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {plan.name}
      </PageTitle>
      <Space style={{ marginBottom: 16 }} wrap>
        <StatusTag
          status={summary.status === 'published' ? 'approved' : 'pending'}
          label={summary.status === 'published' ? '已发布' : '草稿'}
        />
        <Tag>{summary.phaseLabel}</Tag>
        <Typography.Text>版本 {summary.version}</Typography.Text>
      </Space>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            计划预览
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="评委会">{plan.committee.name}</Descriptions.Item>
          <Descriptions.Item label="评委会办公室">{plan.committee.office}</Descriptions.Item>
          <Descriptions.Item label="评审级别">{summary.levels.map(levelLabel).join('、')}</Descriptions.Item>
          <Descriptions.Item label="计算截止日期">{plan.cutoffDate}</Descriptions.Item>
          {TIMELINE_FIELDS.filter((f) => plan.timeline[f.key as keyof typeof plan.timeline]).map((f) => (
            <Descriptions.Item key={f.key} label={f.label}>
              {plan.timeline[f.key as keyof typeof plan.timeline]}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="单位公示">不少于 {plan.publicity.employerWorkingDays} 个工作日</Descriptions.Item>
          <Descriptions.Item label="评审费">{plan.fee.amountYuan === null ? '不收费' : `${plan.fee.amountYuan} 元`}</Descriptions.Item>
          <Descriptions.Item label="申报方式" span={2}>
            {plan.modes.map((m) => (
              <div key={`${m.mode}-${m.label}`}>
                <strong>{m.label || modeLabel(m.mode)}</strong>
                {m.attachments.length > 0 && `：须提交 ${m.attachments.map((a) => `${a.name}${a.required ? '' : '（如有）'}`).join('、')}`}
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="评审专业" span={2}>
            {plan.specialties.map((s) => (
              <div key={s.code}>
                <strong>{s.name}</strong>
                {s.description ? `：${s.description}` : ''}
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canEdit ? (
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              编辑计划
            </Typography.Title>
          }
        >
          {copied && noticeOpen && (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setNoticeOpen(false), 'aria-label': '关闭移动字段说明' }}
              style={{ marginBottom: 16 }}
              title={`已复制为 ${copied.toYear} 年度的新计划（草稿）：以下 ${copied.moved.length} 项已从 ${copied.fromYear} 年移到 ${copied.toYear} 年`}
              description={
                <>
                  <MovedTable moved={copied.moved} caption="已移动的字段" />
                  {copied.toCheck.length > 0 && (
                    <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                      以下文字仍提到原来的年度，未自动修改，请核对：
                      {copied.toCheck.map((c) => `${c.label}"${c.text}"`).join('；')}
                    </Typography.Paragraph>
                  )}
                </>
              }
            />
          )}
          <PlanEditor
            key={editorKey}
            planId={id}
            plan={plan}
            version={summary.version}
            published={summary.status === 'published'}
            onReload={reload}
            onDirtyChange={setDirty}
          />
        </Card>
      ) : (
        <Alert type="info" showIcon title="本计划由其他评委会办公室管理，您只能查看和导出。" />
      )}
      {copying && <CopyAsNewYearModal sourceId={id} onClose={() => setCopying(false)} />}
      {importing && (
        <ImportOverModal
          summary={summary}
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            reload();
          }}
        />
      )}
    </>
  );
}
