/**
 * The whole plan in one form, by tabs. Saving sends the whole document (PUT /plans/:id with the
 * version read); the server validates it with ZPlan and names each faulty field by its path, which
 * is this form's name path: the message is shown under the field, and listed above the tabs.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, Popconfirm, Tabs } from 'antd';
import type { Plan } from '@zc/domain';
import { ApiError } from '@shared/api-client';
import { useApiErrorHandler } from '@shared/feedback';
import { useUpdatePlan } from '../api';
import { BasicSection, CitationsSection, MaterialsSection, TimelineSection } from './editor-basic';
import { ModesSection, RoutesSection, SpecialtiesSection } from './editor-lists';
import { RulesSection } from './editor-rules';
import {
  describePath,
  EDITOR_TABS,
  namePathOf,
  tabOf,
  toFormValues,
  toPlanDocument,
  type EditorTab,
  type PlanFormValues,
} from './plan-form';

const SECTIONS: Record<EditorTab, () => ReactNode> = {
  basic: BasicSection,
  timeline: TimelineSection,
  specialties: SpecialtiesSection,
  modes: ModesSection,
  materials: MaterialsSection,
  rules: RulesSection,
  routes: RoutesSection,
  citations: CitationsSection,
};

interface Props {
  planId: string;
  plan: Plan;
  version: number;
  published: boolean;
  /** re-read the plan from the server and start over (after a conflict) */
  onReload: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** "评审专业 › 第 5 项 › 专业代号", prefixed with the tab when the path's own first label differs */
function where(path: string): string {
  const tab = EDITOR_TABS.find((t) => t.key === tabOf(path))?.label ?? '';
  const described = describePath(path);
  return described.startsWith(tab) ? described : `${tab} › ${described}`;
}

export function PlanEditor({ planId, plan, version: initialVersion, published, onReload, onDirtyChange }: Props) {
  const [form] = Form.useForm<PlanFormValues>();
  const update = useUpdatePlan(planId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [version, setVersion] = useState(initialVersion);
  const [tab, setTab] = useState<EditorTab>('basic');
  const [errors, setErrors] = useState<Array<[string, string]>>([]);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [base, setBase] = useState(() => toFormValues(plan));

  const showErrors = (entries: Array<[string, string]>) => {
    setErrors(entries);
    form.setFields(entries.map(([path, msg]) => ({ name: namePathOf(path) as never, errors: [msg] })));
    if (entries[0]) setTab(tabOf(entries[0][0]));
  };

  const save = async () => {
    setErrors([]);
    try {
      await form.validateFields({ recursive: true });
    } catch (e) {
      const fields = (e as { errorFields?: Array<{ name: Array<string | number>; errors: string[] }> }).errorFields ?? [];
      showErrors(fields.map((f) => [f.name.join('.'), f.errors[0] ?? '']));
      return;
    }
    const doc = toPlanDocument(form.getFieldsValue(true) as PlanFormValues);
    setSaving(true);
    try {
      const r = await update.mutateAsync({ plan: doc, version });
      setVersion(r.version);
      setBase(toFormValues(doc));
      onDirtyChange(false);
      void message.success('已保存');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setConflict(true);
        return;
      }
      if (err instanceof ApiError && err.details) showErrors(Object.entries(err.details));
      onError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {published && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="计划已发布，保存的修改将立即对申报人生效，并记入审计日志。" />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="计划已被他人修改"
          description="您读取之后，其他人保存了新的版本。请重新加载最新版本后再修改（您未保存的修改将丢失）。"
          action={
            <Button danger onClick={onReload}>
              重新加载
            </Button>
          }
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`计划有 ${errors.length} 处需要修改`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map(([path, msg]) => (
                <li key={path}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => setTab(tabOf(path))}
                  >
                    {where(path)}
                  </Button>
                  ：{msg}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        initialValues={base}
        onValuesChange={() => onDirtyChange(true)}
        scrollToFirstError
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as EditorTab)}
          items={EDITOR_TABS.map((t) => {
            const Section = SECTIONS[t.key];
            return { key: t.key, label: t.label, forceRender: true, children: <Section /> };
          })}
        />
      </Form>
      <Flex
        gap={8}
        wrap
        style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0', zIndex: 2 }}
      >
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存计划
        </Button>
        <Popconfirm
          title="放弃未保存的修改？"
          okText="放弃"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            form.resetFields();
            setErrors([]);
            onDirtyChange(false);
          }}
        >
          <Button>放弃修改</Button>
        </Popconfirm>
      </Flex>
    </>
  );
}
