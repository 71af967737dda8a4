/**
 * How the workflow table reads on a screen (SPEC §6, §7): which statuses an actor's queue holds, how an allowed
 * action looks and which form it takes, and where an application stands on its way (the progress bar shown to
 * the applicant and the reviewers). Pure: the web derives its buttons, filters and steps from here, never from
 * action names of its own.
 */
import {
  APPLICATION_STATUSES,
  transitionFor,
  type ApplicationStatus,
  type Transition,
  type WorkflowActor,
  type WorkflowInput,
} from './transitions';

/** The statuses an actor holds (its queue's status filter): APPLICATION_STATUSES whose holder is the actor. */
export function statusesHeldBy(who: WorkflowActor): ApplicationStatus[] {
  return (Object.keys(APPLICATION_STATUSES) as ApplicationStatus[]).filter((s) => APPLICATION_STATUSES[s].holder === who);
}

/** An action as the server offers it (`allowed` of GET /applications/:id); tone and input may be absent on older servers. */
export interface OfferedAction {
  action: string;
  label: string;
  needsReason: boolean;
  tone?: 'primary' | 'danger' | null;
  input?: WorkflowInput | null;
}

export interface ActionView {
  action: string;
  label: string;
  needsReason: boolean;
  tone: 'primary' | 'danger' | null;
  input: WorkflowInput | null;
  /** the action starts a publicity period (its dialog says so) */
  publicity: Transition['publicity'] | null;
  /** where it leads (its usual target): a return or a rejection is confirmed with what follows */
  to: ApplicationStatus | null;
}

/** What a button shows and which form it opens: the server's word first, the table's where the server is silent. */
export function actionView(status: ApplicationStatus, offered: OfferedAction): ActionView {
  const t = transitionFor(status, offered.action);
  return {
    action: offered.action,
    label: offered.label,
    needsReason: offered.needsReason,
    tone: offered.tone !== undefined ? offered.tone : (t?.tone ?? null),
    input: offered.input !== undefined ? offered.input : (t?.input ?? null),
    publicity: t?.publicity ?? null,
    to: t?.to ?? null,
  };
}

/** The statuses the committee office holds (its stages follow the review chain). */
type OfficeStatus = {
  [S in ApplicationStatus]: (typeof APPLICATION_STATUSES)[S]['holder'] extends 'committeeOffice' ? S : never;
}[ApplicationStatus];

/** The committee's stages after the office receives an application (SPEC §7): 资格审查 → 评前公示 → 专家评审. */
export const COMMITTEE_STAGES = [
  { key: 'qualification', label: '资格审查' },
  { key: 'prePublicity', label: '评前公示' },
  { key: 'expertReview', label: '专家评审' },
] as const;
export type CommitteeStage = (typeof COMMITTEE_STAGES)[number]['key'];

/**
 * The stage each office status stands at (a new office status without a stage fails the typecheck). 资格审查通过
 * waits for the pre-review list: the qualification is behind it, the publicity its current stage.
 */
export const COMMITTEE_STAGE_OF = {
  atCommittee: 'qualification',
  qualified: 'prePublicity',
  prePublicity: 'prePublicity',
  awaitingExpertReview: 'expertReview',
} as const satisfies Record<OfficeStatus, CommitteeStage>;

function committeeStageOf(status: ApplicationStatus): CommitteeStage | null {
  return Object.hasOwn(COMMITTEE_STAGE_OF, status) ? COMMITTEE_STAGE_OF[status as OfficeStatus] : null;
}

export interface ProgressInput {
  status: ApplicationStatus;
  /** the chain's step it is at (-1: the employer); kept when it is returned or rejected */
  currentStep: number;
  /** the review chain fixed at submission, the office's step last */
  steps: ReadonlyArray<{ kind: string; label: string }>;
  employerName: string;
  /** the statuses it went through, oldest first (its timeline's events): tells where a return or rejection happened */
  history: readonly string[];
}

export interface Progress {
  titles: string[];
  /** the stage it is at, or where it was returned or rejected */
  current: number;
  state: 'process' | 'error';
}

/**
 * The progress bar: the employer, each department step, then the committee's stages (the office's own step of the
 * chain is its 资格审查). A returned or rejected application shows the stage that returned or rejected it.
 */
export function progressOf(app: ProgressInput): Progress {
  const departments = app.steps.filter((s) => s.kind !== 'committeeOffice');
  const titles = [`用人单位：${app.employerName}`, ...departments.map((s) => s.label), ...COMMITTEE_STAGES.map((s) => `评委会${s.label}`)];
  const at = (status: string): number => {
    const stage = committeeStageOf(status as ApplicationStatus);
    if (stage) return 1 + departments.length + COMMITTEE_STAGES.findIndex((s) => s.key === stage);
    if (status === 'inReview') return 1 + Math.min(Math.max(app.currentStep, 0), Math.max(departments.length - 1, 0));
    return 0;
  };
  const leftOff = app.status === 'returned' || app.status === 'rejected';
  // the status it had before it was returned or rejected; without a history, the step it was at
  const before = leftOff ? app.history.at(-2) : undefined;
  const current = leftOff ? (before !== undefined ? at(before) : Math.min(app.currentStep + 1, titles.length - 1)) : at(app.status);
  return { titles, current, state: app.status === 'rejected' ? 'error' : 'process' };
}
