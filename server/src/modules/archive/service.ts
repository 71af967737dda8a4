/**
 * 个人业绩档案库 (SPEC §2): the applicant keeps entries all year; the bound employer approves or returns
 * each; only approved entries can later go into an application; entries used by a submitted application
 * are frozen (a new version may be made, the application keeps what it was given).
 */
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import {
  ARCHIVE_KINDS,
  ARCHIVE_STATUSES,
  archiveEntryProblems,
  bindingBlocker,
  bindingStateOf,
  entrySubmitBlockers,
  entryNeedsEvidence,
  educationVerificationRoute,
  maskIdNumber,
  summarizeArchiveEntry,
  shanghaiDate,
  ZArchiveEntryData,
  type ArchiveEntryData,
  type ArchivePerson,
  type ArchiveKind,
  type ArchiveStatus,
  type BindingState,
  type SubmitBlocker,
} from '@zc/domain';
import { archiveEntries, archiveEvidence, employmentBindings, files, users } from '../../platform/db/schema';
import type { Queryable, Tx } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { containsPattern } from '../../platform/db/jurisdiction';
import { notify } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import type { LoadedSession } from '../../platform/auth/session';
import { RegistryUnavailableError, matchDegree } from '../../platform/adapters/degree-registry';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILE_BYTES, assertEvidenceQuota, recordFile } from './files';
import { entryActionsFor } from './policy';

type EntryRow = typeof archiveEntries.$inferSelect;

export async function boundEmployerId(q: Queryable, applicantId: string): Promise<string | null> {
  const [b] = await q
    .select({ employerId: employmentBindings.employerId })
    .from(employmentBindings)
    .where(and(eq(employmentBindings.applicantId, applicantId), eq(employmentBindings.status, 'approved')));
  return b?.employerId ?? null;
}

/** The applicant's binding: the confirmed employer, and the state (none / waiting for the employer / confirmed). */
export async function bindingOf(q: Queryable, applicantId: string): Promise<{ employerId: string | null; state: BindingState }> {
  const rows = await q
    .select({ employerId: employmentBindings.employerId, status: employmentBindings.status })
    .from(employmentBindings)
    .where(and(eq(employmentBindings.applicantId, applicantId), inArray(employmentBindings.status, ['pending', 'approved'])));
  return { employerId: rows.find((r) => r.status === 'approved')?.employerId ?? null, state: bindingStateOf(rows.map((r) => r.status)) };
}

/** For the applicant's own draft or returned entry: every reason it cannot be sent for review yet (empty: it can). */
function submitBlockersOf(e: EntryRow, evidence: Awaited<ReturnType<typeof evidenceOf>>, binding: BindingState | null): SubmitBlocker[] {
  if (binding === null || e.frozenAt || (e.status !== 'draft' && e.status !== 'returned')) return [];
  const verification = (e.verification ?? null) as { status?: unknown; documents?: unknown } | null;
  return entrySubmitBlockers({ kind: e.kind, summary: e.summary, verification, hasEvidence: !!evidence.get(e.id)?.length }, binding);
}

/**
 * The entry's data checked against the domain's lists and dates (issue 9 item 5: checked, not trusted):
 * every region, series, province and enumerated value, dates that exist, are not in the future and not before
 * the applicant's birth. Bad data is a 400 naming each field.
 */
function parseData(input: unknown, today: string, person: ArchivePerson): ArchiveEntryData {
  const problems = archiveEntryProblems(input, today, person);
  if (Object.keys(problems).length) fail('VALIDATION', `提交的内容有误：${Object.values(problems)[0]}`, problems);
  return ZArchiveEntryData.parse(input);
}

/** What the checks know of the applicant: the birth date taken from the ID number at registration. */
async function personOf(q: Queryable, userId: string): Promise<ArchivePerson> {
  const [u] = await q.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, userId));
  return { birthDate: u?.birthDate ?? null };
}

/**
 * A stored entry re-checked against today's lists (an entry saved before a check existed, e.g. 西湖区 as a
 * mountain county): field → message, empty when it passes. Dates are judged as of the day it was saved.
 */
