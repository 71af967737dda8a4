/**
 * The fields of each archive kind (and achievement type), with their Chinese labels: one table drives the
 * applicant's form and the employer's read-only view. Names and types follow the domain schemas in
 * packages/domain/src/archive/entries.ts; the server validates with those schemas, so does the form.
 */
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACHIEVEMENT_TYPES,
  AWARD_LEVELS,
  BOOK_ROLES,
  CE_CHANNELS,
  COMPETITION_CLASSES,
  COMPETITION_LEVELS,
  DEGREES,
  EDUCATION_ORIGINS,
  GRANT_MODES,
  PATENT_TYPES,
  PROJECT_LEVELS,
  PROJECT_ROLES,
  PROOF_KINDS,
  REPORT_KINDS,
  SKILL_GRADES,
  STANDARD_LEVELS,
  STANDARD_ROLES,
  STUDY_MODES,
  ASSESSMENT_RESULTS,
  CE_CATEGORIES,
  EDUCATION_LEVELS,
  HOURS_REGISTRIES,
  HOME_PROVINCE,
  PROVINCES,
  TECHNICAL_SCHOOL_CLASSES,
  TITLE_LEVELS,
  TITLE_SERIES,
  findRegionByKey,
  zhejiangRegions,
  type ArchiveEntryData,
  type ArchiveKind,
} from '@zc/domain';

export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number]['value'];
type Option = { value: string; label: string };

export type FieldType = 'text' | 'textarea' | 'select' | 'date' | 'month' | 'year' | 'integer' | 'number' | 'switch' | 'mountainCounty';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** a value must be given (switches always have one) */
  required?: boolean;
  /** text: maximum length */
  max?: number;
  /** numbers */
  min?: number;
  maxValue?: number;
  step?: number;
  unit?: string;
  options?: readonly Option[];
  placeholder?: string;
  extra?: string;
  /** dates of things that have happened: later days are not offered */
  notFuture?: boolean;
  /** takes the whole row of the form */
  wide?: boolean;
  /** value of a new entry */
  initial?: unknown;
}

const options = (list: ReadonlyArray<{ value: string; label: string }>): Option[] => list.map((o) => ({ value: o.value, label: o.label }));

/** 参保省份 of a period outside Zhejiang: the other 30 provincial-level divisions (domain regions/provinces.ts). */
const OTHER_PROVINCES: Option[] = PROVINCES.filter((p) => p.name !== HOME_PROVINCE).map((p) => ({ value: p.name, label: p.name }));

/**
 * The mountain-county picker offers exactly the 26 counties of seed 003 附件3, from the domain's region list
 * (the server refuses any other region): "淳安县（杭州市）".
 */
export const MOUNTAIN_COUNTY_OPTIONS: Option[] = zhejiangRegions
  .filter((r) => r.mountainCounty)
  .map((r) => ({ value: r.key, label: `${r.name}（${(r.parentKey && findRegionByKey(r.parentKey)?.name) ?? ''}）` }));

const text = (name: string, label: string, max: number, more: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'text',
  max,
  required: true,
  ...more,
});
const select = (name: string, label: string, opts: readonly Option[], more: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'select',
  options: opts,
  required: true,
  ...more,
});
const date = (name: string, label: string, more: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'date',
  required: true,
  notFuture: true,
  ...more,
});
const month = (name: string, label: string, more: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'month',
  required: true,
  ...more,
});
const rank = (name: string, label: string, required = true): FieldDef => ({
  name,
  label,
  type: 'integer',
  min: 1,
  maxValue: 99,
  required,
  placeholder: '如：1',
});

