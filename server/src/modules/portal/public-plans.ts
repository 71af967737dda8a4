/**
 * 申报计划 on the public portal (SPEC §10): published plans open now, about to open or recently closed, and
 * one plan with its conditions in words (domain plan-summary.ts) — nothing a visitor needs to sign in for.
 */
import { and, desc, eq, ilike, inArray } from 'drizzle-orm';
import {
  deadlineCountdown,
  feeText,
  labelOf,
  modeText,
  nextDay,
  planConditionSections,
  planTimelineLines,
  describePhotoSpec,
  shanghaiDate,
  PUBLIC_PLAN_RECENT_DAYS,
  publicText,
  type Plan,
} from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { organizations, plans } from '../../platform/db/schema';
import { containsPattern } from '../../platform/db/jurisdiction';
import { fail } from '../../platform/http/errors';
import { phaseOf } from '../plans/service';

type PlanRow = typeof plans.$inferSelect;

async function officeNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summary(row: PlanRow, officeName: string, now: Date) {
  const p = row.data as Plan;
  const phase = phaseOf(p, now);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    committeeName: p.committee.name,
    officeName,
    issuer: p.source.issuer,
    documentNumber: p.source.documentNumber ?? null,
    documentDate: p.source.date ?? null,
    levels: p.levels.map((l) => labelOf('titleLevel', l)),
    specialties: p.specialties.map((s) => s.name),
    openDate: p.timeline.openDate,
    personalDeadline: p.timeline.personalDeadline,
    phase,
    phaseLabel: labelOf('planPhase', phase),
    countdown: deadlineCountdown(p.timeline, shanghaiDate(now)),
    fee: feeText(p.fee),
  };
}

/**
 * Published plans; without `all`, only those a visitor can still act on or has just missed: not yet closed,
 * or closed within PUBLIC_PLAN_RECENT_DAYS. Newest year first, open ones before the others.
 */
export async function listPublicPlans(ctx: AppContext, q: { keyword?: string; all: boolean }) {
  const rows = await ctx.db
    .select()
    .from(plans)
    .where(and(eq(plans.status, 'published'), q.keyword ? ilike(plans.name, containsPattern(q.keyword)) : undefined))
    .orderBy(desc(plans.year), plans.name);
  const now = ctx.now();
  const today = shanghaiDate(now);
  const recentFrom = nextDay(today, -PUBLIC_PLAN_RECENT_DAYS);
  const shown = q.all ? rows : rows.filter((r) => (r.data as Plan).timeline.personalDeadline >= recentFrom);
  const names = await officeNames(ctx, [...new Set(shown.map((r) => r.officeOrgId))]);
  const order = { open: 0, upcoming: 1, closed: 2 } as const;
  return shown
    .map((r) => summary(r, names.get(r.officeOrgId) ?? '', now))
    .sort((a, b) => order[a.phase] - order[b.phase] || b.year - a.year);
}

export async function getPublicPlan(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), eq(plans.status, 'published')));
  if (!row) fail('NOT_FOUND', '未找到该评审计划，可能尚未发布或已撤回，请返回申报计划列表查看');
  const p = row.data as Plan;
  const names = await officeNames(ctx, [row.officeOrgId]);
  return {
    ...summary(row, names.get(row.officeOrgId) ?? '', ctx.now()),
    committeeKind: labelOf('committeeKind', p.committee.kind),
    sourceTitle: p.source.title,
    specialtyDetails: p.specialties.map((s) => ({ name: s.name, description: s.description ? publicText(s.description) : null })),
    timeline: planTimelineLines(p),
    cutoffDate: p.cutoffDate,
    sections: planConditionSections(p),
    modes: p.modes.map(modeText),
    photo: describePhotoSpec(p.photo),
  };
}
