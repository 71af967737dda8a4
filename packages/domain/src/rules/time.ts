/**
 * 实足年限 (SPEC §5 [ours]): months from the start month to the cutoff month inclusive, summed over
 * periods (overlaps counted once), divided by 12 and rounded down. The same for every "满 N 年".
 */
import { isMountainCountyRegionId } from '../regions/zhejiang';

/** 'YYYY-MM…' → months since year 0, without allocating: this runs millions of times in a batch evaluation. */
export function monthIndex(m: string): number {
  const y = (m.charCodeAt(0) - 48) * 1000 + (m.charCodeAt(1) - 48) * 100 + (m.charCodeAt(2) - 48) * 10 + (m.charCodeAt(3) - 48);
  const mo = (m.charCodeAt(5) - 48) * 10 + (m.charCodeAt(6) - 48);
  return y * 12 + (mo - 1);
}

/** Full years from the start date's month to the cutoff month, given the cutoff as a month index. */
export function fullYearsTo(startDate: string, cutoffMonth: number): number {
  const months = cutoffMonth - monthIndex(startDate) + 1;
  return months <= 0 ? 0 : Math.floor(months / 12);
}

export function fullYearsBetween(startDate: string, cutoffDate: string): number {
  return fullYearsTo(startDate, monthIndex(cutoffDate));
}

/** Which periods of a work history are counted. */
export const ALL_PERIODS = 0;
export const ENGINEERING_PERIODS = 1;
export const MOUNTAIN_COUNTY_PERIODS = 2;
export type PeriodFilter = typeof ALL_PERIODS | typeof ENGINEERING_PERIODS | typeof MOUNTAIN_COUNTY_PERIODS;
type Period = {
  startMonth: string;
  endMonth: string | null;
  isEngineering?: boolean;
  mountainCounty?: boolean;
  mountainCountyRegionId?: string | null;
};

/**
 * Whether a work period counts as in the 26 mountain counties (seed 003 五(五), 附件3): when the period names a
 * region, the region list decides (a 西湖区 claim counts nothing); only facts without a region use the flag.
 */
export function countsAsMountainCounty(p: { mountainCounty?: boolean; mountainCountyRegionId?: string | null }): boolean {
  return p.mountainCountyRegionId !== undefined ? isMountainCountyRegionId(p.mountainCountyRegionId) : p.mountainCounty === true;
}

// scratch for the spans of one call (evaluation is synchronous, so one buffer serves every call)
let spanFrom = new Int32Array(16);
let spanTo = new Int32Array(16);

/**
 * Months covered by the (filtered) periods up to the cutoff month, each month once: the spans are
 * insertion-sorted by start in a reused buffer and merged, so nothing is allocated per call.
 */
export function monthsCoveredTo(periods: readonly Period[], cutoff: number, which: PeriodFilter = ALL_PERIODS): number {
  if (periods.length > spanFrom.length) {
    spanFrom = new Int32Array(periods.length * 2);
    spanTo = new Int32Array(periods.length * 2);
  }
  let n = 0;
  for (let i = 0; i < periods.length; i += 1) {
    const p = periods[i]!;
    if (which === ENGINEERING_PERIODS ? !p.isEngineering : which === MOUNTAIN_COUNTY_PERIODS ? !countsAsMountainCounty(p) : false) continue;
    const from = monthIndex(p.startMonth);
    const to = Math.min(p.endMonth ? monthIndex(p.endMonth) : cutoff, cutoff);
    if (!(to >= from)) continue;
    let j = n;
    while (j > 0 && spanFrom[j - 1]! > from) {
      spanFrom[j] = spanFrom[j - 1]!;
      spanTo[j] = spanTo[j - 1]!;
      j -= 1;
    }
    spanFrom[j] = from;
    spanTo[j] = to;
    n += 1;
  }
  if (n === 0) return 0;
  let total = 0;
  let cs = spanFrom[0]!;
  let ce = spanTo[0]!;
  for (let i = 1; i < n; i += 1) {
    const s = spanFrom[i]!;
    const e = spanTo[i]!;
    if (s <= ce + 1) ce = Math.max(ce, e);
    else {
      total += ce - cs + 1;
      cs = s;
      ce = e;
    }
  }
  return total + (ce - cs + 1);
}

/** Months covered by the periods up to the cutoff month, each month once (intervals merged). */
export function monthsCovered(periods: ReadonlyArray<{ startMonth: string; endMonth: string | null }>, cutoffDate: string): number {
  return monthsCoveredTo(periods, monthIndex(cutoffDate));
}

export function fullYearsOfPeriods(periods: ReadonlyArray<{ startMonth: string; endMonth: string | null }>, cutoffDate: string): number {
  return Math.floor(monthsCovered(periods, cutoffDate) / 12);
}
