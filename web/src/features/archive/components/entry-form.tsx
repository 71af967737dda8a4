import { useMemo } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  type FormInstance,
  type FormRule,
} from 'antd';
import dayjs from 'dayjs';
import { checkArchiveEntry, ZArchiveEntryData, type ArchiveKind } from '@zc/domain';
import type { FieldErrors } from '@shared/api-client';
import { applyFieldErrors, useApiErrorHandler } from '@shared/feedback';
import { required } from '@shared/form-rules';
import { useSaveEntry, type ArchiveEntry } from '../api';
import {
  ACHIEVEMENT_TYPE_OPTIONS,
  MOUNTAIN_COUNTY_OPTIONS,
  fieldsFor,
  initialValues,
  toEntryData,
  toFormValues,
  type FieldDef,
  type FormValues,
} from '../fields';

const KIND_HINTS: Partial<Record<ArchiveKind, string>> = {
  education:
    '2001 年及以后取得的国内学历，保存后由学信数据自动核验；2001 年以前、国（境）外或技工院校的学历，须上传证书等证明材料。最高学历不是工程类的，请另行填写工程类学历。',
  title: '请填写现任职称及其取得时间（任现职时间）；转评的请同时填写原职称系列。',
  appointment: '请登记近 5 年的聘任情况，并上传聘书或聘任文件。',
  workExperience: '从事工程技术工作的经历须经单位审核盖章确认。',
  continuingEducation: '请按年度登记继续教育学时，并上传学时证明（登记平台截图或证书）。',
  socialSecurityProof:
    '近三年在省外参保的期间，须上传《基本养老保险参保缴费证明》；在嘉兴全职工作、社保在外地缴纳的，也可上传劳动合同、银行工资流水和个税证明（三项齐全）。',
};

const today = () => dayjs().format('YYYY-MM-DD');

function rulesOf(f: FieldDef): FormRule[] {
  const out: FormRule[] = [];
  if (f.required && f.type !== 'switch') {
    out.push(
      f.type === 'text' || f.type === 'textarea'
        ? required(`请填写${f.label}`)
        : { required: true, message: `请${f.type === 'integer' || f.type === 'number' ? '填写' : '选择'}${f.label}` },
    );
  }
  if (f.max && (f.type === 'text' || f.type === 'textarea')) out.push({ max: f.max, message: `${f.label}不超过 ${f.max} 个字` });
  return out;
}

/** The control of one field. A plain element (not a component), so Form.Item gives it id, value and onChange. */
function controlOf(f: FieldDef, mountainCounties: Array<{ value: string; label: string }>) {
  const future = f.notFuture ? (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day') : undefined;
  switch (f.type) {
    case 'text':
      return <Input maxLength={f.max} placeholder={f.placeholder ?? (f.required ? undefined : '选填')} />;
    case 'textarea':
      return <Input.TextArea rows={4} maxLength={f.max} showCount placeholder={f.placeholder} />;
    case 'select':
      return <Select options={[...(f.options ?? [])]} placeholder={f.required ? '请选择' : '选填'} allowClear={!f.required} />;
    case 'mountainCounty':
      return (
        <Select
          options={mountainCounties}
          placeholder="选填"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent="没有匹配的山区县"
        />
      );
    case 'date':
      return <DatePicker format="YYYY-MM-DD" placeholder="年-月-日，如 2024-05-01" style={{ width: '100%' }} disabledDate={future} />;
    case 'month':
      return (
        <DatePicker
          picker="month"
          format="YYYY-MM"
          placeholder={f.required ? '年-月，如 2024-05' : '选填，年-月'}
          style={{ width: '100%' }}
          disabledDate={f.notFuture ? (d) => d.isAfter(dayjs(), 'month') : undefined}
        />
      );
    case 'year':
      return (
        <DatePicker
          picker="year"
          format="YYYY"
          placeholder="年份，如 2024"
          style={{ width: '100%' }}
          disabledDate={f.notFuture ? (d) => d.isAfter(dayjs(), 'year') : undefined}
        />
      );
    case 'integer':
      return (
        <InputNumber
          min={f.min}
          max={f.maxValue}
          precision={0}
          placeholder={f.placeholder ?? (f.required ? undefined : '选填')}
          style={{ width: '100%' }}
        />
      );
    case 'number':
      return (
        <InputNumber
          min={f.min}
          max={f.maxValue}
          step={f.step}
          suffix={f.unit}
          placeholder={f.required ? undefined : '选填'}
          style={{ width: '100%' }}
        />
      );
    case 'switch':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
  }
}

/** The domain schema and cross-field checks, run in the browser: the same messages the server would give. */
function validateWithDomain(kind: ArchiveKind, values: FormValues): { data: ReturnType<typeof toEntryData>; errors: FieldErrors } {
  const data = toEntryData(kind, values);
  const parsed = ZArchiveEntryData.safeParse(data);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.filter((p) => p !== 'detail').join('.') || '_';
      errors[key] ??= issue.message;
    }
    return { data, errors };
  }
  return { data: parsed.data, errors: checkArchiveEntry(parsed.data, today()) };
}

