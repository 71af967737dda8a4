/**
 * Statistics (F22, SPEC §7 last line): counts by stage, region, specialty, employer nature and level for the
 * actor's scope (domain statisticsScopeOf: a committee office its own plans, every other management body its
 * jurisdiction, the province all).
 *
 * One statement counts every dimension: a scan of the scoped applications grouped by GROUPING SETS, one set per
 * dimension, so the dimensions always add up to the same total and a large table is read once, not five times.
 * The scope is in its WHERE clause (withinJurisdiction on applications.region_path; plan_id in the office's plans),
 * and a stage filter is `status = …`, which applications_status_submitted_idx serves.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  findRegionByKey,
  labelOf,
  levelSeries,
  natureSeries,
  regionSeries,
  specialtySeries,
  stageSeries,
  statisticsScopeOf,
  type StatisticsSeries,
} from '@zc/domain';
import type { AppContext } from '../../platform/context';
import type { LoadedSession } from '../../platform/auth/session';
import { applications, organizations, plans } from '../../platform/db/schema';
import { getRegion, withinJurisdiction } from '../../platform/db/jurisdiction';
import { fail } from '../../platform/http/errors';
import type { StatisticsQuery, StatisticsSummary } from './schemas';

/** Where the region breakdown starts for an office (it counts by plan, wherever the employers are). */
const PROVINCE_PATH = '330000';

interface PlanOption {
  id: string;
  name: string;
  year: number;
  specialties: Array<{ code: string; name: string }>;
}

/** The summary for `auth` and the filter; also what the export writes. */
export async function statisticsSummary(ctx: AppContext, auth: LoadedSession, q: StatisticsQuery): Promise<StatisticsSummary> {
  const scope = statisticsScopeOf(auth.actor);
  if (!scope) fail('FORBIDDEN', '统计分析仅向主管部门、评委会办公室和系统管理员开放');

  // the plans this actor may count (the filter's choices, and the specialty names of their applications)
  const planRows = await ctx.db
    .select({ id: plans.id, name: plans.name, year: plans.year, specialties: sql<unknown>`${plans.data} -> 'specialties'` })
    .from(plans)
    .where(scope.kind === 'office' ? eq(plans.officeOrgId, scope.officeOrgId) : undefined)
    .orderBy(sql`${plans.year} desc`, asc(plans.name));
  const planOptions: PlanOption[] = planRows.map((p) => ({
    id: p.id,
    name: p.name,
    year: p.year,
    specialties: Array.isArray(p.specialties) ? (p.specialties as PlanOption['specialties']) : [],
  }));
  if (q.planId && !planOptions.some((p) => p.id === q.planId)) {
    fail('OUT_OF_JURISDICTION', '所选评审计划不在您的统计范围内（评委会办公室只能统计本办公室的计划），请重新选择');
  }

  // the region the breakdown is under: the actor's own root, or a region below it (drill-down)
  const ownRoot = scope.kind === 'region' ? scope.regionPath : PROVINCE_PATH;
  let rootPath = ownRoot;
  if (q.regionId) {
    rootPath = (await getRegion(ctx.db, q.regionId)).path;
    if (rootPath !== ownRoot && !rootPath.startsWith(`${ownRoot}/`)) {
      fail('OUT_OF_JURISDICTION', '所选地区不在您的管辖范围内，只能查看本辖区及下级地区的统计');
    }
  }

  const conds: SQL[] = [withinJurisdiction(applications.regionPath, rootPath)];
  if (scope.kind === 'office') {
    conds.push(inArray(applications.planId, sql`(select ${plans.id} from ${plans} where ${plans.officeOrgId} = ${scope.officeOrgId})`));
  }
  if (q.planId) conds.push(eq(applications.planId, q.planId));
  if (q.year !== undefined)
    conds.push(inArray(applications.planId, sql`(select ${plans.id} from ${plans} where ${plans.year} = ${q.year})`));
  if (q.stage) conds.push(eq(applications.status, q.stage));

  const a = applications;
  const rows = await ctx.db
    .select({
      byStatus: sql<number>`grouping(${a.status})`.mapWith(Number),
      byRegion: sql<number>`grouping(${a.regionPath})`.mapWith(Number),
      bySpecialty: sql<number>`grouping(${a.specialtyCode})`.mapWith(Number),
      byLevel: sql<number>`grouping(${a.level})`.mapWith(Number),
      status: a.status,
      regionPath: a.regionPath,
      planId: a.planId,
      specialtyCode: a.specialtyCode,
      level: a.level,
      nature: organizations.nature,
      // drafts are not statistics: counted apart, beside the stage set
      n: sql<number>`count(*) filter (where ${a.status} <> 'draft')`.mapWith(Number),
      drafts: sql<number>`count(*) filter (where ${a.status} = 'draft')`.mapWith(Number),
    })
    .from(a)
    .leftJoin(organizations, eq(organizations.id, a.employerId))
    .where(and(...conds))
    .groupBy(
      sql`grouping sets ((${a.status}), (${a.regionPath}), (${a.planId}, ${a.specialtyCode}), (${a.level}), (${organizations.nature}))`,
    );

  const stageRows = rows.filter((r) => r.byStatus === 0);
  const series: StatisticsSeries = {
    stage: stageSeries(stageRows.map((r) => ({ key: r.status, count: r.n }))),
    region: regionSeries(
      rows.filter((r) => r.byRegion === 0).map((r) => ({ regionPath: r.regionPath, count: r.n })),
      rootPath,
    ),
    specialty: specialtySeries(
      rows.filter((r) => r.bySpecialty === 0).map((r) => ({ planId: r.planId, code: r.specialtyCode, count: r.n })),
      planOptions,
    ),
    level: levelSeries(rows.filter((r) => r.byLevel === 0).map((r) => ({ key: r.level, count: r.n }))),
    nature: natureSeries(
      rows
        .filter((r) => r.byStatus === 1 && r.byRegion === 1 && r.bySpecialty === 1 && r.byLevel === 1)
        .map((r) => ({ key: r.nature, count: r.n })),
    ),
  };

  const keys = rootPath.split('/');
  const ownDepth = ownRoot.split('/').length;
  const nameOf = (key: string) => findRegionByKey(key)?.name ?? key;
  const trail = keys.slice(ownDepth - 1).map((k) => ({ regionId: k, name: nameOf(k) }));
  const rootKey = keys.at(-1)!;
  const title =
    scope.kind === 'office'
      ? `${auth.user.orgName ?? labelOf('organizationKind', 'committeeOffice')}${rootPath === PROVINCE_PATH ? '' : ` · ${nameOf(rootKey)}`}`
      : nameOf(rootKey);

  return {
    scope: { kind: scope.kind, title, region: { regionId: rootKey, name: nameOf(rootKey) }, trail },
    total: stageRows.reduce((s, r) => s + r.n, 0),
    drafts: stageRows.reduce((s, r) => s + r.drafts, 0),
    series,
    plans: planOptions.map(({ id, name, year }) => ({ id, name, year })),
    years: [...new Set(planOptions.map((p) => p.year))].sort((x, y) => y - x),
  };
}

/** The filter in words, for the workbook's titles: 评审计划 …, 2026 年度, 进度：待资格审查. */
export function filterText(summary: StatisticsSummary, q: StatisticsQuery): string {
  const parts: string[] = [];
  if (q.planId) parts.push(`评审计划：${summary.plans.find((p) => p.id === q.planId)?.name ?? ''}`);
  if (q.year !== undefined) parts.push(`${q.year} 年度`);
  if (q.stage) parts.push(`进度：${labelOf('applicationStatus', q.stage)}`);
  return parts.join('，');
}
