/**
 * The plan editor's form holds the plan document itself (packages/domain ZPlan), so a field path the
 * server names in its Chinese error ("modes.0.attachments.1.name") is the form item's name path.
 * Only three parts are shaped for the form: dates stay strings (the pickers convert), photo sizes are
 * shown in KB, and the citations record is a list of rows.
 */
import type { Plan } from '@zc/domain';

/** Limits the inputs share with ZPlan, so the form refuses early what the server would refuse. */
export const LIMITS = {
  year: { min: 2000, max: 2100 },
  statement: { min: 100, max: 10_000 },
  feeYuan: { max: 100_000 },
  publicityDays: { min: 1, max: 60 },
  recommenders: { min: 1, max: 10 },
  selfScore: { max: 1000 },
  points: { max: 1000 },
  copies: { min: 1, max: 10 },
  banYears: { max: 10 },
  text: {
    name: 120,
    short: 40,
    label: 80,
    note: 300,
    description: 500,
    specialtyDescription: 1000,
    issuer: 60,
    title: 200,
    committee: 100,
    employers: 500,
    watermark: 60,
    qualification: 100,
    citation: 1000,
  },
} as const;

export const BYTES_PER_KB = 1024;
export const PLAN_KEY_PATTERN = /^[a-z0-9-]{3,64}$/;
export const PLAN_KEY_MESSAGE = '计划代号只能用小写字母、数字和连字符，3–64 位';

type Bound = Plan['photo']['bytes'];
export type PlanFormValues = Omit<Plan, 'citations'> & { citations: Array<{ part: string; text: string }> };

const scaleBound = (b: Bound | undefined, f: (n: number) => number): Bound => ({
  minInclusive: true,
  maxInclusive: true,
  ...b,
  min: b?.min === undefined ? undefined : f(b.min),
  max: b?.max === undefined ? undefined : f(b.max),
});

export function toFormValues(plan: Plan): PlanFormValues {
  const { citations, ...rest } = plan;
  return {
    ...rest,
    photo: { ...plan.photo, bytes: scaleBound(plan.photo.bytes, (n) => n / BYTES_PER_KB) },
    citations: Object.entries(citations ?? {}).map(([part, text]) => ({ part, text })),
  } as PlanFormValues;
}

/** Optional texts: an empty input means "not given" (a blank date would fail the date pattern). */
const OPTIONAL_TEXT = new Set([
  'description',
  'documentNumber',
  'date',
  'note',
  'departmentDeadline',
  'lowerCommitteeDeadline',
  'reviewMonth',
  'eligibleEmployers',
  'covidFrontlineRelaxation',
]);
/** Optional objects dropped when nothing in them is filled in. */
const OPTIONAL_OBJECT = new Set(['recommenders', 'directReport', 'aspect', 'mountainCountyBonus']);

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function prune(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.filter((x) => x !== undefined && x !== null).map((x, i) => prune(x, [...path, String(i)]));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    const isRouteLabel = k === 'label' && path.includes('steps');
    if (v === '' && (OPTIONAL_TEXT.has(k) || isRouteLabel)) continue;
    const p = prune(v, [...path, k]);
    if (OPTIONAL_OBJECT.has(k) && p && typeof p === 'object' && Object.values(p).every(isBlank)) continue;
    out[k] = p;
  }
  return out;
}

/** The form's values as the plan document PUT /plans/:id expects. */
export function toPlanDocument(values: PlanFormValues): Plan {
  const { citations, ...rest } = values;
  const doc = prune(rest, []) as Plan;
  const fee = values.fee;
  doc.fee = { amountYuan: fee?.amountYuan ?? null, payer: fee?.payer ?? null, due: fee?.due ?? null, method: fee?.method ?? null };
  doc.photo = { ...doc.photo, bytes: scaleBound(doc.photo?.bytes, (n) => Math.round(n * BYTES_PER_KB)) };
  doc.eligibility = (doc.eligibility ?? []).map((e) => ({
    ...e,
    rows: (e.rows ?? []).map((r) => ({ ...r, requiredTitle: r.requiredTitle ?? null })),
  }));
  if (doc.scoring && (doc.scoring.items ?? []).length === 0 && !doc.scoring.mountainCountyBonus) delete doc.scoring;
  doc.citations = Object.fromEntries((citations ?? []).filter((c) => c?.part?.trim()).map((c) => [c.part.trim(), c.text ?? '']));
  return doc;
}

