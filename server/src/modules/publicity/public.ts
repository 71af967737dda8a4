/**
 * The public portal's publicity (SPEC §10, no login): the open and recent lists, one list's entries (public fields
 * only), and an objection lodged against an entry while the list is open — stored with its contact encrypted, the
 * lodging address only as a keyed hash, audited, and told to the office in the same transaction.
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { nextDay, objectionReceiptNo, objectionWindowRefusal, OBJECTION_LIMITS, shanghaiDate, type ObjectionInput } from '@zc/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { applications, files, objections, organizations, plans, publicityEntries, publicityLists, users } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/jurisdiction';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notify } from '../../platform/notifications/notify';
import type { StoredObject } from '../../platform/storage/storage';
import type { ZEntryQuery, ZPublicList, ZPublicListQuery } from './schemas';

/** How long an ended list stays on the portal's index [ours]: a month, so a late reader still finds it. */
export const PUBLICITY_RECENT_DAYS = 30;
/** The office page an officer is sent to for a new objection. */
export const OBJECTIONS_PAGE = '/manage/publicity/objections';

type PublicList = z.infer<typeof ZPublicList>;

export const listColumns = {
  id: publicityLists.id,
  kind: publicityLists.kind,
  planId: publicityLists.planId,
  planName: plans.name,
  orgId: publicityLists.orgId,
  publisher: organizations.name,
  title: publicityLists.title,
  startDate: publicityLists.startDate,
  endDate: publicityLists.endDate,
  endProvisional: publicityLists.endProvisional,
};

export async function withCounts(
  q: Queryable,
  rows: Array<Omit<PublicList, 'open' | 'entryCount' | 'kind'> & { kind: string; orgId: string }>,
  today: string,
): Promise<PublicList[]> {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await q
        .select({ listId: publicityEntries.listId, n: count() })
        .from(publicityEntries)
        .where(and(inArray(publicityEntries.listId, ids), isNull(publicityEntries.withdrawnAt)))
        .groupBy(publicityEntries.listId)
    : [];
  const byList = new Map(counts.map((c) => [c.listId, Number(c.n)]));
  return rows.map(({ orgId: _publisherId, ...r }) => ({
    ...r,
    kind: r.kind as PublicList['kind'],
    open: objectionWindowRefusal(r, today) === null,
    entryCount: byList.get(r.id) ?? 0,
  }));
}

/** The open lists and those ended in the last PUBLICITY_RECENT_DAYS, newest first. */
export async function publicLists(ctx: AppContext, query: z.infer<typeof ZPublicListQuery>) {
  const today = shanghaiDate(ctx.now());
  const where = and(
    gte(publicityLists.endDate, nextDay(today, -PUBLICITY_RECENT_DAYS)),
    query.kind ? eq(publicityLists.kind, query.kind) : undefined,
  );
  return pagedLists(ctx, where, query, today);
}

/**
 * A page of lists (with their publisher and plan, and their entry counts) matching `where`, newest first: the
 * portal's and the office's list pages.
 */
export async function pagedLists(ctx: AppContext, where: SQL | undefined, page: { page: number; pageSize: number }, today: string) {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(listColumns)
      .from(publicityLists)
      .innerJoin(plans, eq(plans.id, publicityLists.planId))
      .innerJoin(organizations, eq(organizations.id, publicityLists.orgId))
      .where(where)
      .orderBy(desc(publicityLists.startDate), desc(publicityLists.publishedAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    ctx.db.select({ n: count() }).from(publicityLists).innerJoin(plans, eq(plans.id, publicityLists.planId)).where(where),
  ]);
  return { items: await withCounts(ctx.db, rows, today), total: Number(total?.n ?? 0), page: page.page, pageSize: page.pageSize };
}

export async function findList(q: Queryable, listId: string) {
  const [row] = await q
    .select(listColumns)
    .from(publicityLists)
    .innerJoin(plans, eq(plans.id, publicityLists.planId))
    .innerJoin(organizations, eq(organizations.id, publicityLists.orgId))
    .where(eq(publicityLists.id, listId));
  return row ?? null;
}

