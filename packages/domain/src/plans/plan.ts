/**
 * 评审计划 (SPEC §3): everything that differs between rounds is plan data, validated here with Chinese
 * messages that name the faulty field. The eight seed plans live in config/plans/ as YAML files.
 */
import { z } from 'zod';
import { zDate, zMonth } from '../validators/dates';

// dates that exist (validators/dates.ts): 2026-02-30 or month 13 is refused, not carried into deadlines
const day = zDate();
const month = zMonth();
const nonEmpty = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const titleLevel = z.enum(['technicianLevel', 'assistant', 'intermediate', 'senior', 'professor'], {
  error: '职称级别应为 technicianLevel/assistant/intermediate/senior/professor 之一',
});
const educationLevel = z.enum(['secondary', 'juniorCollege', 'bachelor', 'secondBachelor', 'master', 'doctor'], {
  error: '学历应为 secondary/juniorCollege/bachelor/secondBachelor/master/doctor 之一',
});

export const APPLICATION_MODES = [
  { value: 'normal', label: '正常申报' },
  { value: 'skilledTalent', label: '技能人才申报' },
  { value: 'selfScore', label: '自评分申报' },
  { value: 'landmarkAchievement', label: '标志性业绩直接申报' },
  { value: 'exceptional', label: '破格申报' },
  { value: 'directReport', label: '直报' },
] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number]['value'];
const applicationMode = z.enum(['normal', 'skilledTalent', 'selfScore', 'landmarkAchievement', 'exceptional', 'directReport'], {
  error: '申报方式应为 normal/skilledTalent/selfScore/landmarkAchievement/exceptional/directReport 之一',
});

/** The N-of-M conditions a direct report may meet (seed 004 二). Each key has a rule in rules/direct-report.ts. */
export const DIRECT_REPORT_CONDITIONS = [
  'incomeTax',
  'innovationLead',
  'patents',
  'standards',
  'reports',
  'innovationSales',
  'mentoring',
] as const;
export type DirectReportCondition = (typeof DIRECT_REPORT_CONDITIONS)[number];

export const ZAttachmentSpec = z.object({
  key: nonEmpty('附件代号', 40),
  name: nonEmpty('附件名称', 80),
  required: z.boolean().default(true),
  note: z.string().max(300).optional(),
});

export const ZModeSpec = z.object({
  mode: applicationMode,
  label: nonEmpty('申报方式名称', 40),
  description: z.string().max(500).optional(),
  attachments: z.array(ZAttachmentSpec).default([]),
  /** e.g. seed 003: 2 正高 experts of the same or a related specialty */
  recommenders: z.object({ count: z.number().int().min(1).max(10), qualification: nonEmpty('推荐人资格', 100) }).optional(),
  /** 自评分申报: the self-score needed (seed 000: ≥ 80; seed 002: ≥ 60) */
  selfScoreThreshold: z.number().min(0).max(1000).optional(),
  /** 直报: at least `required` of `conditions` (seed 004: 3 of 7) */
  directReport: z.object({ required: z.number().int().min(1), conditions: z.array(z.enum(DIRECT_REPORT_CONDITIONS)).min(1) }).optional(),
  /** the mode is for those lacking the education or years of the normal path */
  waivesEducationYears: z.boolean().default(false),
  /** 破格: needs the approval form (破格推荐审批表) */
  requiresApprovalForm: z.boolean().default(false),
  /** the levels this mode is open to (seed 002: 自评分 only for 工程师); absent = every level of the plan */
  levels: z.array(titleLevel).optional(),
});

