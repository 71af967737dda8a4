/**
 * Who may read a stored file (issue 8 item 2), and on what ground. The ground is written to the
 * file's read audit row, so "why could this person open it" has an answer afterwards.
 */
import { and, eq } from 'drizzle-orm';
import { canReviewEmployerRegistration } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import type { LoadedSession } from '../../platform/auth/session';
import { archiveEntries, archiveEvidence, files, organizations } from '../../platform/db/schema';
import { mayReadApplicationFile } from '../applications/access';

type FileRow = typeof files.$inferSelect;

/** Why a read was allowed: the owner, the owning unit, the reviewer of the unit's registration, the unit verifying an entry, or a reader of the application. */
export type ReadGround =
  | 'owner'
  | 'ownOrganization'
  | 'registrationReview'
  | 'archiveVerification'
  | 'application'
  /** evidence lodged with an objection: the officers of the committee office that handles it, no one else */
  | 'objectionHandling';

/**
 * An organization's files (the authorization letter, the registration record) are the unit's own and,
 * for an employer, those who review its registration: the HR bureau or acceptance point over its region
 * and the administrator (the domain's canReviewEmployerRegistration). Not every officer whose
 * jurisdiction covers the unit: a committee office or an economy bureau reads applications, not letters.
 */
async function organizationGround(ctx: AppContext, auth: LoadedSession, ownerOrgId: string): Promise<ReadGround | null> {
  if (auth.user.orgId === ownerOrgId) return 'ownOrganization';
  if (auth.user.role !== 'officer' && auth.user.role !== 'admin') return null;
  const [o] = await ctx.db
    .select({ kind: organizations.kind, regionPath: organizations.regionPath })
    .from(organizations)
    .where(eq(organizations.id, ownerOrgId));
  return o && o.kind === 'employer' && canReviewEmployerRegistration(auth.actor, o.regionPath) ? 'registrationReview' : null;
}

/** Evidence of an archive entry the unit is (or was) asked to verify. */
async function verifiesEntryOf(ctx: AppContext, auth: LoadedSession, fileId: string): Promise<boolean> {
  if (auth.user.role !== 'employer' || auth.user.orgStatus !== 'approved' || !auth.user.orgId) return false;
  const [hit] = await ctx.db
    .select({ id: archiveEntries.id })
    .from(archiveEvidence)
    .innerJoin(archiveEntries, eq(archiveEntries.id, archiveEvidence.entryId))
    .where(and(eq(archiveEvidence.fileId, fileId), eq(archiveEntries.employerId, auth.user.orgId)))
    .limit(1);
  return !!hit;
}

/** The ground on which the signed-in user may read the file, or null when they may not. */
export async function readGround(
  ctx: AppContext,
  auth: LoadedSession,
  f: FileRow,
  applicationId: string | undefined,
): Promise<ReadGround | null> {
  if (f.ownerUserId !== null && f.ownerUserId === auth.user.id) return 'owner';
  // an objection's evidence (lodged anonymously on the portal) is the handling office's to read, never the applicant's
  if (f.purpose === 'objectionEvidence')
    return auth.user.role === 'officer' && f.ownerOrgId !== null && auth.user.orgId === f.ownerOrgId ? 'objectionHandling' : null;
  if (f.ownerOrgId !== null) return organizationGround(ctx, auth, f.ownerOrgId);
  if (await verifiesEntryOf(ctx, auth, f.id)) return 'archiveVerification';
  // reviewers read an application's photo, signature, attachments and evidence through the application
  if (applicationId && (await mayReadApplicationFile(ctx, auth, applicationId, f))) return 'application';
  return null;
}
