import { describe, expect, it } from 'vitest';
import { isCalendarDate, isCalendarMonth, zDate, zMonth } from './dates';
import { ZPlan } from '../plans/plan';

describe('calendar dates and months', () => {
  it('accepts days that exist, leap days included', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '1960-07-01']) expect(isCalendarDate(d), d).toBe(true);
  });
  it('refuses month 00 or 13, day 00, days past the month end, non-leap 29 February, odd shapes and far years', () => {
    for (const d of [
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '2026-02-30',
      '2026-04-31',
      '2025-02-29',
      '1900-02-29',
      '2026-1-01',
      '20260101',
      '0000-01-01',
      '9999-12-31',
      ' 2026-01-01',
      '2026-01-01\u0000',
    ])
      expect(isCalendarDate(d), d).toBe(false);
  });
  it('months', () => {
    expect(isCalendarMonth('2026-01')).toBe(true);
    expect(isCalendarMonth('2026-12')).toBe(true);
    for (const m of ['2026-00', '2026-13', '2026-1', '0000-05']) expect(isCalendarMonth(m), m).toBe(false);
  });
  it('the zod fields say in Chinese what is wrong', () => {
    const r = zDate('毕业日期').safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/^毕业日期不存在/);
    expect(zMonth('参加工作时间').safeParse('2026-13').error!.issues[0]!.message).toMatch(/^参加工作时间/);
    expect(zDate().safeParse('2026/02/01').error!.issues[0]!.message).toContain('YYYY-MM-DD');
  });
  it('a plan with an impossible deadline is refused', () => {
    const r = ZPlan.shape.cutoffDate.safeParse('2026-02-30');
    expect(r.success).toBe(false);
  });
});

describe('one message per problem', () => {
  it('a malformed value gets only the format message, an impossible one only the existence message', () => {
    expect(
      zDate()
        .safeParse('2026/02/01')
        .error!.issues.map((i) => i.message),
    ).toEqual(['日期格式应为 YYYY-MM-DD']);
    expect(
      zMonth()
        .safeParse('2026-3')
        .error!.issues.map((i) => i.message),
    ).toEqual(['月份格式应为 YYYY-MM']);
    expect(zDate().safeParse('2026-02-30').error!.issues).toHaveLength(1);
  });
});