export const KIND_FIELDS: Record<Exclude<ArchiveKind, 'achievement'>, FieldDef[]> = {
  education: [
    select('level', '学历', options(EDUCATION_LEVELS), { required: false, extra: '技工院校毕业的可不选，改选下方的班级类别' }),
    select('technicalSchoolClass', '技工院校班级类别', options(TECHNICAL_SCHOOL_CLASSES), {
      required: false,
      extra: '中级工班视同中专，高级工班视同大专，预备技师（技师）班视同本科',
    }),
    select('degree', '学位', DEGREES, { initial: 'none' }),
    text('school', '毕业院校', 60),
    text('major', '所学专业', 40),
    date('graduationDate', '毕业时间'),
    select('studyMode', '学习形式', STUDY_MODES),
    select('origin', '学历来源', EDUCATION_ORIGINS, { initial: 'domestic' }),
    { name: 'isEngineering', label: '工程类专业', type: 'switch', initial: true },
    { name: 'isHighest', label: '最高学历', type: 'switch', initial: true },
    text('certificateNumber', '毕业证书编号', 40, { required: false }),
  ],
  title: [
    select('level', '职称级别', options(TITLE_LEVELS)),
    select('series', '职称系列', options(TITLE_SERIES), { extra: '工程技术人员选“工程技术人员（工程）”' }),
    text('specialty', '专业', 40, { placeholder: '如：给排水' }),
    date('grantedDate', '取得时间'),
    select('grantMode', '取得方式', GRANT_MODES),
    text('issuer', '发证单位', 60),
    text('certificateNumber', '证书编号', 40, { required: false }),
    { name: 'isCurrent', label: '现任职称', type: 'switch', initial: true },
  ],
  appointment: [
    select('titleLevel', '聘任职称级别', options(TITLE_LEVELS)),
    text('post', '聘任岗位', 40),
    text('employerName', '聘任单位', 60),
    month('startMonth', '聘任开始', { notFuture: true }),
    month('endMonth', '聘任结束', { required: false, extra: '仍在聘的不填' }),
  ],
  workExperience: [
    text('employerName', '工作单位', 60),
    text('position', '职务/岗位', 40),
    month('startMonth', '开始时间', { notFuture: true }),
    month('endMonth', '结束时间', { required: false, notFuture: true, extra: '至今的不填' }),
    { name: 'duties', label: '主要工作内容', type: 'textarea', max: 500, required: true, wide: true },
    { name: 'isEngineering', label: '从事工程技术工作', type: 'switch', initial: true },
    {
      name: 'mountainCountyRegionId',
      label: '在山区县工作',
      type: 'mountainCounty',
      required: false,
      extra: '在 26 个山区县工作的，选择所在县（市、区）',
    },
  ],
  annualAssessment: [
    { name: 'year', label: '考核年度', type: 'year', required: true, notFuture: true },
    select('result', '考核结果', options(ASSESSMENT_RESULTS)),
  ],
  continuingEducation: [
    { name: 'year', label: '年度', type: 'year', required: true, notFuture: true },
    { name: 'hours', label: '学时', type: 'number', min: 0.5, maxValue: 500, step: 0.5, unit: '学时', required: true },
    select('category', '科目类别', options(CE_CATEGORIES)),
    select('registry', '学时登记平台', options(HOURS_REGISTRIES)),
    select('channel', '学习方式', CE_CHANNELS),
    text('courseName', '课程/培训名称', 80),
    text('provider', '主办单位', 60),
  ],
  socialSecurityProof: [
    month('startMonth', '起始月份', { notFuture: true }),
    month('endMonth', '截止月份', { notFuture: true }),
    select('province', '参保省份', OTHER_PROVINCES, { extra: '在浙江省以外缴纳社保的省份' }),
    select('proofKind', '证明方式', PROOF_KINDS),
  ],
};

