/**
 * 评审计划 (SPEC §3): a committee office creates, imports, edits, previews and publishes its plans;
 * everyone sees the published ones. The document is validated by the domain's ZPlan.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import {
  defaultTargetYear,
  isPastDeadline,
  labelOf,
  planFieldLabel,
  planWarnings,
  shanghaiDate,
  shiftPlanYears,
  validatePlan,
  type Actor,
  type MovedField,
  type Plan,
  type TextToCheck,
} from '@zc/domain';
import { organizations, plans } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';

type PlanRow = typeof plans.$inferSelect;

export function phaseOf(p: Plan, now: Date): 'upcoming' | 'open' | 'closed' {
  const today = shanghaiDate(now);
  if (today < p.timeline.openDate) return 'upcoming';
  return isPastDeadline(p.timeline.personalDeadline, now) ? 'closed' : 'open';
}

export function present(row: PlanRow, officeName: string, actor: Actor | null, now: Date) {
  const p = row.data as Plan;
  const phase = phaseOf(p, now);
  const mine = !!actor && canManage(actor, row.officeOrgId);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    year: row.year,
    status: row.status as 'draft' | 'published',
    version: row.version,
    officeName,
    committeeName: p.committee.name,
    levels: p.levels,
    specialties: p.specialties.map((s) => ({ code: s.code, name: s.name })),
    timeline: p.timeline,
    phase,
    phaseLabel: labelOf('planPhase', phase),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    allowed: mine
      ? (['edit', row.status === 'published' ? 'unpublish' : 'publish', 'export'] as Array<'edit' | 'publish' | 'unpublish' | 'export'>)
      : (['export'] as Array<'edit' | 'publish' | 'unpublish' | 'export'>),
  };
}

export function canManage(actor: Actor, officeOrgId: string): boolean {
  if (actor.role === 'admin' && actor.regionLevel === 'province') return true;
  return actor.role === 'officer' && actor.orgKind === 'committeeOffice' && actor.orgId === officeOrgId;
}

/** Parses a plan file (YAML or JSON) into a plan, or fails with the Chinese errors and their field paths. */
export function parsePlanText(text: string): Plan {
  let raw: unknown;
  try {
    raw = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    fail('VALIDATION', `计划文件格式有误，无法解析：${(e as Error).message.split('\n')[0]}`);
  }
  return checked(raw);
}

export function checked(raw: unknown): Plan {
  const r = validatePlan(raw);
  if (!r.ok) {
    const details = Object.fromEntries(r.errors.slice(0, 50).map((e) => [e.path, e.message]));
    fail('VALIDATION', `计划有 ${r.errors.length} 处错误，第一处：${r.errors[0]!.path}：${r.errors[0]!.message}`, details);
  }
  return r.plan;
}

async function officeName(ctx: AppContext, id: string): Promise<string> {
  const [o] = await ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  return o?.name ?? '';
}

export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  plan: Plan,
  audit: AuditContext,
  via: 'plan.created' | 'plan.imported' | 'plan.copied',
  officeOrgId?: string,
  auditExtra: Record<string, unknown> = {},
) {
  const office = officeOrgId ?? actor.orgId;
  if (!office || !canManage(actor, office)) fail('FORBIDDEN', '评审计划由评委会办公室创建');
  const id = await ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.key, plan.key));
    if (dup)
      fail('DUPLICATE', `计划代号 ${plan.key} 已存在，请${via === 'plan.copied' ? '为副本填写另一个计划代号' : '修改 key 后再导入'}`, {
        key: '计划代号已存在',
      });
    const [row] = await tx
      .insert(plans)
      .values({ key: plan.key, officeOrgId: office, data: plan, year: plan.year, name: plan.name })
      .returning({ id: plans.id });
    await writeAudit(tx, audit, {
      action: via,
      targetType: 'plan',
      targetId: row!.id,
      after: { key: plan.key, name: plan.name, ...auditExtra },
    });
    return row!.id;
  });
  return id;
}

/**
 * "复制为新年度" (issue 9 item 3): a new draft of the same office, with every year-relative value moved to
 * `targetYear` (domain shiftPlanYears); the answer lists what moved, the texts to check and the warnings.
 * Without `asNewYear` it is a plain copy under a new key. Only the office managing the source may copy it.
 */
export async function copyPlan(
  ctx: AppContext,
  actor: Actor,
  sourceId: string,
  opts: { asNewYear: boolean; targetYear?: number; key?: string; name?: string },
  audit: AuditContext,
) {
  const row = await getPlanRow(ctx, sourceId);
  if (!canManage(actor, row.officeOrgId)) fail(row.status === 'published' ? 'FORBIDDEN' : 'NOT_FOUND', '只能复制本评委会办公室的计划');
  const source = checked(row.data);
  let plan: Plan = structuredClone(source);
  let moved: MovedField[] = [];
  let toCheck: TextToCheck[] = [];
  if (opts.asNewYear) {
    const target = opts.targetYear ?? defaultTargetYear(source.year, Number(shanghaiDate(ctx.now()).slice(0, 4)));
    if (target === source.year)
      fail('VALIDATION', `新年度与原计划的年度 ${source.year} 相同：请选择另一个年度`, { targetYear: '请选择与原计划不同的年度' });
    ({ plan, moved, toCheck } = shiftPlanYears(source, target - source.year));
  }
  // the office's own key and name win over the moved ones; the list shows what the copy finally has
  for (const field of ['key', 'name'] as const) {
    const given = opts[field]?.trim();
    if (!given || given === plan[field]) continue;
    plan[field] = given;
    moved = moved.filter((m) => m.path !== field);
    if (given !== source[field]) moved.unshift({ path: field, label: planFieldLabel(field), from: source[field], to: given });
  }
  if (plan.key === source.key) fail('VALIDATION', '副本须有新的计划代号', { key: `计划代号 ${source.key} 是原计划的，请填写新的计划代号` });
  plan = checked(plan);
  const id = await createPlan(ctx, actor, plan, audit, 'plan.copied', row.officeOrgId, {
    sourceId,
    sourceKey: source.key,
    fromYear: source.year,
    toYear: plan.year,
    moved: moved.map((m) => m.path),
  });
  return { id, plan, moved, toCheck, warnings: planWarnings(plan) };
}

