/**
 * Self-score (SPEC §5): per item at most its max points; "无证明材料的不予评分" (an item whose table says
 * evidence is required counts 0 without evidence); plus the mountain-county bonus (seed 003 五(五)).
 */
import type { Plan } from '../plans/plan';
import type { Facts } from './facts';
import { findRegionByKey } from '../regions/zhejiang';
import { MOUNTAIN_COUNTY_PERIODS, countsAsMountainCounty, monthIndex, monthsCoveredTo } from './time';

type Bonus = NonNullable<NonNullable<Plan['scoring']>['mountainCountyBonus']>;

/** Seed 003 五(五): the points for this many full years in the 26 mountain counties. */
export function bonusPoints(b: Bonus, years: number): number {
  if (years >= b.fullYears) return Math.min(b.maxPoints, b.fullPoints + (years - b.fullYears) * b.perExtraYear);
  if (years >= b.fromYears) return b.fromPoints;
  return 0;
}

export function bonusExplanation(b: Bonus, years: number, points: number): string {
  return points > 0
    ? `在山区 26 县从事专业技术工作 ${years} 年，加 ${points} 分（满 ${b.fromYears} 年未满 ${b.fullYears} 年计 ${b.fromPoints} 分；满 ${b.fullYears} 年计 ${b.fullPoints} 分，每增 1 年加 ${b.perExtraYear} 分，最高 ${b.maxPoints} 分）`
    : `在山区 26 县工作 ${years} 年，未满 ${b.fromYears} 年，不加分`;
}

export function mountainCountyYears(f: Facts, cutoffMonth: number): number {
  return Math.floor(monthsCoveredTo(f.work, cutoffMonth, MOUNTAIN_COUNTY_PERIODS) / 12);
}

export function pushMountainCountyEvidence(f: Facts, out: string[]): void {
  for (const w of f.work) if (countsAsMountainCounty(w)) out.push(w.id);
}

/** Work entries that name a region which is not one of the 26 mountain counties (seed 003 附件3): they earn nothing. */
export function refusedMountainCountyClaims(f: Facts): Array<{ id: string; startMonth: string; region: string }> {
  const out: Array<{ id: string; startMonth: string; region: string }> = [];
  for (const w of f.work) {
    const id = w.mountainCountyRegionId;
    if (id && !countsAsMountainCounty(w))
      out.push({ id: w.id, startMonth: w.startMonth, region: findRegionByKey(id)?.name ?? id.slice(0, 20) });
  }
  return out;
}

/** Which entries to correct, for the explanation: '' when none. */
export function refusedMountainCountyNote(f: Facts): string {
  const refused = refusedMountainCountyClaims(f);
  if (refused.length === 0) return '';
  const list = refused.map((r) => `${r.startMonth} 起的工作经历所填“${r.region}”`).join('、');
  return `${list}不是浙江省山区 26 县之一，不计山区县加分；请在个人业绩档案中修改该工作经历的山区县（不在山区县工作的清空），再提交单位审核`;
}

export function mountainCountyBonus(
  b: Bonus,
  f: Facts,
  cutoffDate: string,
): { years: number; points: number; explanation: string; evidence: string[] } {
  const years = mountainCountyYears(f, monthIndex(cutoffDate));
  const points = bonusPoints(b, years);
  const evidence: string[] = [];
  pushMountainCountyEvidence(f, evidence);
  return { years, points, explanation: bonusExplanation(b, years, points), evidence };
}

export type ScoringItem = NonNullable<Plan['scoring']>['items'][number];

/** The plan's scoring items by key, the first of each key (as items.find would pick). */
export function scoringItemsByKey(plan: Plan): Map<string, ScoringItem> {
  const m = new Map<string, ScoringItem>();
  for (const i of plan.scoring?.items ?? []) if (!m.has(i.key)) m.set(i.key, i);
  return m;
}

/** Why an item's claimed points are not all counted (null: counted as claimed). */
export type SelfScoreShortfall = 'noEvidence' | 'evidenceNotChosen' | 'overMax' | 'unknownItem';

/** One self-score row as the rules count it: what was claimed, what counts, and why they differ. */
export interface SelfScoreLine {
  itemKey: string;
  name: string;
  claimed: number;
  counted: number;
  shortfall: SelfScoreShortfall | null;
  /** Chinese: why `counted` is less than `claimed`, and how to fix it (null when they agree) */
  reason: string | null;
}

