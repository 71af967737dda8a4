/**
 * 申报 and 逐级审核推荐 (SPEC §4, §6). Every transition follows the same five steps (STYLE 4): open a
 * transaction; lock the application; re-check its status against the workflow table and the actor's
 * right; write the change, the timeline event and the audit row; commit, with the notifications in
 * the same transaction (an outbox). Deadlines are the server's: the client's clock changes nothing.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATUSES,
  applicationFacts,
  bindingBlocker,
  UnknownCalendarYearError,
  deadlineMessage,
  evaluate,
  isPastDeadline,
  provisionalEndNote,
  publicityEnd,
  routeFor,
  shanghaiDate,
  transitionFor,
  actionsFor,
  departmentActionsFor,
  stepRefusal,
  maskIdNumber,
  type ApplicationDraft,
  type ApplicationMode,
  type ApplicationStatus,
  type Plan,
  type WorkflowActor,
} from '@zc/domain';
import {
  applicationEvents,
  applicationSteps,
  applications,
  archiveEntries,
  archiveEvidence,
  employmentBindings,
  files,
  organizations,
  plans,
  users,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { auditInsert, writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notificationInserts, type InboxMessage } from '../../platform/notifications/notify';
import { writeTogether } from '../../platform/db/together';
import type { LoadedSession } from '../../platform/auth/session';
import { containsPattern, withinJurisdiction } from '../../platform/db/jurisdiction';
import { factsFromEntries } from '../plans/facts';
import { bindingOf, freezeUpdate } from '../archive/service';
import { calendarFor } from '../calendar/service';
import { scheduleReminders } from '../calendar/reminders';
import { resolveSteps } from './resolve-steps';

type AppRow = typeof applications.$inferSelect;

/** What the applicant fills in the wizard (the domain's ApplicationDraft). */
export type DraftData = ApplicationDraft;

const DEADLINE_LABEL = { personalDeadline: '个人申报', employerDeadline: '单位审核推荐', departmentDeadline: '主管部门审核推荐' } as const;

async function planOf(tx: Tx | AppContext['db'], planId: string): Promise<{ plan: Plan; officeOrgId: string; status: string }> {
  const [p] = await tx.select().from(plans).where(eq(plans.id, planId));
  if (!p) fail('NOT_FOUND', '评审计划不存在');
  return { plan: p.data as Plan, officeOrgId: p.officeOrgId, status: p.status };
}

/** Which side of the application the signed-in user is on, if any. */
export function roleIn(auth: LoadedSession, app: AppRow): WorkflowActor | null {
  if (auth.user.role === 'applicant' && app.applicantId === auth.user.id) return 'applicant';
  if (auth.user.role === 'employer' && auth.user.orgStatus === 'approved' && app.employerId === auth.user.orgId) return 'employer';
  if (auth.user.role === 'officer' && auth.user.orgId && app.status === 'inReview' && app.currentOrgIds.includes(auth.user.orgId))
    return 'department';
  return null;
}