function storedProblems(e: EntryRow): Record<string, string> {
  return archiveEntryProblems(e.data, shanghaiDate(e.updatedAt));
}

async function evidenceOf(q: Queryable, entryIds: string[]) {
  if (entryIds.length === 0)
    return new Map<string, Array<{ fileId: string; name: string; mime: string; size: number; label: string | null }>>();
  const rows = await q
    .select({
      entryId: archiveEvidence.entryId,
      fileId: files.id,
      name: files.originalName,
      mime: files.mime,
      size: files.size,
      label: archiveEvidence.label,
    })
    .from(archiveEvidence)
    .innerJoin(files, eq(files.id, archiveEvidence.fileId))
    .where(inArray(archiveEvidence.entryId, entryIds))
    .orderBy(asc(archiveEvidence.createdAt));
  const out = new Map<string, Array<{ fileId: string; name: string; mime: string; size: number; label: string | null }>>();
  for (const r of rows) {
    const list = out.get(r.entryId) ?? [];
    list.push({ fileId: r.fileId, name: r.name, mime: r.mime, size: r.size, label: r.label });
    out.set(r.entryId, list);
  }
  return out;
}

function present(
  e: EntryRow,
  evidence: Awaited<ReturnType<typeof evidenceOf>>,
  actions: ReturnType<typeof entryActionsFor>,
  binding: BindingState | null = null,
) {
  const problems = storedProblems(e);
  const blocked = Object.keys(problems).length > 0; // refused by submitEntries and decideEntry too
  return {
    id: e.id,
    kind: e.kind as ArchiveKind,
    kindLabel: ARCHIVE_KINDS.find((k) => k.value === e.kind)?.label ?? e.kind,
    data: e.data as ArchiveEntryData,
    summary: e.summary,
    status: e.status as ArchiveStatus,
    statusLabel: ARCHIVE_STATUSES.find((s) => s.value === e.status)?.label ?? e.status,
    returnReason: e.returnReason,
    version: e.version,
    supersedesId: e.supersedesId,
    frozen: e.frozenAt !== null,
    verification: (e.verification ?? null) as Record<string, unknown> | null,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
    evidence: evidence.get(e.id) ?? [],
    allowed: blocked ? actions.filter((a) => a !== 'submit' && a !== 'approve') : actions,
    /** fields to correct (checked again against the domain's lists); the entry cannot go to, or be approved by, the employer until they are */
    problems,
    /** the owner's view only: why 提交单位审核 is not offered (degree not verified …, then unbound / binding pending) */
    submitBlockers: submitBlockersOf(e, evidence, binding),
  };
}
export type EntryView = ReturnType<typeof present>;

async function lockOwnEntry(tx: Tx, auth: LoadedSession, id: string): Promise<EntryRow> {
  const [e] = await tx.select().from(archiveEntries).where(eq(archiveEntries.id, id)).for('update');
  if (!e || e.applicantId !== auth.user.id) fail('NOT_FOUND');
  return e;
}

/** An entry whose stored data fails the domain's checks goes no further (issue 9 item 5). */
function refuseIfProblems(e: EntryRow, what: string) {
  const problems = storedProblems(e);
  const first = Object.values(problems)[0];
  if (first) fail('STATE', `"${e.summary}"的内容须修改：${first}。${what}`, problems);
}

function refuseIfFrozen(e: EntryRow) {
  if (e.frozenAt) fail('STATE', '该条目已用于已提交的申报，不能修改或删除；如需更新，请点击"新建版本"');
}