export const ACHIEVEMENT_FIELDS: Record<AchievementType, FieldDef[]> = {
  paper: [
    text('title', '论文题目', 120, { wide: true }),
    text('journal', '刊物名称', 60),
    text('issn', 'ISSN', 9, { required: false, placeholder: '如：1000-1234', extra: 'ISSN 与 CN 刊号至少填写一项' }),
    text('cn', 'CN 刊号', 12, { required: false, placeholder: '如：33-1234/TU' }),
    month('publishedMonth', '发表时间', { notFuture: true }),
    text('issue', '期号', 20, { placeholder: '如：2024年第5期' }),
    rank('authorRank', '作者排名'),
  ],
  book: [
    text('title', '著作名称', 120, { wide: true }),
    text('publisher', '出版社', 60),
    text('isbn', 'ISBN', 20),
    month('publishedMonth', '出版时间', { notFuture: true }),
    select('role', '本人角色', BOOK_ROLES),
    { name: 'wordsWrittenThousand', label: '本人撰写字数', type: 'number', min: 0, maxValue: 10000, unit: '千字', required: false },
  ],
  project: [
    text('name', '项目名称', 120, { wide: true }),
    select('level', '项目级别', PROJECT_LEVELS),
    select('role', '本人角色', PROJECT_ROLES),
    rank('rank', '本人排名', false),
    { name: 'contractAmountWan', label: '合同金额', type: 'number', min: 0, maxValue: 10_000_000, unit: '万元', required: false },
    month('startMonth', '开始时间', { notFuture: true }),
    month('endMonth', '结束时间', { required: false, extra: '未结束的不填' }),
  ],
  patent: [
    text('name', '专利名称', 120, { wide: true }),
    select('patentType', '专利类型', PATENT_TYPES),
    text('patentNumber', '专利号', 30),
    date('grantDate', '授权日期'),
    rank('inventorRank', '发明人排名'),
  ],
  standard: [
    text('name', '标准名称', 120, { wide: true }),
    text('number', '标准编号', 40),
    select('level', '标准级别', STANDARD_LEVELS),
    select('role', '本人角色', STANDARD_ROLES),
    rank('rank', '本人排名'),
    date('publishedDate', '发布日期'),
  ],
  award: [
    text('name', '奖项名称', 120, { wide: true }),
    select('level', '奖项级别', AWARD_LEVELS),
    text('grade', '获奖等级', 20, { required: false, placeholder: '如：一等奖' }),
    text('issuer', '授奖单位', 60),
    date('date', '获奖日期'),
    rank('rank', '本人排名', false),
  ],
  honour: [
    text('name', '荣誉名称', 120, { wide: true }),
    select('level', '荣誉级别', AWARD_LEVELS),
    text('issuer', '授予单位', 60),
    date('date', '授予日期'),
  ],
  softwareCopyright: [
    text('name', '软件名称', 120, { wide: true }),
    text('registrationNumber', '登记号', 30),
    date('date', '登记日期'),
    rank('rank', '本人排名'),
  ],
  report: [text('title', '报告名称', 120, { wide: true }), select('reportKind', '报告类型', REPORT_KINDS), date('date', '完成日期')],
  skillCertificate: [
    text('name', '职业（工种）', 60),
    select('grade', '技能等级', SKILL_GRADES),
    text('issuer', '发证机构', 60),
    date('date', '发证日期'),
    text('certificateNumber', '证书编号', 40),
  ],
  competition: [
    text('name', '竞赛名称', 120, { wide: true }),
    select('level', '竞赛级别', COMPETITION_LEVELS),
    select('competitionClass', '竞赛类别', COMPETITION_CLASSES, { required: false }),
    { name: 'placing', label: '名次', type: 'integer', min: 1, maxValue: 999, required: true },
    date('date', '比赛日期'),
  ],
  innovationResult: [
    text('name', '成果名称', 120, { wide: true }),
    { name: 'year', label: '年度', type: 'year', required: true, notFuture: true },
    { name: 'salesWan', label: '新增销售额', type: 'number', min: 0, unit: '万元', required: false },
    { name: 'profitWan', label: '新增利润', type: 'number', min: 0, unit: '万元', required: false },
  ],
};

export const ACHIEVEMENT_TYPE_OPTIONS: Option[] = options(ACHIEVEMENT_TYPES);

export function achievementTypeLabel(type: string): string {
  return ACHIEVEMENT_TYPES.find((t) => t.value === type)?.label ?? '业绩成果';
}

/** The fields of one kind; for achievements, of one type. */
export function fieldsFor(kind: ArchiveKind, type?: string): FieldDef[] {
  if (kind === 'achievement') return type ? (ACHIEVEMENT_FIELDS[type as AchievementType] ?? []) : [];
  return KIND_FIELDS[kind];
}

/** The achievement type of an entry, or undefined for other kinds. */
export function achievementTypeOf(data: ArchiveEntryData): AchievementType | undefined {
  return data.kind === 'achievement' ? data.detail.type : undefined;
}

/** The entry's own fields (the achievement's detail flattened): the same names as the server's error details. */
function fieldValues(data: ArchiveEntryData): Record<string, unknown> {
  if (data.kind === 'achievement') return { ...data.detail };
  const { kind: _kind, ...rest } = data;
  return rest;
}

