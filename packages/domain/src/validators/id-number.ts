/**
 * GB 11643-1999 citizen identity number (公民身份号码), 18 characters:
 * 6-digit address code (GB/T 2260), 8-digit birth date YYYYMMDD,
 * 3-digit sequence (odd = male, even = female), 1 check character
 * (ISO 7064 MOD 11-2: 0–9 or X).
 *
 * Pure: no I/O. "Today" is taken in China Standard Time (UTC+8) so that a
 * server running in UTC and a browser in Zhejiang agree on the date.
 */

export type IdNumberProblem = 'format' | 'region' | 'birthDate' | 'checkDigit';

export type IdNumberResult =
  { ok: true; birthDate: string; sex: 'male' | 'female'; normalized: string } | { ok: false; problem: IdNumberProblem; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (first two digits of an address code):
 * the 31 mainland provinces, 71 台湾, 81 香港, 82 澳门.
 */
export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

const MIN_BIRTH_YEAR = 1900;
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The check character (0–9 or X) for the first 17 digits.
 * Throws if `first17` is not exactly 17 ASCII digits (a programming error).
 */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error(`idNumberCheckDigit expects 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function fail(problem: IdNumberProblem, message: string): IdNumberResult {
  return { ok: false, problem, message };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today's date in China Standard Time as YYYYMMDD. */
function chinaDateKey(today: Date): string {
  const d = new Date(today.getTime() + CHINA_UTC_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Validate an 18-character citizen ID number. Spaces (including full-width
 * spaces) anywhere are removed and a lowercase x is accepted; `normalized`
 * is the 18 characters with an uppercase X.
 *
 * Checks, in order: format, province prefix, birth date (a real date,
 * not before 1900, not after `today`), check character.
 */
export function validateIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  const value = input.replace(/[\s\u3000]/g, '').toUpperCase();

  if (value.length === 0) {
    return fail('format', '请输入18位公民身份号码');
  }
  if (/^\d{15}$/.test(value)) {
    return fail('format', '这是15位的旧版身份证号码，请输入18位的第二代居民身份证号码');
  }
  if (value.length !== 18) {
    return fail('format', `身份证号码应为18位，您输入了${value.length}位，请核对后重新输入`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('format', '身份证号码格式不正确：前17位必须是数字，第18位是数字或字母 X，请核对后重新输入');
  }

  const province = value.slice(0, 2);
  if (!ID_PROVINCE_CODES.has(province)) {
    return fail('region', `身份证号码前两位“${province}”不是有效的省级行政区划代码，请核对后重新输入`);
  }

  const birth = value.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  if (!isRealDate(year, month, day)) {
    return fail('birthDate', `身份证号码第7至14位的出生日期“${birth}”不是有效日期，请核对后重新输入`);
  }
  if (year < MIN_BIRTH_YEAR) {
    return fail('birthDate', `身份证号码中的出生年份 ${year} 早于 ${MIN_BIRTH_YEAR} 年，请核对第7至10位后重新输入`);
  }
  if (birth > chinaDateKey(today)) {
    return fail('birthDate', `身份证号码中的出生日期 ${year}-${pad2(month)}-${pad2(day)} 晚于今天，请核对第7至14位后重新输入`);
  }

  const expected = idNumberCheckDigit(value.slice(0, 17));
  if (value[17] !== expected) {
    return fail('checkDigit', `身份证号码校验位不正确：根据前17位，第18位应为 ${expected}，请核对后重新输入`);
  }

  const sequence = Number(value[16]);
  return {
    ok: true,
    birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
    sex: sequence % 2 === 1 ? 'male' : 'female',
    normalized: value,
  };
}

/**
 * Mask an ID number for display: keep the first 6 and last 4 characters
 * ('330102********1234'). Strings of 10 characters or fewer are masked
 * entirely except the last 2, so nothing short leaks whole.
 */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length > 10) return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
  if (v.length > 2) return '*'.repeat(v.length - 2) + v.slice(-2);
  return '*'.repeat(v.length);
}

/**
 * Mask a mobile number for display: '13812345678' → '138****5678'.
 * Spaces and dashes are removed first; a +86/86 prefix is kept as is.
 * Numbers of other lengths keep the first 3 and last 4 when at least 8 long.
 */
export function maskMobile(m: string): string {
  const compact = m.replace(/[\s-]/g, '');
  const withCountryCode = /^(\+?86)(1\d{10})$/.exec(compact);
  const prefix = withCountryCode?.[1] ?? '';
  const v = withCountryCode?.[2] ?? compact;
  if (v.length >= 8) return prefix + v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
  if (v.length > 2) return '*'.repeat(v.length - 2) + v.slice(-2);
  return '*'.repeat(v.length);
}
