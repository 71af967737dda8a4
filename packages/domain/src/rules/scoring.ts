/**
 * Self-score (SPEC §5): per item at most its max points; "无证明材料的不予评分" (an item whose table says
 * evidence is required counts 0 without evidence); plus the mountain-county bonus (seed 003 五(五)).
 */
import type { Plan } from '../plans/plan';
import type { Facts } from './facts';
import { MOUNTAIN_COUNTY_PERIODS, monthIndex, monthsCoveredTo } from './time';

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
  for (const w of f.work) if (w.mountainCounty) out.push(w.id);
}

export function mountainCountyBonus(b: Bonus, f: Facts, cutoffDate: string): { years: number; points: number; explanation: string; evidence: string[] } {
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

/** Self-score total with the mountain-county bonus; `unsupported`: the items without evidence (null when none). */
export function selfScoreTotalWith(
  items: ReadonlyMap<string, ScoringItem>,
  bonusRule: Bonus | undefined,
  f: Facts,
  cutoffMonth: number,
): { total: number; bonus: number; unsupported: string[] | null; evidence: string[] } {
  let total = 0;
  let unsupported: string[] | null = null;
  const evidence: string[] = [];
  const rows = f.application?.selfScore;
  if (rows) {
    for (const s of rows) {
      const item = items.get(s.itemKey);
      if (!item) continue;
      if (item.evidenceRequired && s.evidenceIds.length === 0) {
        if (s.points > 0) (unsupported ??= []).push(item.name);
        continue;
      }
      total += Math.min(Math.max(s.points, 0), item.maxPoints);
      for (const id of s.evidenceIds) evidence.push(id);
    }
  }
  let bonus = 0;
  if (bonusRule) {
    bonus = bonusPoints(bonusRule, mountainCountyYears(f, cutoffMonth));
    pushMountainCountyEvidence(f, evidence);
  }
  return { total: Math.round((total + bonus) * 10) / 10, bonus, unsupported, evidence };
}

export function selfScoreTotal(plan: Plan, f: Facts): { total: number; bonus: number; unsupported: string[]; evidence: string[] } {
  const s = selfScoreTotalWith(scoringItemsByKey(plan), plan.scoring?.mountainCountyBonus, f, monthIndex(plan.cutoffDate));
  return { total: s.total, bonus: s.bonus, unsupported: s.unsupported ?? [], evidence: s.evidence };
}
