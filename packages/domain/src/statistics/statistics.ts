/**
 * Statistics (F22; SPEC §7 last line: "Rosters and statistics by stage, region, specialty, unit nature"): who sees
 * which applications, and the pure shaping of grouped counts into chart series and export sheets. The server
 * counts in SQL (one statement, every dimension a grouping set), the web draws the series and the export writes
 * the sheets — both from these functions, so the chart, its table and the workbook show the same words and numbers.
 */
import type { Actor } from '../identity/roles';
import { EMPLOYER_NATURES } from '../identity/organizations';
import { TITLE_LEVELS } from '../archive/entries';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../workflow/transitions';
import { findRegionByKey, regionChildren } from '../regions/zhejiang';
import { labelOf } from '../labels/labels';

/** The dimensions, in the order the page and the workbook show them. */
export const STATISTICS_DIMENSIONS = [
  { value: 'stage', label: '申报进度', header: '申报进度' },
  { value: 'region', label: '地区', header: '地区' },
  { value: 'specialty', label: '评审专业', header: '评审专业' },
  { value: 'nature', label: '单位性质', header: '单位性质' },
  { value: 'level', label: '申报级别', header: '申报级别' },
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number]['value'];

/**
 * Drafts are not statistics (an application counts from its submission on): the stages a count and the stage
 * filter know are every status of the workflow table but 草稿, in the table's order.
 */
export const STATISTICS_STAGES = (Object.keys(APPLICATION_STATUSES) as ApplicationStatus[]).filter((s) => s !== 'draft') as [
  Exclude<ApplicationStatus, 'draft'>,
  ...Array<Exclude<ApplicationStatus, 'draft'>>,
];
export type StatisticsStage = (typeof STATISTICS_STAGES)[number];

/**
 * Whose applications an actor's statistics count:
 * - a committee office: the applications to its own plans (plans.office_org_id), wherever the employer is;
 * - any other management body (HR bureau, 经信, industry or provincial department, acceptance point, talent
 *   centre) and an administrator: the applications of its jurisdiction (applications.region_path under the
 *   actor's region) — a county its county, a city its counties, the province all;
 * - applicants, employers and experts: none (null → 403).
 */
export type StatisticsScope = { kind: 'office'; officeOrgId: string } | { kind: 'region'; regionPath: string };

export function statisticsScopeOf(actor: Actor): StatisticsScope | null {
  if (actor.role === 'officer' && actor.orgKind === 'committeeOffice') {
    return actor.orgId ? { kind: 'office', officeOrgId: actor.orgId } : null;
  }
  if (actor.role === 'officer' || actor.role === 'admin') {
    return actor.regionPath ? { kind: 'region', regionPath: actor.regionPath } : null;
  }
  return null;
}

/** One bar of a chart and one row of its table. */
export interface StatisticsItem {
  /** the coded value (status, level, nature, region key, specialty name); null for 未填写 */
  key: string | null;
  /** the words shown and exported */
  label: string;
  count: number;
  /** a region that has regions below it: the page drills into it */
  drillable?: boolean;
}

const NOT_GIVEN = '未填写';

/** Counts keyed by value → the items of a fixed vocabulary, every value shown (zeros too), unknown values after it. */
function fixedSeries(
  vocabulary: ReadonlyArray<{ value: string; label: string }>,
  rows: ReadonlyArray<{ key: string | null; count: number }>,
  unknownLabel: (key: string) => string,
): StatisticsItem[] {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(r.key, (counts.get(r.key) ?? 0) + r.count);
  const out: StatisticsItem[] = vocabulary.map((v) => ({ key: v.value, label: v.label, count: counts.get(v.value) ?? 0 }));
  const known = new Set(vocabulary.map((v) => v.value));
  for (const [key, count] of counts) {
    if (count === 0 || (key !== null && known.has(key))) continue;
    out.push({ key, label: key === null ? NOT_GIVEN : unknownLabel(key), count });
  }
  return out;
}

/** 申报进度: every stage of the workflow table from 待单位审核 on, in the table's order (SPEC §6, §7). */
export function stageSeries(rows: ReadonlyArray<{ key: string | null; count: number }>): StatisticsItem[] {
  const vocabulary = STATISTICS_STAGES.map((s) => ({ value: s, label: labelOf('applicationStatus', s) }));
  return fixedSeries(
    vocabulary,
    rows.filter((r) => r.key !== 'draft'),
    (k) => labelOf('applicationStatus', k),
  );
}

/** 申报级别: 技术员 … 正高级工程师. */
export function levelSeries(rows: ReadonlyArray<{ key: string | null; count: number }>): StatisticsItem[] {
  return fixedSeries(TITLE_LEVELS, rows, (k) => labelOf('titleLevel', k));
}