/** "modes.0.attachments.1.name" → ['modes', 0, 'attachments', 1, 'name'] (Form.List indices are numbers). */
export function namePathOf(path: string): Array<string | number> {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The editor's tabs, and which top-level part of the plan each one holds. */
export const EDITOR_TABS = [
  {
    key: 'basic',
    label: '基本信息',
    parts: [
      'schemaVersion',
      'key',
      'name',
      'year',
      'levels',
      'committee',
      'committeeRecommendation',
      'cutoffDate',
      'acceptedRegionIds',
      'eligibleEmployers',
      'source',
    ],
  },
  { key: 'timeline', label: '时间与收费', parts: ['timeline', 'publicity', 'fee'] },
  { key: 'specialties', label: '评审专业', parts: ['specialties'] },
  { key: 'modes', label: '申报方式', parts: ['modes'] },
  {
    key: 'materials',
    label: '材料要求',
    parts: ['photo', 'personalStatementMaxChars', 'flags', 'watermark', 'deliverables', 'integrityBanYears'],
  },
  { key: 'rules', label: '条件与评分', parts: ['continuingEducation', 'annualAssessment', 'eligibility', 'scoring', 'interviewTriggers'] },
  { key: 'routes', label: '审核路线', parts: ['routes'] },
  { key: 'citations', label: '依据条款', parts: ['citations'] },
] as const;
export type EditorTab = (typeof EDITOR_TABS)[number]['key'];

export function tabOf(path: string): EditorTab {
  const top = path.split('.')[0] ?? '';
  return EDITOR_TABS.find((t) => (t.parts as readonly string[]).includes(top))?.key ?? 'basic';
}

const PATH_LABELS: Record<string, string> = {
  schemaVersion: '格式版本',
  key: '计划代号',
  name: '名称',
  source: '通知文件',
  issuer: '发文单位',
  documentNumber: '文号',
  title: '通知标题',
  date: '日期',
  committee: '评委会',
  office: '评委会办公室',
  kind: '类别',
  year: '年度',
  levels: '评审级别',
  specialties: '评审专业',
  code: '专业代号',
  description: '说明',
  acceptedRegionIds: '受理地区',
  eligibleEmployers: '申报单位范围',
  timeline: '时间安排',
  openDate: '开始申报日期',
  personalDeadline: '个人申报截止日期',
  employerDeadline: '单位审核截止日期',
  departmentDeadline: '主管部门审核截止日期',
  lowerCommitteeDeadline: '下级评委会推荐截止日期',
  reviewMonth: '评审月份',
  cutoffDate: '计算截止日期',
  modes: '申报方式',
  mode: '申报方式',
  label: '名称',
  attachments: '附件',
  required: '必需',
  note: '备注',
  recommenders: '推荐人',
  count: '人数',
  qualification: '推荐人资格',
  selfScoreThreshold: '自评分分数线',
  directReport: '直报条件',
  conditions: '条件',
  routes: '审核路线',
  affiliation: '单位隶属',
  steps: '审核环节',
  committeeRecommendation: '中评委推荐环节',
  publicity: '公示',
  employerWorkingDays: '单位公示工作日数',
  committeeWorkingDays: '评委会公示工作日数',
  fee: '评审费',
  amountYuan: '金额',
  payer: '缴费方',
  due: '缴费时间',
  method: '缴费方式',
  photo: '证件照要求',
  formats: '格式',
  bytes: '文件大小',
  width: '宽度',
  height: '高度',
  aspect: '宽高比',
  min: '下限',
  max: '上限',
  personalStatementMaxChars: '本人述职字数上限',
  flags: '其他要求',
  watermark: '水印文字',
  continuingEducation: '继续教育',
  annualAssessment: '年度考核',
  eligibility: '学历资历条件',
  rows: '条件行',
  scoring: '评分表',
  items: '评分项',
  maxPoints: '最高分',
  mountainCountyBonus: '山区26县加分',
  interviewTriggers: '面试答辩情形',
  integrityBanYears: '弄虚作假禁报年限',
  deliverables: '纸质材料',
  citations: '依据条款',
};

/** A server field path in Chinese: "申报方式 › 第 1 项 › 附件 › 第 2 项 › 名称". */
export function describePath(path: string): string {
  return path
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? `第 ${Number(s) + 1} 项` : (PATH_LABELS[s] ?? s)))
    .join(' › ');
}
