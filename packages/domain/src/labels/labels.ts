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
} from '../archive/options';
import { APPLICATION_MODES, INTERVIEW_TRIGGERS, ROUTE_STEP_KINDS, type DirectReportCondition } from '../plans/plan';
import { CONDITION_LABELS } from '../rules/direct-report';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../workflow/transitions';
import { FEE_KIND_LABELS, FEE_METHOD_LABELS, FEE_STATUS_LABELS } from '../fees/fees';
import { CALLBACK_OUTCOME_LABELS, PAYMENT_EVENT_LABELS, PAYMENT_STATUS_LABELS } from '../fees/payment-state';
import type { ObjectionStatus, PublicityKind } from '../publicity/publicity';

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
  feeNotice: '缴费通知',
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
  fee: '申报费用',
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
  degree: fromList(DEGREES),
  studyMode: fromList(STUDY_MODES),
  educationOrigin: fromList(EDUCATION_ORIGINS),
  grantMode: fromList(GRANT_MODES),
  titleSeries: fromList(TITLE_SERIES),
  assessmentResult: fromList(ASSESSMENT_RESULTS),
  ceCategory: fromList(CE_CATEGORIES),
  hoursRegistry: fromList(HOURS_REGISTRIES),
  ceChannel: fromList(CE_CHANNELS),
  achievementType: fromList(ACHIEVEMENT_TYPES),
  /** awards and honours */
  awardLevel: fromList(AWARD_LEVELS),
  bookRole: fromList(BOOK_ROLES),
  projectLevel: fromList(PROJECT_LEVELS),
  projectRole: fromList(PROJECT_ROLES),
  patentType: fromList(PATENT_TYPES),
  standardLevel: fromList(STANDARD_LEVELS),
  standardRole: fromList(STANDARD_ROLES),
  reportKind: fromList(REPORT_KINDS),
  skillGrade: fromList(SKILL_GRADES),
  competitionLevel: fromList(COMPETITION_LEVELS),
  competitionClass: fromList(COMPETITION_CLASSES),
  socialSecurityProofKind: fromList(PROOF_KINDS),
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
  /** where a plan's application period stands today (plans/service.ts phaseOf) */
  planPhase: { upcoming: '未开始', open: '申报中', closed: '已截止' },
  /** an electronic certificate on the public verification page (issue 11 issues them) */
  certificateStatus: { valid: '有效', revoked: '已撤销' },
  interviewTrigger: fromList(INTERVIEW_TRIGGERS),
  // ---- applications (workflow/) ----
  applicationStatus: Object.fromEntries(Object.entries(APPLICATION_STATUSES).map(([k, v]) => [k, v.label])) as Labels<ApplicationStatus>,
  // ---- publicity (publicity/) ----
  publicityKind: { employer: '单位公示', preReview: '评前公示', results: '评审结果公示' } satisfies Labels<PublicityKind>,
  objectionStatus: { pending: '待处理', upheld: '异议成立', dismissed: '异议不成立' } satisfies Labels<ObjectionStatus>,
  // ---- fees (fees/) ----
  feeKind: FEE_KIND_LABELS,
  feeStatus: FEE_STATUS_LABELS,
  /** how a fee row is paid (the plan's feeMethod plus offline, when the plan names no method) */
  feeRowMethod: FEE_METHOD_LABELS,
  paymentStatus: PAYMENT_STATUS_LABELS,
  paymentEvent: PAYMENT_EVENT_LABELS,
  callbackOutcome: CALLBACK_OUTCOME_LABELS,
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
