/**
 * 个人业绩档案库 (SPEC §2): the kinds of archive entry and their data, as zod schemas shared by the
 * server (authoritative) and the browser (live form checks). Chinese messages say how to fix.
 */
import { z } from 'zod';
import { zDate, zMonth } from '../validators/dates';
import { mountainCountyProblem } from '../regions/zhejiang';
import { isProvinceName } from '../regions/provinces';
import { HOME_PROVINCE } from './social-security';
import {
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
  TITLE_SERIES,
  choice,
} from './options';

// dates and months that exist (validators/dates.ts); the label names the field in the message
const month = (label: string) => zMonth(label);
const day = (label: string) => zDate(label);
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const rank = z.number().int('排名应为整数').min(1, '排名从 1 开始').max(99, '排名不超过 99');
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export const EDUCATION_LEVELS = [
  { value: 'secondary', label: '中专' },
  { value: 'juniorCollege', label: '大专' },
  { value: 'bachelor', label: '本科' },
  { value: 'master', label: '硕士研究生' },
  { value: 'doctor', label: '博士研究生' },
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['value'];

/** seed 002 二(二): 中级工班=中专, 高级工班=大专, 预备技师(技师)班=本科 */
export const TECHNICAL_SCHOOL_CLASSES = [
  { value: 'intermediateWorkerClass', label: '中级工班', equivalent: 'secondary' },
  { value: 'seniorWorkerClass', label: '高级工班', equivalent: 'juniorCollege' },
  { value: 'preMasterWorkerClass', label: '预备技师（技师）班', equivalent: 'bachelor' },
] as const satisfies ReadonlyArray<{ value: string; label: string; equivalent: EducationLevel }>;
export type TechnicalSchoolClass = (typeof TECHNICAL_SCHOOL_CLASSES)[number]['value'];

export const ZEducation = z.object({
  kind: z.literal('education'),
  level: choice(EDUCATION_LEVELS, '学历').optional(),
  technicalSchoolClass: choice(TECHNICAL_SCHOOL_CLASSES, '技工院校班级类别').optional(),
  degree: choice(DEGREES, '学位').default('none'),
  school: text(60, '毕业院校'),
  major: text(40, '所学专业'),
  graduationDate: day('毕业时间'),
  studyMode: choice(STUDY_MODES, '学习形式'),
  origin: choice(EDUCATION_ORIGINS, '学历来源'),
  isEngineering: z.boolean(),
  isHighest: z.boolean(),
  certificateNumber: optionalText(40),
});

export const TITLE_LEVELS = [
  { value: 'technicianLevel', label: '技术员' },
  { value: 'assistant', label: '助理工程师' },
  { value: 'intermediate', label: '工程师' },
  { value: 'senior', label: '高级工程师' },
  { value: 'professor', label: '正高级工程师' },
] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number]['value'];

export const ZTitle = z.object({
  kind: z.literal('title'),
  level: choice(TITLE_LEVELS, '职称级别'),
  /** 职称系列: one of the national series (options.ts), e.g. "工程" */
  series: z.preprocess(trimmed, choice(TITLE_SERIES, '职称系列')),
  specialty: text(40, '专业'),
  grantedDate: day('取得时间'),
  grantMode: choice(GRANT_MODES, '取得方式'),
  issuer: text(60, '发证单位'),
  certificateNumber: optionalText(40),
  isCurrent: z.boolean(),
});

export const ZAppointment = z.object({
  kind: z.literal('appointment'),
  titleLevel: choice(TITLE_LEVELS, '聘任职称级别'),
  post: text(40, '聘任岗位'),
  employerName: text(60, '聘任单位'),
  startMonth: month('聘任开始时间'),
  endMonth: month('聘任结束时间').optional().nullable(),
});

