/**
 * The whole plan in one form, by tabs. Saving sends the whole document (PUT /plans/:id with the
 * version read); the server validates it with ZPlan and names each faulty field by its path, which
 * is this form's name path: the message is shown under the field, and listed above the tabs.
 * Before saving, the domain's planWarnings (a review month before a deadline, rule years of another
 * year …) are shown with 仍要保存 / 返回修改; they never block a save.
 *
 * Speed (issue 9 item 3, docs/BENCHMARKS.md): antd's Form hands its items a new context object on
 * every render of <Form>, so any re-render of the form re-rendered all ~450 items (0.5–1 s here). The
 * form is therefore rendered once (PlanForm, memoized, stable props); the active tab lives in a small
 * store read by the Tabs alone, so a tab switch re-renders the Tabs only; the save re-renders nothing
 * above the fields, checks only the fields edited (the server checks the whole document), and does
 * not wait for a refetch (api.ts). Each Form.Item still updates itself from the form store. A hidden tab
 * keeps its styles and layout (content-visibility: hidden, plan-editor.css, laid out once while idle), so
 * showing it again does not recompute them for its ~1,600 elements.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { Alert, App, Button, Flex, Form, Popconfirm, Tabs, type FormInstance } from 'antd';
import { planWarnings, type Plan, type PlanWarning } from '@zc/domain';
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
import './plan-editor.css';

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

/** The list above the tabs: each entry jumps to its tab. */
function IssueList({ entries, onPick }: { entries: Array<[string, string]>; onPick: (path: string) => void }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {entries.map(([path, msg]) => (
        <li key={path}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => onPick(path)}
          >
            {where(path)}
          </Button>
          ：{msg}
        </li>
      ))}
    </ul>
  );
}

/** planWarnings on what the form holds; a document too broken to read has errors, not warnings. */
function warningsOf(doc: Plan): PlanWarning[] {
  try {
    return planWarnings(doc);
  } catch {
    return [];
  }
}

/** Created once: the same elements on every render, so React skips the sections (see the file comment). */
const TAB_ITEMS = EDITOR_TABS.map((t) => {
  const Section = SECTIONS[t.key];
  return { key: t.key, label: t.label, forceRender: true, children: <Section /> };
});

/** The active tab, settable from outside the form (an error's tab) without re-rendering the form. */
function createTabStore(initial: EditorTab) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(tab: EditorTab) {
      if (tab === current) return;
      current = tab;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}
type TabStore = ReturnType<typeof createTabStore>;

/** the hidden panes, kept rendered by content-visibility: hidden (plan-editor.css) */
const HIDDEN_PANE = "[role='tabpanel'][aria-hidden='true']";

/**
 * Lays out each hidden pane once, one per idle period, so that even the first switch onto it finds its
 * styles and layout ready (a layout query inside a content-visibility: hidden subtree computes and keeps
 * them). Without content-visibility the panes are display: none and there is nothing to keep.
 */
function useWarmHiddenPanes(root: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    if (typeof CSS === 'undefined' || !CSS.supports('content-visibility', 'hidden')) return;
    const idle = window.requestIdleCallback?.bind(window) ?? ((cb: () => void) => window.setTimeout(cb, 100));
    const cancel = window.cancelIdleCallback?.bind(window) ?? window.clearTimeout.bind(window);
    const warmed = new WeakSet<Element>();
    let handle = 0;
    const next = () => {
      const pane = [...(root.current?.querySelectorAll(HIDDEN_PANE) ?? [])].find((p) => !warmed.has(p));
      if (!pane) return;
      warmed.add(pane);
      pane.lastElementChild?.getBoundingClientRect();
      handle = idle(next);
    };
    handle = idle(next);
    return () => cancel(handle);
  }, [root]);
}

function EditorTabs({ store }: { store: TabStore }) {
  const tab = useSyncExternalStore(store.subscribe, store.get);
  const root = useRef<HTMLDivElement>(null);
  useWarmHiddenPanes(root);
  return (
    <div ref={root} className="plan-editor-tabs">
      <Tabs activeKey={tab} onChange={(k) => store.set(k as EditorTab)} items={TAB_ITEMS} />
    </div>
  );
}

/** Rendered again only when one of its (stable) props changes: after a reload or 放弃修改. */
const PlanForm = memo(function PlanForm({
  form,
  initialValues,
  onValuesChange,
  onFieldsChange,
  tabs,
}: {
  form: FormInstance<PlanFormValues>;
  initialValues: PlanFormValues;
  onValuesChange: () => void;
  onFieldsChange: (changed: Array<{ name: Array<string | number> }>) => void;
  tabs: TabStore;
}) {
  return (
    <Form<PlanFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFieldsChange={onFieldsChange}
      scrollToFirstError
    >
      <EditorTabs store={tabs} />
    </Form>
  );
});

