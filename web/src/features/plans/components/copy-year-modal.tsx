/**
 * "复制为新年度" (issue 9 item 3): choose the new round's year (default: the year after the source, not a
 * past year); the dialog previews, with the same domain function the server runs, every value that will move
 * (字段 / 原值 / 新值). The copy is a new draft; the editor then opens with the list of what moved.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { defaultTargetYear, shiftPlanYears, type MovedField } from '@zc/domain';
import { useApiErrorHandler } from '@shared/feedback';
import { ScrollTable } from '@shared/components/scroll-table';
import { useCopyPlan, usePlan, type CopiedPlan } from '../api';
import { LIMITS, PLAN_KEY_MESSAGE, PLAN_KEY_PATTERN } from './plan-form';

interface Values {
  targetYear: number;
  key: string;
  name: string;
}

/** What the editor shows after a copy: carried in the router's location state. */
export type CopyNotice = Pick<CopiedPlan, 'moved' | 'toCheck' | 'warnings'> & { fromYear: number; toYear: number };

const KEY_MAX = 64;

export function MovedTable({ moved, caption }: { moved: MovedField[]; caption: string }) {
  return (
    <ScrollTable<MovedField>
      label={caption}
      minWidth={560}
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={moved}
      aria-label={caption}
      columns={[
        { title: '字段', dataIndex: 'label', width: 200 },
        { title: '原值', dataIndex: 'from' },
        { title: '新值', dataIndex: 'to' },
      ]}
    />
  );
}

export function CopyAsNewYearModal({ sourceId, onClose }: { sourceId: string; onClose: () => void }) {
  const q = usePlan(sourceId);
  const source = q.data?.plan;
  const [form] = Form.useForm<Values>();
  const copy = useCopyPlan();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  // typed by the office: then the year no longer rewrites it (rc-field-form counts our own defaults as touched)
  const typed = useRef({ key: false, name: false });
  const targetYear = Form.useWatch('targetYear', form);

  const preview = useMemo(() => {
    if (!source || !Number.isInteger(targetYear) || targetYear === source.year) return null;
    if (targetYear < LIMITS.year.min || targetYear > LIMITS.year.max) return null;
    return shiftPlanYears(source, targetYear - source.year);
  }, [source, targetYear]);

  // the key and name follow the year until the office edits them
  useEffect(() => {
    if (!source || !preview) return;
    const next: Partial<Values> = {};
    if (!typed.current.key)
      next.key = preview.plan.key !== source.key ? preview.plan.key : `${source.key}-${targetYear}`.slice(0, KEY_MAX).replace(/-+$/, '');
    if (!typed.current.name)
      next.name = preview.plan.name !== source.name ? preview.plan.name : `${source.name}（${targetYear}年度）`.slice(0, LIMITS.text.name);
    form.setFieldsValue(next);
  }, [form, preview, source, targetYear]);

  const finish = async (v: Values) => {
    if (!source) return;
    setBusy(true);
    try {
      const r = await copy.mutateAsync({ sourceId, ...v });
      const notice: CopyNotice = { moved: r.moved, toCheck: r.toCheck, warnings: r.warnings, fromYear: source.year, toYear: r.plan.year };
      onClose();
      void navigate(`/manage/plans/${r.id}`, { state: { copied: notice } });
    } catch (err) {
      onError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="复制为新年度"
      okText="复制"
      cancelText="取消"
      okButtonProps={{ loading: busy, disabled: !source }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
    >
      {source && (
        <>
          <Typography.Paragraph>
            以"{source.name}
            "为底稿新建一轮评审计划（草稿）。年度、计算截止日期、各截止日期、评审月份，以及继续教育、年度考核等条件中的年度，一并按相同年数移动；文字内容不变。
          </Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ targetYear: defaultTargetYear(source.year, new Date().getFullYear()) }}
            onFinish={(v) => void finish(v)}
          >
            <Form.Item
              label="新年度"
              name="targetYear"
              rules={[
                { required: true, message: '请填写新年度' },
                {
                  validator: (_, y: number) =>
                    y === source.year ? Promise.reject(new Error(`新年度不能与原计划相同（${source.year}）`)) : Promise.resolve(),
                },
              ]}
            >
              <InputNumber min={LIMITS.year.min} max={LIMITS.year.max} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="新计划名称"
              name="name"
              rules={[{ required: true, message: '请填写计划名称' }]}
              extra="默认把名称中的原年度改为新年度，可修改"
            >
              <Input maxLength={LIMITS.text.name} onChange={() => (typed.current.name = true)} />
            </Form.Item>
            <Form.Item
              label="新计划代号"
              name="key"
              extra="小写字母、数字和连字符，不能与已有计划重复"
              rules={[
                { required: true, message: '请填写计划代号' },
                { pattern: PLAN_KEY_PATTERN, message: PLAN_KEY_MESSAGE },
              ]}
            >
              <Input maxLength={KEY_MAX} onChange={() => (typed.current.key = true)} />
            </Form.Item>
          </Form>
          {preview && (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                将移动的字段（{source.year} → {targetYear}，共 {preview.moved.length} 项）
              </Typography.Title>
              <MovedTable moved={preview.moved.filter((m) => m.path !== 'key' && m.path !== 'name')} caption="将移动的字段" />
              {preview.toCheck.length > 0 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  showIcon
                  title={`另有 ${preview.toCheck.length} 处文字提到原来的年度，复制后不会自动修改，请在编辑时核对`}
                  description={preview.toCheck.map((c) => c.label).join('、')}
                />
              )}
            </>
          )}
        </>
      )}
    </Modal>
  );
}
