import {
  APPLICATION_MODES,
  ASSESSMENT_RESULTS,
  HOURS_REGISTRIES,
  INTERVIEW_TRIGGERS,
  labelOptions,
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

/** the words come from the domain's LABELS (issue 9 item 6): one source for the editor, the views and the exports */
type Option = { value: string; label: string };
const options = (list: readonly { value: string; label: string }[]): Option[] => list.map((x) => ({ value: x.value, label: x.label }));

export const LEVEL_OPTIONS = options(TITLE_LEVELS);
export const MODE_OPTIONS = options(APPLICATION_MODES);
export const ROUTE_STEP_OPTIONS = options(ROUTE_STEP_KINDS);
export const INTERVIEW_TRIGGER_OPTIONS = options(INTERVIEW_TRIGGERS);
export const REGISTRY_OPTIONS = options(HOURS_REGISTRIES);
/** ZEligibilityRow also knows 第二学士学位, which the archive's list folds into 本科 */
export const EDUCATION_OPTIONS: Option[] = labelOptions('planEducationLevel');
export const PASS_RESULT_OPTIONS = options(ASSESSMENT_RESULTS.filter((r) => r.pass));
export const DIRECT_REPORT_OPTIONS: Option[] = labelOptions('directReportCondition');

export const COMMITTEE_KIND_OPTIONS: Option[] = labelOptions('committeeKind');
export const FEE_PAYER_OPTIONS: Option[] = labelOptions('feePayer');
export const FEE_DUE_OPTIONS: Option[] = labelOptions('feeDue');
export const FEE_METHOD_OPTIONS: Option[] = labelOptions('feeMethod');
export const AFFILIATION_OPTIONS: Option[] = labelOptions('routeAffiliation');
export const FILES_AT_AGENCY_OPTIONS: Option[] = [
  { value: 'yes', label: '档案在人事代理机构' },
  { value: 'no', label: '未委托人事代理' },
];
export const CE_KIND_OPTIONS: Option[] = labelOptions('ceRuleKind');
export const ASSESSMENT_SCOPE_OPTIONS: Option[] = labelOptions('assessmentScope');
export const PHOTO_FORMAT_OPTIONS: Option[] = labelOptions('photoFormat');
