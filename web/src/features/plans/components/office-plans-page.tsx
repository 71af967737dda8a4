/** 评委会办公室: its plans (drafts and published), "新建计划" (blank or a copy), and importing a plan file as a new plan. */
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { FormModal } from '@shared/components/form-modal';
import { ScrollTable } from '@shared/components/scroll-table';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { useCurrentUser } from '@shared/session';
import { ApiError } from '@shared/api-client';
import { fetchPlan, useCreatePlan, useImportPlan, useMyPlans, type PlanSummary } from '../api';
import { blankPlan, copyOf } from './blank-plan';
import { LIMITS, PLAN_KEY_MESSAGE, PLAN_KEY_PATTERN } from './plan-form';
import { PlanFileInput } from './plan-file-input';
import { CopyAsNewYearModal } from './copy-year-modal';

interface NewPlanValues {
  from: 'blank' | 'copy';
  sourceId?: string;
  key: string;
  name: string;
  year: number;
}

function NewPlanModal({ plans, onClose }: { plans: PlanSummary[]; onClose: () => void }) {
  const create = useCreatePlan();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [from, setFrom] = useState<NewPlanValues['from']>('blank');
  const [busy, setBusy] = useState(false);

  const finish = async (v: NewPlanValues, form: Parameters<typeof onError>[1]) => {
    setBusy(true);
    try {
      const doc =
        v.from === 'copy' && v.sourceId
          ? copyOf((await fetchPlan(v.sourceId)).plan, v)
          : blankPlan({ ...v, office: user.orgName ?? '评委会办公室' });
      const { id } = await create.mutateAsync(doc);
      onClose();
      void navigate(`/manage/plans/${id}`);
    } catch (err) {
      onError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal<NewPlanValues>
      title="新建计划"
      pending={busy}
      onCancel={onClose}
      onFinish={(v, form) => void finish(v, form)}
      intro={<Typography.Paragraph>新建的计划为草稿：在计划页面逐项填写、预览无误后再发布。</Typography.Paragraph>}
    >
      <Form.Item label="创建方式" name="from" initialValue="blank">
        <Radio.Group
          onChange={(e) => setFrom(e.target.value as NewPlanValues['from'])}
          options={[
            { value: 'blank', label: '空白模板' },
            { value: 'copy', label: '复制已有计划' },
          ]}
        />
      </Form.Item>
      {from === 'copy' && (
        <Form.Item label="复制哪个计划" name="sourceId" rules={[{ required: true, message: '请选择要复制的计划' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={plans.map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item label="计划名称" name="name" rules={[{ required: true, message: '请填写计划名称' }]}>
        <Input maxLength={LIMITS.text.name} />
      </Form.Item>
      <Form.Item
        label="计划代号"
        name="key"
        extra="小写字母、数字和连字符，如 2026-it-senior"
        rules={[
          { required: true, message: '请填写计划代号' },
          { pattern: PLAN_KEY_PATTERN, message: PLAN_KEY_MESSAGE },
        ]}
      >
        <Input />
      </Form.Item>
      {from === 'blank' && (
        <Form.Item label="年度" name="year" initialValue={new Date().getFullYear()} rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={LIMITS.year.min} max={LIMITS.year.max} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

export function OfficePlansPage() {
  const plans = useMyPlans();
  const importPlan = useImportPlan();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Array<[string, string]>>([]);
  const [importing, setImporting] = useState(false);
  const [copyId, setCopyId] = useState<string | null>(null);

  const submit = () => {
    setImporting(true);
    return importPlan
      .mutateAsync(text)
      .then(
        ({ id }) => {
          setOpen(false);
          setText('');
          setErrors([]);
          void navigate(`/manage/plans/${id}`);
        },
        (err: unknown) => {
          setErrors(err instanceof ApiError && err.details ? Object.entries(err.details) : []);
          onError(err);
        },
      )
      .finally(() => setImporting(false));
  };

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              新建计划
            </Button>
            <Button onClick={() => setOpen(true)}>导入计划文件</Button>
          </Space>
        }
      >
        评审计划
      </PageTitle>
      <Card>
        <ScrollTable<PlanSummary>
          label="评审计划列表"
          minWidth={900}
          rowKey="id"
          loading={plans.isLoading}
          dataSource={plans.data ?? []}
          pagination={false}
          columns={[
            { title: '计划名称', dataIndex: 'name', render: (_: unknown, p) => <Link to={`/manage/plans/${p.id}`}>{p.name}</Link> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '个人申报截止', render: (_: unknown, p) => p.timeline.personalDeadline ?? '—', width: 130 },
            {
              title: '状态',
              width: 110,
              render: (_: unknown, p) => (
                <StatusTag
                  status={p.status === 'published' ? 'approved' : 'pending'}
                  label={p.status === 'published' ? '已发布' : '草稿'}
                />
              ),
            },
            { title: '申报阶段', dataIndex: 'phaseLabel', width: 100 },
            {
              title: '操作',
              width: 140,
              render: (_: unknown, p) =>
                p.allowed.includes('edit') && (
                  <Button size="small" aria-label={`复制为新年度：${p.name}`} onClick={() => setCopyId(p.id)}>
                    复制为新年度
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {creating && <NewPlanModal plans={plans.data ?? []} onClose={() => setCreating(false)} />}
      {copyId && <CopyAsNewYearModal sourceId={copyId} onClose={() => setCopyId(null)} />}
      <Modal
        title="导入计划文件"
        open={open}
        okText="导入"
        cancelText="取消"
        onOk={() => void submit()}
        confirmLoading={importing}
        onCancel={() => setOpen(false)}
        width={720}
        destroyOnHidden
      >
        <Typography.Paragraph>
          粘贴或选择计划文件（YAML 或 JSON，格式见 config/plans
          中的示例）。导入后为新的草稿计划，预览无误再发布；要更新已有的草稿，请在该计划页面使用"导入覆盖"。
        </Typography.Paragraph>
        <PlanFileInput id="plan-text" text={text} onChange={setText} errors={errors} />
      </Modal>
    </>
  );
}