/** Education from 2001 on is checked against the degree registry; otherwise the documents to upload are named. */
async function verifyEducation(ctx: AppContext, auth: LoadedSession, data: ArchiveEntryData): Promise<Record<string, unknown> | null> {
  if (data.kind !== 'education') return null;
  const route = educationVerificationRoute(data);
  if (route.route === 'upload') return { status: 'needsUpload', documents: route.documents, explanation: route.explanation };
  const [u] = await ctx.db.select({ idNumber: users.idNumber, realName: users.realName }).from(users).where(eq(users.id, auth.user.id));
  if (!u?.idNumber)
    return { status: 'needsUpload', documents: route.fallbackDocuments, explanation: '账号未登记身份证号码，无法自动核验，请上传证明材料' };
  try {
    const r = await ctx.degreeRegistry.lookup({ idNumber: ctx.pii.decrypt('id_number', u.idNumber), realName: u.realName });
    const hit = r.status === 'found' ? matchDegree(r.records, data) : null;
    if (hit)
      return {
        status: 'verified',
        source: 'registry',
        certificateNumber: hit.certificateNumber,
        explanation: `已通过学信数据核验：${hit.school} ${hit.major}（${hit.graduationDate.slice(0, 7)}）`,
      };
    return {
      status: 'needsUpload',
      documents: route.fallbackDocuments,
      explanation: `学信数据中未查询到与填写内容一致的学历记录，请核对毕业院校、学历和毕业时间，或上传${route.fallbackDocuments.join('及')}`,
    };
  } catch (e) {
    if (e instanceof RegistryUnavailableError) return { status: 'unavailable', explanation: `${e.message}，已保存，可稍后点击"重新核验"` };
    throw e;
  }
}

export async function listOwnEntries(ctx: AppContext, auth: LoadedSession, kind?: ArchiveKind) {
  const rows = await ctx.db
    .select()
    .from(archiveEntries)
    .where(and(eq(archiveEntries.applicantId, auth.user.id), kind ? eq(archiveEntries.kind, kind) : undefined))
    .orderBy(asc(archiveEntries.kind), desc(archiveEntries.updatedAt));
  const ev = await evidenceOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const binding = await bindingOf(ctx.db, auth.user.id);
  const bound = binding.employerId;
  return rows.map((r) =>
    present(
      r,
      ev,
      entryActionsFor(
        auth.actor,
        { status: r.status as ArchiveStatus, frozen: !!r.frozenAt, applicantId: r.applicantId, employerId: r.employerId },
        { boundEmployerId: bound, hasEvidence: !evidenceRequired(r) || !!ev.get(r.id)?.length },
      ),
      binding.state,
    ),
  );
}

export async function getEntry(ctx: AppContext, auth: LoadedSession, id: string) {
  const [e] = await ctx.db.select().from(archiveEntries).where(eq(archiveEntries.id, id));
  const mine = e && e.applicantId === auth.user.id;
  const reviewer = e && auth.user.role === 'employer' && e.employerId !== null && e.employerId === auth.user.orgId;
  if (!e || (!mine && !reviewer)) fail('NOT_FOUND');
  const ev = await evidenceOf(ctx.db, [e.id]);
  const binding = await bindingOf(ctx.db, e.applicantId);
  return present(
    e,
    ev,
    entryActionsFor(
      auth.actor,
      { status: e.status as ArchiveStatus, frozen: !!e.frozenAt, applicantId: e.applicantId, employerId: e.employerId },
      { boundEmployerId: binding.employerId, hasEvidence: !evidenceRequired(e) || !!ev.get(e.id)?.length },
    ),
    mine ? binding.state : null,
  );
}

export async function createEntry(ctx: AppContext, auth: LoadedSession, input: unknown, audit: AuditContext) {
  const data = parseData(input, shanghaiDate(ctx.now()), await personOf(ctx.db, auth.user.id));
  const verification = await verifyEducation(ctx, auth, data);
  const id = await ctx.db.transaction(async (tx) => {
    const [e] = await tx
      .insert(archiveEntries)
      .values({ applicantId: auth.user.id, kind: data.kind, data, summary: summarizeArchiveEntry(data), verification })
      .returning({ id: archiveEntries.id });
    await writeAudit(tx, audit, {
      action: 'archive.created',
      targetType: 'archiveEntry',
      targetId: e!.id,
      after: { kind: data.kind, summary: summarizeArchiveEntry(data) },
    });
    return e!.id;
  });
  return getEntry(ctx, auth, id);
}

