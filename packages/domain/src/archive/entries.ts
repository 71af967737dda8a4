/**
 * 个人业绩档案库 (SPEC §2): the kinds of archive entry and their data, as zod schemas shared by the
 * server (authoritative) and the browser (live form checks). Chinese messages say how to fix.
 */
import { z } from 'zod';
import { zDate, zMonth } from '../validators/dates';

// dates and months that exist (validators/dates.ts)
const month = zMonth();
const day = zDate();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const rank = z.number().int('排名应为整数').min(1, '排名从 1 开始').max(99);
const level5 = z.enum(['county', 'city', 'provincial', 'ministerial', 'national'], { error: '请选择级别' });

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
  level: z.enum(['secondary', 'juniorCollege', 'bachelor', 'master', 'doctor'], { error: '请选择学历' }).optional(),
  technicalSchoolClass: z.enum(['intermediateWorkerClass', 'seniorWorkerClass', 'preMasterWorkerClass']).optional(),
  degree: z.enum(['none', 'bachelor', 'master', 'doctor']).default('none'),
  school: text(60, '毕业院校'),
  major: text(40, '所学专业'),
  graduationDate: day,
  studyMode: z.enum(['fullTime', 'partTime'], { error: '请选择学习形式' }),
  origin: z.enum(['domestic', 'foreign', 'hkMacaoTaiwan'], { error: '请选择学历来源' }),
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
const titleLevel = z.enum(['technicianLevel', 'assistant', 'intermediate', 'senior', 'professor'], { error: '请选择职称级别' });

export const ZTitle = z.object({
  kind: z.literal('title'),
  level: titleLevel,
  series: text(20, '职称系列'),
  specialty: text(40, '专业'),
  grantedDate: day,
  grantMode: z.enum(['evaluation', 'recognition', 'initialGrant', 'exam'], { error: '请选择取得方式' }),
  issuer: text(60, '发证单位'),
  certificateNumber: optionalText(40),
  isCurrent: z.boolean(),
});

export const ZAppointment = z.object({
  kind: z.literal('appointment'),
  titleLevel,
  post: text(40, '聘任岗位'),
  employerName: text(60, '聘任单位'),
  startMonth: month,
  endMonth: month.optional().nullable(),
});

export const ZWorkExperience = z.object({
  kind: z.literal('workExperience'),
  employerName: text(60, '工作单位'),
  position: text(40, '职务/岗位'),
  duties: text(500, '主要工作内容'),
  startMonth: month,
  endMonth: month.optional().nullable(),
  isEngineering: z.boolean(),
  /** worked in one of the 26 mountain counties (seed 003 五(五)) */
  mountainCountyRegionId: z.string().max(40).optional().nullable(),
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
  year: z.number().int().min(1980, '年份不正确').max(2100, '年份不正确'),
  result: z.enum(['excellent', 'qualified', 'competent', 'basicallyQualified', 'unqualified'], { error: '请选择考核结果' }),
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
  year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  hours: z.number().positive('学时应大于 0').max(500, '单条记录学时不超过 500'),
  category: z.enum(['professional', 'industryPublic', 'generalPublic'], { error: '请选择科目类别' }),
  registry: z.enum(['provincialHr', 'economyIt', 'cityHr', 'industry'], { error: '请选择学时登记平台' }),
  channel: z.enum(['onlineCourseware', 'other'], { error: '请选择学习方式' }),
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
    publishedMonth: month,
    issue: text(20, '期号'),
    authorRank: rank,
  })
  .refine((p) => !!p.issn || !!p.cn, { message: '请至少填写 ISSN 或 CN 刊号之一', path: ['issn'] });
