/**
 * Calendar dates and months as the platform's forms and APIs exchange them ("YYYY-MM-DD", "YYYY-MM"),
 * checked to exist (issue 8 item 4): 2026-00-10, 2026-02-30 and month 13 are refused with a Chinese
 * message instead of reaching the database (where they were a 500) or the rules as nonsense.
 * One definition for the server's schemas and the browser's form checks.
 */
import { z } from 'zod';

/**
 * Years the platform accepts. The earliest a record can need is a senior applicant's schooling
 * (graduation, first job) in the 1900s; the latest, plans and deadlines a few years ahead.
 * Outside this range a date is a typo.
 */
export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 2199;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_SHAPE = /^\d{4}-\d{2}$/;

function yearOk(y: number): boolean {
  return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX;
}

/** "YYYY-MM-DD" naming a day that exists (leap years included). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_SHAPE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!yearOk(y) || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "YYYY-MM" naming a month that exists. */
export function isCalendarMonth(s: string): boolean {
  if (!MONTH_SHAPE.test(s)) return false;
  const [y, m] = s.split('-').map(Number) as [number, number];
  return yearOk(y) && m >= 1 && m <= 12;
}

/** A date field: the label (e.g. '毕业日期') names it in the message. */
export function zDate(label = '日期') {
  return z
    .string({ error: `请填写${label}` })
    .regex(DATE_SHAPE, { error: `${label}格式应为 YYYY-MM-DD`, abort: true })
    .refine(
      isCalendarDate,
      `${label}不存在，请按 YYYY-MM-DD 填写真实的日期（月份 01–12，日期不超过当月天数，年份 ${DATE_YEAR_MIN}–${DATE_YEAR_MAX}）`,
    );
}

/** A month field ("YYYY-MM"). */
export function zMonth(label = '月份') {
  return z
    .string({ error: `请填写${label}` })
    .regex(MONTH_SHAPE, { error: `${label}格式应为 YYYY-MM`, abort: true })
    .refine(isCalendarMonth, `${label}不存在，请按 YYYY-MM 填写真实的年月（月份 01–12，年份 ${DATE_YEAR_MIN}–${DATE_YEAR_MAX}）`);
}
