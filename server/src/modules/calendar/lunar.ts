/**
 * The lunar conversion the domain's provisional calendar needs (春节, 端午, 中秋), from chinese-days' lunar
 * table (1900–2100). Only getLunarDate is used: it works on UTC day numbers, so the server's time zone does not
 * matter (chinese-days' solar-term and lunar→solar helpers format in local time and slip a day west of UTC).
 */
import { createRequire } from 'node:module';
import type { LunarCalendar } from '@zc/domain';

const require = createRequire(import.meta.url);
type LunarDate = { lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean };
const { getLunarDate } = require('chinese-days') as { getLunarDate: (date: string) => LunarDate };

/** lunar 'year-month-day' (non-leap months) → solar date, for every day of one solar year */
const byYear = new Map<number, Map<string, string>>();

function solarYear(year: number): Map<string, string> {
  let map = byYear.get(year);
  if (map) return map;
  map = new Map();
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const l = getLunarDate(date);
    if (!l.isLeap) map.set(`${l.lunarYear}-${l.lunarMon}-${l.lunarDay}`, date);
  }
  byYear.set(year, map);
  return map;
}

export const chineseDaysLunar: LunarCalendar = {
  solarDateOf(lunarYear, month, day) {
    // a lunar year's months 1–10 always fall in the solar year of the same number; 11 and 12 may run into the next
    const key = `${lunarYear}-${month}-${day}`;
    const hit = solarYear(lunarYear).get(key) ?? solarYear(lunarYear + 1).get(key);
    if (!hit) throw new Error(`农历 ${lunarYear} 年 ${month} 月 ${day} 日无对应公历日期`);
    return hit;
  },
};
