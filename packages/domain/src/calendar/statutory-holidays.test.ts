import { describe, expect, it } from 'vitest';
import { holidayRuleFor, provisionalYear, qingmingDate, statutoryHolidays, type LunarCalendar } from './statutory-holidays';
import {
  UnknownCalendarYearError,
  isWorkingDay,
  mergeCalendar,
  publicityEnd,
  publicityEndDate,
  workingDay,
  yearsAwaitingSchedule,
  type CalendarData,
} from './working-days';

/**
 * Lunar dates of the official notices (国务院办公厅关于 2025 / 2026 年部分节假日安排的通知: 春节 1月29日 / 2月17日,
 * 端午 5月31日 / 6月19日, 中秋 10月6日 / 9月25日) and of the lunar calendar for 2027 (正月初一 2月6日, 端午 6月9日,
 * 中秋 9月15日). The server supplies chinese-days' table instead (server/test/calendar-provisional.test.ts).
 */
const LUNAR: Record<number, Record<string, string>> = {
  2025: { '1-1': '2025-01-29', '5-5': '2025-05-31', '8-15': '2025-10-06' },
  2026: { '1-1': '2026-02-17', '5-5': '2026-06-19', '8-15': '2026-09-25' },
  2027: { '1-1': '2027-02-06', '5-5': '2027-06-09', '8-15': '2027-09-15' },
};
const lunar: LunarCalendar = {
  solarDateOf(year, month, day) {
    if (month === 1 && day <= 3) {
      const d = new Date(`${LUNAR[year]!['1-1']}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + day - 1);
      return d.toISOString().slice(0, 10);
    }
    return LUNAR[year]![`${month}-${day}`]!;
  },
};

describe('《全国年节及纪念日放假办法》 第二条 as revised by 国务院令第795号 (in force from 2025-01-01)', () => {
  it('thirteen days: 元旦 1, 春节 4 (除夕、初一至初三), 清明 1, 劳动节 2 (5月1日、2日), 端午 1, 中秋 1, 国庆 3 (10月1日至3日)', () => {
    const rule = holidayRuleFor(2027);
    expect(rule.effectiveFrom).toBe(2025);
    expect(rule.source).toMatch(/第795号/);
    expect(rule.festivals.map((f) => [f.name, f.days.length])).toEqual([
      ['元旦', 1],
      ['春节', 4],
      ['清明节', 1],
      ['劳动节', 2],
      ['端午节', 1],
      ['中秋节', 1],
      ['国庆节', 3],
    ]);
    // before 2025 the 2013 revision (国务院令第644号): 春节 初一至初三, 劳动节 one day
    expect(holidayRuleFor(2024).festivals.reduce((n, f) => n + f.days.length, 0)).toBe(11);
  });

  it('2027: 除夕 is the day before 正月初一; lunar festivals from the lunar calendar; 清明 the solar term', () => {
    expect(statutoryHolidays(2027, lunar).map((s) => `${s.date.slice(5)}${s.festival}`)).toEqual([
      '01-01元旦',
      '02-05春节',
      '02-06春节',
      '02-07春节',
      '02-08春节',
      '04-05清明节',
      '05-01劳动节',
      '05-02劳动节',
      '06-09端午节',
      '09-15中秋节',
      '10-01国庆节',
      '10-02国庆节',
      '10-03国庆节',
    ]);
  });

  it('清明 by the 寿星 formula matches the official schedules', () => {
    // 2008 (the first year 清明 was a holiday), 2025 and 2026 from the notices, 2027 and 2028 from the almanac
    expect([2008, 2025, 2026, 2027, 2028].map(qingmingDate)).toEqual([
      '2008-04-04',
      '2025-04-04',
      '2026-04-05',
      '2027-04-05',
      '2028-04-04',
    ]);
  });

  it('第六条: a statutory day on a weekend is made up on the next working day after the festival', () => {
    const y = provisionalYear(2027, lunar);
    // 正月初一、初二 are Saturday and Sunday; 5月1日、2日 too; 10月2日、3日 too
    expect(y.makeUp.map((m) => `${m.date.slice(5)}${m.festival}`)).toEqual([
      '02-09春节',
      '02-10春节',
      '05-03劳动节',
      '05-04劳动节',
      '10-04国庆节',
      '10-05国庆节',
    ]);
    // no 调休: no weekend becomes a working day, and only weekdays are listed as holidays
    expect(y.holidays).not.toContain('2027-02-06');
    expect(y.holidays).toContain('2027-02-05');
  });

  it('2025 and 2026: every statutory and make-up day is off in the official schedule (its holidays or weekends)', () => {
    // the official days off of the notices (weekdays only; the schedules add bridging days, so these are supersets)
    const official: Record<number, string[]> = {
      2025: ['01-01', '01-28', '01-29', '01-30', '01-31', '02-03', '02-04', '04-04', '05-01', '05-02', '05-05', '06-02'],
      2026: ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '02-23', '04-06', '05-01', '05-04', '05-05', '06-19'],
    };
    for (const year of [2025, 2026]) {
      const off = new Set(official[year]!.map((d) => `${year}-${d}`));
      const y = provisionalYear(year, lunar);
      const weekday = y.holidays.filter((d) => d.slice(5) < '07-01'); // the lists above stop at 端午
      expect(weekday.filter((d) => !off.has(d))).toEqual([]);
    }
  });
});

describe('working days in a year without an official schedule are provisional, never refused', () => {
  // 2026 known (an official schedule), 2027 not: as on the platform from 2026-12-28
  const known: CalendarData = { holidays: new Set(['2026-10-01']), workdays: new Set(), knownYears: new Set([2026]) };
  const cal: CalendarData = { ...known, lunar };

  it('without a lunar conversion the unknown year is refused as before', () => {
    expect(() => isWorkingDay(known, '2027-01-04')).toThrow(UnknownCalendarYearError);
  });

  it('a publicity from 2026-12-28 for 5 working days ends on 2027-01-04, provisionally (元旦, then the weekend)', () => {
    expect(publicityEnd(cal, '2026-12-28', 5)).toEqual({ date: '2027-01-04', provisional: true, provisionalYears: [2027] });
    expect(publicityEndDate(cal, '2026-12-28', 5)).toBe('2027-01-04');
    expect(workingDay(cal, '2027-01-01')).toEqual({ working: false, provisional: true });
    expect(workingDay(cal, '2026-12-31')).toEqual({ working: true, provisional: false });
  });

  it('across the Spring Festival: 除夕、初三 and the two make-up days are off', () => {
    // 02-01..02-04 count 4; 02-05 除夕, 02-06/07 weekend, 02-08 初三, 02-09/10 make-up; 02-11 is the fifth
    expect(publicityEnd(cal, '2027-02-01', 5)).toEqual({ date: '2027-02-11', provisional: true, provisionalYears: [2027] });
  });

  it('a publicity wholly inside a known year is final', () => {
    expect(publicityEnd(cal, '2026-09-28', 5)).toEqual({ date: '2026-10-05', provisional: false, provisionalYears: [] });
  });

  it('once the year is entered the date is final, and follows the official schedule', () => {
    // e.g. an official 元旦 of 1月1日–3日 with no swap
    const entered = mergeCalendar(cal, [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    expect(publicityEnd(entered, '2026-12-28', 5)).toEqual({ date: '2027-01-04', provisional: false, provisionalYears: [] });
    const longer = mergeCalendar(cal, [{ year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: [] }]);
    expect(publicityEnd(longer, '2026-12-28', 5).date).toBe('2027-01-05');
  });

  it('the administrator is reminded of next year from 1 December, and of the current year while it is missing', () => {
    expect(yearsAwaitingSchedule(cal, '2026-11-30')).toEqual([]);
    expect(yearsAwaitingSchedule(cal, '2026-12-01')).toEqual([2027]);
    expect(yearsAwaitingSchedule(cal, '2027-01-05')).toEqual([2027]);
  });
});
