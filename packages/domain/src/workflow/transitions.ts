/**
 * The review workflow (SPEC §6) as one typed transition table: status × action → next status, who may
 * do it, which deadline guards it. The server, the UI's buttons and the tests all read this table.
 */
export const APPLICATION_STATUSES = {
  draft: { label: '草稿', terminal: false, holder: 'applicant' },
  submitted: { label: '待单位审核', terminal: false, holder: 'employer' },
  employerPublicity: { label: '单位公示中', terminal: false, holder: 'employer' },
  inReview: { label: '主管部门审核中', terminal: false, holder: 'department' },
  returned: { label: '退回修改', terminal: false, holder: 'applicant' },
  rejected: { label: '审核不通过', terminal: true, holder: null },
  /** 已报送评委会: the committee office's qualification review (资格审查, SPEC §7) */
  atCommittee: { label: '待资格审查', terminal: false, holder: 'committeeOffice' },
  qualified: { label: '资格审查通过', terminal: false, holder: 'committeeOffice' },
  /** 评前公示: the qualified list on the public portal for the plan's committeeWorkingDays */
  prePublicity: { label: '评前公示中', terminal: false, holder: 'committeeOffice' },
  /** the committee's review (experts, interviews, vote) follows: issue 11 */
  awaitingExpertReview: { label: '待专家评审', terminal: false, holder: 'committeeOffice' },
} as const satisfies Record<string, { label: string; terminal: boolean; holder: WorkflowActor | null }>;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const APPLICATION_STATUS_VALUES = Object.keys(APPLICATION_STATUSES) as [ApplicationStatus, ...ApplicationStatus[]];

/** Who acts: the applicant, the employer, the department holding the current step, or the committee office. */
export type WorkflowActor = 'applicant' | 'employer' | 'department' | 'committeeOffice';
/** The plan deadline that closes the action ("逾期不再受理"). */
export type DeadlineKey = 'personalDeadline' | 'employerDeadline' | 'departmentDeadline';

/**
 * What must hold before an action runs, beside the status, the actor and the deadline. Each guard has one
 * check on the server (applications/transitions/guards.ts, typed against this list).
 */
export const WORKFLOW_GUARDS = {
  /** the employer's publicity (单位公示, ≥ the plan's employerWorkingDays) has ended */
  employerPublicityEnded: '单位公示期满',
  /** the office's pre-review publicity (评前公示, the plan's committeeWorkingDays) has ended */
  preReviewPublicityEnded: '评前公示期满',
  /** the department's step has been approved (审查通过) before it is sent on (审核推荐) */
  stepApproved: '本级已审查通过',
  /** every fee due (the plan's review fee, a department's 推荐费) is paid: unpaid applications are not reviewed (seed 003 八(三)) */
  feesPaid: '费用已缴清',
  /** the employer's own registration is approved (an unapproved unit's staff cannot submit) */
  employerApproved: '单位注册已审核通过',
  /** the application is complete and meets the plan's conditions (SPEC §5) */
  submissionComplete: '材料齐全且符合申报条件',
  /** a pending objection exists to be handled */
  objectionPending: '有待处理的异议',
} as const;
export type WorkflowGuard = keyof typeof WORKFLOW_GUARDS;

/** Where an action leads besides its usual target, chosen on the server by a named condition. */
export const WORKFLOW_BRANCHES = {
  /** the next node of the chain fixed at submission is the committee office: to atCommittee instead */
  nextIsCommitteeOffice: '下一环节为评委会办公室',
} as const;
export type WorkflowBranch = keyof typeof WORKFLOW_BRANCHES;

/** What an action takes from its form besides an opinion or reason. */
export type WorkflowInput = 'reviewChecks' | 'qualificationChecks' | 'objection' | 'objectionHandling';

export interface Transition {
  to: ApplicationStatus;
  /** the other target, when the named condition holds */
  branch?: { when: WorkflowBranch; to: ApplicationStatus };
  by: WorkflowActor;
  label: string;
  deadline?: DeadlineKey;
  /** needs a written opinion or reason */
  needsReason?: boolean;
  guards?: readonly WorkflowGuard[];
  /** offered as a batch action in the queue (each item its own transaction) */
  batch?: boolean;
  /** how the button looks: the main way forward, or a way out that needs a confirmation */
  tone?: 'primary' | 'danger';
  input?: WorkflowInput;
  /** starts a publicity period of the plan's length */
  publicity?: 'employer' | 'preReview';
}