export async function updateEntry(ctx: AppContext, auth: LoadedSession, id: string, input: unknown, audit: AuditContext) {
  const data = parseData(input, shanghaiDate(ctx.now()), await personOf(ctx.db, auth.user.id));
  const verification = await verifyEducation(ctx, auth, data);
  await ctx.db.transaction(async (tx) => {
    const e = await lockOwnEntry(tx, auth, id);
    refuseIfFrozen(e);
    if (data.kind !== e.kind) fail('VALIDATION', '不能修改条目的类别，请删除后重新添加');
    // a change to a checked entry needs checking again
    const status = e.status === 'approved' || e.status === 'pending' ? 'draft' : e.status;
    await tx
      .update(archiveEntries)
      .set({
        data,
        summary: summarizeArchiveEntry(data),
        verification,
        status,
        version: e.version + 1,
        updatedAt: ctx.now(),
        returnReason: e.status === 'returned' ? e.returnReason : null,
      })
      .where(eq(archiveEntries.id, id));
    await writeAudit(tx, audit, {
      action: 'archive.updated',
      targetType: 'archiveEntry',
      targetId: id,
      before: { status: e.status, data: e.data },
      after: { status, data },
    });
  });
  return getEntry(ctx, auth, id);
}

export async function deleteEntry(ctx: AppContext, auth: LoadedSession, id: string, audit: AuditContext) {
  await ctx.db.transaction(async (tx) => {
    const e = await lockOwnEntry(tx, auth, id);
    refuseIfFrozen(e);
    await tx.delete(archiveEvidence).where(eq(archiveEvidence.entryId, id));
    await tx.delete(archiveEntries).where(eq(archiveEntries.id, id));
    await writeAudit(tx, audit, {
      action: 'archive.deleted',
      targetType: 'archiveEntry',
      targetId: id,
      before: { kind: e.kind, summary: e.summary, status: e.status },
    });
  });
}

/** Kinds whose evidence may be replaced by an automatic check. */
function evidenceRequired(e: EntryRow): boolean {
  return entryNeedsEvidence(e.kind, e.verification as { status?: unknown } | null);
}

export async function submitEntries(ctx: AppContext, auth: LoadedSession, ids: string[], audit: AuditContext) {
  const binding = await bindingOf(ctx.db, auth.user.id);
  const employerId = binding.employerId;
  if (!employerId)
    fail('STATE', bindingBlocker(binding.state, 'archive')!.message, {
      reason: binding.state === 'pending' ? 'bindingPending' : 'unbound',
    });
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(archiveEntries)
      .where(and(inArray(archiveEntries.id, ids), eq(archiveEntries.applicantId, auth.user.id)))
      .for('update');
    if (rows.length !== ids.length) fail('NOT_FOUND');
    const ev = await evidenceOf(tx, ids);
    for (const e of rows) {
      refuseIfFrozen(e);
      if (e.status !== 'draft' && e.status !== 'returned') fail('STATE', `"${e.summary}"已提交或已审核，无需再次提交`);
      refuseIfProblems(e, '请修改后再提交单位审核');
      const [blocker] = submitBlockersOf(e, ev, binding.state);
      if (blocker) fail('STATE', blocker.message, { reason: blocker.code });
    }
    await tx
      .update(archiveEntries)
      .set({ status: 'pending', employerId, submittedAt: ctx.now(), returnReason: null, updatedAt: ctx.now() })
      .where(inArray(archiveEntries.id, ids));
    for (const e of rows)
      await writeAudit(tx, audit, {
        action: 'archive.submitted',
        targetType: 'archiveEntry',
        targetId: e.id,
        before: { status: e.status },
        after: { status: 'pending', employerId },
      });
    const operators = await unitOperators(tx, employerId);
    await notify(
      tx,
      operators.map((o) => ({
        userId: o.id,
        title: '新的档案审核',
        body: `${auth.user.realName}提交了 ${rows.length} 条档案信息，请审核。`,
        link: '/employer/archive',
      })),
    );
  });
}

