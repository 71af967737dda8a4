/**
 * The working-day calendar: chinese-days' official schedules (2004–2026 as shipped) merged with the
 * years an administrator entered. The merged calendar is cached and rebuilt after each entry.
 */
import { createRequire } from 'node:module';
import { mergeCalendar, type CalendarData } from '@zc/domain';
import { calendarYears } from '../../platform/db/schema';
import type { Db } from '../../platform/db/client';

const require = createRequire(import.meta.url);

let base: CalendarData | null = null;
export function libraryCalendar(): CalendarData {
  if (base) return base;
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  base = {
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
    knownYears: new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)))),
  };
  return base;
}

const cache = new WeakMap<Db, CalendarData>();

export async function calendarFor(db: Db): Promise<CalendarData> {
  const hit = cache.get(db);
  if (hit) return hit;
  const rows = await db.select().from(calendarYears);
  const merged = mergeCalendar(libraryCalendar(), rows.map((r) => ({ year: r.year, holidays: r.holidays as string[], workdays: r.workdays as string[] })));
  cache.set(db, merged);
  return merged;
}

export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}