async function canView(
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
  const d = a.draft as DraftData;
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
function applicantsOwn(applicantId: string): SQL {
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

export async function createApplication(ctx: AppContext, auth: LoadedSession, planId: string, audit: AuditContext) {
  const { plan, status } = await planOf(ctx.db, planId);
  if (status !== 'published') fail('NOT_FOUND', '评审计划不存在或尚未发布');
  if (isPastDeadline(plan.timeline.personalDeadline, ctx.now())) fail('STATE', deadlineMessage('个人申报', plan.timeline.personalDeadline));
  if (shanghaiDate(ctx.now()) < plan.timeline.openDate) fail('STATE', `本计划 ${plan.timeline.openDate} 开始申报，请届时再来`);
  const [b] = await ctx.db
    .select({ employerId: employmentBindings.employerId, regionPath: organizations.regionPath })
    .from(employmentBindings)
    .innerJoin(organizations, eq(organizations.id, employmentBindings.employerId))
    .where(and(eq(employmentBindings.applicantId, auth.user.id), eq(employmentBindings.status, 'approved')));
  if (!b) {
    const { state } = await bindingOf(ctx.db, auth.user.id);
    fail('STATE', bindingBlocker(state === 'approved' ? 'none' : state, 'application')!.message, {
      reason: state === 'pending' ? 'bindingPending' : 'unbound',
    });
  }
  const [existing] = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.applicantId, auth.user.id), eq(applications.planId, planId)));
  if (existing) return existing.id;
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(applications)
      .values({
        applicantId: auth.user.id,
        planId,
        employerId: b.employerId,
        regionPath: b.regionPath,
        level: plan.levels.length === 1 ? plan.levels[0]! : null,
        mode: plan.modes.length === 1 ? plan.modes[0]!.mode : null,
      })
      .returning({ id: applications.id });
    await tx.insert(applicationEvents).values({
      applicationId: a!.id,
      at: ctx.now(),
      actorUserId: auth.user.id,
      actorOrgName: auth.user.realName,
      action: 'create',
      label: '开始申报',
      toStatus: 'draft',
    });
    await writeAudit(tx, audit, {
      action: 'application.created',
      targetType: 'application',
      targetId: a!.id,
      regionPath: b.regionPath,
      after: { planId },
    });
    return a!.id;
  });
}

export async function saveDraft(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  input: { level?: string | null; mode?: string | null; specialtyCode?: string | null; draft: DraftData },
) {
  await ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!a || a.applicantId !== auth.user.id) fail('NOT_FOUND');
    if (a.status !== 'draft' && a.status !== 'returned') fail('STATE', '申报已提交，不能再修改；如需修改请在单位审核前撤回');
    const { plan } = await planOf(tx, a.planId);
    const statement = input.draft.personalStatement ?? '';
    if ([...statement].length > plan.personalStatementMaxChars)
      fail('VALIDATION', `本人述职不超过 ${plan.personalStatementMaxChars} 字，当前 ${[...statement].length} 字`, {
        personalStatement: '字数超出',
      });
    const { submittedEntries: _ignored, ...draft } = input.draft;
    // every file the draft names is the applicant's own (issue 8 item 2): otherwise the application would
    // lead its readers (the applicant, the unit, the reviewers) to someone else's file
    const attachments = Object.entries(draft.attachments ?? {});
    const foreign = new Set(
      await foreignFileIds(
        tx,
        a.applicantId,
        attachments.map(([, fileId]) => fileId),
      ),
    );
    const bad = attachments.filter(([, fileId]) => foreign.has(fileId));
    if (bad.length) {
      const names = new Map(plan.modes.flatMap((m) => m.attachments.map((x) => [x.key, x.name] as const)));
      const label = (key: string) => names.get(key) ?? key;
      fail(
        'VALIDATION',
        `附件“${bad.map(([key]) => label(key)).join('、')}”不是您本人上传的文件，请在本步骤重新上传`,
        Object.fromEntries(bad.map(([key]) => [`draft.attachments.${key}`, '不是本人上传的文件'])),
      );
    }
    await tx
      .update(applications)
      .set({
        // a field the request leaves out stays; null clears it (a new level empties a mode that does not fit it)
        level: input.level === undefined ? a.level : input.level,
        mode: input.mode === undefined ? a.mode : input.mode,
        specialtyCode: input.specialtyCode === undefined ? a.specialtyCode : input.specialtyCode,
        draft: { ...(a.draft as DraftData), ...draft },
        updatedAt: ctx.now(),
        version: a.version + 1,
      })
      .where(eq(applications.id, id));
  });
}

export async function setPhoto(ctx: AppContext, auth: LoadedSession, id: string, fileId: string) {
  await ctx.db
    .update(applications)
    .set({ photoFileId: fileId, updatedAt: ctx.now() })
    .where(and(eq(applications.id, id), eq(applications.applicantId, auth.user.id), inArray(applications.status, ['draft', 'returned'])));
}