export function PlanEditor({ planId, plan, version: initialVersion, published, onReload, onDirtyChange }: Props) {
  const [form] = Form.useForm<PlanFormValues>();
  const update = useUpdatePlan(planId);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [version, setVersion] = useState(initialVersion);
  const [tabs] = useState(() => createTabStore('basic'));
  const setTab = tabs.set;
  const [errors, setErrors] = useState<Array<[string, string]>>([]);
  const [warnings, setWarnings] = useState<PlanWarning[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  // the values the form started from (its initial values); after a save the form is not re-rendered, so
  // 放弃修改 after a save starts the editor again from the saved plan (onReload)
  const [base] = useState(() => toFormValues(plan));
  const savedOnce = useRef(false);
  const dirty = useRef(false);
  /** the fields edited since the last save, as JSON name paths: the only ones checked in the browser */
  const edited = useRef(new Set<string>());
  const noteEdited = useCallback((changed: Array<{ name: Array<string | number> }>) => {
    for (const f of changed) edited.current.add(JSON.stringify(f.name));
  }, []);
  const markDirty = useCallback(() => {
    if (dirty.current) return;
    dirty.current = true;
    onDirtyChange(true);
  }, [onDirtyChange]);
  const pickTab = useCallback((path: string) => setTab(tabOf(path)), [setTab]);
  const warningEntries = useMemo(() => warnings.map((w): [string, string] => [w.path, w.message]), [warnings]);

  /** 仍要保存 → true; 返回修改 → false */
  const confirmWarnings = (list: PlanWarning[]) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: `计划有 ${list.length} 处可能有误，仍要保存吗？`,
        width: 640,
        content: (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {list.map((w) => (
              <li key={w.path}>
                {where(w.path)}：{w.message}
              </li>
            ))}
          </ul>
        ),
        okText: '仍要保存',
        cancelText: '返回修改',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const showErrors = (entries: Array<[string, string]>) => {
    setErrors(entries);
    form.setFields(entries.map(([path, msg]) => ({ name: namePathOf(path) as never, errors: [msg] })));
    if (entries[0]) setTab(tabOf(entries[0][0]));
  };

  const save = async () => {
    setErrors([]);
    try {
      // the fields edited since the last save (the server checks the whole document): validateFields() on
      // all ~450 re-rendered each of them
      const names = [...edited.current].map((n) => JSON.parse(n) as Array<string | number>);
      if (names.length > 0) await form.validateFields(names as never, { recursive: true });
    } catch (e) {
      const fields = (e as { errorFields?: Array<{ name: Array<string | number>; errors: string[] }> }).errorFields ?? [];
      showErrors(fields.map((f) => [f.name.join('.'), f.errors[0] ?? '']));
      return;
    }
    const doc = toPlanDocument(form.getFieldsValue(true) as PlanFormValues);
    const found = warningsOf(doc);
    setWarnings(found);
    if (found.length > 0 && !(await confirmWarnings(found))) {
      setTab(tabOf(found[0]!.path));
      return;
    }
    setSaving(true);
    try {
      const r = await update.mutateAsync({ plan: doc, version });
      setVersion(r.version);
      savedOnce.current = true;
      edited.current.clear();
      setWarnings(r.warnings);
      dirty.current = false;
      onDirtyChange(false);
      void message.success(r.warnings.length ? `已保存（有 ${r.warnings.length} 处提醒，见页面上方）` : '已保存');
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
          description={<IssueList entries={errors} onPick={pickTab} />}
        />
      )}
      {warnings.length > 0 && errors.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`计划有 ${warnings.length} 处可能有误（不影响保存，请核对）`}
          description={<IssueList entries={warningEntries} onPick={pickTab} />}
        />
      )}
      <PlanForm form={form} initialValues={base} onValuesChange={markDirty} onFieldsChange={noteEdited} tabs={tabs} />
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
            // back to the last saved values: the form's initial values are those read at the start
            if (savedOnce.current) {
              onReload();
              return;
            }
            form.resetFields();
            setErrors([]);
            setWarnings([]);
            dirty.current = false;
            onDirtyChange(false);
          }}
        >
          <Button>放弃修改</Button>
        </Popconfirm>
      </Flex>
    </>
  );
}
