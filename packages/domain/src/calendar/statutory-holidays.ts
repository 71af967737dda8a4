/**
 * 《全国年节及纪念日放假办法》: the statutory holidays of a year, for years whose official schedule (the State
 * Council's 放假安排通知, with its 调休 swaps) is not entered yet. The platform then computes a provisional
 * calendar — weekends plus these days plus the make-up days of 第六条 — and says so wherever a date comes from it.
 *
 * The rule is data: each revision of 第二条 with the year it took effect. Lunar dates come from a LunarCalendar the
 * caller supplies (the server's is chinese-days' lunar table); 清明 is the solar term, computed here.
 */

/** One day of a festival as 第二条 names it. */
export type StatutoryDay =
  | { kind: 'solar'; month: number; day: number }
  /** a day of a (non-leap) lunar month */
  | { kind: 'lunar'; month: number; day: number }
  /** 农历除夕: the day before 正月初一 */
  | { kind: 'lunarNewYearsEve' }
  /** 农历清明当日: the solar term 清明 */
  | { kind: 'qingming' };

export interface Festival {
  name: string;
  days: StatutoryDay[];
}

export interface HolidayRule {
  /** the first year the revision applies to (each took effect on 1 January) */
  effectiveFrom: number;
  source: string;
  festivals: Festival[];
}

const solar = (month: number, day: number): StatutoryDay => ({ kind: 'solar', month, day });
const lunar = (month: number, day: number): StatutoryDay => ({ kind: 'lunar', month, day });
const EVE: StatutoryDay = { kind: 'lunarNewYearsEve' };
const QINGMING: StatutoryDay = { kind: 'qingming' };

const NEW_YEAR: Festival = { name: '元旦', days: [solar(1, 1)] };
const QINGMING_FESTIVAL: Festival = { name: '清明节', days: [QINGMING] };
const DRAGON_BOAT: Festival = { name: '端午节', days: [lunar(5, 5)] };
const MID_AUTUMN: Festival = { name: '中秋节', days: [lunar(8, 15)] };
const NATIONAL_DAY: Festival = { name: '国庆节', days: [solar(10, 1), solar(10, 2), solar(10, 3)] };