function guardDeadline(plan: Plan, key: keyof typeof DEADLINE_LABEL | undefined, now: Date) {
  if (!key) return;
  const d = plan.timeline[key];
  if (d && isPastDeadline(d, now)) fail('STATE', deadlineMessage(DEADLINE_LABEL[key], d));
}

/** Completeness and eligibility at submission: the authoritative check. */
async function checkSubmission(tx: Tx, a: AppRow, plan: Plan) {
  const d = a.draft as DraftData;
  const missing: string[] = [];
  if (!a.level || !plan.levels.includes(a.level as Plan['levels'][number])) missing.push('申报级别');
  const modeSpec = plan.modes.find((m) => m.mode === a.mode);
  if (!modeSpec) missing.push('申报方式');
  if (!a.specialtyCode || !plan.specialties.some((s) => s.code === a.specialtyCode)) missing.push('申报专业');
  if (!a.photoFileId) missing.push('证件照');
  if (!a.pledgeSignedAt) missing.push('真实性保证书签名');
  if (!d.personalStatement?.trim()) missing.push('本人述职');
  if (!d.entryIds?.length) missing.push('业绩成果');
  if (!d.representativeWorkId || !d.entryIds?.includes(d.representativeWorkId)) missing.push('代表作');
  for (const att of modeSpec?.attachments ?? []) if (att.required && !d.attachments?.[att.key]) missing.push(att.name);
  if (missing.length) fail('STATE', `申报材料不完整，请补充：${missing.join('、')}`, { missing: missing.join('、') });
  const entryIds = d.entryIds!;
  const attachmentIds = [...new Set(Object.values(d.attachments ?? {}))];
  // one statement: every approved entry (the rule engine's facts) and the chosen ones (with their
  // evidence, for the snapshot), and how many of the attachments are the applicant's own files
  const chosen = inArray(archiveEntries.id, entryIds);
  const rows = await tx
    .select({
      id: archiveEntries.id,
      kind: archiveEntries.kind,
      summary: archiveEntries.summary,
      data: archiveEntries.data,
      status: archiveEntries.status,
      chosen: sql<boolean>`${chosen}`,
      evidenceFileIds: sql<
        string[] | null
      >`case when ${chosen} then (select array_agg(${archiveEvidence.fileId} order by ${archiveEvidence.createdAt}, ${archiveEvidence.fileId}) from ${archiveEvidence} where ${archiveEvidence.entryId} = ${archiveEntries.id}) end`,
      ownedAttachments: sql<number>`(select count(*)::int from ${files} where ${inArray(files.id, attachmentIds)} and ${files.ownerUserId} = ${a.applicantId})`,
    })
    .from(archiveEntries)
    .where(and(eq(archiveEntries.applicantId, a.applicantId), or(eq(archiveEntries.status, 'approved'), chosen)));
  const entries = rows.filter((r) => r.chosen);
  if (entries.length !== entryIds.length || entries.some((e) => e.status !== 'approved'))
    fail('STATE', '所选业绩中有尚未经单位审核通过的条目，请先提交单位审核');
  // (rows is not empty here: the chosen entries are in it)
  if (attachmentIds.length && rows[0]!.ownedAttachments !== attachmentIds.length) fail('STATE', '附件中有不属于本人的文件，请重新上传');
  const facts = factsFromEntries(rows.filter((r) => r.status === 'approved'));
  facts.application = applicationFacts(d);
  const result = evaluate(plan, a.mode as ApplicationMode, a.level!, facts);
  if (!result.eligible) {
    const failed = result.results.filter((r) => r.status === 'fail');
    fail('STATE', `不符合申报条件：${failed.map((r) => `${r.title}——${r.explanation}`).join('；')}`);
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const snapshot = entryIds.map((id) => {
    const e = byId.get(id)!;
    return { id: e.id, kind: e.kind, summary: e.summary, data: e.data, evidenceFileIds: e.evidenceFileIds ?? [] };
  });
  return { result, snapshot };
}

async function usersOf(tx: Tx, orgIds: string[], role: string) {
  if (orgIds.length === 0) return [];
  return tx
    .select({ id: users.id, mobile: users.mobile })
    .from(users)
    .where(and(inArray(users.orgId, orgIds), eq(users.role, role)));
}

/** Entries go back to editable when the application leaves review, unless another application of the same person still holds them. */
async function unfreezeUnlessUsed(tx: Tx, a: AppRow, entryIds: string[]) {
  if (entryIds.length === 0) return;
  const held = await tx
    .select({ draft: applications.draft })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, a.applicantId),
        sql`${applications.id} <> ${a.id}`,
        inArray(applications.status, ['submitted', 'employerPublicity', 'inReview', 'atCommittee']),
        sql`${applications.draft}->'entryIds' ?| array[${sql.join(
          entryIds.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  const stillUsed = new Set(held.flatMap((h) => (h.draft as DraftData).entryIds ?? []));
  const free = entryIds.filter((x) => !stillUsed.has(x));
  if (free.length) await tx.update(archiveEntries).set({ frozenAt: null }).where(inArray(archiveEntries.id, free));
}

export interface ActInput {
  reason?: string;
  opinion?: string;
  checks?: Record<string, boolean>;
  originalsVerifiedBy?: string;
  objection?: { content: string; handling: string };
}

const employerOrg = alias(organizations, 'employer_org');
const operator = alias(users, 'operator');

/**
 * The application, locked, with what every transition reads beside it, in one statement: the plan's
 * version (the plan itself comes from planAt's cache), the applicant's name and mobile, the employer
 * and its operators, and whether review steps exist yet.
 */
async function lockForAct(tx: Tx, id: string) {
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

/** Parsed plans by (database, id), kept while their version holds: a deadline day submits against a handful of plans. */
const planCache = new WeakMap<object, Map<string, { version: number; plan: Plan }>>();
const PLAN_CACHE_SIZE = 64;

async function planAt(q: Tx | AppContext['db'], cacheKey: object, planId: string, version: number): Promise<Plan> {
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

export async function act(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  action: string,
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
    const from = a.status as ApplicationStatus;
    const t = transitionFor(from, action);
    const who = roleIn(auth, a);
    if (!t) fail('CONFLICT', `该申报当前为"${APPLICATION_STATUSES[from].label}"，已被他人处理或状态已变化，请刷新`);
    if (who !== t.by) fail(who ? 'FORBIDDEN' : 'CONFLICT', who ? '您不能进行此操作' : '该申报已不在您的待办中，可能已被他人处理，请刷新');
    const plan = await planAt(tx, ctx.db, a.planId, row.planVersion);
    const officeOrgId = row.officeOrgId;
    guardDeadline(plan, t.deadline, ctx.now());
    const reason = (input.reason ?? input.opinion ?? input.objection?.content ?? '').trim();
    if (t.needsReason && reason.length < 2) fail('VALIDATION', '请填写意见或原因（至少 2 个字），告诉申报人如何修改', { reason: '必填' });
    const now = ctx.now();
    const set: Partial<typeof applications.$inferInsert> = { status: t.to, updatedAt: now, version: a.version + 1 };
    const messages: InboxMessage[] = [];
    // independent writes, sent together at the end in one statement (none touches a row another one does)
    const writes: SQLWrapper[] = [];
    const applicant = row.applicant;
    const toApplicant = (title: string, body: string) =>
      messages.push({
        userId: a.applicantId,
        title,
        body,
        link: `/applicant/applications/${a.id}`,
        sms: { mobile: applicant.mobile, template: 'applicationStatus' },
      });
    let warning: string | undefined;
    // said in the timeline and the audit row when the step rests on a provisional calendar (issue 9 item 2)
    let note: { text: string; audit: Record<string, unknown> } | undefined;
    const current = a.currentStep >= 0 ? steps[a.currentStep] : undefined;
    // an either-or step approved by one department is closed to the other (issue 8 item 10)
    const refusal = who === 'department' ? stepRefusal(current, auth.user.orgId!, action) : null;
    if (refusal) fail('CONFLICT', refusal);

    switch (action) {
      case 'submit': {
        const employer = row.employer;
        if (employer.status !== 'approved')
          fail('STATE', '所在单位尚未通过注册审核，暂不能提交：请联系单位经办人补全注册材料，待所在地人力社保部门审核通过后再提交');
        const { snapshot } = await checkSubmission(tx, a, plan);
        if (steps.length === 0) {
          const route = routeFor(plan, { affiliation: (employer.affiliation ?? 'none') as 'none', filesAtAgency: employer.filesAtAgency });
          const resolved = await resolveSteps(tx, route, employer, officeOrgId);
          writes.push(
            tx
              .insert(applicationSteps)
              .values(
                resolved.map((s, seq) => ({ applicationId: a.id, seq, kind: s.kind, label: s.label, orgIds: s.orgIds, joint: s.joint })),
              ),
          );
        } else {
          // resubmission after a return comes back up the same chain
          writes.push(
            tx
              .update(applicationSteps)
              .set({ status: 'pending', approvedOrgIds: [], opinion: null, actedBy: null, actedAt: null })
              .where(eq(applicationSteps.applicationId, a.id)),
          );
        }
        const d = a.draft as DraftData;
        // checkSubmission saw every chosen entry approved; the freeze keeps them as the application has them
        writes.push(freezeUpdate(tx, d.entryIds ?? [], now));
        Object.assign(set, {
          currentStep: -1,
          currentOrgIds: [a.employerId],
          submittedAt: a.submittedAt ?? now,
          draft: { ...d, submittedEntries: snapshot },
        });
        row.employerOperators.forEach((u) =>
          messages.push({
            userId: u.id,
            title: '新的职称申报待审核',
            body: `${applicant.realName}提交了${plan.name}的申报，请在 ${plan.timeline.employerDeadline} 前审核。`,
            link: `/employer/applications/${a.id}`,
          }),
        );
        // seed 003 三: warn when the personal deadline plus 5 working days of publicity passes the employer deadline
        try {
          const end = publicityEnd(calendar, shanghaiDate(now), plan.publicity.employerWorkingDays);
          if (end.date > plan.timeline.employerDeadline)
            warning = `提醒：单位公示须 ${plan.publicity.employerWorkingDays} 个工作日，若单位今天开始公示，将于 ${end.date}${end.provisional ? `（${provisionalEndNote(end.date)}）` : ''} 结束，晚于单位报送截止日 ${plan.timeline.employerDeadline}，请尽快联系单位审核`;
        } catch (e) {
          if (!(e instanceof UnknownCalendarYearError)) throw e;
        }
        break;
      }
      case 'withdraw':
        Object.assign(set, { currentOrgIds: [] });
        await unfreezeUnlessUsed(tx, a, (a.draft as DraftData).entryIds ?? []);
        break;
      case 'employerApprove': {
        let end: ReturnType<typeof publicityEnd>;
        const start = shanghaiDate(now);
        try {
          // a year without an entered schedule gives a provisional end (weekends + statutory holidays), never a refusal
          end = publicityEnd(calendar, start, plan.publicity.employerWorkingDays);
        } catch (e) {
          if (e instanceof UnknownCalendarYearError) fail('STATE', e.message);
          throw e;
        }
        // a publicity already completed before a return is not repeated
        const done = a.publicityEnd && a.publicityEnd < start;
        Object.assign(set, done ? {} : { publicityStart: start, publicityEnd: end.date, publicityEndProvisional: end.provisional });
        const endText = `${end.date}${end.provisional ? `（${provisionalEndNote(end.date)}）` : ''}`;
        toApplicant(
          '单位审核通过',
          `${auth.user.orgName}已审核通过您的申报${done ? '' : `，公示期 ${start} 至 ${endText}`}。意见：${reason || '同意推荐'}`,
        );
        if (!done && end.provisional) {
          note = {
            text: `公示截止日 ${end.date} 为暂定日期：${provisionalEndNote(end.date)}`,
            audit: { publicityEnd: end.date, publicityEndProvisional: true },
          };
          messages.push(...(await scheduleReminders(tx, end.provisionalYears)));
        }
        break;
      }
      case 'recordObjection': {
        if (!input.objection?.content?.trim()) fail('VALIDATION', '请填写异议内容及处理情况');
        Object.assign(set, { objections: [...(a.objections as unknown[]), { at: now.toISOString(), ...input.objection }] });
        break;
      }
      case 'employerForward': {
        if (!a.publicityEnd || shanghaiDate(now) <= a.publicityEnd)
          fail(
            'STATE',
            `公示期至 ${a.publicityEnd ?? '（未开始）'}${a.publicityEndProvisional ? `（${provisionalEndNote(a.publicityEnd!)}）` : ''} 结束，公示期满后方可报送`,
          );
        // allowed against a provisional end, and recorded as such
        if (a.publicityEndProvisional)
          note = {
            text: `按暂定公示截止日 ${a.publicityEnd} 报送，该日期尚未按正式放假安排确定`,
            audit: { publicityEnd: a.publicityEnd, publicityEndProvisional: true },
          };
        const first = steps[0]!;
        Object.assign(
          set,
          first.kind === 'committeeOffice'
            ? { status: 'atCommittee', currentStep: 0, currentOrgIds: first.orgIds }
            : { currentStep: 0, currentOrgIds: first.orgIds },
        );
        (await usersOf(tx, first.orgIds, 'officer')).forEach((u) =>
          messages.push({
            userId: u.id,
            title: '新的职称申报待审核',
            body: `${auth.user.orgName}报送了${applicant.realName}的${plan.name}申报。`,
            link: `/manage/applications/${a.id}`,
          }),
        );
        toApplicant('已报送主管部门', `${auth.user.orgName}已将您的申报报送${first.label}。`);
        break;
      }
      case 'employerReturn':
      case 'stepReturn': {
        Object.assign(set, { currentOrgIds: [] });
        await unfreezeUnlessUsed(tx, a, (a.draft as DraftData).entryIds ?? []);
        if (current)
          await tx
            .update(applicationSteps)
            .set({ status: 'returned', opinion: reason, actedBy: auth.user.id, actedAt: now })
            .where(eq(applicationSteps.id, current.id));
        toApplicant('申报被退回修改', `${auth.user.orgName}退回了您的申报，请按意见修改后重新提交：${reason}`);
        // the level below is told too
        const below = action === 'stepReturn' ? (a.currentStep > 0 ? steps[a.currentStep - 1]!.orgIds : [a.employerId]) : [];
        for (const role of ['employer', 'officer'])
          (await usersOf(tx, below, role)).forEach((u) =>
            messages.push({
              userId: u.id,
              title: '申报被上级退回',
              body: `${applicant.realName}的申报被${auth.user.orgName}退回：${reason}`,
              link: '/',
            }),
          );
        break;
      }
      case 'employerReject':
      case 'stepReject':
        Object.assign(set, { currentOrgIds: [] });
        if (current)
          await tx
            .update(applicationSteps)
            .set({ status: 'rejected', opinion: reason, actedBy: auth.user.id, actedAt: now })
            .where(eq(applicationSteps.id, current.id));
        toApplicant('申报审核不通过', `${auth.user.orgName}：${reason}`);
        break;
      case 'stepApprove': {
        if (!current) fail('CONFLICT');
        if (current.status === 'approved' || current.approvedOrgIds.includes(auth.user.orgId!))
          fail('CONFLICT', '该申报已审查通过，请刷新');
        const approved = [...current.approvedOrgIds, auth.user.orgId!];
        const complete = !current.joint || current.orgIds.every((o) => approved.includes(o));
        await tx
          .update(applicationSteps)
          .set({
            approvedOrgIds: approved,
            status: complete ? 'approved' : 'pending',
            opinion: [current.opinion, `${auth.user.orgName}：${reason || '审查通过'}`].filter(Boolean).join('；'),
            checks: input.checks ?? current.checks,
            originalsVerifiedBy: input.originalsVerifiedBy ?? current.originalsVerifiedBy,
            originalsVerifiedAt: input.originalsVerifiedBy ? now : current.originalsVerifiedAt,
            actedBy: auth.user.id,
            actedAt: now,
          })
          .where(eq(applicationSteps.id, current.id));
        if (!complete) warning = '会同审核：另一部门审查通过后方可审核推荐';
        break;
      }
      case 'stepForward': {
        if (!current || current.status !== 'approved')
          fail('STATE', current?.joint ? '会同审核须各部门均审查通过后才能审核推荐' : '请先审查通过，再审核推荐');
        await tx.update(applicationSteps).set({ status: 'forwarded' }).where(eq(applicationSteps.id, current.id));
        const next = steps[a.currentStep + 1];
        if (!next) fail('STATE', '审核路线已到终点');
        Object.assign(
          set,
          next.kind === 'committeeOffice'
            ? { status: 'atCommittee', currentStep: a.currentStep + 1, currentOrgIds: next.orgIds }
            : { currentStep: a.currentStep + 1, currentOrgIds: next.orgIds },
        );
        (await usersOf(tx, next.orgIds, 'officer')).forEach((u) =>
          messages.push({
            userId: u.id,
            title: next.kind === 'committeeOffice' ? '新的申报材料已报送评委会' : '新的职称申报待审核',
            body: `${auth.user.orgName}报送了${applicant.realName}的${plan.name}申报。`,
            link: `/manage/applications/${a.id}`,
          }),
        );
        toApplicant('审核推荐', `${auth.user.orgName}已审核推荐，报送${next.label}。`);
        break;
      }
      default:
        fail('VALIDATION', '未知操作');
    }
    writes.push(
      tx.update(applications).set(set).where(eq(applications.id, a.id)),
      tx.insert(applicationEvents).values({
        applicationId: a.id,
        at: now,
        actorUserId: auth.user.id,
        actorOrgName: auth.user.orgName ?? auth.user.realName,
        action,
        label: note ? `${t.label}（${note.text}）` : t.label,
        fromStatus: from,
        toStatus: set.status as string,
        opinion: reason || null,
      }),
      auditInsert(tx, audit, {
        action: 'application.transition',
        targetType: 'application',
        targetId: a.id,
        regionPath: a.regionPath,
        before: { status: from, step: a.currentStep },
        after: { status: set.status, step: set.currentStep ?? a.currentStep, action, reason: reason || null, ...note?.audit },
      }),
      ...notificationInserts(tx, messages),
    );
    await writeTogether(tx, writes);
    return { status: set.status as ApplicationStatus, warning };
  });
}

/** Batch 审查通过 / 退回修改 / 审查不通过 / 审核推荐: each item its own transaction; one failure does not stop the rest. */
export async function batchAct(ctx: AppContext, auth: LoadedSession, ids: string[], action: string, input: ActInput, audit: AuditContext) {
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

/** The objection recorded at this instant (recordObjection writes the objection and its event with the same `now`). */
function objectionAt(objections: unknown, at: Date): { content: string; handling: string | null } | null {
  const list = Array.isArray(objections) ? (objections as Array<{ at?: string; content?: string; handling?: string }>) : [];
  const o = list.find((x) => x.at === at.toISOString());
  return o ? { content: o.content ?? '', handling: o.handling?.trim() || null } : null;
}

export async function getApplication(ctx: AppContext, auth: LoadedSession, id: string) {
  const [a] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  if (!a || !(await canView(ctx.db, auth, a))) fail('NOT_FOUND');
  const [p] = await ctx.db.select({ name: plans.name, data: plans.data }).from(plans).where(eq(plans.id, a.planId));
  const [applicant] = await ctx.db
    .select({ realName: users.realName, idNumber: users.idNumber, currentSpecialty: users.currentSpecialty })
    .from(users)
    .where(eq(users.id, a.applicantId));
  const [employer] = await ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, a.employerId));
  const steps = await ctx.db
    .select()
    .from(applicationSteps)
    .where(eq(applicationSteps.applicationId, a.id))
    .orderBy(asc(applicationSteps.seq));
  const events = await ctx.db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, a.id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const who = roleIn(auth, a);
  const plan = p?.data as Plan;
  // names and types of every file the application refers to, so reviewers can open them (the applicant's own only)
  const d = a.draft as DraftData;
  const fileIds = [
    a.photoFileId,
    a.pledgeSignatureFileId,
    ...Object.values(d.attachments ?? {}),
    ...(d.submittedEntries ?? []).flatMap((e) => e.evidenceFileIds),
  ].filter((x): x is string => !!x);
  const fileRows = fileIds.length
    ? await ctx.db
        .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size })
        .from(files)
        .where(and(inArray(files.id, [...new Set(fileIds)]), applicantsOwn(a.applicantId)))
    : [];
  return {
    files: Object.fromEntries(fileRows.map((f) => [f.id, { name: f.name, mime: f.mime, size: Number(f.size) }])),
    id: a.id,
    planId: a.planId,
    planName: p?.name ?? '',
    timeline: plan.timeline,
    applicantName: applicant?.realName ?? '',
    idNumberMasked: applicant?.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', applicant.idNumber)) : '',
    currentSpecialty: applicant?.currentSpecialty ?? null,
    employerName: employer?.name ?? '',
    status: a.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUSES[a.status as ApplicationStatus].label,
    level: a.level,
    mode: a.mode,
    specialtyCode: a.specialtyCode,
    draft: a.draft as Record<string, unknown>,
    photoFileId: a.photoFileId,
    pledgeSignatureFileId: a.pledgeSignatureFileId,
    pledgeSignedAt: a.pledgeSignedAt?.toISOString() ?? null,
    publicityStart: a.publicityStart,
    publicityEnd: a.publicityEnd,
    publicityEndProvisional: a.publicityEndProvisional,
    objections: a.objections as Array<Record<string, string>>,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    version: a.version,
    currentStep: a.currentStep,
    steps: steps.map((s) => ({
      seq: s.seq,
      kind: s.kind,
      label: s.label,
      status: s.status,
      opinion: s.opinion,
      joint: s.joint,
      checks: (s.checks ?? null) as Record<string, boolean> | null,
      originalsVerifiedBy: s.originalsVerifiedBy,
      originalsVerifiedAt: s.originalsVerifiedAt?.toISOString() ?? null,
      actedAt: s.actedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actorOrgName: e.actorOrgName,
      label: e.label,
      toStatus: e.toStatus,
      toStatusLabel: APPLICATION_STATUSES[e.toStatus as ApplicationStatus]?.label ?? e.toStatus,
      opinion: e.opinion,
      // 登记异议: the objection and how the employer handled it, as recorded with the event (same instant)
      objection: e.action === 'recordObjection' ? objectionAt(a.objections, e.at) : null,
    })),
    allowed: (who === 'department'
      ? departmentActionsFor(a.status as ApplicationStatus, a.currentStep >= 0 ? steps[a.currentStep] : undefined, auth.user.orgId!)
      : who
        ? actionsFor(a.status as ApplicationStatus, who)
        : []
    ).map((x) => ({
      action: x.action as string,
      label: x.transition.label,
      needsReason: !!(x.transition as { needsReason?: boolean }).needsReason,
    })),
  };
}

export async function myApplications(ctx: AppContext, auth: LoadedSession) {
  const rows = await ctx.db
    .select({ a: applications, planName: plans.name })
    .from(applications)
    .innerJoin(plans, eq(plans.id, applications.planId))
    .where(eq(applications.applicantId, auth.user.id))
    .orderBy(desc(applications.updatedAt));
  return rows.map((r) => ({
    id: r.a.id,
    planId: r.a.planId,
    planName: r.planName,
    status: r.a.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUSES[r.a.status as ApplicationStatus].label,
    submittedAt: r.a.submittedAt?.toISOString() ?? null,
    updatedAt: r.a.updatedAt.toISOString(),
  }));
}

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
