/**
 * The queue of whoever holds the applications now (the employer, a department, the committee office): its
 * filters, its order, its count; and how many an organization holds (the home page's pending count).
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATUSES, maskIdNumber, type ApplicationStatus } from '@zc/domain';
import { applicationSteps, applications, organizations, plans, users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import type { LoadedSession } from '../../platform/auth/session';
import { containsPattern, withinJurisdiction } from '../../platform/db/jurisdiction';

export interface QueueQuery {
  planId?: string;
  specialtyCode?: string;
  status?: ApplicationStatus;
  employerId?: string;
  regionPath?: string;
  keyword?: string;
  sort: 'submittedAt' | '-submittedAt';
  page: number;
  pageSize: number;
}

/**
 * "current_org_ids @> [org]", split in three disjoint parts so that each walks an index in queue order
 * (schema.ts applications_queue_*): the org first; second (either-or and joint steps); further on (none today).
 */
function heldBy(orgId: string): [SQL, SQL, SQL] {
  const held = applications.currentOrgIds;
  return [
    sql`${held}[1] = ${orgId}::uuid`,
    sql`cardinality(${held}) > 1 and ${held}[2] = ${orgId}::uuid and ${held}[1] is distinct from ${orgId}::uuid`,
    sql`array_length(${held}, 1) > 2 and ${held} @> array[${orgId}]::uuid[] and ${held}[1] is distinct from ${orgId}::uuid and ${held}[2] is distinct from ${orgId}::uuid`,
  ];
}

/** How many applications the organization holds now (its queue's size; the home page's pending count). */
export async function heldCount(db: AppContext['db'], orgId: string): Promise<number> {
  const part = (p: SQL) => db.select({ id: applications.id }).from(applications).where(p);
  const [parts0, parts1, parts2] = heldBy(orgId);
  const [r] = await db.select({ n: count() }).from(part(parts0).unionAll(part(parts1)).unionAll(part(parts2)).as('held'));
  return r?.n ?? 0;
}

/** The queue of whoever holds the applications now: employer, department or committee office. */
export async function queue(ctx: AppContext, auth: LoadedSession, q: QueueQuery) {
  const orgId = auth.user.orgId;
  if (!orgId) fail('FORBIDDEN');
  const filters: SQL[] = [];
  if (q.planId) filters.push(eq(applications.planId, q.planId));
  if (q.specialtyCode) filters.push(eq(applications.specialtyCode, q.specialtyCode));
  if (q.status) filters.push(eq(applications.status, q.status));
  if (q.employerId) filters.push(eq(applications.employerId, q.employerId));
  if (q.regionPath) filters.push(withinJurisdiction(applications.regionPath, q.regionPath));
  if (q.keyword)
    filters.push(
      sql`exists (select 1 from ${users} where ${users.id} = ${applications.applicantId} and ${users.realName} like ${containsPattern(q.keyword)})`,
    );
  const parts = heldBy(orgId);
  const part = (p: SQL) =>
    ctx.db
      .select({ id: applications.id, submittedAt: applications.submittedAt })
      .from(applications)
      .where(and(p, ...filters));
  // ties on the submission time are broken by id in the same direction, so the indexes serve both orders
  const order =
    q.sort === 'submittedAt'
      ? [asc(applications.submittedAt), asc(applications.id)]
      : [desc(applications.submittedAt), desc(applications.id)];
  const offset = (q.page - 1) * q.pageSize;
  // each part in order and cut at the page's end, so that each walks its index no further than the page needs
  const upTo = (p: SQL) =>
    part(p)
      .orderBy(...order)
      .limit(offset + q.pageSize);
  // the page's ids first (from the indexes alone), then names and the current step for those rows only; the
  // count beside it, at the same time
  const page = upTo(parts[0]!)
    .unionAll(upTo(parts[1]!))
    .unionAll(upTo(parts[2]!))
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offset)
    .as('page');
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: applications.id,
        specialtyCode: applications.specialtyCode,
        level: applications.level,
        mode: applications.mode,
        status: applications.status,
        currentStep: applications.currentStep,
        publicityEnd: applications.publicityEnd,
        publicityEndProvisional: applications.publicityEndProvisional,
        submittedAt: applications.submittedAt,
        applicantName: users.realName,
        idNumber: users.idNumber,
        employerName: organizations.name,
        planName: plans.name,
        stepLabel: applicationSteps.label,
        stepStatus: applicationSteps.status,
      })
      .from(page)
      .innerJoin(applications, eq(applications.id, page.id))
      .innerJoin(users, eq(users.id, applications.applicantId))
      .innerJoin(organizations, eq(organizations.id, applications.employerId))
      .innerJoin(plans, eq(plans.id, applications.planId))
      .leftJoin(
        applicationSteps,
        and(eq(applicationSteps.applicationId, applications.id), eq(applicationSteps.seq, applications.currentStep)),
      )
      .orderBy(...(q.sort === 'submittedAt' ? [asc(page.submittedAt), asc(page.id)] : [desc(page.submittedAt), desc(page.id)])),
    ctx.db.select({ n: count() }).from(part(parts[0]!).unionAll(part(parts[1]!)).unionAll(part(parts[2]!)).as('mine')),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      planName: r.planName,
      applicantName: r.applicantName,
      idNumberMasked: r.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', r.idNumber)) : '',
      employerName: r.employerName,
      specialtyCode: r.specialtyCode,
      level: r.level,
      mode: r.mode,
      status: r.status as ApplicationStatus,
      statusLabel: APPLICATION_STATUSES[r.status as ApplicationStatus].label,
      stepLabel: r.stepLabel ?? (r.currentStep < 0 ? '用人单位' : ''),
      stepApproved: r.stepStatus === 'approved',
      publicityEnd: r.publicityEnd,
      publicityEndProvisional: r.publicityEndProvisional,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
