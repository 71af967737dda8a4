/**
 * 逐级审核推荐 and the committee office's review (SPEC §6, §7), driven by the workflow table alone. Every
 * transition follows the same five steps (STYLE 4): open a transaction; lock the application; re-check, from
 * the table, its status, the actor, the deadline, the reason and the guards; run the action's handler and
 * write the change, the timeline event and the audit row; commit, with the notifications in the same
 * transaction (an outbox). Deadlines are the server's: the client's clock changes nothing.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATUSES,
  deadlineMessage,
  isPastDeadline,
  stepRefusal,
  transitionFor,
  type ApplicationStatus,
  type DeadlineKey,
  type Plan,
  type WorkflowAction,
} from '@zc/domain';
import { applicationEvents, applicationSteps, applications, organizations, plans, users } from '../../../platform/db/schema';
import type { Tx } from '../../../platform/db/client';
import type { AppContext } from '../../../platform/context';
import { fail } from '../../../platform/http/errors';
import { auditInsert, type AuditContext } from '../../../platform/audit/audit';
import { notificationInserts, type InboxMessage } from '../../../platform/notifications/notify';
import { writeTogether } from '../../../platform/db/together';
import type { LoadedSession } from '../../../platform/auth/session';
import { calendarFor } from '../../calendar/service';
import { canView, roleIn } from '../access';
import type { ActContext, ActInput } from './context';
import { BRANCHES, GUARDS } from './guards';
import { HANDLERS } from './handlers';

const DEADLINE_LABEL = {
  personalDeadline: '个人申报',
  employerDeadline: '单位审核推荐',
  departmentDeadline: '主管部门审核推荐',
} as const satisfies Record<DeadlineKey, string>;

const employerOrg = alias(organizations, 'employer_org');
const operator = alias(users, 'operator');

/**
 * The application, locked, with what every transition reads beside it, in one statement: the plan's
 * version (the plan itself comes from planAt's cache), the applicant's name and mobile, the employer
 * and its operators, and whether review steps exist yet.
 */