const ZBook = z.object({
  type: z.literal('book'),
  title: text(120, '著作名称'),
  publisher: text(60, '出版社'),
  isbn: text(20, 'ISBN'),
  publishedMonth: month,
  role: z.enum(['chiefEditor', 'deputyEditor', 'author', 'coAuthor']),
  wordsWrittenThousand: z.number().min(0).max(10000).optional().nullable(),
});
const ZProject = z.object({
  type: z.literal('project'),
  name: text(120, '项目名称'),
  level: z.enum(['enterprise', 'county', 'city', 'provincial', 'ministerial', 'national']),
  contractAmountWan: z.number().min(0, '合同金额不能为负').max(10_000_000).optional().nullable(),
  role: z.enum(['leader', 'mainParticipant', 'participant'], { error: '请选择本人角色' }),
  rank: rank.optional().nullable(),
  startMonth: month,
  endMonth: month.optional().nullable(),
});
const ZPatent = z.object({
  type: z.literal('patent'),
  name: text(120, '专利名称'),
  patentType: z.enum(['invention', 'utilityModel', 'design'], { error: '请选择专利类型' }),
  patentNumber: text(30, '专利号'),
  grantDate: day,
  inventorRank: rank,
});
const ZStandard = z.object({
  type: z.literal('standard'),
  name: text(120, '标准名称'),
  number: text(40, '标准编号'),
  level: z.enum(['national', 'industry', 'local', 'group', 'enterprise']),
  role: z.enum(['led', 'participated']),
  rank,
  publishedDate: day,
});
const ZAward = z.object({
  type: z.literal('award'),
  name: text(120, '奖项名称'),
  level: level5,
  grade: optionalText(20),
  issuer: text(60, '授奖单位'),
  date: day,
  rank: rank.optional().nullable(),
});
const ZHonour = z.object({
  type: z.literal('honour'),
  name: text(120, '荣誉名称'),
  level: level5,
  issuer: text(60, '授予单位'),
  date: day,
});
const ZSoftwareCopyright = z.object({
  type: z.literal('softwareCopyright'),
  name: text(120, '软件名称'),
  registrationNumber: text(30, '登记号'),
  date: day,
  rank,
});
const ZReport = z.object({
  type: z.literal('report'),
  title: text(120, '报告名称'),
  reportKind: z.enum(['researchReport', 'technicalReport', 'engineeringPlan', 'workSummary', 'feasibilityReport']),
  date: day,
});
const ZSkillCertificate = z.object({
  type: z.literal('skillCertificate'),
  name: text(60, '职业（工种）'),
  grade: z.enum(['seniorWorker', 'masterWorker', 'seniorMasterWorker'], { error: '请选择技能等级' }),
  issuer: text(60, '发证机构'),
  date: day,
  certificateNumber: text(40, '证书编号'),
});
const ZCompetition = z.object({
  type: z.literal('competition'),
  name: text(120, '竞赛名称'),
  level: z.enum(['city', 'provincial', 'national', 'worldSkills']),
  competitionClass: z.enum(['class1', 'class2']).optional().nullable(),
  placing: z.number().int().min(1).max(999),
  date: day,
});
const ZInnovationResult = z.object({
  type: z.literal('innovationResult'),
  name: text(120, '成果名称'),
  year: z.number().int().min(1980).max(2100),
  salesWan: z.number().min(0).optional().nullable(),
  profitWan: z.number().min(0).optional().nullable(),
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
  startMonth: month,
  endMonth: month,
  province: text(20, '参保省份'),
  proofKind: z.enum(['pensionContributionProof', 'contractSalaryTax'], { error: '请选择证明方式' }),
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

/** Cross-field checks zod cannot express alone; returns field → Chinese message. */
export function checkArchiveEntry(d: ArchiveEntryData, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const startEnd = (start: string, end: string | null | undefined, field = 'endMonth') => {
    if (end && end < start) out[field] = '结束时间不能早于开始时间';
  };
  const notFuture = (value: string, field: string) => {
    if (value > today) out[field] = '不能晚于今天';
  };
  switch (d.kind) {
    case 'education':
      if (!d.level && !d.technicalSchoolClass) out.level = '请选择学历，或技工院校的班级类别';
      notFuture(d.graduationDate, 'graduationDate');
      break;
    case 'title':
      notFuture(d.grantedDate, 'grantedDate');
      break;
    case 'appointment':
      startEnd(d.startMonth, d.endMonth);
      break;
    case 'workExperience':
      startEnd(d.startMonth, d.endMonth);
      notFuture(d.startMonth, 'startMonth');
      break;
    case 'annualAssessment':
      if (String(d.year) > today.slice(0, 4)) out.year = '不能登记未来年度的考核';
      break;
    case 'continuingEducation':
      if (String(d.year) > today.slice(0, 4)) out.year = '不能登记未来年度的学时';
      break;
    case 'socialSecurityProof':
      startEnd(d.startMonth, d.endMonth);
      break;
    case 'achievement':
      break;
  }
  return out;
}

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
