/**
 * One source of the Chinese words for every coded value the platform shows or exports (issue 9 item 6:
 * "no codes where words belong"). The web's selects, tags and tables and the server's exports, SMS outbox
 * and audit log all read these maps; labels.test.ts walks every z.enum of the domain's schemas and fails
 * when a value has no word here. Terms follow GLOSSARY.md.
 */
import {
  AFFILIATIONS,
  BINDING_STATUS_LABELS,
  EMPLOYER_NATURES,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUS_LABELS,
} from '../identity/organizations';
import { ROLES } from '../identity/roles';
import {
  ACHIEVEMENT_TYPES,
  ARCHIVE_KINDS,
  ARCHIVE_STATUSES,
  ASSESSMENT_RESULTS,
  CE_CATEGORIES,
  EDUCATION_LEVELS,
  HOURS_REGISTRIES,
  TECHNICAL_SCHOOL_CLASSES,
  TITLE_LEVELS,
} from '../archive/entries';
import { APPLICATION_MODES, INTERVIEW_TRIGGERS, ROUTE_STEP_KINDS, type DirectReportCondition } from '../plans/plan';
import { CONDITION_LABELS } from '../rules/direct-report';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../workflow/transitions';

type Labels<V extends string> = Readonly<Record<V, string>>;
const fromList = <V extends string>(list: ReadonlyArray<{ value: V; label: string }>): Labels<V> =>
  Object.fromEntries(list.map((x) => [x.value, x.label])) as Record<V, string>;

