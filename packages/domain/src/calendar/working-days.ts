/**
 * 工作日 (SPEC §3, §6): publicity and deadline arithmetic on the Chinese statutory calendar with its
 * adjusted working days. The base data (chinese-days) knows a range of years, and an administrator enters
 * later ones. For a year whose official schedule is not known yet the calendar does not stop work: given a
 * lunar conversion it computes a provisional year from 《全国年节及纪念日放假办法》 (statutory-holidays.ts), and
 * every result says whether it rests on such a year.
 */
import { PROVISIONAL_YEAR_RANGE, provisionalYear, type LunarCalendar } from './statutory-holidays';

export interface CalendarData {
  /** statutory holidays on weekdays, 'YYYY-MM-DD' */
  holidays: ReadonlySet<string>;
  /** adjusted working days on weekends (调休上班) */
  workdays: ReadonlySet<string>;
  /** years whose schedule is known (from the library or entered by an administrator) */
  knownYears: ReadonlySet<number>;
  /** lunar dates for provisional years; without it an unknown year is refused (UnknownCalendarYearError) */
  lunar?: LunarCalendar;
}

export class UnknownCalendarYearError extends Error {
  constructor(readonly year: number) {
    super(`${year} 年的法定节假日安排尚未录入，无法计算工作日。请联系系统管理员在"工作日历"中录入 ${year} 年的放假调休安排`);
  }
}

function dow(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function nextDay(date: string, n = 1): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A year is provisional when its official schedule is not known and the calendar can compute one. */
export function isProvisionalYear(cal: CalendarData, year: number): boolean {
  return !cal.knownYears.has(year) && !!cal.lunar && year >= PROVISIONAL_YEAR_RANGE.from && year <= PROVISIONAL_YEAR_RANGE.to;
}

const provisionalCache = new WeakMap<CalendarData, Map<number, ReadonlySet<string>>>();

/** The weekday days off of a provisional year (statutory days and 第六条 make-up days), computed once per calendar. */
function provisionalHolidays(cal: CalendarData, year: number): ReadonlySet<string> {
  let byYear = provisionalCache.get(cal);
  if (!byYear) provisionalCache.set(cal, (byYear = new Map()));
  let set = byYear.get(year);
  if (!set) byYear.set(year, (set = new Set(provisionalYear(year, cal.lunar!).holidays)));
  return set;
}

/** Whether `date` is a working day, and whether that answer is provisional (its year's schedule not entered yet). */
export function workingDay(cal: CalendarData, date: string): { working: boolean; provisional: boolean } {
  const year = Number(date.slice(0, 4));
  const w = dow(date);
  if (!cal.knownYears.has(year)) {
    if (!isProvisionalYear(cal, year)) throw new UnknownCalendarYearError(year);
    return { working: w !== 0 && w !== 6 && !provisionalHolidays(cal, year).has(date), provisional: true };
  }
  if (cal.holidays.has(date)) return { working: false, provisional: false };
  if (cal.workdays.has(date)) return { working: true, provisional: false };
  return { working: w !== 0 && w !== 6, provisional: false };
}

export function isWorkingDay(cal: CalendarData, date: string): boolean {
  return workingDay(cal, date).working;
}

export interface PublicityEnd {
  date: string;
  /** some day counted lies in a year without an official schedule: the date may move once it is entered */
  provisional: boolean;
  /** those years */
  provisionalYears: number[];
}

/** The last day of a publicity of `n` working days that starts on `start` (which counts if it is a working day). */
export function publicityEnd(cal: CalendarData, start: string, n: number): PublicityEnd {
  let d = start;
  let counted = 0;
  const years = new Set<number>();
  for (let guard = 0; guard < 400; guard += 1) {
    const day = workingDay(cal, d);
    if (day.provisional) years.add(Number(d.slice(0, 4)));
    if (day.working) {
      counted += 1;
      if (counted === n) return { date: d, provisional: years.size > 0, provisionalYears: [...years] };
    }
    d = nextDay(d);
  }
  throw new Error('工作日计算超出范围');
}

/** publicityEnd's date alone. */
export function publicityEndDate(cal: CalendarData, start: string, n: number): string {
  return publicityEnd(cal, start, n).date;
}

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(cal: CalendarData, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = nextDay(d)) if (isWorkingDay(cal, d)) n += 1;
  return n;
}

/** Merges administrator-entered years over the library's data (an entered year replaces the library's). */
export function mergeCalendar(base: CalendarData, entered: Array<{ year: number; holidays: string[]; workdays: string[] }>): CalendarData {
  const years = new Set(entered.map((e) => e.year));
  const keep = (s: ReadonlySet<string>) => [...s].filter((d) => !years.has(Number(d.slice(0, 4))));
  return {
    holidays: new Set([...keep(base.holidays), ...entered.flatMap((e) => e.holidays)]),
    workdays: new Set([...keep(base.workdays), ...entered.flatMap((e) => e.workdays)]),
    knownYears: new Set([...base.knownYears, ...years]),
    ...(base.lunar ? { lunar: base.lunar } : {}),
  };
}

/**
 * When the province administrator is reminded to enter a year's official schedule [ours]: from 1 December of the
 * year before (the State Council usually publishes it in November), and for as long as the year is not entered.
 */
export const SCHEDULE_REMINDER_FROM = { month: 12, day: 1 } as const;

/** The years the administrator should enter now: the current year and, from the reminder day on, the next one. */
export function yearsAwaitingSchedule(cal: CalendarData, today: string): number[] {
  const year = Number(today.slice(0, 4));
  const reminder = `${year}-${String(SCHEDULE_REMINDER_FROM.month).padStart(2, '0')}-${String(SCHEDULE_REMINDER_FROM.day).padStart(2, '0')}`;
  const years = today >= reminder ? [year, year + 1] : [year];
  return years.filter((y) => !cal.knownYears.has(y));
}

/** How a provisional date is labelled wherever it shows (issue 9 item 2). */
export function provisionalEndNote(date: string): string {
  return `暂定，待录入 ${date.slice(0, 4)} 年放假安排后确定`;
}
