/**
 * A legal-person 政务服务网 login for a unit that is already registered does not make its agent an
 * operator of that unit (issue 8 item 1): it becomes a join request that the unit's existing operator
 * approves or refuses — or, when the unit has no active operator, the bureau that reviews the unit's
 * registration (canReviewEmployerRegistration). The request is the requester's user row
 * (status UNIT_JOIN_STATUS.pending, orgId null, govClaims.uscc = the unit's credit code): such a row
 * cannot hold a session (session.ts accepts 'active' users only) and belongs to no organization.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { canReviewEmployerRegistration, type OrganizationKind, type RegionLevel } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { organizations, regions, users } from '../../platform/db/schema';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notify } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import { fail } from '../../platform/http/errors';
import type { LoadedSession } from '../../platform/auth/session';

/** users.status values of a join request (a free-text column; 'active' once approved) */
export const UNIT_JOIN_STATUS = { pending: 'pending_unit_approval', refused: 'unit_join_refused' } as const;

/** the bodies whose officers review an employer's registration (domain: canReviewEmployerRegistration) */
const REVIEWING_ORG_KINDS: OrganizationKind[] = ['hrBureau', 'acceptancePoint'];

type Org = typeof organizations.$inferSelect;
type Approvers = { by: 'operators' | 'bureau'; users: Array<{ id: string; mobile: string | null }> };

export function pendingMessageFor(by: Approvers['by']): string {
  return by === 'operators'
    ? '已向该单位现有经办人提交加入申请，待其确认后可办理单位业务'
    : '该单位暂无经办人，已向单位注册审核部门提交加入申请，待其确认后可办理单位业务';
}

/** Who decides a request for `org`: its active operators, or else the officers who review its registration. */
export async function unitApprovers(q: Queryable, org: Org): Promise<Approvers> {
  const operators = await unitOperators(q, org.id, { activeOnly: true });
  if (operators.length) return { by: 'operators', users: operators };
  const officers = await q
    .select({
      id: users.id,
      mobile: users.mobile,
      orgId: organizations.id,
      orgKind: organizations.kind,
      regionPath: organizations.regionPath,
      regionLevel: regions.level,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(eq(users.role, 'officer'), eq(users.status, 'active'), inArray(organizations.kind, REVIEWING_ORG_KINDS)));
  const reviewers = officers.filter((o) =>
    canReviewEmployerRegistration(
      {
        userId: o.id,
        role: 'officer',
        orgId: o.orgId,
        orgKind: o.orgKind as OrganizationKind,
        regionPath: o.regionPath,
        regionLevel: o.regionLevel as RegionLevel,
      },
      org.regionPath,
    ),
  );
  return { by: 'bureau', users: reviewers.map((r) => ({ id: r.id, mobile: r.mobile })) };
}

/** Records the request (in the login's transaction) and tells whoever decides it. Returns the requester's message. */
export async function requestUnitJoin(
  ctx: AppContext,
  tx: Queryable,
  r: { userId: string; realName: string; mobile: string | null; org: Org; ip: string },
): Promise<string> {
  const approvers = await unitApprovers(tx, r.org);
  await writeAudit(
    tx,
    { actorUserId: r.userId, actorRole: 'employer', actorOrgId: null, ip: r.ip },
    {
      action: 'user.unitJoinRequested',
      targetType: 'user',
      targetId: r.userId,
      regionPath: r.org.regionPath,
      after: { orgId: r.org.id, unit: r.org.name, status: UNIT_JOIN_STATUS.pending },
    },
  );
  await notify(
    tx,
    approvers.users.map((a) => ({
      userId: a.id,
      title: '新的单位经办人加入申请',
      body: `${r.realName}通过浙江政务服务网法人账号申请成为${r.org.name}的经办人，请核实后确认或拒绝。`,
      link: approvers.by === 'operators' ? '/employer' : '/manage',
      sms: { mobile: a.mobile, template: 'unitJoinRequested' },
    })),
  );
  return pendingMessageFor(approvers.by);
}

/** Whether this signed-in user decides requests for `org`. */
async function mayDecide(q: Queryable, auth: LoadedSession, org: Org): Promise<boolean> {
  if (auth.user.role === 'employer') return auth.user.orgId === org.id;
  if (auth.user.role !== 'officer' && auth.user.role !== 'admin') return false;
  if (!canReviewEmployerRegistration(auth.actor, org.regionPath)) return false;
  return (await unitOperators(q, org.id, { activeOnly: true })).length === 0;
}

const usccOf = sql<string>`${users.govClaims}->>'uscc'`;

/** The pending requests this user may decide, oldest first. */
export async function listUnitJoinRequests(ctx: AppContext, auth: LoadedSession) {
  if (auth.user.role === 'employer' && !auth.user.orgId) return [];
  const rows = await ctx.db
    .select({ id: users.id, realName: users.realName, createdAt: users.createdAt, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.creditCode, usccOf))
    .where(
      and(eq(users.status, UNIT_JOIN_STATUS.pending), auth.user.role === 'employer' ? eq(organizations.id, auth.user.orgId!) : undefined),
    )
    .orderBy(asc(users.createdAt));
  const out = [];
  for (const r of rows) {
    if (await mayDecide(ctx.db, auth, r.org)) {
      out.push({
        id: r.id,
        realName: r.realName,
        unitName: r.org.name,
        creditCode: r.org.creditCode ?? '',
        requestedAt: r.createdAt.toISOString(),
      });
    }
  }
  return out;
}

/** Approve: the requester becomes an operator of the unit. Refuse: the request ends, the login stays refused. */
export async function decideUnitJoin(
  ctx: AppContext,
  auth: LoadedSession,
  userId: string,
  approve: boolean,
  audit: AuditContext,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!u || u.role !== 'employer') fail('NOT_FOUND', '未找到该加入申请，请刷新后重试');
    const uscc = (u.govClaims as Record<string, unknown> | null)?.uscc;
    const [org] = typeof uscc === 'string' ? await tx.select().from(organizations).where(eq(organizations.creditCode, uscc)) : [];
    if (!org || !(await mayDecide(tx, auth, org))) fail('NOT_FOUND', '未找到该加入申请，请刷新后重试');
    if (u.status !== UNIT_JOIN_STATUS.pending) fail('STATE', '该加入申请已处理，请刷新后查看');
    const status = approve ? 'active' : UNIT_JOIN_STATUS.refused;
    await tx
      .update(users)
      .set({ status, orgId: approve ? org.id : null })
      .where(eq(users.id, u.id));
    await writeAudit(tx, audit, {
      action: approve ? 'user.unitJoinApproved' : 'user.unitJoinRefused',
      targetType: 'user',
      targetId: u.id,
      regionPath: org.regionPath,
      before: { status: u.status, orgId: null },
      after: { status, orgId: approve ? org.id : null },
    });
    await notify(tx, [
      {
        userId: u.id,
        title: approve ? '单位已同意您的加入申请' : '单位未同意您的加入申请',
        body: approve
          ? `您已成为${org.name}的经办人，请用浙江政务服务网法人账号重新登录办理单位业务。`
          : `${org.name}未同意您成为其经办人。如有疑问，请联系该单位或所在地人力社保部门。`,
        link: '/employer',
        sms: { mobile: u.mobile, template: approve ? 'unitJoinApproved' : 'unitJoinRefused' },
      },
    ]);
  });
}