/** 单位性质: the ten categories of seed 000 附件4 四.3, in its order. */
export function natureSeries(rows: ReadonlyArray<{ key: string | null; count: number }>): StatisticsItem[] {
  return fixedSeries(EMPLOYER_NATURES, rows, (k) => labelOf('employerNature', k));
}

/**
 * 评审专业: the plan's own names (a code means nothing outside its plan); the same name in several plans is one
 * bar. Largest first, ties by name.
 */
export function specialtySeries(
  rows: ReadonlyArray<{ planId: string; code: string | null; count: number }>,
  plans: ReadonlyArray<{ id: string; specialties: ReadonlyArray<{ code: string; name: string }> }>,
): StatisticsItem[] {
  const names = new Map(plans.map((p) => [p.id, new Map(p.specialties.map((s) => [s.code, s.name]))]));
  const counts = new Map<string | null, number>();
  for (const r of rows) {
    const name = r.code === null ? null : (names.get(r.planId)?.get(r.code) ?? `未知专业（${r.code}）`);
    counts.set(name, (counts.get(name) ?? 0) + r.count);
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: key ?? NOT_GIVEN, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

/** The region key a path ends with ('330000/330100/330127' → '330127'). */
export function regionKeyOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * 地区, one level below `rootPath` (the province → its cities; a city → its counties and zones; a county → itself):
 * every child shown, zeros too, in the regions' order; applications of units registered at the root itself
 * (市直, 省直) as "<root>本级"; paths outside the root (none in a scoped query) as 其他地区.
 */
export function regionSeries(rows: ReadonlyArray<{ regionPath: string; count: number }>, rootPath: string): StatisticsItem[] {
  const rootKey = regionKeyOfPath(rootPath);
  const root = findRegionByKey(rootKey);
  const children = regionChildren(rootKey);
  const counts = new Map<string, number>();
  let atRoot = 0;
  let outside = 0;
  for (const r of rows) {
    if (r.regionPath === rootPath) atRoot += r.count;
    else if (r.regionPath.startsWith(`${rootPath}/`)) {
      const child = r.regionPath.slice(rootPath.length + 1).split('/')[0]!;
      counts.set(child, (counts.get(child) ?? 0) + r.count);
    } else outside += r.count;
  }
  const out: StatisticsItem[] = [];
  if (children.length === 0) {
    // a county (or a zone): no level below, the region is its own one bar
    out.push({ key: rootKey, label: root?.name ?? rootKey, count: atRoot });
  } else {
    if (atRoot > 0) out.push({ key: rootKey, label: `${root?.name ?? ''}本级`, count: atRoot });
    for (const c of children)
      out.push({ key: c.key, label: c.name, count: counts.get(c.key) ?? 0, drillable: regionChildren(c.key).length > 0 });
    for (const [key, count] of counts) {
      if (!children.some((c) => c.key === key)) out.push({ key, label: findRegionByKey(key)?.name ?? `未知地区（${key}）`, count });
    }
  }
  if (outside > 0) out.push({ key: null, label: '其他地区', count: outside });
  return out;
}

/** "12.5%" of the total; "0%" when there is nothing to share. */
export function shareOf(count: number, total: number): string {
  if (total <= 0) return '0%';
  return `${Math.round((count / total) * 1000) / 10}%`;
}

export type StatisticsSeries = Record<StatisticsDimension, StatisticsItem[]>;

/** One sheet of the workbook (one per dimension): a title naming the scope and the filters, headers, rows, 合计. */
export interface StatisticsSheet {
  name: string;
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

/**
 * The export: one sheet per dimension, Chinese headers, the scope and filters in each title, a share column and
 * a 合计 row. `total` is the number of applications counted (every dimension adds up to it).
 */
export function statisticsSheets(
  series: StatisticsSeries,
  total: number,
  opts: { scopeTitle: string; filterText: string; drafts?: number },
): StatisticsSheet[] {
  return STATISTICS_DIMENSIONS.map((d) => {
    const rows: Array<Array<string | number>> = series[d.value].map((item) => [item.label, item.count, shareOf(item.count, total)]);
    rows.push(['合计', total, total > 0 ? '100%' : '0%']);
    if (d.value === 'stage' && opts.drafts !== undefined) rows.push(['另：草稿（未提交，不计入统计）', opts.drafts, '']);
    return {
      name: `按${d.label}`,
      title: `${opts.scopeTitle}职称申报统计（按${d.label}）${opts.filterText ? ` · ${opts.filterText}` : ''}`,
      header: [d.header, '申报人数', '占比'],
      rows,
    };
  });
}