/** A frozen entry is copied into a new draft version; the application keeps the old one. */
export async function newVersion(ctx: AppContext, auth: LoadedSession, id: string, audit: AuditContext) {
  const newId = await ctx.db.transaction(async (tx) => {
    const e = await lockOwnEntry(tx, auth, id);
    const [n] = await tx
      .insert(archiveEntries)
      .values({
        applicantId: e.applicantId,
        kind: e.kind,
        data: e.data,
        summary: e.summary,
        verification: e.verification,
        version: e.version + 1,
        supersedesId: e.id,
      })
      .returning({ id: archiveEntries.id });
    const ev = await tx.select().from(archiveEvidence).where(eq(archiveEvidence.entryId, id));
    if (ev.length) await tx.insert(archiveEvidence).values(ev.map((x) => ({ entryId: n!.id, fileId: x.fileId, label: x.label })));
    await writeAudit(tx, audit, { action: 'archive.versioned', targetType: 'archiveEntry', targetId: n!.id, after: { supersedesId: id } });
    return n!.id;
  });
  return getEntry(ctx, auth, newId);
}

/** Used by application submission (issue 5): the entries an application was given can no longer change. */
/**
 * Freezes the approved entries an application was given (the caller has checked they are approved),
 * as an UPDATE not yet run, so it can go out with the transition's other writes.
 */
export function freezeUpdate(q: Queryable, ids: string[], at: Date) {
  return q
    .update(archiveEntries)
    .set({ frozenAt: at })
    .where(and(inArray(archiveEntries.id, ids), eq(archiveEntries.status, 'approved'), isNull(archiveEntries.frozenAt)));
}

export async function attachEvidence(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  src: { stream: Readable; filename: string } | { fileId: string },
  label: string | null,
  audit: AuditContext,
) {
  const [pre] = await ctx.db.select().from(archiveEntries).where(eq(archiveEntries.id, id));
  if (!pre || pre.applicantId !== auth.user.id) fail('NOT_FOUND');
  refuseIfFrozen(pre);
  let fileId: string;
  if ('fileId' in src) {
    const [f] = await ctx.db.select().from(files).where(eq(files.id, src.fileId));
    if (!f || f.ownerUserId !== auth.user.id || f.purpose !== 'evidence') fail('NOT_FOUND', '未找到该文件，请重新上传');
    fileId = f.id;
  } else {
    await assertEvidenceQuota(ctx.db, auth.user.id, 0);
    const stored = await ctx.store.put(src.stream, { maxBytes: EVIDENCE_MAX_FILE_BYTES, accept: EVIDENCE_ACCEPT, filename: src.filename });
    fileId = await recordFile(ctx, auth.user.id, stored, src.filename);
  }
  await ctx.db.transaction(async (tx) => {
    const e = await lockOwnEntry(tx, auth, id);
    refuseIfFrozen(e);
    await tx.insert(archiveEvidence).values({ entryId: id, fileId, label }).onConflictDoNothing();
    const status = e.status === 'approved' || e.status === 'pending' ? 'draft' : e.status;
    await tx.update(archiveEntries).set({ status, updatedAt: ctx.now() }).where(eq(archiveEntries.id, id));
    await writeAudit(tx, audit, {
      action: 'archive.evidenceAdded',
      targetType: 'archiveEntry',
      targetId: id,
      before: { status: e.status },
      after: { status, fileId },
    });
  });
  return getEntry(ctx, auth, id);
}

export async function removeEvidence(ctx: AppContext, auth: LoadedSession, id: string, fileId: string, audit: AuditContext) {
  await ctx.db.transaction(async (tx) => {
    const e = await lockOwnEntry(tx, auth, id);
    refuseIfFrozen(e);
    const removed = await tx
      .delete(archiveEvidence)
      .where(and(eq(archiveEvidence.entryId, id), eq(archiveEvidence.fileId, fileId)))
      .returning();
    if (removed.length === 0) fail('NOT_FOUND');
    const status = e.status === 'approved' || e.status === 'pending' ? 'draft' : e.status;
    await tx.update(archiveEntries).set({ status, updatedAt: ctx.now() }).where(eq(archiveEntries.id, id));
    await writeAudit(tx, audit, {
      action: 'archive.evidenceRemoved',
      targetType: 'archiveEntry',
      targetId: id,
      before: { fileId, status: e.status },
      after: { status },
    });
  });
}

