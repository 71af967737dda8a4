/**
 * Who may see and act on an application (STYLE 7: permissions as plain functions that know the status): the
 * side a signed-in user is on, from the workflow table's holder of the status; who may read it; which files
 * of it are the applicant's own.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATUSES, type ApplicationDraft, type ApplicationStatus, type WorkflowActor } from '@zc/domain';
import { applicationSteps, applications, archiveEntries, archiveEvidence, files } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import type { LoadedSession } from '../../platform/auth/session';

export type AppRow = typeof applications.$inferSelect;

/**
 * Which side of the application the signed-in user is on, if any. An officer whose organization holds the
 * application now acts as the status's holder in the table: a department (主管部门) or the committee office.
 */
export function roleIn(auth: LoadedSession, app: AppRow): WorkflowActor | null {
  if (auth.user.role === 'applicant' && app.applicantId === auth.user.id) return 'applicant';
  if (auth.user.role === 'employer' && auth.user.orgStatus === 'approved' && app.employerId === auth.user.orgId) return 'employer';
  if (auth.user.role === 'officer' && auth.user.orgId && app.currentOrgIds.includes(auth.user.orgId)) {
    const holder = APPLICATION_STATUSES[app.status as ApplicationStatus]?.holder;
    if (holder === 'department' || holder === 'committeeOffice') return holder;
  }
  return null;
}

/** Whether the user may see the application: its sides, the organizations of its chain, the HR bureaus above it. */
export async function canView(
  tx: Tx | AppContext['db'],
  auth: LoadedSession,
  app: AppRow,
  loadedSteps?: Array<{ orgIds: string[] }>,
): Promise<boolean> {
  if (roleIn(auth, app)) return true;
  if (auth.user.role === 'officer' || auth.user.role === 'admin') {
    if (auth.user.orgId && app.currentOrgIds.includes(auth.user.orgId)) return true;
    const steps =
      loadedSteps ??
      (await tx.select({ orgIds: applicationSteps.orgIds }).from(applicationSteps).where(eq(applicationSteps.applicationId, app.id)));
    if (auth.user.orgId && steps.some((s) => s.orgIds.includes(auth.user.orgId!))) return true;
    return auth.user.orgKind === 'hrBureau' || auth.user.role === 'admin'
      ? !!auth.actor.regionPath && (app.regionPath === auth.actor.regionPath || app.regionPath.startsWith(`${auth.actor.regionPath}/`))
      : false;
  }
  return false;
}

/**
 * Whether the file is part of the application (photo, signature, attachment, an entry's evidence), is the
 * applicant's own (theirs, or evidence of their archive entries: a draft naming someone else's file
 * gives no one a way to it), the application is past its first draft unless the reader is the applicant,
 * and the user may see the application.
 */
export async function mayReadApplicationFile(
  ctx: AppContext,
  auth: LoadedSession,
  applicationId: string,
  file: { id: string; ownerUserId: string | null },
): Promise<boolean> {
  const [a] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId));
  if (!a) return false;
  const d = a.draft as ApplicationDraft;
  const fileId = file.id;
  const referenced =
    a.photoFileId === fileId ||
    a.pledgeSignatureFileId === fileId ||
    Object.values(d.attachments ?? {}).includes(fileId) ||
    (d.submittedEntries ?? []).some((e) => e.evidenceFileIds.includes(fileId));
  if (!referenced) return false;
  // a draft is the applicant's alone: what it names becomes readable to others once submitted (and checked)
  if (a.status === 'draft' && auth.user.id !== a.applicantId) return false;
  if (file.ownerUserId !== a.applicantId && (await foreignFileIds(ctx.db, a.applicantId, [fileId])).length > 0) return false;
  return canView(ctx.db, auth, a);
}

/** files.* rows that are the applicant's: uploaded by them, or evidence of one of their archive entries. */
export function applicantsOwn(applicantId: string): SQL {
  return or(
    eq(files.ownerUserId, applicantId),
    sql`exists (select 1 from ${archiveEvidence} inner join ${archiveEntries} on ${archiveEntries.id} = ${archiveEvidence.entryId} where ${archiveEvidence.fileId} = ${files.id} and ${archiveEntries.applicantId} = ${applicantId})`,
  )!;
}

/**
 * Of the given file ids, those that are not the applicant's: neither uploaded by them nor evidence of
 * one of their archive entries. One statement.
 */
export async function foreignFileIds(q: Tx | AppContext['db'], applicantId: string, fileIds: string[]): Promise<string[]> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return [];
  const own = await q
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), applicantsOwn(applicantId)));
  const ok = new Set(own.map((r) => r.id));
  return ids.filter((x) => !ok.has(x));
}