export async function lockForAct(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      app: applications,
      planVersion: plans.version,
      officeOrgId: plans.officeOrgId,
      applicant: { realName: users.realName, mobile: users.mobile },
      employer: {
        status: employerOrg.status,
        affiliation: employerOrg.affiliation,
        filesAtAgency: employerOrg.filesAtAgency,
        regionPath: employerOrg.regionPath,
        competentDepartment: employerOrg.competentDepartment,
      },
      stepCount: sql<number>`(select count(*)::int from ${applicationSteps} where ${applicationSteps.applicationId} = ${applications.id})`,
      employerOperators: sql<
        Array<{ id: string; mobile: string | null }>
      >`(select coalesce(json_agg(json_build_object('id', ${operator.id}, 'mobile', ${operator.mobile}) order by ${operator.id}), '[]'::json) from ${users} as ${operator} where ${operator.orgId} = ${applications.employerId} and ${operator.role} = 'employer')`,
    })
    .from(applications)
    .innerJoin(plans, eq(plans.id, applications.planId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(employerOrg, eq(employerOrg.id, applications.employerId))
    .where(eq(applications.id, id))
    .for('update', { of: applications });
  return row;
}
export type LockedRow = NonNullable<Awaited<ReturnType<typeof lockForAct>>>;

/** Parsed plans by (database, id), kept while their version holds: a deadline day submits against a handful of plans. */
const planCache = new WeakMap<object, Map<string, { version: number; plan: Plan }>>();
const PLAN_CACHE_SIZE = 64;

export async function planAt(q: Tx | AppContext['db'], cacheKey: object, planId: string, version: number): Promise<Plan> {
  let byId = planCache.get(cacheKey);
  if (!byId) planCache.set(cacheKey, (byId = new Map()));
  const hit = byId.get(planId);
  if (hit && hit.version === version) return hit.plan;
  const [p] = await q.select({ data: plans.data, version: plans.version }).from(plans).where(eq(plans.id, planId));
  if (!p) fail('NOT_FOUND', '评审计划不存在');
  // the cached object is shared by every request (and the rule engine compiles per object): never mutate it
  const plan = Object.freeze(p.data as Plan);
  byId.delete(planId);
  byId.set(planId, { version: p.version, plan });
  if (byId.size > PLAN_CACHE_SIZE) byId.delete(byId.keys().next().value!);
  return plan;
}

/** The opinion or reason the form carries, whichever field the action's form uses. */
function reasonOf(input: ActInput): string {
  // 处理异议: the handling is the event's opinion
  return (input.objectionHandling?.handling ?? input.reason ?? input.opinion ?? input.objection?.content ?? '').trim();
}

export async function act(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  action: WorkflowAction,
  input: ActInput,
  audit: AuditContext,
): Promise<{ status: ApplicationStatus; warning?: string }> {
  // loaded before the transaction: on the embedded database a query outside the open transaction would wait for it
  const calendar = await calendarFor(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForAct(tx, id);
    if (!row) fail('NOT_FOUND');
    const a = row.app;
    const steps =
      row.stepCount > 0
        ? await tx.select().from(applicationSteps).where(eq(applicationSteps.applicationId, a.id)).orderBy(asc(applicationSteps.seq))
        : [];
    if (!(await canView(tx, auth, a, steps))) fail('NOT_FOUND');
    // 1. the status: the table has the action there
    const from = a.status as ApplicationStatus;
    const t = transitionFor(from, action);
    if (!t) fail('CONFLICT', `该申报当前为"${APPLICATION_STATUSES[from].label}"，已被他人处理或状态已变化，请刷新`);
    // 2. the actor: the side the user is on is the one the table names
    const who = roleIn(auth, a);
    if (who !== t.by) fail(who ? 'FORBIDDEN' : 'CONFLICT', who ? '您不能进行此操作' : '该申报已不在您的待办中，可能已被他人处理，请刷新');
    const plan = await planAt(tx, ctx.db, a.planId, row.planVersion);
    const now = ctx.now();
    // 3. the plan's deadline ("逾期不再受理")
    const deadline = t.deadline ? plan.timeline[t.deadline] : undefined;
    if (t.deadline && deadline && isPastDeadline(deadline, now)) fail('STATE', deadlineMessage(DEADLINE_LABEL[t.deadline], deadline));
    // 4. the reason
    const reason = reasonOf(input);
    if (t.needsReason && reason.length < 2) fail('VALIDATION', '请填写意见或原因（至少 2 个字），告诉申报人如何修改', { reason: '必填' });
    // 5. an either-or step approved by one department is closed to the other (issue 8 item 10)
    const current = a.currentStep >= 0 ? steps[a.currentStep] : undefined;
    const refusal = who === 'department' ? stepRefusal(current, auth.user.orgId!, action) : null;
    if (refusal) fail('CONFLICT', refusal);

    let warning: string | undefined;
    let noted: { text: string; audit: Record<string, unknown> } | undefined;
    const messages: InboxMessage[] = [];
    const c: ActContext = {
      ctx,
      tx,
      auth,
      action,
      t,
      who,
      a,
      from,
      applicant: row.applicant,
      employer: row.employer,
      employerOperators: row.employerOperators,
      plan,
      officeOrgId: row.officeOrgId,
      steps,
      current,
      input,
      reason,
      now,
      calendar,
      set: { status: t.to, updatedAt: now, version: a.version + 1 },
      messages,
      writes: [],
      toApplicant: (title, body) =>
        messages.push({
          userId: a.applicantId,
          title,
          body,
          link: `/applicant/applications/${a.id}`,
          sms: { mobile: row.applicant.mobile, template: 'applicationStatus' },
        }),
      warn: (text) => (warning = text),
      note: (text, extra = {}) => (noted = { text, audit: extra }),
    };
    // 6. every guard of the table, in its order
    for (const g of t.guards ?? []) {
      const refused = await GUARDS[g](c);
      if (refused) fail('STATE', refused);
    }
    // 7. the target: the branch's when its condition holds
    c.set.status = t.branch && BRANCHES[t.branch.when](c) ? t.branch.to : t.to;
    // 8. the action's own work
    await HANDLERS[action](c);
    // 9. the common writes
    const to = c.set.status as ApplicationStatus;
    c.writes.push(
      tx.update(applications).set(c.set).where(eq(applications.id, a.id)),
      tx.insert(applicationEvents).values({
        applicationId: a.id,
        at: now,
        actorUserId: auth.user.id,
        actorOrgName: auth.user.orgName ?? auth.user.realName,
        action,
        label: noted ? `${t.label}（${noted.text}）` : t.label,
        fromStatus: from,
        toStatus: to,
        opinion: reason || null,
      }),
      auditInsert(tx, audit, {
        action: 'application.transition',
        targetType: 'application',
        targetId: a.id,
        regionPath: a.regionPath,
        before: { status: from, step: a.currentStep },
        after: { status: to, step: c.set.currentStep ?? a.currentStep, action, reason: reason || null, ...noted?.audit },
      }),
      ...notificationInserts(tx, messages),
    );
    await writeTogether(tx, c.writes);
    return { status: to, warning };
  });
}

/** A batch action of the queue: each item its own transaction; one failure does not stop the rest. */
export async function batchAct(
  ctx: AppContext,
  auth: LoadedSession,
  ids: string[],
  action: WorkflowAction,
  input: ActInput,
  audit: AuditContext,
) {
  const results: Array<{ id: string; ok: boolean; message: string }> = [];
  for (const id of ids) {
    try {
      await act(ctx, auth, id, action, input, audit);
      results.push({ id, ok: true, message: '成功' });
    } catch (e) {
      results.push({ id, ok: false, message: (e as Error).message });
    }
  }
  return results;
}
