/**
 * Social security over the last 3 years (SPEC §2): in-province periods come from the provincial source
 * and need nothing; periods elsewhere need proof (养老保险缴费证明, or seed 002 五(三): contract + bank
 * salary records + tax certificate). Months are 'YYYY-MM'.
 */
export const HOME_PROVINCE = '浙江省';
export const SOCIAL_SECURITY_MONTHS = 36;

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export interface Period {
  startMonth: string;
  endMonth: string;
  province: string;
}

export interface SocialSecurityCheck {
  fromMonth: string;
  toMonth: string;
  inProvinceMonths: number;
  /** out-of-province months not covered by an approved proof */
  unprovenMonths: string[];
  /** months with no contribution at all */
  missingMonths: string[];
  ok: boolean;
  explanation: string;
}

/** The window is the SOCIAL_SECURITY_MONTHS months ending with the month before `currentMonth`. */
export function checkSocialSecurity(
  periods: Period[],
  proofs: Array<{ startMonth: string; endMonth: string }>,
  currentMonth: string,
): SocialSecurityCheck {
  const toMonth = addMonths(currentMonth, -1);
  const fromMonth = addMonths(currentMonth, -SOCIAL_SECURITY_MONTHS);
  const months = monthsBetween(fromMonth, toMonth);
  const covered = (m: string, ps: Array<{ startMonth: string; endMonth: string }>) => ps.some((p) => p.startMonth <= m && m <= p.endMonth);
  const home = periods.filter((p) => p.province === HOME_PROVINCE);
  const away = periods.filter((p) => p.province !== HOME_PROVINCE);
  let inProvince = 0;
  const unproven: string[] = [];
  const missing: string[] = [];
  for (const m of months) {
    if (covered(m, home)) inProvince += 1;
    else if (covered(m, away) || covered(m, proofs)) {
      if (!covered(m, proofs)) unproven.push(m);
    } else missing.push(m);
  }
  const ok = unproven.length === 0 && missing.length === 0;
  const explanation = ok
    ? `${fromMonth} 至 ${toMonth} 共 ${months.length} 个月社保齐全（省内 ${inProvince} 个月）`
    : [
        unproven.length
          ? `省外参保 ${unproven.length} 个月（${unproven[0]} 起）须上传《基本养老保险参保缴费证明》，或劳动合同、银行工资流水和个税证明`
          : '',
        missing.length ? `${missing.length} 个月（${missing[0]} 起）未查询到参保记录，请上传相应证明` : '',
      ]
        .filter(Boolean)
        .join('；');
  return { fromMonth, toMonth, inProvinceMonths: inProvince, unprovenMonths: unproven, missingMonths: missing, ok, explanation };
}