export const ROUTE_STEP_KINDS = [
  { value: 'countyHr', label: '县（市、区）人力社保局' },
  { value: 'countyEconomy', label: '县（市、区）经信局' },
  { value: 'cityHr', label: '市人力社保局' },
  { value: 'cityEconomy', label: '市经信局' },
  { value: 'cityEconomyOrHr', label: '市经信或人力社保部门' },
  { value: 'cityEconomyWithHr', label: '市经信部门会同人力社保部门' },
  { value: 'competentDepartment', label: '主管部门' },
  { value: 'industryDepartment', label: '行业主管部门' },
  { value: 'provincialDepartment', label: '省级主管部门' },
  { value: 'personnelAgency', label: '人事代理机构' },
  { value: 'acceptancePoint', label: '职称申报受理点' },
  { value: 'committeeRecommendation', label: '中评委推荐' },
  { value: 'committeeOffice', label: '评委会办公室' },
] as const;
const routeStepKind = z.enum([
  'countyHr',
  'countyEconomy',
  'cityHr',
  'cityEconomy',
  'cityEconomyOrHr',
  'cityEconomyWithHr',
  'competentDepartment',
  'industryDepartment',
  'provincialDepartment',
  'personnelAgency',
  'acceptancePoint',
  'committeeRecommendation',
  'committeeOffice',
]);

export const ZRouteStep = z.object({
  kind: routeStepKind,
  label: z.string().max(60).optional(),
  /** checks paper only, no electronic review (seed 000: county 经信 and a 市属 unit's competent department) */
  paperOnly: z.boolean().default(false),
});

export const ZRoute = z.object({
  /** the employer's affiliation (seed 002's 市直 units are 'city'); 'any' as a fallback */
  affiliation: z.enum(['county', 'city', 'province', 'none', 'any']),
  /** for 无主管部门: whether the unit's files are at a talent centre (seed 000) */
  filesAtAgency: z.boolean().optional(),
  steps: z.array(ZRouteStep).min(1, '审核路线至少包含一个环节'),
});

const ZBound = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  minInclusive: z.boolean().default(true),
  maxInclusive: z.boolean().default(true),
});

/** Photo specification (SPEC §3; §11 readings: seeds 003/004 strict, seed 000 inclusive). */
export const ZPhotoSpec = z.object({
  formats: z.array(z.enum(['jpeg', 'png'])).min(1),
  bytes: ZBound,
  width: ZBound,
  height: ZBound,
  aspect: z.object({ min: z.number(), max: z.number() }).optional(),
});

export const ZContinuingEducationRule = z.discriminatedUnion('kind', [
  /** 90 h a year, of which ≥ 60 专业 and 行业公需 + 一般公需 together ≥ 18 (seeds 000, 001, 003) */
  z.object({
    kind: z.literal('annual'),
    appliesToLevels: z.array(titleLevel).optional(),
    years: z.array(z.number().int()).min(1),
    hoursPerYear: z.number().min(0),
    professionalMin: z.number().min(0),
    publicMin: z.number().min(0),
    onlineCapPerYear: z.number().min(0).optional(),
    /** seed 001: the cap is lifted for 2020 for courseware of the economy-and-IT authorities */
    onlineCapExemptions: z
      .array(z.object({ year: z.number().int(), registry: z.enum(['provincialHr', 'economyIt', 'cityHr', 'industry']) }))
      .default([]),
  }),
  /** seeds 002, 003: a 3(or 4)-year total with this year's minimum; make-up allowed (seed 002) */
  z.object({
    kind: z.literal('total'),
    /** seed 002 五(二): the rule is for 工程师 applicants only */
    appliesToLevels: z.array(titleLevel).optional(),
    years: z.array(z.number().int()).min(1),
    totalMin: z.number().min(0),
    currentYear: z.number().int(),
    currentYearMin: z.number().min(0),
    /** the categories' proportions of the annual rule, applied to the total */
    professionalShare: z.number().min(0).max(1).optional(),
    publicShare: z.number().min(0).max(1).optional(),
    makeUpAllowed: z.boolean().default(false),
    /** seed 003: this year's 行业公需 and 专业 hours must come from this registry */
    currentYearRegistry: z.enum(['provincialHr', 'economyIt', 'cityHr', 'industry']).optional(),
    onlineCapPerYear: z.number().min(0).optional(),
  }),
  /** seed 004: records for the years must be given, no threshold */
  z.object({ kind: z.literal('recordsOnly'), years: z.array(z.number().int()).min(1), appliesToLevels: z.array(titleLevel).optional() }),
]);

