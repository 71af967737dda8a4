/**
 * The committee office's side of publicity (SPEC §7): its plans' lists, each list as an export for other sites
 * (seed 001 一(一): 省经信厅网站和浙江政务服务网), the objections lodged against them with the contact in clear,
 * and one application's objections for its review page. An office sees its own plans' lists only
 * (plans.office_org_id); anything else answers 404, as if it did not exist.
 */
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  csvCell,
  maskContact,
  objectionReceiptNo,
  preReviewExportRow,
  PRE_REVIEW_EXPORT_COLUMNS,
  provisionalEndNote,
  shanghaiDate,
  type ObjectionStatus,
} from '@zc/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { LoadedSession } from '../../platform/auth/session';
import { applications, objections, plans, publicityEntries, publicityLists } from '../../platform/db/schema';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { findList, pagedLists } from './public';
import type { ZObjectionQuery, ZOfficeListQuery } from './schemas';

/** The office the signed-in officer works for, or 403: only committee offices handle publicity. */
export function officeOf(auth: LoadedSession): string {
  if (auth.user.role !== 'officer' || auth.actor.orgKind !== 'committeeOffice' || !auth.user.orgId)
    fail('FORBIDDEN', '只有评委会办公室可以管理评前公示和异议');
  return auth.user.orgId;
}

/** The office's plans' lists, newest first. */
export async function officeLists(ctx: AppContext, auth: LoadedSession, query: z.infer<typeof ZOfficeListQuery>) {
  const officeId = officeOf(auth);
  const where = and(eq(plans.officeOrgId, officeId), query.planId ? eq(publicityLists.planId, query.planId) : undefined);
  return pagedLists(ctx, where, query, shanghaiDate(ctx.now()));
}

/** A list of the office's plans, or 404. */
async function listOfOffice(ctx: AppContext, officeId: string, listId: string) {
  const row = await findList(ctx.db, listId);
  const [owner] = row ? await ctx.db.select({ officeOrgId: plans.officeOrgId }).from(plans).where(eq(plans.id, row.planId)) : [];
  if (!row || owner?.officeOrgId !== officeId) fail('NOT_FOUND', '该公示不存在，或不属于本评委会办公室的评审计划');
  return row;
}

/** The list as a file for other sites (seed 001): Chinese headers, public fields only. */
export async function exportList(
  ctx: AppContext,
  auth: LoadedSession,
  listId: string,
  format: 'xlsx' | 'csv',
  audit: AuditContext,
): Promise<{ body: Buffer; filename: string; contentType: string }> {
  const officeId = officeOf(auth);
  const list = await listOfOffice(ctx, officeId, listId);
  const entries = await ctx.db
    .select({
      seq: publicityEntries.seq,
      name: publicityEntries.name,
      employerName: publicityEntries.employerName,
      specialty: publicityEntries.specialty,
      level: publicityEntries.level,
      mode: publicityEntries.mode,
    })
    .from(publicityEntries)
    .where(and(eq(publicityEntries.listId, listId), isNull(publicityEntries.withdrawnAt)))
    .orderBy(asc(publicityEntries.seq));
  const period = `公示期：${list.startDate} 至 ${list.endDate}${list.endProvisional ? `（${provisionalEndNote(list.endDate)}）` : ''}`;
  const rows = entries.map((e, i) => preReviewExportRow(i + 1, e));
  await ctx.db.transaction((tx) =>
    writeAudit(tx, audit, {
      action: 'publicity.exported',
      targetType: 'plan',
      targetId: list.planId,
      after: { listId, format, entries: entries.length },
    }),
  );
  const filename = `${list.title}.${format}`;
  if (format === 'csv') {
    const lines = [[list.title], [period], [...PRE_REVIEW_EXPORT_COLUMNS], ...rows].map((r) => r.map(csvCell).join(','));
    // a BOM so that Excel opens the UTF-8 file with its Chinese intact
    return { body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), filename, contentType: 'text/csv; charset=utf-8' };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评前公示');
  ws.addRow([list.title]).font = { bold: true, size: 14 };
  ws.addRow([`${period}，公示单位：${list.publisher}`]);
  ws.addRow([...PRE_REVIEW_EXPORT_COLUMNS]).font = { bold: true };
  rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 8 : i === 2 ? 32 : 18));
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/** The objections lodged against the office's plans' lists, newest first; the contact decrypted for the office. */
export async function officeObjections(ctx: AppContext, auth: LoadedSession, query: z.infer<typeof ZObjectionQuery>) {
  const officeId = officeOf(auth);
  const where = and(
    eq(plans.officeOrgId, officeId),
    query.status ? eq(objections.status, query.status) : undefined,
    query.planId ? eq(publicityLists.planId, query.planId) : undefined,
  );
  const base = () =>
    ctx.db
      .select({
        id: objections.id,
        applicationId: objections.applicationId,
        listId: objections.listId,
        listTitle: publicityLists.title,
        planName: plans.name,
        personName: publicityEntries.name,
        employerName: publicityEntries.employerName,
        content: objections.content,
        contactName: objections.contactName,
        contact: objections.contact,
        evidenceFileId: objections.evidenceFileId,
        status: objections.status,
        handling: objections.handling,
        handledAt: objections.handledAt,
        lodgedAt: objections.lodgedAt,
      })
      .from(objections)
      .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
      .innerJoin(plans, eq(plans.id, publicityLists.planId))
      .innerJoin(publicityEntries, eq(publicityEntries.id, objections.entryId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(objections.lodgedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db
      .select({ n: count() })
      .from(objections)
      .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
      .innerJoin(plans, eq(plans.id, publicityLists.planId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      receiptNo: objectionReceiptNo(r.id, shanghaiDate(r.lodgedAt)),
      contact: ctx.pii.decrypt('objection_contact', r.contact),
      status: r.status as ObjectionStatus,
      handledAt: r.handledAt?.toISOString() ?? null,
      lodgedAt: r.lodgedAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One application's objections for its review page (the 处理异议 form): the office of its plan only, contact masked. */
export async function applicationObjections(ctx: AppContext, auth: LoadedSession, applicationId: string) {
  const officeId = officeOf(auth);
  const [app] = await ctx.db
    .select({ officeOrgId: plans.officeOrgId })
    .from(applications)
    .innerJoin(plans, eq(plans.id, applications.planId))
    .where(eq(applications.id, applicationId));
  if (!app || app.officeOrgId !== officeId) fail('NOT_FOUND', '该申报不存在，或不属于本评委会办公室的评审计划');
  const rows = await ctx.db
    .select({
      id: objections.id,
      lodgedAt: objections.lodgedAt,
      content: objections.content,
      contact: objections.contact,
      evidenceFileId: objections.evidenceFileId,
      status: objections.status,
      handling: objections.handling,
    })
    .from(objections)
    .where(eq(objections.applicationId, applicationId))
    .orderBy(asc(objections.lodgedAt));
  return rows.map(({ contact, ...r }) => ({
    ...r,
    lodgedAt: r.lodgedAt.toISOString(),
    contactMasked: maskContact(ctx.pii.decrypt('objection_contact', contact)),
    status: r.status as ObjectionStatus,
  }));
}