interface Props {
  kind: ArchiveKind;
  kindLabel: string;
  /** null: a new entry */
  entry: ArchiveEntry | null;
  /** for a new achievement, the type picked beforehand */
  achievementType?: string;
  onClose: () => void;
  onSaved: (entry: ArchiveEntry, created: boolean) => void;
}

/** 新增 / 编辑 one archive entry, in a drawer. Render it only while open. */
export function EntryFormDrawer({ kind, kindLabel, entry, achievementType, onClose, onSaved }: Props) {
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveEntry();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const initial = useMemo(() => (entry ? toFormValues(entry.data) : initialValues(kind, achievementType)), [entry, kind, achievementType]);
  const watchedType = Form.useWatch('type', form) as string | undefined;
  const type = kind === 'achievement' ? (watchedType ?? (initial.type as string | undefined)) : undefined;
  const fields = fieldsFor(kind, type);
  const title = `${entry ? '编辑' : '新增'}${kind === 'achievement' ? (ACHIEVEMENT_TYPE_OPTIONS.find((o) => o.value === type)?.label ?? '业绩成果') : kindLabel}`;

  const submit = (values: FormValues, f: FormInstance<FormValues>) => {
    const { data, errors } = validateWithDomain(kind, values);
    const known = new Set(['type', ...fields.map((x) => x.name)]);
    const entries = Object.entries(errors);
    if (entries.length > 0) {
      applyFieldErrors(f, Object.fromEntries(entries.filter(([k]) => known.has(k))));
      const stray = entries.find(([k]) => !known.has(k));
      void message.error(stray ? stray[1] : '请按提示修改后再保存');
      const first = entries.find(([k]) => known.has(k));
      if (first) f.scrollToField(first[0], { block: 'center' });
      return;
    }
    save.mutate(
      { id: entry?.id ?? null, data },
      {
        onSuccess: (saved) => {
          void message.success(entry ? '已保存修改' : '已保存');
          onSaved(saved, entry === null);
        },
        onError: (e) => onError(e, f),
      },
    );
  };

  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      }
    >
      {KIND_HINTS[kind] && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={KIND_HINTS[kind]} />}
      {entry?.status === 'approved' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该条目已由单位审核通过；修改后须重新提交单位审核。" />
      )}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => submit(v, form)} scrollToFirstError>
        <Row gutter={16}>
          {kind === 'achievement' && (
            <Col xs={24} sm={12}>
              <Form.Item label="成果类型" name="type" rules={[{ required: true, message: '请选择成果类型' }]}>
                <Select options={ACHIEVEMENT_TYPE_OPTIONS} placeholder="请选择" disabled={entry !== null} />
              </Form.Item>
            </Col>
          )}
          {fields.map((f) => (
            <Col key={`${type ?? kind}-${f.name}`} xs={24} sm={f.wide || f.type === 'textarea' ? 24 : 12}>
              <Form.Item
                label={f.label}
                name={f.name}
                rules={rulesOf(f)}
                extra={f.extra}
                valuePropName={f.type === 'switch' ? 'checked' : 'value'}
              >
                {controlOf(f, MOUNTAIN_COUNTY_OPTIONS)}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Drawer>
  );
}