export async function reverify(ctx: AppContext, auth: LoadedSession, id: string) {
  const [e] = await ctx.db.select().from(archiveEntries).where(eq(archiveEntries.id, id));
  if (!e || e.applicantId !== auth.user.id) fail('NOT_FOUND');
  if (e.kind !== 'education') fail('STATE', '只有学历学位条目需要核验');
  const verification = await verifyEducation(ctx, auth, e.data as ArchiveEntryData);
  await ctx.db.update(archiveEntries).set({ verification, updatedAt: ctx.now() }).where(eq(archiveEntries.id, id));
  return getEntry(ctx, auth, id);
}

// ---- the employer's side ----

export async function reviewQueue(
  ctx: AppContext,
  auth: LoadedSession,
  q: { status?: ArchiveStatus; kind?: ArchiveKind; keyword?: string; page: number; pageSize: number },
) {
  const orgId = auth.user.orgId!;
  const where: SQL[] = [
    eq(archiveEntries.employerId, orgId),
    inArray(archiveEntries.status, q.status ? [q.status] : ['pending', 'approved', 'returned']),
  ];
  if (q.kind) where.push(eq(archiveEntries.kind, q.kind));
  if (q.keyword) where.push(sql`${users.realName} like ${containsPattern(q.keyword)}`);
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ e: archiveEntries, applicantName: users.realName, idNumber: users.idNumber })
      .from(archiveEntries)
      .innerJoin(users, eq(users.id, archiveEntries.applicantId))
      .where(cond)
      .orderBy(desc(archiveEntries.submittedAt), asc(archiveEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(archiveEntries).innerJoin(users, eq(users.id, archiveEntries.applicantId)).where(cond),
  ]);
  const ev = await evidenceOf(
    ctx.db,
    rows.map((r) => r.e.id),
  );
  return {
    items: rows.map((r) => ({
      ...present(
        r.e,
        ev,
        entryActionsFor(
          auth.actor,
          { status: r.e.status as ArchiveStatus, frozen: !!r.e.frozenAt, applicantId: r.e.applicantId, employerId: r.e.employerId },
          { boundEmployerId: null },
        ),
      ),
      applicantName: r.applicantName,
      idNumberMasked: r.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', r.idNumber)) : '',
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function decideEntry(
  ctx: AppContext,
  auth: LoadedSession,
  id: string,
  decision: { kind: 'approve' } | { kind: 'return'; reason: string },
  audit: AuditContext,
) {
  await ctx.db.transaction(async (tx) => {
    const [e] = await tx.select().from(archiveEntries).where(eq(archiveEntries.id, id)).for('update');
    if (!e || e.employerId !== auth.user.orgId) fail('NOT_FOUND');
    if (e.status !== 'pending') fail('CONFLICT', '该条目已被处理或已被申报人修改，请刷新列表');
    if (decision.kind === 'approve') refuseIfProblems(e, '不能审核通过，请退回申报人修改');
    const status = decision.kind === 'approve' ? 'approved' : 'returned';
    const reason = decision.kind === 'return' ? decision.reason : null;
    await tx
      .update(archiveEntries)
      .set({ status, returnReason: reason, reviewedBy: auth.user.id, reviewedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(archiveEntries.id, id));
    await writeAudit(tx, audit, {
      action: decision.kind === 'approve' ? 'archive.approved' : 'archive.returned',
      targetType: 'archiveEntry',
      targetId: id,
      regionPath: auth.user.regionPath,
      before: { status: e.status },
      after: { status, reason },
    });
    await notify(tx, [
      decision.kind === 'approve'
        ? {
            userId: e.applicantId,
            title: '档案条目已审核通过',
            body: `"${e.summary}"已由${auth.user.orgName}审核通过。`,
            link: '/applicant/archive',
          }
        : {
            userId: e.applicantId,
            title: '档案条目被退回',
            body: `"${e.summary}"被${auth.user.orgName}退回，原因：${decision.reason}。请修改后重新提交。`,
            link: '/applicant/archive',
          },
    ]);
  });
}