export async function getPlanRow(ctx: AppContext, id: string): Promise<PlanRow> {
  const [row] = await ctx.db.select().from(plans).where(eq(plans.id, id));
  if (!row) fail('NOT_FOUND');
  return row;
}

/** Drafts are visible to their office only; published plans to everyone. */
export async function getPlan(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await getPlanRow(ctx, id);
  if (row.status !== 'published' && !(actor && canManage(actor, row.officeOrgId))) fail('NOT_FOUND');
  return { summary: present(row, await officeName(ctx, row.officeOrgId), actor, ctx.now()), plan: row.data as Plan };
}

/** JSON with object keys sorted: jsonb does not keep the order in which keys were written. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The top-level parts of the plan that differ, for the audit row ("which parts were edited"). */
export function changedParts(before: Plan, after: Plan): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonical(before[k as keyof Plan]) !== canonical(after[k as keyof Plan])).sort();
}

/**
 * Replaces the whole plan document, under optimistic locking on `version`. `via: 'import'` is the
 * "导入覆盖" of a plan file, allowed on drafts only: a published plan is edited field by field.
 */
export async function updatePlan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  plan: Plan,
  expectedVersion: number,
  audit: AuditContext,
  via: 'editor' | 'import' = 'editor',
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(plans).where(eq(plans.id, id)).for('update');
    if (!row) fail('NOT_FOUND');
    if (!canManage(actor, row.officeOrgId)) fail('FORBIDDEN');
    if (row.version !== expectedVersion) fail('CONFLICT', '计划已被他人修改，请刷新后重新编辑');
    if (via === 'import' && row.status === 'published') fail('STATE', '已发布的计划不能导入覆盖：请先撤回发布，或在页面上逐项修改');
    if (plan.key !== row.key) {
      const [dup] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.key, plan.key));
      if (dup) fail('DUPLICATE', `计划代号 ${plan.key} 已存在`, { key: '计划代号已被其他计划使用' });
    }
    const version = row.version + 1;
    await tx
      .update(plans)
      .set({ data: plan, key: plan.key, name: plan.name, year: plan.year, version, updatedAt: ctx.now() })
      .where(eq(plans.id, id));
    const before = row.data as Plan;
    await writeAudit(tx, audit, {
      action: via === 'import' ? 'plan.imported' : 'plan.updated',
      targetType: 'plan',
      targetId: id,
      before: { timeline: before.timeline, version: row.version },
      after: { timeline: plan.timeline, version, via, changed: changedParts(before, plan) },
    });
    return version;
  });
}

export async function setPublished(ctx: AppContext, actor: Actor, id: string, published: boolean, audit: AuditContext) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(plans).where(eq(plans.id, id)).for('update');
    if (!row) fail('NOT_FOUND');
    if (!canManage(actor, row.officeOrgId)) fail('FORBIDDEN');
    if ((row.status === 'published') === published) fail('CONFLICT', published ? '计划已发布' : '计划尚未发布');
    // re-validate what is published
    checked(row.data);
    await tx
      .update(plans)
      .set({ status: published ? 'published' : 'draft', publishedAt: published ? ctx.now() : null, updatedAt: ctx.now() })
      .where(eq(plans.id, id));
    await writeAudit(tx, audit, {
      action: published ? 'plan.published' : 'plan.unpublished',
      targetType: 'plan',
      targetId: id,
      before: { status: row.status },
      after: { status: published ? 'published' : 'draft' },
    });
  });
}

export async function listPlans(ctx: AppContext, actor: Actor | null, scope: 'published' | 'mine') {
  const where =
    scope === 'published'
      ? eq(plans.status, 'published')
      : actor && actor.role === 'admin' && actor.regionLevel === 'province'
        ? undefined
        : actor?.orgId && actor.orgKind === 'committeeOffice'
          ? eq(plans.officeOrgId, actor.orgId)
          : fail('FORBIDDEN');
  const rows = await ctx.db.select().from(plans).where(where).orderBy(desc(plans.year), plans.name);
  const offices = rows.length
    ? await ctx.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, [...new Set(rows.map((r) => r.officeOrgId))]))
    : [];
  const names = new Map(offices.map((o) => [o.id, o.name]));
  return rows.map((r) => present(r, names.get(r.officeOrgId) ?? '', actor, ctx.now()));
}

export function exportPlan(plan: Plan, format: 'yaml' | 'json'): string {
  return format === 'json' ? JSON.stringify(plan, null, 2) : toYaml(plan, { lineWidth: 0 });
}

export async function findOfficeByName(ctx: AppContext, name: string): Promise<string | null> {
  const [o] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, 'committeeOffice'), eq(organizations.name, name)));
  return o?.id ?? null;
}
