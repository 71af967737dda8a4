/**
 * The audit log's object column in words (issue 9 item 6): "职称申报 张*（2026 年信息技术高级…）" instead of
 * "application b7211493". Names are resolved for one page of rows at once: one query per kind of object
 * present on the page (at most nine), never one per row. People are shown masked (maskPersonName); the id
 * stays in the answer for investigators.
 */
import { eq, inArray } from 'drizzle-orm';
import { LABELS, labelOf, maskPersonName, transitionFor, type ApplicationStatus } from '@zc/domain';
import type { Queryable } from '../../platform/db/client';
import { applications, archiveEntries, employmentBindings, files, notices, organizations, plans, users } from '../../platform/db/schema';
import { AUDIT_ACTIONS, type AuditAction } from '../../platform/audit/audit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = { targetType: string; targetId: string };
type Resolver = (db: Queryable, ids: string[]) => Promise<Array<[string, string]>>;

const RESOLVERS: Record<string, Resolver> = {
  plan: async (db, ids) =>
    (await db.select({ id: plans.id, name: plans.name }).from(plans).where(inArray(plans.id, ids))).map((r) => [r.id, r.name]),
  application: async (db, ids) =>
    (
      await db
        .select({ id: applications.id, person: users.realName, plan: plans.name })
        .from(applications)
        .innerJoin(users, eq(users.id, applications.applicantId))
        .innerJoin(plans, eq(plans.id, applications.planId))
        .where(inArray(applications.id, ids))
    ).map((r) => [r.id, `${maskPersonName(r.person)}（${r.plan}）`]),
  user: async (db, ids) =>
    (await db.select({ id: users.id, name: users.realName, role: users.role }).from(users).where(inArray(users.id, ids))).map((r) => [
      r.id,
      `${maskPersonName(r.name)}（${labelOf('role', r.role)}）`,
    ]),
  organization: async (db, ids) =>
    (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map(
      (r) => [r.id, r.name],
    ),
  binding: async (db, ids) =>
    (
      await db
        .select({ id: employmentBindings.id, person: users.realName, unit: organizations.name })
        .from(employmentBindings)
        .innerJoin(users, eq(users.id, employmentBindings.applicantId))
        .innerJoin(organizations, eq(organizations.id, employmentBindings.employerId))
        .where(inArray(employmentBindings.id, ids))
    ).map((r) => [r.id, `${maskPersonName(r.person)} → ${r.unit}`]),
  notice: async (db, ids) =>
    (await db.select({ id: notices.id, title: notices.title }).from(notices).where(inArray(notices.id, ids))).map((r) => [r.id, r.title]),
  file: async (db, ids) =>
    (await db.select({ id: files.id, name: files.originalName }).from(files).where(inArray(files.id, ids))).map((r) => [r.id, r.name]),
  archiveEntry: async (db, ids) =>
    (
      await db
        .select({ id: archiveEntries.id, person: users.realName, kind: archiveEntries.kind })
        .from(archiveEntries)
        .innerJoin(users, eq(users.id, archiveEntries.applicantId))
        .where(inArray(archiveEntries.id, ids))
    ).map((r) => [r.id, `${maskPersonName(r.person)}的${labelOf('archiveKind', r.kind)}`]),
};

/** "类型:编号" → the object's human name, for every row of the page; objects since deleted have none. */
export async function resolveAuditTargets(db: Queryable, rows: Row[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.targetType === 'calendar') out.set(`calendar:${r.targetId}`, `${r.targetId} 年`);
    else if (RESOLVERS[r.targetType] && UUID.test(r.targetId)) {
      const set = byType.get(r.targetType) ?? new Set<string>();
      set.add(r.targetId.toLowerCase());
      byType.set(r.targetType, set);
    }
  }
  const found = await Promise.all([...byType].map(async ([type, ids]) => [type, await RESOLVERS[type]!(db, [...ids])] as const));
  for (const [type, pairs] of found) for (const [id, name] of pairs) out.set(`${type}:${id}`, name);
  return out;
}

export const targetKey = (r: Row) => `${r.targetType}:${r.targetId.toLowerCase()}`;

/** The action in words; a workflow transition also names what was done (提交, 审查通过, 退回修改 …). */
export function auditActionLabel(action: string, before: unknown, after: unknown): string {
  const base = (AUDIT_ACTIONS as Record<string, string>)[action] ?? '其他操作';
  if ((action as AuditAction) !== 'application.transition') return base;
  const from = (before as { status?: string } | null)?.status;
  const act = (after as { action?: string } | null)?.action;
  const t = from && act && Object.hasOwn(LABELS.applicationStatus, from) ? transitionFor(from as ApplicationStatus, act) : null;
  return t ? `${base}：${t.label}` : base;
}
