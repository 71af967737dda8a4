import { describe, expect, it } from 'vitest';
import { addMonths, checkSocialSecurity, monthsBetween } from './social-security';

describe('month arithmetic', () => {
  it('crosses years', () => {
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2022-11', -36)).toBe('2019-11');
    expect(monthsBetween('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
  });
});

describe('social security over the last 3 years (SPEC §2; seed 002 五(三))', () => {
  const now = '2022-07';
  it('in-province contributions for all 36 months need nothing', () => {
    const r = checkSocialSecurity([{ startMonth: '2015-01', endMonth: '2022-06', province: '浙江省' }], [], now);
    expect(r).toMatchObject({ ok: true, fromMonth: '2019-07', toMonth: '2022-06', inProvinceMonths: 36 });
  });
  it('months paid in another province need proof until a proof covers them', () => {
    const periods = [
      { startMonth: '2019-01', endMonth: '2020-06', province: '江苏省' },
      { startMonth: '2020-07', endMonth: '2022-06', province: '浙江省' },
    ];
    const without = checkSocialSecurity(periods, [], now);
    expect(without.ok).toBe(false);
    expect(without.unprovenMonths).toHaveLength(12);
    expect(without.explanation).toContain('养老保险参保缴费证明');
    const partial = checkSocialSecurity(periods, [{ startMonth: '2019-07', endMonth: '2019-12' }], now);
    expect(partial.unprovenMonths).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06']);
    expect(checkSocialSecurity(periods, [{ startMonth: '2019-07', endMonth: '2020-06' }], now).ok).toBe(true);
  });
  it('months with no record at all are reported, and a proof may cover them', () => {
    const r = checkSocialSecurity([{ startMonth: '2021-01', endMonth: '2022-06', province: '浙江省' }], [], now);
    expect(r.missingMonths[0]).toBe('2019-07');
    expect(r.missingMonths).toHaveLength(18);
    expect(
      checkSocialSecurity(
        [{ startMonth: '2021-01', endMonth: '2022-06', province: '浙江省' }],
        [{ startMonth: '2019-07', endMonth: '2020-12' }],
        now,
      ).ok,
    ).toBe(true);
  });
});