/** 第二条 全体公民放假的节日, revision by revision (oldest first). */
export const HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    effectiveFrom: 2008,
    source: '《全国年节及纪念日放假办法》（国务院令第513号修订，2008 年 1 月 1 日起施行）第二条',
    festivals: [
      NEW_YEAR,
      { name: '春节', days: [EVE, lunar(1, 1), lunar(1, 2)] },
      QINGMING_FESTIVAL,
      { name: '劳动节', days: [solar(5, 1)] },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    effectiveFrom: 2014,
    source: '《全国年节及纪念日放假办法》（国务院令第644号修订，2014 年 1 月 1 日起施行）第二条',
    festivals: [
      NEW_YEAR,
      { name: '春节', days: [lunar(1, 1), lunar(1, 2), lunar(1, 3)] },
      QINGMING_FESTIVAL,
      { name: '劳动节', days: [solar(5, 1)] },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    effectiveFrom: 2025,
    source: '《全国年节及纪念日放假办法》（国务院令第795号修订，2025 年 1 月 1 日起施行）第二条',
    festivals: [
      NEW_YEAR,
      // 第二条第二项：春节，放假4天（农历除夕、正月初一至初三）
      { name: '春节', days: [EVE, lunar(1, 1), lunar(1, 2), lunar(1, 3)] },
      QINGMING_FESTIVAL,
      // 第二条第四项：劳动节，放假2天（5月1日、2日）
      { name: '劳动节', days: [solar(5, 1), solar(5, 2)] },
      DRAGON_BOAT,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

/**
 * 第六条: a holiday for all citizens that falls on a Saturday or Sunday is made up on a working day. The
 * official schedule places the make-up day; provisionally it is the first working day after the festival [ours].
 * A day two festivals share (中秋 on 10月1日, as in 2020) is made up the same way [ours; the 2020 schedule did].
 */
export const MAKE_UP_RULE = '《全国年节及纪念日放假办法》第六条：全体公民放假的假日，如果适逢周六、周日，应当在工作日补假';

/** Lunar → solar conversion, supplied by the caller (the domain carries no lunar table). */
export interface LunarCalendar {
  /** the solar date 'YYYY-MM-DD' of day `day` of the (non-leap) month `month` of lunar year `lunarYear` */
  solarDateOf(lunarYear: number, month: number, day: number): string;
}

/** The years the computation covers: the 清明 formula's century constants and the lunar tables stop there. */
export const PROVISIONAL_YEAR_RANGE = { from: 1901, to: 2099 } as const;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isWeekend(date: string): boolean {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
}

/**
 * 清明 (the solar term, 太阳到达黄经15°) in April: the 寿星 formula [Y×D+C]−L, D = 0.2422, C = 5.59 (20th century)
 * or 4.81 (from 2000), L = ⌊Y/4⌋, Y the year's last two digits. Exact for 1901–2099 (checked against chinese-days).
 */
export function qingmingDate(year: number): string {
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return ymd(year, 4, day);
}

/** The revision of 第二条 in force in `year` (the oldest one for years before it). */
export function holidayRuleFor(year: number): HolidayRule {
  let rule = HOLIDAY_RULES[0]!;
  for (const r of HOLIDAY_RULES) if (r.effectiveFrom <= year) rule = r;
  return rule;
}

export interface StatutoryDate {
  date: string;
  festival: string;
}

/** The statutory holidays of `year` under the rule in force, in date order (a date two festivals share appears twice). */
export function statutoryHolidays(year: number, cal: LunarCalendar): StatutoryDate[] {
  const out: StatutoryDate[] = [];
  for (const f of holidayRuleFor(year).festivals)
    for (const d of f.days) {
      const date =
        d.kind === 'solar'
          ? ymd(year, d.month, d.day)
          : d.kind === 'lunar'
            ? cal.solarDateOf(year, d.month, d.day)
            : d.kind === 'lunarNewYearsEve'
              ? addDays(cal.solarDateOf(year, 1, 1), -1)
              : qingmingDate(year);
      out.push({ date, festival: f.name });
    }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface ProvisionalYear {
  year: number;
  source: string;
  statutory: StatutoryDate[];
  /** 第六条 make-up days (a statutory day on a weekend, or shared by two festivals) */
  makeUp: StatutoryDate[];
  /** every day off that is not a weekend: the weekday statutory days and the make-up days, sorted */
  holidays: string[];
}

/** A year's provisional calendar: weekends, the statutory days, the make-up days; no 调休 swaps (those are unknown). */
export function provisionalYear(year: number, cal: LunarCalendar): ProvisionalYear {
  const statutory = statutoryHolidays(year, cal);
  const off = new Set<string>();
  const owed = new Map<string, { last: string; n: number }>();
  for (const s of statutory) {
    const o = owed.get(s.festival) ?? { last: s.date, n: 0 };
    if (isWeekend(s.date) || off.has(s.date)) o.n += 1;
    if (s.date > o.last) o.last = s.date;
    owed.set(s.festival, o);
    off.add(s.date);
  }
  const makeUp: StatutoryDate[] = [];
  for (const [festival, o] of owed) {
    let d = o.last;
    for (let n = o.n; n > 0;) {
      d = addDays(d, 1);
      if (isWeekend(d) || off.has(d)) continue;
      off.add(d);
      makeUp.push({ date: d, festival });
      n -= 1;
    }
  }
  return {
    year,
    source: holidayRuleFor(year).source,
    statutory,
    makeUp: makeUp.sort((a, b) => (a.date < b.date ? -1 : 1)),
    holidays: [...off].filter((d) => !isWeekend(d)).sort(),
  };
}
