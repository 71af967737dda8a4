/**
 * The closed lists of the archive's enumerated fields, value + Chinese label (SPEC §2). One table for the
 * server's check (entries.ts builds every z.enum from these, so a value outside a list is refused with a
 * message naming the field and what is allowed) and for the browser's pickers (web/src/features/archive/fields.ts).
 */
import { z } from 'zod';

export interface ArchiveOption {
  readonly value: string;
  readonly label: string;
}

export const DEGREES = [
  { value: 'none', label: '无学位' },
  { value: 'bachelor', label: '学士' },
  { value: 'master', label: '硕士' },
  { value: 'doctor', label: '博士' },
] as const;
export const STUDY_MODES = [
  { value: 'fullTime', label: '全日制' },
  { value: 'partTime', label: '非全日制' },
] as const;
/** SPEC §2: foreign / HK-Macao-Taiwan degrees need 留学服务中心 certification. */
export const EDUCATION_ORIGINS = [
  { value: 'domestic', label: '国内' },
  { value: 'foreign', label: '国（境）外' },
  { value: 'hkMacaoTaiwan', label: '港澳台' },
] as const;
/** GLOSSARY 初定 / 认定 (seed 001). */
export const GRANT_MODES = [
  { value: 'evaluation', label: '评审' },
  { value: 'recognition', label: '认定' },
  { value: 'initialGrant', label: '初定' },
  { value: 'exam', label: '考试' },
] as const;
/** SPEC §5: online courseware provided or approved by the competent authority is capped. */
export const CE_CHANNELS = [
  { value: 'onlineCourseware', label: '主管部门提供或认可的在线课件' },
  { value: 'other', label: '其他方式' },
] as const;
export const BOOK_ROLES = [
  { value: 'chiefEditor', label: '主编' },
  { value: 'deputyEditor', label: '副主编' },
  { value: 'author', label: '独著' },
  { value: 'coAuthor', label: '合著' },
] as const;
export const PROJECT_LEVELS = [
  { value: 'enterprise', label: '企业级' },
  { value: 'county', label: '县级' },
  { value: 'city', label: '市级' },
  { value: 'provincial', label: '省级' },
  { value: 'ministerial', label: '部级' },
  { value: 'national', label: '国家级' },
] as const;
export const PROJECT_ROLES = [
  { value: 'leader', label: '项目负责人' },
  { value: 'mainParticipant', label: '主要参与人' },
  { value: 'participant', label: '参与人' },
] as const;
/** SPEC §2: invention / utility model / design. */
export const PATENT_TYPES = [
  { value: 'invention', label: '发明专利' },
  { value: 'utilityModel', label: '实用新型专利' },
  { value: 'design', label: '外观设计专利' },
] as const;
export const STANDARD_LEVELS = [
  { value: 'national', label: '国家标准' },
  { value: 'industry', label: '行业标准' },
  { value: 'local', label: '地方标准' },
  { value: 'group', label: '团体标准' },
  { value: 'enterprise', label: '企业标准' },
] as const;
export const STANDARD_ROLES = [
  { value: 'led', label: '主持（主编）' },
  { value: 'participated', label: '参与（参编）' },
] as const;
/** SPEC §2: awards and honours, county … national. */
export const AWARD_LEVELS = [
  { value: 'county', label: '县级' },
  { value: 'city', label: '市级' },
  { value: 'provincial', label: '省级' },
  { value: 'ministerial', label: '部级' },
  { value: 'national', label: '国家级' },
] as const;
/** seed 004 二(五): research results, technical reports, engineering plans, work summaries. */
export const REPORT_KINDS = [
  { value: 'researchReport', label: '研究报告' },
  { value: 'technicalReport', label: '技术报告' },
  { value: 'engineeringPlan', label: '工程方案' },
  { value: 'workSummary', label: '工作总结' },
  { value: 'feasibilityReport', label: '可行性研究报告' },
] as const;
/** GLOSSARY 高级工 / 技师 (seed 002). */
export const SKILL_GRADES = [
  { value: 'seniorWorker', label: '高级工' },
  { value: 'masterWorker', label: '技师' },
  { value: 'seniorMasterWorker', label: '高级技师' },
] as const;
/** seed 002: provincial and national class-1 / class-2 competitions, WorldSkills. */
export const COMPETITION_LEVELS = [
  { value: 'city', label: '市级' },
  { value: 'provincial', label: '省级' },
  { value: 'national', label: '国家级' },
  { value: 'worldSkills', label: '世界技能大赛' },
] as const;
export const COMPETITION_CLASSES = [
  { value: 'class1', label: '一类竞赛' },
  { value: 'class2', label: '二类竞赛' },
] as const;
/** seed 002 五(三): the pension proof, or contract + bank salary records + tax certificate. */
export const PROOF_KINDS = [
  { value: 'pensionContributionProof', label: '《基本养老保险参保缴费证明》' },
  { value: 'contractSalaryTax', label: '劳动合同、银行工资流水和个税证明' },
] as const;