export const ZAssessmentRule = z.object({
  /** 'lastYears': these years; 'sinceCurrentTitle': every year since the current title */
  scope: z.enum(['lastYears', 'sinceCurrentTitle']),
  years: z.array(z.number().int()).default([]),
  passResults: z.array(z.enum(['excellent', 'qualified', 'competent'])).default(['excellent', 'qualified', 'competent']),
});

/** One row of the education + years matrix: with this education and this title held this long (or these working years), one may apply. */
export const ZEligibilityRow = z.object({
  education: educationLevel,
  requiredTitle: titleLevel.nullable(),
  yearsInTitle: z.number().min(0).default(0),
  professionalYears: z.number().min(0).default(0),
  note: z.string().max(200).optional(),
});

export const ZScoringItem = z.object({
  key: nonEmpty('评分项代号', 40),
  name: nonEmpty('评分项名称', 80),
  maxPoints: z.number().min(0).max(1000),
  description: z.string().max(500).optional(),
  /** "无证明材料的不予评分" */
  evidenceRequired: z.boolean().default(true),
});

export const ZMountainCountyBonus = z.object({
  /** seed 003 五(五): 15 up to 20 years → 4; 20 or more → 6 + 1 per further year, max 10 */
  fromYears: z.number().int(),
  fromPoints: z.number(),
  fullYears: z.number().int(),
  fullPoints: z.number(),
  perExtraYear: z.number(),
  maxPoints: z.number(),
});

export const INTERVIEW_TRIGGERS = [
  { value: 'transfer', label: '转评' },
  { value: 'lacksEducationOrYears', label: '学历资历不符' },
  { value: 'landmarkAchievement', label: '标志性业绩申报' },
  { value: 'recentLaterDegree', label: '后学历取得不满 2 年' },
  { value: 'committeeChoice', label: '评委会认为需要' },
  { value: 'everyone', label: '全部参加面试' },
] as const;