export interface SelfScoreBreakdown {
  /** the sum the applicant typed (without the bonus) */
  claimed: number;
  /** what counts: items after "无证明材料的不予评分" and the item caps, plus the bonus */
  total: number;
  bonus: number;
  lines: SelfScoreLine[];
  /** the names of items with points but no evidence (null when none) */
  unsupported: string[] | null;
  evidence: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The one self-score count (SPEC §5), used by the wizard's 自评分 step, its live 资格检查 and the server's
 * check at submission alike, so the applicant never sees two totals:
 * - seeds 000 二(二) and 003 五(二) "无证明材料的不予评分": an item whose table requires evidence counts 0
 *   without evidence; evidence must be one of the achievements chosen for this application (when the
 *   application names its entries), since reviewers see only those;
 * - each item at most its maximum points (the scoring table);
 * - plus the mountain-county bonus (seed 003 五(五)).
 */
export function selfScoreBreakdown(
  items: ReadonlyMap<string, ScoringItem>,
  bonusRule: Bonus | undefined,
  f: Facts,
  cutoffMonth: number,
): SelfScoreBreakdown {
  let claimed = 0;
  let counted = 0;
  let unsupported: string[] | null = null;
  const evidence: string[] = [];
  const lines: SelfScoreLine[] = [];
  const chosen = f.application?.entryIds ? new Set(f.application.entryIds) : null;
  for (const s of f.application?.selfScore ?? []) {
    const points = Math.max(s.points, 0);
    claimed += points;
    const item = items.get(s.itemKey);
    if (!item) {
      if (points > 0)
        lines.push({
          itemKey: s.itemKey,
          name: s.itemKey,
          claimed: points,
          counted: 0,
          shortfall: 'unknownItem',
          reason: '本计划的评分表中没有该评分项（评分表可能已更新），不计分，请重新填写自评分',
        });
      continue;
    }
    const proof = chosen ? s.evidenceIds.filter((id) => chosen.has(id)) : s.evidenceIds;
    if (item.evidenceRequired && proof.length === 0) {
      if (points > 0) {
        (unsupported ??= []).push(item.name);
        const stale = s.evidenceIds.length > 0;
        lines.push({
          itemKey: s.itemKey,
          name: item.name,
          claimed: points,
          counted: 0,
          shortfall: stale ? 'evidenceNotChosen' : 'noEvidence',
          reason: stale
            ? '所选佐证已不在本次申报的业绩成果中，不予计分：请在“业绩成果”一步勾选该业绩，或在本项重新选择佐证'
            : '未关联佐证，无证明材料的不予评分：请在本项选择证明该项的业绩',
        });
      } else lines.push({ itemKey: s.itemKey, name: item.name, claimed: 0, counted: 0, shortfall: null, reason: null });
      continue;
    }
    const got = Math.min(points, item.maxPoints);
    counted += got;
    for (const id of proof) evidence.push(id);
    lines.push({
      itemKey: s.itemKey,
      name: item.name,
      claimed: points,
      counted: got,
      shortfall: got < points ? 'overMax' : null,
      reason: got < points ? `超过本项满分 ${item.maxPoints} 分，按 ${item.maxPoints} 分计` : null,
    });
  }
  let bonus = 0;
  if (bonusRule) {
    bonus = bonusPoints(bonusRule, mountainCountyYears(f, cutoffMonth));
    pushMountainCountyEvidence(f, evidence);
  }
  return { claimed: round1(claimed), total: round1(counted + bonus), bonus, lines, unsupported, evidence };
}

/** Self-score total with the mountain-county bonus; `unsupported`: the items without evidence (null when none). */
export function selfScoreTotalWith(
  items: ReadonlyMap<string, ScoringItem>,
  bonusRule: Bonus | undefined,
  f: Facts,
  cutoffMonth: number,
): { total: number; bonus: number; unsupported: string[] | null; evidence: string[] } {
  const b = selfScoreBreakdown(items, bonusRule, f, cutoffMonth);
  return { total: b.total, bonus: b.bonus, unsupported: b.unsupported, evidence: b.evidence };
}

/** The breakdown for a plan (the wizard's entry point). */
export function planSelfScore(plan: Plan, f: Facts): SelfScoreBreakdown {
  return selfScoreBreakdown(scoringItemsByKey(plan), plan.scoring?.mountainCountyBonus, f, monthIndex(plan.cutoffDate));
}

export function selfScoreTotal(plan: Plan, f: Facts): { total: number; bonus: number; unsupported: string[]; evidence: string[] } {
  const s = selfScoreTotalWith(scoringItemsByKey(plan), plan.scoring?.mountainCountyBonus, f, monthIndex(plan.cutoffDate));
  return { total: s.total, bonus: s.bonus, unsupported: s.unsupported ?? [], evidence: s.evidence };
}
