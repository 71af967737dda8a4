/** 绑定单位: an applicant asks to be bound to an employer, the employer approves or refuses (seed 003 附件2.2). */
import { and, count, desc, eq } from 'drizzle-orm';
import { BINDING_STATUS_LABELS, maskIdNumber, maskMobile, type BindingStatus } from '@zc/domain';
import { employmentBindings, organizations, regions, users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notify } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import type { LoadedSession } from '../../platform/auth/session';

export async function requestBinding(ctx: AppContext, auth: LoadedSession, employerId: string, audit: AuditContext) {
  if (!auth.user.profileCompleted) fail('PROFILE_INCOMPLETE', '请先完善个人基本信息，再申请绑定单位');
  return ctx.db.transaction(async (tx) => {
    const [emp] = await tx.select().from(organizations).where(eq(organizations.id, employerId));
    if (!emp || emp.kind !== 'employer') fail('NOT_FOUND', '未找到该单位，请重新搜索');
    if (emp.status !== 'approved') fail('STATE', '该单位尚未通过注册审核，暂不能绑定；请联系单位经办人');
    // lock the applicant's row so two quick clicks cannot create two requests
    await tx.select({ id: users.id }).from(users).where(eq(users.id, auth.user.id)).for('update');
    const [active] = await tx
      .select({ id: employmentBindings.id, status: employmentBindings.status, employerId: employmentBindings.employerId })
      .from(employmentBindings)
      .where(and(eq(employmentBindings.applicantId, auth.user.id), eq(employmentBindings.status, 'pending')));
    if (active) fail('STATE', '您已有一条待单位确认的绑定申请，请等待单位处理或先撤销该申请');
    const [bound] = await tx
      .select({ id: employmentBindings.id })
      .from(employmentBindings)
      .where(and(eq(employmentBindings.applicantId, auth.user.id), eq(employmentBindings.status, 'approved')));
    if (bound) fail('STATE', '您已绑定单位。如工作单位变更，请先由原单位解除绑定');
    const [b] = await tx.insert(employmentBindings).values({ applicantId: auth.user.id, employerId }).returning();
    await writeAudit(tx, audit, {
      action: 'binding.requested',
      targetType: 'binding',
      targetId: b!.id,
      regionPath: emp.regionPath,
      after: { employerId, status: 'pending' },
    });
    const operators = await unitOperators(tx, employerId);
    await notify(
      tx,
      operators.map((o) => ({
        userId: o.id,
        title: '新的单位绑定申请',
        body: `${auth.user.realName}申请绑定为本单位人员，请核实后确认。`,
        link: '/employer/bindings',
      })),
    );
    return b!.id;
  });
}

export async function cancelBinding(ctx: AppContext, auth: LoadedSession, id: string, audit: AuditContext) {
  await ctx.db.transaction(async (tx) => {
    const [b] = await tx.select().from(employmentBindings).where(eq(employmentBindings.id, id)).for('update');
    if (!b || b.applicantId !== auth.user.id) fail('NOT_FOUND');
    if (b.status !== 'pending') fail('STATE', '单位已处理该申请，不能撤销');
    await tx.update(employmentBindings).set({ status: 'cancelled', decidedAt: ctx.now() }).where(eq(employmentBindings.id, id));
    await writeAudit(tx, audit, {
      action: 'binding.cancelled',
      targetType: 'binding',
      targetId: id,
      before: { status: b.status },
      after: { status: 'cancelled' },
    });
  });
}

export async function myBindings(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .select({ b: employmentBindings, employerName: organizations.name, regionName: regions.name })
    .from(employmentBindings)
    .innerJoin(organizations, eq(organizations.id, employmentBindings.employerId))
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(employmentBindings.applicantId, userId))
    .orderBy(desc(employmentBindings.requestedAt));
  return rows.map((r) => ({
    id: r.b.id,
    employerId: r.b.employerId,
    employerName: r.employerName,
    regionName: r.regionName,
    status: r.b.status as BindingStatus,
    statusLabel: BINDING_STATUS_LABELS[r.b.status as BindingStatus],
    reason: r.b.reason,
    requestedAt: r.b.requestedAt.toISOString(),
    decidedAt: r.b.decidedAt?.toISOString() ?? null,
  }));
}

/** The employer's queue of binding requests; the employer sees only its own. */
export async function employerBindings(
  ctx: AppContext,
  auth: LoadedSession,
  q: { status?: BindingStatus; page: number; pageSize: number },
) {
  const orgId = auth.user.orgId!;
  const cond = and(eq(employmentBindings.employerId, orgId), q.status ? eq(employmentBindings.status, q.status) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        b: employmentBindings,
        u: {
          realName: users.realName,
          idNumber: users.idNumber,
          mobile: users.mobile,
          currentSpecialty: users.currentSpecialty,
          sex: users.sex,
        },
      })
      .from(employmentBindings)
      .innerJoin(users, eq(users.id, employmentBindings.applicantId))
      .where(cond)
      .orderBy(desc(employmentBindings.requestedAt), desc(employmentBindings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(employmentBindings).where(cond),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.b.id,
      applicantName: r.u.realName,
      idNumberMasked: r.u.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', r.u.idNumber)) : '',
      mobileMasked: r.u.mobile ? maskMobile(ctx.pii.decrypt('mobile', r.u.mobile)) : '',
      sex: r.u.sex,
      currentSpecialty: r.u.currentSpecialty,
      status: r.b.status as BindingStatus,
      statusLabel: BINDING_STATUS_LABELS[r.b.status as BindingStatus],
      reason: r.b.reason,
      requestedAt: r.b.requestedAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function decideBinding(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  decision: { kind: 'approve' } | { kind: 'refuse'; reason: string },
  audit: AuditContext,
) {
  await ctx.db.transaction(async (tx) => {
    const [b] = await tx.select().from(employmentBindings).where(eq(employmentBindings.id, id)).for('update');
    // another employer's request is reported as not found: its existence is not ours to reveal
    if (!b || b.employerId !== auth.user.orgId) fail('NOT_FOUND');
    if (b.status !== 'pending') fail('CONFLICT', `该申请已被处理（${BINDING_STATUS_LABELS[b.status as BindingStatus]}），请刷新列表`);
    const status = decision.kind === 'approve' ? 'approved' : 'refused';
    const reason = decision.kind === 'refuse' ? decision.reason : null;
    await tx
      .update(employmentBindings)
      .set({ status, reason, decidedBy: auth.user.id, decidedAt: ctx.now() })
      .where(eq(employmentBindings.id, id));
    await writeAudit(tx, audit, {
      action: decision.kind === 'approve' ? 'binding.approved' : 'binding.refused',
      targetType: 'binding',
      targetId: id,
      regionPath: auth.user.regionPath,
      before: { status: b.status },
      after: { status, reason },
    });
    const [applicant] = await tx.select({ id: users.id, mobile: users.mobile }).from(users).where(eq(users.id, b.applicantId));
    if (applicant) {
      await notify(tx, [
        decision.kind === 'approve'
          ? {
              userId: applicant.id,
              title: '单位绑定成功',
              body: `${auth.user.orgName}已确认您为本单位人员，现可维护个人业绩档案。`,
              link: '/applicant',
              sms: { mobile: applicant.mobile, template: 'bindingApproved' },
            }
          : {
              userId: applicant.id,
              title: '单位绑定未通过',
              body: `${auth.user.orgName}未同意您的绑定申请，原因：${decision.reason}`,
              link: '/applicant',
              sms: { mobile: applicant.mobile, template: 'bindingRefused' },
            },
      ]);
    }
  });
}
