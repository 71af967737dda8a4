/**
 * GB 32100-2015 unified social credit code (统一社会信用代码), 18 characters:
 *   1     registration authority (登记管理部门代码)
 *   2     organization category (机构类别代码)
 *   3–8   registration authority's administrative division code (GB/T 2260, digits)
 *   9–17  organization code body (主体标识码, GB 11714: 8 characters + check character)
 *   18    check character
 * Characters come from '0123456789ABCDEFGHJKLMNPQRTUWXY' (no I, O, Z, S, V).
 *
 * Pure: no I/O.
 */

export type CreditCodeProblem = 'format' | 'checkDigit' | 'orgCodeCheckDigit';

export type CreditCodeResult = { ok: true; normalized: string } | { ok: false; problem: CreditCodeProblem; message: string };

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714-1997 organization code weights over its first 8 characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Letters never used in a credit code, and what the user most likely meant. */
const FORBIDDEN_HINTS: Readonly<Record<string, string>> = {
  I: '，是否应为数字 1',
  O: '，是否应为数字 0',
  Z: '，是否应为数字 2',
  S: '，是否应为数字 5',
  V: '，是否应为字母 U 或 Y',
};

function charValue(c: string): number {
  return CHARSET.indexOf(c);
}

/**
 * The 18th (check) character for the first 17 characters of a credit code.
 * Throws if `first17` is not 17 characters of the credit-code charset
 * (a programming error; lowercase letters are accepted).
 */
export function creditCodeCheckChar(first17: string): string {
  const v = first17.toUpperCase();
  if (v.length !== 17 || [...v].some((c) => charValue(c) < 0)) {
    throw new Error(`creditCodeCheckChar expects 17 credit-code characters, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(v[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * GB 11714 check character (0–9 or X) for the first 8 characters of an
 * organization code (digits, or letters valued A=10 … Z=35).
 * Throws if `first8` is not 8 digits/uppercase letters.
 */
export function orgCodeCheckChar(first8: string): string {
  const v = first8.toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(v)) {
    throw new Error(`orgCodeCheckChar expects 8 digits or letters, got ${JSON.stringify(first8)}`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(v[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function fail(problem: CreditCodeProblem, message: string): CreditCodeResult {
  return { ok: false, problem, message };
}

/**
 * Validate a unified social credit code. Spaces (including full-width) are
 * removed and letters uppercased; `normalized` is the resulting 18 characters.
 *
 * Checks, in order: format (length, charset, digits in positions 3–8),
 * the 18th check character (problem 'checkDigit'), then the organization-code
 * check character in position 17 (problem 'orgCodeCheckDigit').
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = input.replace(/[\s\u3000]/g, '').toUpperCase();

  if (value.length === 0) {
    return fail('format', '请输入18位统一社会信用代码');
  }
  if (value.length !== 18) {
    return fail('format', `统一社会信用代码应为18位，您输入了${value.length}位，请对照营业执照或登记证书核对后重新输入`);
  }
  for (let i = 0; i < 18; i++) {
    const c = value[i]!;
    if (charValue(c) >= 0) continue;
    const hint = FORBIDDEN_HINTS[c];
    if (hint !== undefined) {
      return fail('format', `统一社会信用代码第${i + 1}位是字母“${c}”，代码中不使用字母 I、O、Z、S、V${hint}？请核对后重新输入`);
    }
    return fail('format', `统一社会信用代码第${i + 1}位“${c}”不是有效字符，代码只由数字和大写字母组成，请核对后重新输入`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return fail('format', '统一社会信用代码第3至8位应为6位数字（登记机关行政区划码），请核对后重新输入');
  }

  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return fail('checkDigit', `统一社会信用代码校验位不正确：根据前17位，第18位应为 ${expected}，请核对后重新输入`);
  }

  const expectedOrg = orgCodeCheckChar(value.slice(8, 16));
  if (value[16] !== expectedOrg) {
    return fail(
      'orgCodeCheckDigit',
      `统一社会信用代码第9至17位（组织机构代码）校验不通过：根据第9至16位，第17位应为 ${expectedOrg}，请对照营业执照核对后重新输入`,
    );
  }

  return { ok: true, normalized: value };
}
