/**
 * 申报 (SPEC §4): the wizard's draft, the photo, and the authoritative completeness and eligibility check at
 * submission (the `submissionComplete` guard of the workflow table).
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import {
  applicationFacts,
  bindingBlocker,
  deadlineMessage,
  evaluate,
  isPastDeadline,
  shanghaiDate,
  type ApplicationDraft,
  type ApplicationMode,
  type Plan,
} from '@zc/domain';
import {
  applicationEvents,
  applications,
  archiveEntries,
  archiveEvidence,
  employmentBindings,
  files,
  organizations,
  plans,
} from '../../platform/db/schema';
import type { Tx } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import type { LoadedSession } from '../../platform/auth/session';
import { factsFromEntries } from '../plans/facts';
import { bindingOf } from '../archive/service';
import { foreignFileIds, type AppRow } from './access';

/** What the applicant fills in the wizard (the domain's ApplicationDraft). */
export type DraftData = ApplicationDraft;

async function planOf(tx: Tx | AppContext['db'], planId: string): Promise<{ plan: Plan; officeOrgId: string; status: string }> {
  const [p] = await tx.select().from(plans).where(eq(plans.id, planId));
  if (!p) fail('NOT_FOUND', '评审计划不存在');
  return { plan: p.data as Plan, officeOrgId: p.officeOrgId, status: p.status };
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

/** Completeness and eligibility at submission: the authoritative check. */
export async function checkSubmission(tx: Tx, a: AppRow, plan: Plan) {
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
