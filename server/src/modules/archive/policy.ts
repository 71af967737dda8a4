/** Who may do what with archive entries (STYLE 7: plain functions that know the status). */
import type { ArchiveStatus } from '@zc/domain';

export type EntryAction = 'edit' | 'delete' | 'submit' | 'newVersion' | 'addEvidence' | 'approve' | 'return';

export interface EntryState {
  status: ArchiveStatus;
  frozen: boolean;
  applicantId: string;
  employerId: string | null;
}

export function entryActionsFor(
  actor: { userId: string; role: string; orgId: string | null },
  e: EntryState,
  opts: { boundEmployerId: string | null; hasEvidence?: boolean },
): EntryAction[] {
  const out: EntryAction[] = [];
  if (actor.role === 'applicant' && actor.userId === e.applicantId) {
    if (e.frozen) return ['newVersion'];
    out.push('edit', 'delete', 'addEvidence');
    if ((e.status === 'draft' || e.status === 'returned') && opts.boundEmployerId && opts.hasEvidence !== false) out.push('submit');
    return out;
  }
  if (actor.role === 'employer' && actor.orgId && actor.orgId === e.employerId && e.status === 'pending') out.push('approve', 'return');
  return out;
}
