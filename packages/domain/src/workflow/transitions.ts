/**
 * The review workflow (SPEC §6) as one typed transition table: status × action → next status, who may
 * do it, which deadline guards it. The server, the UI's buttons and the tests all read this table.
 */
export const APPLICATION_STATUSES = {
  draft: { label: '草稿', terminal: false },
  submitted: { label: '待单位审核', terminal: false },
  employerPublicity: { label: '单位公示中', terminal: false },
  inReview: { label: '主管部门审核中', terminal: false },
  returned: { label: '退回修改', terminal: false },
  rejected: { label: '审核不通过', terminal: true },
  atCommittee: { label: '已报送评委会', terminal: true },
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

/** Who acts: the applicant, the employer, or the department holding the current step. */
export type WorkflowActor = 'applicant' | 'employer' | 'department';
/** The plan deadline that closes the action ("逾期不再受理"). */
export type DeadlineKey = 'personalDeadline' | 'employerDeadline' | 'departmentDeadline';

export interface Transition {
  to: ApplicationStatus;
  by: WorkflowActor;
  label: string;
  deadline?: DeadlineKey;
  /** needs a written opinion or reason */
  needsReason?: boolean;
  /** the step must have been approved (审查通过) before it can be forwarded (审核推荐) */
  needsStepApproved?: boolean;
  /** the employer's publicity must have ended */
  needsPublicityEnded?: boolean;
}

export const WORKFLOW = {
  draft: {
    submit: { to: 'submitted', by: 'applicant', label: '提交', deadline: 'personalDeadline' },
  },
  submitted: {
    withdraw: { to: 'draft', by: 'applicant', label: '撤回' },
    employerApprove: { to: 'employerPublicity', by: 'employer', label: '通过并公示', deadline: 'employerDeadline' },
    employerReturn: { to: 'returned', by: 'employer', label: '退回', needsReason: true },
    employerReject: { to: 'rejected', by: 'employer', label: '不通过', needsReason: true },
  },
  employerPublicity: {
    recordObjection: { to: 'employerPublicity', by: 'employer', label: '登记异议', needsReason: true },
    employerForward: { to: 'inReview', by: 'employer', label: '报送主管部门', deadline: 'employerDeadline', needsPublicityEnded: true },
    employerReturn: { to: 'returned', by: 'employer', label: '退回', needsReason: true },
  },
  inReview: {
    stepApprove: { to: 'inReview', by: 'department', label: '审查通过' },
    stepReturn: { to: 'returned', by: 'department', label: '退回修改', needsReason: true },
    stepReject: { to: 'rejected', by: 'department', label: '审查不通过', needsReason: true },
    /** 审核推荐: to the next step, or to the committee office after the last one */
    stepForward: { to: 'inReview', by: 'department', label: '审核推荐', deadline: 'departmentDeadline', needsStepApproved: true },
  },
  returned: {
    submit: { to: 'submitted', by: 'applicant', label: '重新提交', deadline: 'personalDeadline' },
  },
  rejected: {},
  atCommittee: {},
} as const satisfies Record<ApplicationStatus, Record<string, Transition>>;

export type WorkflowAction = { [S in ApplicationStatus]: keyof (typeof WORKFLOW)[S] }[ApplicationStatus];

export function transitionFor(status: ApplicationStatus, action: string): Transition | null {
  const row = WORKFLOW[status] as Record<string, Transition>;
  return row[action] ?? null;
}

/** The actions open to an actor in a status: the buttons the UI shows. */
export function actionsFor(status: ApplicationStatus, who: WorkflowActor): Array<{ action: WorkflowAction; transition: Transition }> {
  return Object.entries(WORKFLOW[status] as Record<string, Transition>)
    .filter(([, t]) => t.by === who)
    .map(([action, transition]) => ({ action: action as WorkflowAction, transition }));
}

/** A review step as the workflow sees it: its departments, whether all must approve (会同) or any one (或), and who has. */
export interface StepState {
  orgIds: string[];
  /** 会同 (joint): every department approves; otherwise either-or (或): one approval completes the step */
  joint: boolean;
  approvedOrgIds: string[];
}

const STEP_DECISIONS: ReadonlySet<string> = new Set(['stepApprove', 'stepReturn', 'stepReject']);

/**
 * Why a department may not take an action on the step it holds, or null when it may. In an either-or
 * step (seed 000 "经信或人力社保"), the first department's approval decides the step: the other one can no
 * longer approve, return or reject it (it may still send the approved step on, as either may).
 */
export function stepRefusal(step: StepState | undefined, orgId: string, action: string): string | null {
  if (!step || !STEP_DECISIONS.has(action)) return null;
  const eitherOr = !step.joint && step.orgIds.length > 1;
  if (eitherOr && step.approvedOrgIds.length > 0 && !step.approvedOrgIds.includes(orgId)) {
    return '该申报已由另一部门审查通过（本环节由任一部门审查即可），本部门不能再审查、退回或作不通过处理，请刷新';
  }
  return null;
}

/** The department's buttons on the step it holds: the table's actions less those the step closes to it. */
export function departmentActionsFor(
  status: ApplicationStatus,
  step: StepState | undefined,
  orgId: string,
): Array<{ action: WorkflowAction; transition: Transition }> {
  return actionsFor(status, 'department').filter((x) => stepRefusal(step, orgId, x.action) === null);
}