export const WORKFLOW = {
  draft: {
    submit: {
      to: 'submitted',
      by: 'applicant',
      label: '提交',
      deadline: 'personalDeadline',
      tone: 'primary',
      guards: ['employerApproved', 'submissionComplete'],
    },
  },
  submitted: {
    withdraw: { to: 'draft', by: 'applicant', label: '撤回' },
    employerApprove: {
      to: 'employerPublicity',
      by: 'employer',
      label: '通过并公示',
      deadline: 'employerDeadline',
      tone: 'primary',
      publicity: 'employer',
    },
    employerReturn: { to: 'returned', by: 'employer', label: '退回', needsReason: true, tone: 'danger' },
    employerReject: { to: 'rejected', by: 'employer', label: '不通过', needsReason: true, tone: 'danger' },
  },
  employerPublicity: {
    recordObjection: { to: 'employerPublicity', by: 'employer', label: '登记异议', needsReason: true, input: 'objection' },
    employerForward: {
      to: 'inReview',
      branch: { when: 'nextIsCommitteeOffice', to: 'atCommittee' },
      by: 'employer',
      label: '报送主管部门',
      deadline: 'employerDeadline',
      guards: ['employerPublicityEnded'],
      batch: true,
      tone: 'primary',
    },
    employerReturn: { to: 'returned', by: 'employer', label: '退回', needsReason: true, tone: 'danger' },
  },
  inReview: {
    stepApprove: { to: 'inReview', by: 'department', label: '审查通过', batch: true, tone: 'primary', input: 'reviewChecks' },
    stepReturn: { to: 'returned', by: 'department', label: '退回修改', needsReason: true, batch: true, tone: 'danger' },
    stepReject: { to: 'rejected', by: 'department', label: '审查不通过', needsReason: true, batch: true, tone: 'danger' },
    /** 审核推荐: to the next step, or to the committee office after the last one */
    stepForward: {
      to: 'inReview',
      branch: { when: 'nextIsCommitteeOffice', to: 'atCommittee' },
      by: 'department',
      label: '审核推荐',
      deadline: 'departmentDeadline',
      guards: ['stepApproved'],
      batch: true,
      tone: 'primary',
    },
  },
  returned: {
    submit: {
      to: 'submitted',
      by: 'applicant',
      label: '重新提交',
      deadline: 'personalDeadline',
      tone: 'primary',
      guards: ['employerApproved', 'submissionComplete'],
    },
  },
  rejected: {},
  atCommittee: {
    qualifyApprove: {
      to: 'qualified',
      by: 'committeeOffice',
      label: '资格审查通过',
      batch: true,
      tone: 'primary',
      input: 'qualificationChecks',
    },
    officeReturn: { to: 'returned', by: 'committeeOffice', label: '退回修改', needsReason: true, batch: true, tone: 'danger' },
    officeReject: { to: 'rejected', by: 'committeeOffice', label: '资格审查不通过', needsReason: true, batch: true, tone: 'danger' },
  },
  qualified: {
    publishPrePublicity: {
      to: 'prePublicity',
      by: 'committeeOffice',
      label: '发布评前公示',
      batch: true,
      tone: 'primary',
      publicity: 'preReview',
    },
    officeReturn: { to: 'returned', by: 'committeeOffice', label: '退回修改', needsReason: true, tone: 'danger' },
    officeReject: { to: 'rejected', by: 'committeeOffice', label: '取消评审资格', needsReason: true, tone: 'danger' },
  },
  prePublicity: {
    handleObjection: {
      to: 'prePublicity',
      by: 'committeeOffice',
      label: '处理异议',
      needsReason: true,
      guards: ['objectionPending'],
      input: 'objectionHandling',
    },
    concludePrePublicity: {
      to: 'awaitingExpertReview',
      by: 'committeeOffice',
      label: '公示期满，提交评审',
      guards: ['preReviewPublicityEnded', 'feesPaid'],
      batch: true,
      tone: 'primary',
    },
    officeReturn: { to: 'returned', by: 'committeeOffice', label: '退回修改', needsReason: true, tone: 'danger' },
    officeReject: { to: 'rejected', by: 'committeeOffice', label: '取消评审资格', needsReason: true, tone: 'danger' },
  },
  awaitingExpertReview: {
    officeReturn: { to: 'returned', by: 'committeeOffice', label: '退回修改', needsReason: true, tone: 'danger' },
    officeReject: { to: 'rejected', by: 'committeeOffice', label: '取消评审资格', needsReason: true, tone: 'danger' },
  },
} as const satisfies Record<ApplicationStatus, Record<string, Transition>>;

export type WorkflowAction = { [S in ApplicationStatus]: keyof (typeof WORKFLOW)[S] }[ApplicationStatus];

/** Every action of the table, once. */
export const WORKFLOW_ACTIONS = [...new Set(Object.values(WORKFLOW).flatMap((row) => Object.keys(row)))] as WorkflowAction[];

export function isWorkflowAction(x: string): x is WorkflowAction {
  return (WORKFLOW_ACTIONS as string[]).includes(x);
}

export function transitionFor(status: ApplicationStatus, action: string): Transition | null {
  const row = WORKFLOW[status] as Record<string, Transition>;
  return Object.hasOwn(row, action) ? row[action]! : null;
}

/** Every status an action can lead to (its target and its branch's). */
export function targetsOf(t: Transition): ApplicationStatus[] {
  return t.branch ? [t.to, t.branch.to] : [t.to];
}

/** The actions open to an actor in a status: the buttons the UI shows. */
export function actionsFor(status: ApplicationStatus, who: WorkflowActor): Array<{ action: WorkflowAction; transition: Transition }> {
  return Object.entries(WORKFLOW[status] as Record<string, Transition>)
    .filter(([, t]) => t.by === who)
    .map(([action, transition]) => ({ action: action as WorkflowAction, transition }));
}

/**
 * The queue's batch actions for an actor: every batch action of the table it may take in some status, once,
 * with the label and whether a reason is needed (the first status's, in table order).
 */
export function batchActionsFor(
  who: WorkflowActor,
): Array<{ action: WorkflowAction; transition: Transition; statuses: ApplicationStatus[] }> {
  const out = new Map<WorkflowAction, { action: WorkflowAction; transition: Transition; statuses: ApplicationStatus[] }>();
  for (const [status, row] of Object.entries(WORKFLOW) as Array<[ApplicationStatus, Record<string, Transition>]>)
    for (const [action, t] of Object.entries(row)) {
      if (t.by !== who || !t.batch) continue;
      const hit = out.get(action as WorkflowAction);
      if (hit) hit.statuses.push(status);
      else out.set(action as WorkflowAction, { action: action as WorkflowAction, transition: t, statuses: [status] });
    }
  return [...out.values()];
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