/**
 * 职称系列 (SPEC §2: the title series, for 转评). [national, ours] The series of the national title
 * system as 人力资源社会保障部 lists them (not in the seeds); the value is the short name applicants
 * write ("工程"), the label the full name.
 */
export const TITLE_SERIES = [
  { value: '工程', label: '工程技术人员（工程）' },
  { value: '经济', label: '经济专业人员（经济）' },
  { value: '会计', label: '会计专业人员（会计）' },
  { value: '统计', label: '统计专业人员（统计）' },
  { value: '审计', label: '审计专业人员（审计）' },
  { value: '农业', label: '农业技术人员（农业）' },
  { value: '卫生', label: '卫生技术人员（卫生）' },
  { value: '高校教师', label: '高等学校教师' },
  { value: '中小学教师', label: '中小学教师' },
  { value: '中职教师', label: '中等职业学校教师' },
  { value: '技工院校教师', label: '技工院校教师' },
  { value: '自然科学研究', label: '自然科学研究人员' },
  { value: '哲学社会科学研究', label: '哲学社会科学研究人员' },
  { value: '实验技术', label: '实验技术人才' },
  { value: '新闻', label: '新闻专业人员' },
  { value: '出版', label: '出版专业人员' },
  { value: '播音主持', label: '广播电视播音主持人员' },
  { value: '图书资料', label: '图书资料专业人员' },
  { value: '文物博物', label: '文物博物专业人员' },
  { value: '档案', label: '档案专业人员' },
  { value: '工艺美术', label: '工艺美术专业人员' },
  { value: '艺术', label: '艺术专业人员' },
  { value: '体育', label: '体育专业人员' },
  { value: '翻译', label: '翻译专业人员' },
  { value: '社会工作', label: '社会工作专业人员' },
  { value: '律师', label: '律师' },
  { value: '公证', label: '公证员' },
  { value: '船舶', label: '船舶专业技术人员' },
  { value: '民航飞行', label: '民用航空飞行技术人员' },
] as const;

type Values<T extends ReadonlyArray<ArchiveOption>> = T[number]['value'];

/** What was given, short enough to quote in a message. */
export function quoteInput(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/**
 * A field whose value is one of a list: missing → "请选择{label}"; anything else outside the list →
 * "{label}“x”不在可选范围内，应为：A、B、C" (the labels, not the codes).
 */
export function choice<const T extends ReadonlyArray<ArchiveOption>>(list: T, label: string) {
  const values = list.map((o) => o.value) as unknown as [Values<T>, ...Array<Values<T>>];
  const allowed = list.map((o) => o.label).join('、');
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined || iss.input === null || iss.input === ''
        ? `请选择${label}`
        : `${label}“${quoteInput(iss.input)}”不在可选范围内，应为：${allowed}`,
  });
}
