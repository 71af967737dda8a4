/**
 * 工作日 (SPEC §3, §6): publicity and deadline arithmetic on the Chinese statutory calendar with its
 * adjusted working days. The base data (chinese-days) knows a range of years; for any other year the
 * calendar refuses to guess and says so, until an administrator enters that year's official schedule.
 */
export interface CalendarData {
  /** statutory holidays on weekdays, 'YYYY-MM-DD' */
  holidays: ReadonlySet<string>;
  /** adjusted working days on weekends (调休上班) */
  workdays: ReadonlySet<string>;
  /** years whose schedule is known (from the library or entered by an administrator) */
  knownYears: ReadonlySet<number>;
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

export function isWorkingDay(cal: CalendarData, date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!cal.knownYears.has(year)) throw new UnknownCalendarYearError(year);
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  const w = dow(date);
  return w !== 0 && w !== 6;
}

/** The last day of a publicity of `n` working days that starts on `start` (which counts if it is a working day). */
export function publicityEndDate(cal: CalendarData, start: string, n: number): string {
  let d = start;
  let counted = 0;
  for (let guard = 0; guard < 400; guard += 1) {
    if (isWorkingDay(cal, d)) {
      counted += 1;
      if (counted === n) return d;
    }
    d = nextDay(d);
  }
  throw new Error('工作日计算超出范围');
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
  };
}