export const ZPlan = z.object({
  schemaVersion: z.literal(1, { error: 'schemaVersion 应为 1' }),
  key: z.string().regex(/^[a-z0-9-]{3,64}$/, '计划代号只能用小写字母、数字和连字符，3–64 位'),
  name: nonEmpty('计划名称', 120),
  source: z.object({
    issuer: nonEmpty('发文单位', 60),
    documentNumber: z.string().max(60).optional(),
    title: nonEmpty('通知标题', 200),
    date: day.optional(),
  }),
  committee: z.object({
    name: nonEmpty('评委会名称', 100),
    office: nonEmpty('评委会办公室', 100),
    kind: z.enum(['senior', 'intermediate']),
  }),
  year: z.number().int().min(2000).max(2100),
  levels: z.array(titleLevel).min(1, '至少包含一个评审级别'),
  specialties: z
    .array(z.object({ code: nonEmpty('专业代号', 40), name: nonEmpty('专业名称', 40), description: z.string().max(1000).optional() }))
    .min(1, '至少包含一个评审专业'),
  acceptedRegionIds: z.array(z.string()).min(1, '至少包含一个受理地区'),
  eligibleEmployers: z.string().max(500).optional(),
  timeline: z
    .object({
      openDate: day,
      personalDeadline: day,
      employerDeadline: day,
      departmentDeadline: day.optional(),
      lowerCommitteeDeadline: day.optional(),
      reviewMonth: month.optional(),
    })
    .refine((t) => t.openDate <= t.personalDeadline, { message: '个人申报截止日期不能早于开始日期', path: ['personalDeadline'] })
    .refine((t) => t.personalDeadline <= t.employerDeadline, {
      message: '单位审核截止日期不能早于个人申报截止日期',
      path: ['employerDeadline'],
    })
    .refine((t) => !t.departmentDeadline || t.employerDeadline <= t.departmentDeadline, {
      message: '主管部门截止日期不能早于单位审核截止日期',
      path: ['departmentDeadline'],
    }),
  cutoffDate: day,
  modes: z.array(ZModeSpec).min(1, '至少包含一种申报方式'),
  routes: z.array(ZRoute).min(1, '至少包含一条审核路线'),
  committeeRecommendation: z.boolean().default(false),
  publicity: z.object({ employerWorkingDays: z.number().int().min(1), committeeWorkingDays: z.number().int().min(1) }),
  fee: z.object({
    amountYuan: z.number().min(0).nullable(),
    payer: z.enum(['applicant', 'employer']).nullable(),
    due: z.enum(['afterQualificationReview', 'afterSubmission', 'onMaterialsSent']).nullable(),
    method: z.enum(['online', 'bankTransfer']).nullable(),
  }),
  photo: ZPhotoSpec,
  personalStatementMaxChars: z.number().int().min(100).max(10000).default(1000),
  flags: z.object({
    foreignLanguageRequired: z.boolean().default(false),
    computerSkillsRequired: z.boolean().default(false),
    papersRequired: z.boolean().default(false),
    achievementsAfterCurrentTitleOnly: z.boolean().default(false),
    covidFrontlineRelaxation: z.string().max(300).optional(),
  }),
  watermark: z.string().max(60).default('浙江省专业技术职务任职资格申报评审'),
  continuingEducation: ZContinuingEducationRule,
  annualAssessment: ZAssessmentRule,
  eligibility: z.array(z.object({ level: titleLevel, rows: z.array(ZEligibilityRow).min(1) })).default([]),
  scoring: z.object({ items: z.array(ZScoringItem).min(1), mountainCountyBonus: ZMountainCountyBonus.optional() }).optional(),
  interviewTriggers: z
    .array(z.enum(['transfer', 'lacksEducationOrYears', 'landmarkAchievement', 'recentLaterDegree', 'committeeChoice', 'everyone']))
    .default([]),
  integrityBanYears: z.number().int().min(0).default(3),
  deliverables: z
    .object({
      evaluationFormCopies: z.number().int().min(1).default(3),
      doubleSided: z.boolean().default(false),
      exportAfterPayment: z.boolean().default(true),
    })
    .default({ evaluationFormCopies: 3, doubleSided: false, exportAfterPayment: true }),
  /** which seed clauses each part encodes: free text, kept with the plan */
  citations: z.record(z.string(), z.string()).default({}),
});
export type Plan = z.infer<typeof ZPlan>;
export type PlanInput = z.input<typeof ZPlan>;

/** Validates a plan and returns Chinese errors that name the faulty field by its path. */
export function validatePlan(input: unknown): { ok: true; plan: Plan } | { ok: false; errors: Array<{ path: string; message: string }> } {
  const r = ZPlan.safeParse(input);
  if (r.success) {
    const extra = crossCheckPlan(r.data);
    return extra.length ? { ok: false, errors: extra } : { ok: true, plan: r.data };
  }
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.') || '(根)', message: i.message })) };
}

function crossCheckPlan(p: Plan): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  p.modes.forEach((m, i) => {
    if (m.mode === 'directReport' && !m.directReport)
      out.push({ path: `modes.${i}.directReport`, message: '直报方式须设置"N 项条件中满足几项"' });
    if (m.mode === 'selfScore' && m.selfScoreThreshold === undefined)
      out.push({ path: `modes.${i}.selfScoreThreshold`, message: '自评分申报须设置分数线' });
    if (m.mode === 'selfScore' && !p.scoring) out.push({ path: 'scoring', message: '自评分申报须有评分表' });
  });
  if (p.cutoffDate.slice(0, 4) !== String(p.year))
    out.push({ path: 'cutoffDate', message: `计算截止日期应在 ${p.year} 年内（各通知均为当年 12 月 31 日）` });
  const codes = new Set<string>();
  p.specialties.forEach((s, i) => {
    if (codes.has(s.code)) out.push({ path: `specialties.${i}.code`, message: `专业代号 ${s.code} 重复` });
    codes.add(s.code);
  });
  return out;
}
