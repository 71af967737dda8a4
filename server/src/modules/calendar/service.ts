/**
 * The working-day calendar: chinese-days' official schedules (2004–2026 as shipped) merged with the
 * years an administrator entered. The merged calendar is cached and rebuilt after each entry. Any other
 * year is provisional: the domain computes it from 《全国年节及纪念日放假办法》 with chinese-days' lunar table.
 */
import { createRequire } from 'node:module';
import { mergeCalendar, type CalendarData } from '@zc/domain';
import { calendarYears } from '../../platform/db/schema';
import type { Db } from '../../platform/db/client';
import { chineseDaysLunar } from './lunar';

const require = createRequire(import.meta.url);

let base: CalendarData | null = null;
export function libraryCalendar(): CalendarData {
  if (base) return base;
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  base = {
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
    knownYears: new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)))),
    lunar: chineseDaysLunar,
  };
  return base;
}

/**
 * How long a node trusts its cached calendar. The node that saves a year rebuilds at once; the other
 * app nodes (issue 8 item 9) pick the entry up within this time. Ours: a year is entered weeks
 * ahead of its first day, so a minute of lag never moves a deadline.
 */
export const CALENDAR_CACHE_MS = 60_000;

const cache = new WeakMap<Db, { data: CalendarData; loadedAt: number }>();

export async function calendarFor(db: Db, nowMs: number = Date.now()): Promise<CalendarData> {
  const hit = cache.get(db);
  if (hit && nowMs - hit.loadedAt < CALENDAR_CACHE_MS) return hit.data;
  const rows = await db.select().from(calendarYears);
  const merged = mergeCalendar(
    libraryCalendar(),
    rows.map((r) => ({ year: r.year, holidays: r.holidays as string[], workdays: r.workdays as string[] })),
  );
  cache.set(db, { data: merged, loadedAt: nowMs });
  return merged;
}

export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}
