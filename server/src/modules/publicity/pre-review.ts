/**
 * Pre-review publicity (评前公示, SPEC §7) as the workflow sees it: publishing an application on the day's list of
 * its plan, handling an objection, and whether the period has ended (the `publicityEnded` guard in prePublicity)
 * or an objection is pending (the `objectionPending` guard).
 * [interface agreed for issue 10: the publicity module fills these in]
 */
import type { Plan } from '@zc/domain';
import type { Tx } from '../../platform/db/client';
import type { InboxMessage } from '../../platform/notifications/notify';

export interface PublishArgs {
  app: {
    id: string;
    planId: string;
    applicantId: string;
    employerId: string;
    specialtyCode: string | null;
    level: string | null;
    mode: string | null;
  };
  plan: Plan;
  officeOrgId: string;
  applicantName: string;
  publishedBy: string;
  now: Date;
}

/** Puts the application on today's pre-review list of its plan (created on first use); returns the period. */
export async function publishPreReview(
  _tx: Tx,
  _args: PublishArgs,
): Promise<{ listId: string; start: string; end: string; provisional: boolean; messages: InboxMessage[] }> {
  throw new Error('publishPreReview: not built yet');
}

/** Why the pre-review period has not ended for the application, or null when it has. */
export async function preReviewNotEnded(_tx: Tx, _applicationId: string, _today: string): Promise<string | null> {
  return '评前公示尚未结束';
}

/** Whether the application has an objection not yet handled. */
export async function pendingObjectionCount(_tx: Tx, _applicationId: string): Promise<number> {
  return 0;
}

export interface HandleObjectionArgs {
  applicationId: string;
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  handling: string;
  handledBy: string;
  now: Date;
}

/** Records how the office handled an objection; the caller writes the timeline event and the audit row. */
export async function handleObjection(_tx: Tx, _args: HandleObjectionArgs): Promise<{ content: string }> {
  throw new Error('handleObjection: not built yet');
}