/** One list with a page of its entries, searchable by name or employer. */
export async function publicList(ctx: AppContext, listId: string, query: z.infer<typeof ZEntryQuery>) {
  const row = await findList(ctx.db, listId);
  if (!row) fail('NOT_FOUND', '该公示不存在或已撤下，请返回公示列表查看');
  const [list] = await withCounts(ctx.db, [row], shanghaiDate(ctx.now()));
  const kw = query.keyword ? containsPattern(query.keyword) : null;
  const where = and(
    eq(publicityEntries.listId, listId),
    // taken off the list when the office returned the application or cancelled its review
    isNull(publicityEntries.withdrawnAt),
    kw ? or(ilike(publicityEntries.name, kw), ilike(publicityEntries.employerName, kw)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    ctx.db
      .select({
        id: publicityEntries.id,
        seq: publicityEntries.seq,
        name: publicityEntries.name,
        employerName: publicityEntries.employerName,
        specialty: publicityEntries.specialty,
        level: publicityEntries.level,
        mode: publicityEntries.mode,
      })
      .from(publicityEntries)
      .where(where)
      .orderBy(asc(publicityEntries.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(publicityEntries).where(where),
  ]);
  return { list: list!, entries: { items, total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize } };
}

/** The lodging address's keyed hash: enough to count an address's objections, useless to find it. */
export function sourceHashOf(ctx: AppContext, ip: string): string {
  return ctx.pii.hash('client_address', ip);
}

/**
 * Records an objection against an entry of an open list. `evidence` was already streamed to storage (type by
 * content, size-limited); its row is written here, owned by the office that handles the objection.
 */
export async function lodgeObjection(
  ctx: AppContext,
  listId: string,
  input: ObjectionInput,
  evidence: (StoredObject & { filename: string }) | null,
  ip: string,
  audit: AuditContext,
): Promise<{ receiptNo: string; lodgedAt: string }> {
  const now = ctx.now();
  const today = shanghaiDate(now);
  const sourceHash = sourceHashOf(ctx, ip);
  return ctx.db.transaction(async (tx) => {
    const list = await findList(tx, listId);
    if (!list) fail('NOT_FOUND', '该公示不存在或已撤下，请返回公示列表查看');
    const closed = objectionWindowRefusal(list, today);
    if (closed) fail('STATE', closed);
    const [entry] = await tx
      .select({ id: publicityEntries.id, applicationId: publicityEntries.applicationId, regionPath: applications.regionPath })
      .from(publicityEntries)
      .innerJoin(applications, eq(applications.id, publicityEntries.applicationId))
      .where(and(eq(publicityEntries.id, input.entryId), eq(publicityEntries.listId, listId), isNull(publicityEntries.withdrawnAt)));
    if (!entry) fail('VALIDATION', '所选公示对象不在该公示名单中，请刷新后重新选择', { entryId: '不在名单中' });
    // per address and person: a few corrections, not a flood (the route's rate limit caps the address overall)
    const [recent] = await tx
      .select({ n: count() })
      .from(objections)
      .where(
        and(
          eq(objections.entryId, entry.id),
          eq(objections.sourceHash, sourceHash),
          gte(objections.lodgedAt, new Date(now.getTime() - 86_400_000)),
        ),
      );
    if (Number(recent?.n ?? 0) >= OBJECTION_LIMITS.perAddressPerEntryPerDay)
      fail(
        'TOO_MANY_REQUESTS',
        `同一对象每天最多可反映 ${OBJECTION_LIMITS.perAddressPerEntryPerDay} 次，您已提交的异议评委会办公室会逐一核实；如需补充，请明天再提交`,
      );
    let evidenceFileId: string | null = null;
    if (evidence) {
      const { filename, ...stored } = evidence;
      const [f] = await tx
        .insert(files)
        .values({
          ...stored,
          originalName: filename.slice(0, 200),
          purpose: 'objectionEvidence',
          ownerUserId: null,
          ownerOrgId: list.orgId,
        })
        .returning({ id: files.id });
      evidenceFileId = f!.id;
    }
    const [o] = await tx
      .insert(objections)
      .values({
        listId,
        entryId: entry.id,
        applicationId: entry.applicationId,
        content: input.content,
        contactName: input.contactName ?? null,
        contact: ctx.pii.encrypt('objection_contact', input.contact),
        evidenceFileId,
        sourceHash,
        lodgedAt: now,
      })
      .returning({ id: objections.id });
    const receiptNo = objectionReceiptNo(o!.id, today);
    await writeAudit(tx, audit, {
      action: 'publicity.objectionLodged',
      targetType: 'application',
      targetId: entry.applicationId,
      regionPath: entry.regionPath,
      after: { objectionId: o!.id, receiptNo, listId, evidenceFileId },
    });
    const officers = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, list.orgId), eq(users.role, 'officer'), eq(users.status, 'active')));
    await notify(
      tx,
      officers.map((u) => ({
        userId: u.id,
        title: '评前公示收到新的异议',
        body: `“${list.title}”收到一条异议（受理编号 ${receiptNo}），请核实处理。`,
        link: OBJECTIONS_PAGE,
      })),
    );
    return { receiptNo, lodgedAt: now.toISOString() };
  });
}
