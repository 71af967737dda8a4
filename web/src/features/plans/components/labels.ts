import {
  APPLICATION_MODES,
  ASSESSMENT_RESULTS,
  CONDITION_LABELS,
  DIRECT_REPORT_CONDITIONS,
  EDUCATION_LEVELS,
  HOURS_REGISTRIES,
  INTERVIEW_TRIGGERS,
  ROUTE_STEP_KINDS,
  TITLE_LEVELS,
} from '@zc/domain';

export { levelLabel, modeLabel } from '@shared/labels';

export const TIMELINE_FIELDS: Array<{ key: string; label: string; required: boolean }> = [
  { key: 'openDate', label: '开始申报日期', required: true },
  { key: 'personalDeadline', label: '个人申报截止日期', required: true },
  { key: 'employerDeadline', label: '单位审核截止日期', required: true },
  { key: 'departmentDeadline', label: '主管部门审核截止日期', required: false },
  { key: 'lowerCommitteeDeadline', label: '下级评委会推荐截止日期', required: false },
];

type Option = { value: string; label: string };
const options = (list: readonly { value: string; label: string }[]): Option[] => list.map((x) => ({ value: x.value, label: x.label }));

export const LEVEL_OPTIONS = options(TITLE_LEVELS);
export const MODE_OPTIONS = options(APPLICATION_MODES);
export const ROUTE_STEP_OPTIONS = options(ROUTE_STEP_KINDS);
export const INTERVIEW_TRIGGER_OPTIONS = options(INTERVIEW_TRIGGERS);
export const REGISTRY_OPTIONS = options(HOURS_REGISTRIES);
/** ZEligibilityRow also knows 第二学士学位, which the archive's list folds into 本科 */
export const EDUCATION_OPTIONS: Option[] = [...options(EDUCATION_LEVELS), { value: 'secondBachelor', label: '第二学士学位' }];
export const PASS_RESULT_OPTIONS = options(ASSESSMENT_RESULTS.filter((r) => r.pass));
export const DIRECT_REPORT_OPTIONS: Option[] = DIRECT_REPORT_CONDITIONS.map((c) => ({ value: c, label: CONDITION_LABELS[c] }));

export const COMMITTEE_KIND_OPTIONS: Option[] = [
  { value: 'senior', label: '高级评审委员会（高评委）' },
  { value: 'intermediate', label: '中级评审委员会（中评委）' },
];
export const FEE_PAYER_OPTIONS: Option[] = [
  { value: 'applicant', label: '申报人' },
  { value: 'employer', label: '用人单位' },
];
export const FEE_DUE_OPTIONS: Option[] = [
  { value: 'afterQualificationReview', label: '通过资格审查后缴纳' },
  { value: 'afterSubmission', label: '提交申报后按短信通知缴纳' },
  { value: 'onMaterialsSent', label: '单位报送材料时缴纳' },
];
export const FEE_METHOD_OPTIONS: Option[] = [
  { value: 'online', label: '网上支付' },
  { value: 'bankTransfer', label: '转账汇款（评委会办公室确认）' },
];
export const AFFILIATION_OPTIONS: Option[] = [
  { value: 'county', label: '县（市、区）属单位' },
  { value: 'city', label: '市属单位' },
  { value: 'province', label: '省属单位' },
  { value: 'none', label: '无主管部门单位' },
  { value: 'any', label: '其他（兜底路线）' },
];
export const FILES_AT_AGENCY_OPTIONS: Option[] = [
  { value: 'yes', label: '档案在人事代理机构' },
  { value: 'no', label: '未委托人事代理' },
];
export const CE_KIND_OPTIONS: Option[] = [
  { value: 'annual', label: '按年度：每年学时达标' },
  { value: 'total', label: '按合计：数年合计学时 + 当年最低学时' },
  { value: 'recordsOnly', label: '只需提供学时记录' },
];
export const ASSESSMENT_SCOPE_OPTIONS: Option[] = [
  { value: 'lastYears', label: '指定年度' },
  { value: 'sinceCurrentTitle', label: '任现职以来每年' },
];
export const PHOTO_FORMAT_OPTIONS: Option[] = [
  { value: 'jpeg', label: 'JPG / JPEG' },
  { value: 'png', label: 'PNG' },
];