export type FormValues = Record<string, unknown>;

/** Values for a new entry's form. */
export function initialValues(kind: ArchiveKind, type?: string): FormValues {
  const out: FormValues = kind === 'achievement' && type ? { type } : {};
  for (const f of fieldsFor(kind, type)) if (f.initial !== undefined) out[f.name] = f.initial;
  for (const f of fieldsFor(kind, type)) if (f.type === 'switch' && out[f.name] === undefined) out[f.name] = false;
  return out;
}

/** Stored data → form values (dates become dayjs for the pickers). */
export function toFormValues(data: ArchiveEntryData): FormValues {
  const src = fieldValues(data);
  const type = achievementTypeOf(data);
  const out: FormValues = type ? { type } : {};
  for (const f of fieldsFor(data.kind, type)) {
    const v = src[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'date' || f.type === 'month') out[f.name] = dayjs(String(v));
    else if (f.type === 'year') out[f.name] = dayjs(`${String(v)}-01-01`);
    else out[f.name] = v;
  }
  return out;
}

function isDayjs(v: unknown): v is Dayjs {
  return dayjs.isDayjs(v);
}

/** Form values → the data the API takes. Empty optional values are left out. */
export function toEntryData(kind: ArchiveKind, values: FormValues): ArchiveEntryData {
  const type = kind === 'achievement' ? String(values.type ?? '') : undefined;
  const fields: Record<string, unknown> = {};
  for (const f of fieldsFor(kind, type)) {
    const v = values[f.name];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (f.type === 'date' && isDayjs(v)) fields[f.name] = v.format('YYYY-MM-DD');
    else if (f.type === 'month' && isDayjs(v)) fields[f.name] = v.format('YYYY-MM');
    else if (f.type === 'year' && isDayjs(v)) fields[f.name] = v.year();
    else if (f.type === 'switch') fields[f.name] = v === true;
    else if (typeof v === 'string') fields[f.name] = f.name === 'issn' || f.name === 'cn' ? v.trim().toUpperCase() : v.trim();
    else fields[f.name] = v;
  }
  // checked by the domain schema before it is sent (entry-form.tsx), and again by the server
  return (kind === 'achievement' ? { kind, detail: { type, ...fields } } : { kind, ...fields }) as ArchiveEntryData;
}

/** One field's stored value as text for the read-only view. */
function display(f: FieldDef, v: unknown, regionName: (id: string) => string | undefined): string {
  if (v === undefined || v === null || v === '') return '—';
  switch (f.type) {
    case 'switch':
      return v === true ? '是' : '否';
    case 'select':
      return f.options?.find((o) => o.value === v)?.label ?? String(v);
    case 'mountainCounty':
      return regionName(String(v)) ?? String(v);
    case 'date': {
      const s = String(v);
      return `${s.slice(0, 4)}年${s.slice(5, 7)}月${s.slice(8, 10)}日`;
    }
    case 'month': {
      const s = String(v);
      return `${s.slice(0, 4)}年${s.slice(5, 7)}月`;
    }
    case 'year':
      return `${String(v)}年`;
    default:
      return f.unit ? `${String(v)} ${f.unit}` : String(v);
  }
}

/** The entry's data as label / text pairs, in form order (for antd Descriptions). */
export function describeEntry(
  data: ArchiveEntryData,
  regionName: (id: string) => string | undefined = () => undefined,
): Array<{ label: string; value: string; wide: boolean }> {
  const type = achievementTypeOf(data);
  const src = fieldValues(data);
  const rows = fieldsFor(data.kind, type).map((f) => ({
    label: f.label,
    value: display(f, src[f.name], regionName),
    wide: f.wide === true || f.type === 'textarea',
  }));
  return type ? [{ label: '成果类型', value: achievementTypeLabel(type), wide: false }, ...rows] : rows;
}

/** "业绩成果 · 论文" for achievements, the kind's label otherwise. */
export function categoryLabel(entry: { kindLabel: string; data: ArchiveEntryData }): string {
  const type = achievementTypeOf(entry.data);
  return type ? `${entry.kindLabel} · ${achievementTypeLabel(type)}` : entry.kindLabel;
}