export const ZWorkExperience = z.object({
  kind: z.literal('workExperience'),
  employerName: text(60, '工作单位'),
  position: text(40, '职务/岗位'),
  duties: text(500, '主要工作内容'),
  startMonth: month('开始时间'),
  endMonth: month('结束时间').optional().nullable(),
  isEngineering: z.boolean(),
  /** worked in one of the 26 mountain counties (seed 003 五(五)): a region id the list of 附件3 flags, or none */
  mountainCountyRegionId: z
    .string()
    .max(40, '山区县须为浙江省山区 26 县之一，请从名单中选择')
    .optional()
    .nullable()
    .superRefine((v, ctx) => {
      const problem = mountainCountyProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export const ASSESSMENT_RESULTS = [
  { value: 'excellent', label: '优秀', pass: true },
  { value: 'qualified', label: '合格', pass: true },
  { value: 'competent', label: '称职', pass: true },
  { value: 'basicallyQualified', label: '基本合格', pass: false },
  { value: 'unqualified', label: '不合格', pass: false },
] as const;

export const ZAnnualAssessment = z.object({
  kind: z.literal('annualAssessment'),
  year: z.number('请填写考核年度').int('年份不正确').min(1980, '年份不正确').max(2100, '年份不正确'),
  result: choice(ASSESSMENT_RESULTS, '考核结果'),
});

export const CE_CATEGORIES = [
  { value: 'professional', label: '专业科目' },
  { value: 'industryPublic', label: '行业公需科目' },
  { value: 'generalPublic', label: '一般公需科目' },
] as const;
export const HOURS_REGISTRIES = [
  { value: 'provincialHr', label: '省人力社保继续教育系统' },
  { value: 'economyIt', label: '经信系统继续教育平台' },
  { value: 'cityHr', label: '市人力社保学时登记平台' },
  { value: 'industry', label: '行业学时登记系统（如安防）' },
] as const;

export const ZContinuingEducation = z.object({
  kind: z.literal('continuingEducation'),
  year: z.number('请填写年度').int('年份不正确').min(2000, '年份不正确').max(2100, '年份不正确'),
  hours: z.number('请填写学时').positive('学时应大于 0').max(500, '单条记录学时不超过 500'),
  category: choice(CE_CATEGORIES, '科目类别'),
  registry: choice(HOURS_REGISTRIES, '学时登记平台'),
  channel: choice(CE_CHANNELS, '学习方式'),
  courseName: text(80, '课程/培训名称'),
  provider: text(60, '主办单位'),
});

// ---- achievements (GLOSSARY: achievement types) ----
const ZPaper = z
  .object({
    type: z.literal('paper'),
    title: text(120, '论文题目'),
    journal: text(60, '刊物名称'),
    issn: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{3}[\dX]$/, 'ISSN 格式应为 1234-567X')
      .optional()
      .nullable(),
    cn: z
      .string()
      .trim()
      .regex(/^\d{2}-\d{4}(\/[A-Z0-9]{1,4})?$/, 'CN 号格式应为 33-1234/TP')
      .optional()
      .nullable(),
    publishedMonth: month('发表时间'),
    issue: text(20, '期号'),
    authorRank: rank,
  })
  .refine((p) => !!p.issn || !!p.cn, { message: '请至少填写 ISSN 或 CN 刊号之一', path: ['issn'] });
const ZBook = z.object({
  type: z.literal('book'),
  title: text(120, '著作名称'),
  publisher: text(60, '出版社'),
  isbn: text(20, 'ISBN'),
  publishedMonth: month('出版时间'),
  role: choice(BOOK_ROLES, '本人角色'),
  wordsWrittenThousand: z.number().min(0, '字数不能为负').max(10000, '本人撰写字数不超过 10000 千字').optional().nullable(),
});
const ZProject = z.object({
  type: z.literal('project'),
  name: text(120, '项目名称'),
  level: choice(PROJECT_LEVELS, '项目级别'),
  contractAmountWan: z.number().min(0, '合同金额不能为负').max(10_000_000, '合同金额不超过 1000 亿元').optional().nullable(),
  role: choice(PROJECT_ROLES, '本人角色'),
  rank: rank.optional().nullable(),
  startMonth: month('开始时间'),
  endMonth: month('结束时间').optional().nullable(),
});
const ZPatent = z.object({
  type: z.literal('patent'),
  name: text(120, '专利名称'),
  patentType: choice(PATENT_TYPES, '专利类型'),
  patentNumber: text(30, '专利号'),
  grantDate: day('授权日期'),
  inventorRank: rank,
});
const ZStandard = z.object({
  type: z.literal('standard'),
  name: text(120, '标准名称'),
  number: text(40, '标准编号'),
  level: choice(STANDARD_LEVELS, '标准级别'),
  role: choice(STANDARD_ROLES, '本人角色'),
  rank,
  publishedDate: day('发布日期'),
});
const ZAward = z.object({
  type: z.literal('award'),
  name: text(120, '奖项名称'),
  level: choice(AWARD_LEVELS, '奖项级别'),
  grade: optionalText(20),
  issuer: text(60, '授奖单位'),
  date: day('获奖日期'),
  rank: rank.optional().nullable(),
});
const ZHonour = z.object({
  type: z.literal('honour'),
  name: text(120, '荣誉名称'),
  level: choice(AWARD_LEVELS, '荣誉级别'),
  issuer: text(60, '授予单位'),
  date: day('授予日期'),
});
const ZSoftwareCopyright = z.object({
  type: z.literal('softwareCopyright'),
  name: text(120, '软件名称'),
  registrationNumber: text(30, '登记号'),
  date: day('登记日期'),
  rank,
});
const ZReport = z.object({
  type: z.literal('report'),
  title: text(120, '报告名称'),
  reportKind: choice(REPORT_KINDS, '报告类型'),
  date: day('完成日期'),
});
const ZSkillCertificate = z.object({
  type: z.literal('skillCertificate'),
  name: text(60, '职业（工种）'),
  grade: choice(SKILL_GRADES, '技能等级'),
  issuer: text(60, '发证机构'),
  date: day('发证日期'),
  certificateNumber: text(40, '证书编号'),
});
const ZCompetition = z.object({
  type: z.literal('competition'),
  name: text(120, '竞赛名称'),
  level: choice(COMPETITION_LEVELS, '竞赛级别'),
  competitionClass: choice(COMPETITION_CLASSES, '竞赛类别').optional().nullable(),
  placing: z.number('请填写名次').int('名次应为整数').min(1, '名次从 1 开始').max(999, '名次不超过 999'),
  date: day('比赛日期'),
});
const ZInnovationResult = z.object({
  type: z.literal('innovationResult'),
  name: text(120, '成果名称'),
  year: z.number('请填写年度').int('年份不正确').min(1980, '年份不正确').max(2100, '年份不正确'),
  salesWan: z.number().min(0, '销售额不能为负').optional().nullable(),
  profitWan: z.number().min(0, '利润不能为负').optional().nullable(),
});

export const ZAchievementDetail = z.discriminatedUnion('type', [
  ZPaper,
  ZBook,
  ZProject,
  ZPatent,
  ZStandard,
  ZAward,
  ZHonour,
  ZSoftwareCopyright,
  ZReport,
  ZSkillCertificate,
  ZCompetition,
  ZInnovationResult,
]);
export const ZAchievement = z.object({ kind: z.literal('achievement'), detail: ZAchievementDetail });

export const ACHIEVEMENT_TYPES = [
  { value: 'paper', label: '论文' },
  { value: 'book', label: '著作' },
  { value: 'project', label: '项目' },
  { value: 'patent', label: '专利' },
  { value: 'standard', label: '标准' },
  { value: 'award', label: '奖项' },
  { value: 'honour', label: '荣誉' },
  { value: 'softwareCopyright', label: '软件著作权' },
  { value: 'report', label: '技术报告' },
  { value: 'skillCertificate', label: '技能等级证书' },
  { value: 'competition', label: '技能竞赛' },
  { value: 'innovationResult', label: '创新成果' },
] as const;

/** Periods of social security outside the province need proof (SPEC §2; seed 002 五(三)). */
export const ZSocialSecurityProof = z.object({
  kind: z.literal('socialSecurityProof'),
  startMonth: month('起始月份'),
  endMonth: month('截止月份'),
  /** a provincial-level division other than Zhejiang (regions/provinces.ts), full name */
  province: text(20, '参保省份')
    .refine(isProvinceName, '参保省份须为省级行政区的全称，如“江苏省”“上海市”“广西壮族自治区”')
    .refine((p) => p !== HOME_PROVINCE, '省外社保证明只用于在浙江省以外参保的期间，参保省份不能是浙江省'),
  proofKind: choice(PROOF_KINDS, '证明方式'),
});

export const ZArchiveEntryData = z.discriminatedUnion('kind', [
  ZEducation,
  ZTitle,
  ZAppointment,
  ZWorkExperience,
  ZAnnualAssessment,
  ZContinuingEducation,
  ZAchievement,
  ZSocialSecurityProof,
]);
export type ArchiveEntryData = z.infer<typeof ZArchiveEntryData>;
export type ArchiveKind = ArchiveEntryData['kind'];

export const ARCHIVE_KINDS: ReadonlyArray<{ value: ArchiveKind; label: string }> = [
  { value: 'education', label: '学历学位' },
  { value: 'title', label: '职称' },
  { value: 'appointment', label: '聘任' },
  { value: 'workExperience', label: '工作经历' },
  { value: 'annualAssessment', label: '年度考核' },
  { value: 'continuingEducation', label: '继续教育' },
  { value: 'achievement', label: '业绩成果' },
  { value: 'socialSecurityProof', label: '省外社保证明' },
];

export const ARCHIVE_STATUSES = [
  { value: 'draft', label: '草稿' },
  { value: 'pending', label: '待单位审核' },
  { value: 'approved', label: '单位已审核' },
  { value: 'returned', label: '单位已退回' },
] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number]['value'];

/** A one-line Chinese summary of an entry for lists and the employer's queue. */
export function summarizeArchiveEntry(d: ArchiveEntryData): string {
  switch (d.kind) {
    case 'education':
      return `${d.school} ${d.major}（${d.graduationDate.slice(0, 7)} 毕业）`;
    case 'title':
      return `${TITLE_LEVELS.find((t) => t.value === d.level)?.label ?? d.level}（${d.specialty}，${d.grantedDate}）`;
    case 'appointment':
      return `${d.employerName} ${d.post}（${d.startMonth} 起）`;
    case 'workExperience':
      return `${d.startMonth}–${d.endMonth ?? '至今'} ${d.employerName} ${d.position}`;
    case 'annualAssessment':
      return `${d.year} 年度考核：${ASSESSMENT_RESULTS.find((r) => r.value === d.result)?.label ?? d.result}`;
    case 'continuingEducation':
      return `${d.year} 年 ${d.courseName} ${d.hours} 学时（${CE_CATEGORIES.find((c) => c.value === d.category)?.label}）`;
    case 'achievement': {
      const t = ACHIEVEMENT_TYPES.find((a) => a.value === d.detail.type)?.label ?? '业绩';
      const name = 'title' in d.detail ? d.detail.title : d.detail.name;
      return `${t}：${name}`;
    }
    case 'socialSecurityProof':
      return `${d.province} 社保 ${d.startMonth}–${d.endMonth}`;
  }
}

/** Every entry needs evidence before it goes to the employer, except an education the registry verified (SPEC §2). */
export function entryNeedsEvidence(kind: string, verification: { status?: unknown } | null | undefined): boolean {
  return !(kind === 'education' && verification?.status === 'verified');
}
