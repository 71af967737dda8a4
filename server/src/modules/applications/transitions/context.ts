/**
 * What a transition's guards, branches and handlers read (the application locked, its chain, the plan, the
 * actor, the input) and the lists they append to (the application's new values, messages, writes), so that
 * act() does the common part once: the row, the timeline event, the audit row and the notifications.
 */
import type { SQLWrapper } from 'drizzle-orm';
import type { ApplicationStatus, CalendarData, Plan, Transition, WorkflowAction, WorkflowActor } from '@zc/domain';
import type { applicationSteps, applications } from '../../../platform/db/schema';
import type { Tx } from '../../../platform/db/client';
import type { AppContext } from '../../../platform/context';
import type { LoadedSession } from '../../../platform/auth/session';
import type { InboxMessage } from '../../../platform/notifications/notify';
import type { AppRow } from '../access';
import type { checkSubmission } from '../submission';
import type { LockedRow } from './act';

export type StepRow = typeof applicationSteps.$inferSelect;

/** What a transition takes from its form (the route's ZActInput). */
export interface ActInput {
  reason?: string;
  opinion?: string;
  /** REVIEW_CHECKS keys (stepApprove) or QUALIFICATION_CHECKS keys (qualifyApprove) */
  checks?: Record<string, boolean>;
  originalsVerifiedBy?: string;
  /** recordObjection: the objection an employer received during its publicity, and how it was handled */
  objection?: { content: string; handling: string };
  /** handleObjection: the office's handling of an objection lodged on the portal */
  objectionHandling?: { objectionId: string; outcome: 'upheld' | 'dismissed'; handling: string };
}

export interface ActContext {
  readonly ctx: AppContext;
  readonly tx: Tx;
  readonly auth: LoadedSession;
  readonly action: WorkflowAction;
  readonly t: Transition;
  readonly who: WorkflowActor;
  /** the application as locked, before the change */
  readonly a: AppRow;
  readonly from: ApplicationStatus;
  readonly applicant: LockedRow['applicant'];
  readonly employer: LockedRow['employer'];
  readonly employerOperators: LockedRow['employerOperators'];
  readonly plan: Plan;
  readonly officeOrgId: string;
  /** the chain fixed at submission, in order ([] before the first submission) */
  readonly steps: StepRow[];
  /** the step holding the application now (undefined while the employer holds it) */
  readonly current: StepRow | undefined;
  readonly input: ActInput;
  /** the opinion or reason, trimmed ('' when none) */
  readonly reason: string;
  readonly now: Date;
  readonly calendar: CalendarData;
  /** the application's new values: status (the table's target), updatedAt and version are set before the handler */
  readonly set: Partial<typeof applications.$inferInsert>;
  readonly messages: InboxMessage[];
  /** independent writes, sent together at the end in one statement (none touches a row another one does) */
  readonly writes: SQLWrapper[];
  /** an inbox message and an SMS to the applicant */
  toApplicant(title: string, body: string): void;
  /** a reminder returned to the actor with the new status */
  warn(text: string): void;
  /** said in the timeline (after the label, in brackets) and in the audit row */
  note(text: string, audit?: Record<string, unknown>): void;
  /** what the submissionComplete guard found (the snapshot of the chosen entries), for the submit handler */
  submission?: Awaited<ReturnType<typeof checkSubmission>>;
}

/** One action's own work, after the table's checks passed. */
export type Handler = (c: ActContext) => Promise<void>;
/** A Chinese refusal saying what is missing and how to fix it, or null when the action may go on. */
export type Guard = (c: ActContext) => Promise<string | null>;
/** Whether the transition takes its branch's target. */
export type Branch = (c: ActContext) => boolean;
