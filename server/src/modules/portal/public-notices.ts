/**
 * 通知公告 on the public portal (SPEC §10): each notice with the date and 文号 of its own document (not the
 * day it was entered), newest document first, and the published plans it announces.
 */
import { desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { labelOf, type Plan } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { notices, plans } from '../../platform/db/schema';
import { containsPattern } from '../../platform/db/jurisdiction';
import { fail } from '../../platform/http/errors';
import { phaseOf } from '../plans/service';

type NoticeRow = typeof notices.$inferSelect;
export interface NoticePlanLink {
  id: string;
  name: string;
  phaseLabel: string;
}

/** the day a notice is dated: its document's date, else the day it was entered (Asia/Shanghai) */
const noticeDay = sql<string>`coalesce(${notices.documentDate}, to_char(${notices.publishedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))`;

/**
 * The published plans a notice announces: the one it names (plan_id), or the plans whose source document is
 * this notice — the same 文号 (or, without one, the same title) and the same document date. One notice may
 * announce several plans (seed 001: four specialties).
 */
function announces(n: NoticeRow, p: { id: string; data: unknown }): boolean {
  if (n.planId) return n.planId === p.id;
  const src = (p.data as Plan).source;
  if (!n.documentDate || src.date !== n.documentDate) return false;
  return n.documentNumber ? src.documentNumber === n.documentNumber : src.title === n.title;
}

async function presentNotices(ctx: AppContext, rows: NoticeRow[]) {
  const published = rows.length
    ? await ctx.db.select({ id: plans.id, name: plans.name, data: plans.data }).from(plans).where(eq(plans.status, 'published'))
    : [];
  const now = ctx.now();
  return rows.map((n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    publisher: n.publisher,
    documentDate: n.documentDate,
    documentNumber: n.documentNumber,
    publishedAt: n.publishedAt.toISOString(),
    plans: published
      .filter((p) => announces(n, p))
      .map((p) => ({ id: p.id, name: p.name, phaseLabel: labelOf('planPhase', phaseOf(p.data as Plan, now)) })),
  }));
}

export async function listNotices(ctx: AppContext, q: { keyword?: string; page: number; pageSize: number }) {
  const where: SQL | undefined = q.keyword
    ? or(ilike(notices.title, containsPattern(q.keyword)), ilike(notices.publisher, containsPattern(q.keyword)))
    : undefined;
  const [total] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(notices)
    .where(where)
    .orderBy(desc(noticeDay), desc(notices.publishedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentNotices(ctx, rows), total: total?.n ?? 0 };
}

export async function getNotice(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(notices).where(eq(notices.id, id));
  if (!row) fail('NOT_FOUND', '未找到该通知公告，可能已被撤下，请返回通知列表查看');
  const [one] = await presentNotices(ctx, [row]);
  return one!;
}