/** SMS templates: the outbox shows the name, never the key (server/src/platform/notifications). */
export const SMS_TEMPLATE_LABELS = {
  employerApproved: '单位注册审核通过',
  employerRefused: '单位注册审核未通过',
  bindingApproved: '单位绑定成功',
  bindingRefused: '单位绑定未通过',
  unitJoinRequested: '经办人加入单位申请',
  unitJoinApproved: '经办人加入单位已同意',
  unitJoinRefused: '经办人加入单位未同意',
  applicationStatus: '申报进度通知',
  passwordResetCode: '重设密码验证码',
  loginCode: '登录验证码',
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATE_LABELS;

/** What an audit row is about (server/src/platform/audit/audit.ts AuditEntry.targetType). */
export const AUDIT_TARGET_LABELS = {
  user: '用户',
  organization: '机构/单位',
  binding: '单位绑定',
  notice: '通知公告',
  file: '文件',
  archiveEntry: '档案条目',
  calendar: '工作日历',
  plan: '评审计划',
  application: '职称申报',
} as const;
export type AuditTargetType = keyof typeof AUDIT_TARGET_LABELS;

export const LABELS = {
  // ---- people and organizations (identity/) ----
  role: fromList(ROLES),
  organizationKind: fromList(ORGANIZATION_KINDS),
  employerNature: fromList(EMPLOYER_NATURES),
  affiliation: fromList(AFFILIATIONS),
  organizationStatus: ORGANIZATION_STATUS_LABELS,
  bindingStatus: BINDING_STATUS_LABELS,
  // ---- archive (archive/entries.ts) ----
  archiveKind: fromList(ARCHIVE_KINDS),
  archiveStatus: fromList(ARCHIVE_STATUSES),
  titleLevel: fromList(TITLE_LEVELS),
  educationLevel: fromList(EDUCATION_LEVELS),
  technicalSchoolClass: fromList(TECHNICAL_SCHOOL_CLASSES),
  degree: { none: '无学位', bachelor: '学士', master: '硕士', doctor: '博士' },
  studyMode: { fullTime: '全日制', partTime: '非全日制' },
  educationOrigin: { domestic: '国内', foreign: '国（境）外', hkMacaoTaiwan: '港澳台' },
  grantMode: { evaluation: '评审', recognition: '认定', initialGrant: '初定', exam: '考试' },
  assessmentResult: fromList(ASSESSMENT_RESULTS),
  ceCategory: fromList(CE_CATEGORIES),
  hoursRegistry: fromList(HOURS_REGISTRIES),
  ceChannel: { onlineCourseware: '主管部门提供或认可的在线课件', other: '其他方式' },
  achievementType: fromList(ACHIEVEMENT_TYPES),
  /** awards and honours */
  awardLevel: { county: '县级', city: '市级', provincial: '省级', ministerial: '部级', national: '国家级' },
  bookRole: { chiefEditor: '主编', deputyEditor: '副主编', author: '独著', coAuthor: '合著' },
  projectLevel: { enterprise: '企业级', county: '县级', city: '市级', provincial: '省级', ministerial: '部级', national: '国家级' },
  projectRole: { leader: '项目负责人', mainParticipant: '主要参与人', participant: '参与人' },
  patentType: { invention: '发明专利', utilityModel: '实用新型专利', design: '外观设计专利' },
  standardLevel: { national: '国家标准', industry: '行业标准', local: '地方标准', group: '团体标准', enterprise: '企业标准' },
  standardRole: { led: '主持（主编）', participated: '参与（参编）' },
  reportKind: {
    researchReport: '研究报告',
    technicalReport: '技术报告',
    engineeringPlan: '工程方案',
    workSummary: '工作总结',
    feasibilityReport: '可行性研究报告',
  },
  skillGrade: { seniorWorker: '高级工', masterWorker: '技师', seniorMasterWorker: '高级技师' },
  competitionLevel: { city: '市级', provincial: '省级', national: '国家级', worldSkills: '世界技能大赛' },
  competitionClass: { class1: '一类竞赛', class2: '二类竞赛' },
  socialSecurityProofKind: {
    pensionContributionProof: '《基本养老保险参保缴费证明》',
    contractSalaryTax: '劳动合同、银行工资流水和个税证明',
  },
  // ---- plans (plans/plan.ts) ----
  applicationMode: fromList(APPLICATION_MODES),
  /** the plan's education matrix also knows 第二学士学位, which the archive folds into 本科 */
  planEducationLevel: { ...fromList(EDUCATION_LEVELS), secondBachelor: '第二学士学位' },
  directReportCondition: CONDITION_LABELS as Labels<DirectReportCondition>,
  routeStepKind: fromList(ROUTE_STEP_KINDS),
  routeAffiliation: {
    county: '县（市、区）属单位',
    city: '市属单位',
    province: '省属单位',
    none: '无主管部门单位',
    any: '其他（兜底路线）',
  },
  photoFormat: { jpeg: 'JPG / JPEG', png: 'PNG' },
  ceRuleKind: { annual: '按年度：每年学时达标', total: '按合计：数年合计学时 + 当年最低学时', recordsOnly: '只需提供学时记录' },
  assessmentScope: { lastYears: '指定年度', sinceCurrentTitle: '任现职以来每年' },
  committeeKind: { senior: '高级评审委员会（高评委）', intermediate: '中级评审委员会（中评委）' },
  feePayer: { applicant: '申报人', employer: '用人单位' },
  feeDue: {
    afterQualificationReview: '通过资格审查后缴纳',
    afterSubmission: '提交申报后按短信通知缴纳',
    onMaterialsSent: '单位报送材料时缴纳',
  },
  feeMethod: { online: '网上支付', bankTransfer: '转账汇款（评委会办公室确认）' },
  interviewTrigger: fromList(INTERVIEW_TRIGGERS),
  // ---- applications (workflow/) ----
  applicationStatus: Object.fromEntries(Object.entries(APPLICATION_STATUSES).map(([k, v]) => [k, v.label])) as Labels<ApplicationStatus>,
  // ---- platform ----
  smsTemplate: SMS_TEMPLATE_LABELS,
  smsStatus: { queued: '待发送', sent: '已发送', failed: '发送失败' },
  auditTarget: AUDIT_TARGET_LABELS,
} as const satisfies Record<string, Readonly<Record<string, string>>>;
export type LabelKind = keyof typeof LABELS;

/**
 * The Chinese word for `value` of vocabulary `kind`. An unknown value (an old row, a value added later)
 * shows as 未知（…）rather than as a bare code; null and empty show as —.
 */
export function labelOf(kind: LabelKind, value: string | null | undefined): string {
  if (value == null || value === '') return '—';
  const map: Readonly<Record<string, string>> = LABELS[kind];
  return Object.hasOwn(map, value) ? map[value]! : `未知（${value}）`;
}

/** Options for a select: value and its Chinese label, in the vocabulary's order. */
export function labelOptions<K extends LabelKind>(kind: K): Array<{ value: keyof (typeof LABELS)[K] & string; label: string }> {
  return Object.entries(LABELS[kind]).map(([value, label]) => ({
    value: value as keyof (typeof LABELS)[K] & string,
    label: label as string,
  }));
}

/**
 * A person's name where the reader needs to recognise, not identify, them (the audit log's object column):
 * the first character stays, the rest become *. 张伟 → 张*, 欧阳娜娜 → 欧***.
 */
export function maskPersonName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '—';
  return chars[0]! + '*'.repeat(Math.max(1, chars.length - 1));
}
