import { describe, expect, it } from 'vitest';
import { isPastDeadline, shanghaiDate } from './deadline';
import {
  UnknownCalendarYearError,
  isWorkingDay,
  mergeCalendar,
  publicityEndDate,
  workingDaysBetween,
  type CalendarData,
} from './working-days';

// 2021 National Day: 10-01..10-07 off, 09-26 (Sun) and 10-09 (Sat) worked — the official schedule
const cal2021: CalendarData = {
  holidays: new Set(['2021-10-01', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07']),
  workdays: new Set(['2021-09-26', '2021-10-09']),
  knownYears: new Set([2021]),
};

describe('working days (SPEC §3: employer publicity ≥ 5 working days on the Chinese calendar)', () => {
  it('weekends, holidays and adjusted working days', () => {
    expect(isWorkingDay(cal2021, '2021-10-08')).toBe(true);
    expect(isWorkingDay(cal2021, '2021-10-09')).toBe(true); // Saturday, adjusted
    expect(isWorkingDay(cal2021, '2021-10-05')).toBe(false);
    expect(isWorkingDay(cal2021, '2021-10-10')).toBe(false);
  });
  it('a publicity starting 2021-09-29 for 5 working days ends 10-09 (seed 002 publicity around the deadline)', () => {
    // 09-29, 09-30, [10-01..10-07 off], 10-08, 10-09 (adjusted Saturday), → 5th working day is 10-11? count: 29,30,08,09 = 4; 10-11 = 5
    expect(publicityEndDate(cal2021, '2021-09-29', 5)).toBe('2021-10-11');
    expect(workingDaysBetween(cal2021, '2021-09-29', '2021-10-11')).toBe(5);
    expect(publicityEndDate(cal2021, '2021-10-11', 5)).toBe('2021-10-15');
  });
  it('an unknown year is refused with a message telling the administrator what to enter', () => {
    expect(() => isWorkingDay(cal2021, '2027-01-04')).toThrow(UnknownCalendarYearError);
    expect(() => publicityEndDate(cal2021, '2021-12-28', 5)).toThrow(/2022 年的法定节假日安排尚未录入/);
    const merged = mergeCalendar(cal2021, [{ year: 2022, holidays: ['2022-01-03'], workdays: [] }]);
    expect(publicityEndDate(merged, '2021-12-28', 5)).toBe('2022-01-04');
  });
});

describe('deadlines run to 23:59:59 Asia/Shanghai (SPEC §3 [ours])', () => {
  it('the last second of the day is still in time, the next is late, whatever the server zone', () => {
    expect(isPastDeadline('2021-10-31', new Date('2021-10-31T15:59:59Z'))).toBe(false);
    expect(isPastDeadline('2021-10-31', new Date('2021-10-31T16:00:00Z'))).toBe(true);
    expect(shanghaiDate(new Date('2021-10-31T16:00:00Z'))).toBe('2021-11-01');
  });
});
