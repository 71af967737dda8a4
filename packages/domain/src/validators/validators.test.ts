import { describe, it, expect } from 'vitest';
import { ID_PROVINCE_CODES, idNumberCheckDigit, maskIdNumber, maskMobile, validateIdNumber } from './id-number';
import { creditCodeCheckChar, orgCodeCheckChar, validateCreditCode } from './credit-code';

/** A fixed "today" (2024-06-15 12:00 China time) so the tests do not depend on the clock. */
const TODAY = new Date('2024-06-15T04:00:00Z');

/** Build a valid ID number from its 17-digit body. */
const withCheck = (first17: string) => first17 + idNumberCheckDigit(first17);

describe('idNumberCheckDigit (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('gives X for the standard’s example 11010519491231002', () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
  });

  it('maps sum mod 11 through 10X98765432', () => {
    // All zeros: sum 0 → '1'. A single 1 in position 8 (weight 1): sum 1 → '0'.
    expect(idNumberCheckDigit('00000000000000000')).toBe('1');
    expect(idNumberCheckDigit('00000001000000000')).toBe('0');
    // A single 2 in position 8: sum 2 → 'X'.
    expect(idNumberCheckDigit('00000002000000000')).toBe('X');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idNumberCheckDigit('1234')).toThrow();
    expect(() => idNumberCheckDigit('1101051949123100X')).toThrow();
  });
});

describe('validateIdNumber: valid numbers', () => {
  it('accepts the GB 11643 standard example 11010519491231002X (female, born 1949-12-31)', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      normalized: '11010519491231002X',
    });
  });

  it('accepts a lowercase x and normalizes it to X', () => {
    const r = validateIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.normalized).toBe('11010519491231002X');
  });

  it('trims and removes spaces, including full-width spaces', () => {
    const id = withCheck('33010219900307123');
    const spaced = ` ${id.slice(0, 6)} ${id.slice(6, 14)}\u3000${id.slice(14)} `;
    const r = validateIdNumber(spaced, TODAY);
    expect(r).toMatchObject({ ok: true, normalized: id, birthDate: '1990-03-07', sex: 'male' });
  });

  it('reads the sex from the 17th digit: odd male, even female', () => {
    expect(validateIdNumber(withCheck('33032419850615001'), TODAY)).toMatchObject({ ok: true, sex: 'male' });
    expect(validateIdNumber(withCheck('33032419850615002'), TODAY)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('accepts 29 February in a leap year and 1 January 1900', () => {
    expect(validateIdNumber(withCheck('33010220000229001'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateIdNumber(withCheck('33010219000101001'), TODAY)).toMatchObject({ ok: true, birthDate: '1900-01-01' });
  });

  it('accepts a birth date of today (China time) but not tomorrow', () => {
    expect(validateIdNumber(withCheck('33010220240615001'), TODAY).ok).toBe(true);
    expect(validateIdNumber(withCheck('33010220240616001'), TODAY)).toMatchObject({ ok: false, problem: 'birthDate' });
  });

  it('takes today in China time: 2024-06-15 20:00 UTC is already 16 June in Zhejiang', () => {
    const lateUtc = new Date('2024-06-15T20:00:00Z');
    expect(validateIdNumber(withCheck('33010220240616001'), lateUtc).ok).toBe(true);
  });

  it('accepts every listed province prefix, e.g. 81 Hong Kong and 65 Xinjiang', () => {
    for (const p of ID_PROVINCE_CODES) {
      expect(validateIdNumber(withCheck(`${p}010019800101001`), TODAY).ok, p).toBe(true);
    }
    expect(ID_PROVINCE_CODES.size).toBe(34);
  });

  it('every check character 0–9 and X occurs for some valid number', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200 && seen.size < 11; seq++) {
      const id = withCheck(`33010219900101${String(seq).padStart(3, '0')}`);
      expect(validateIdNumber(id, TODAY).ok).toBe(true);
      seen.add(id[17] ?? '');
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('validateIdNumber: invalid numbers', () => {
  it('rejects an empty input', () => {
    expect(validateIdNumber('   ', TODAY)).toMatchObject({ ok: false, problem: 'format' });
  });

  it.each(['1101051949123100', '11010519491231002X1', '1234'])('rejects wrong length %s', (id) => {
    const r = validateIdNumber(id, TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'format' });
    expect(!r.ok && r.message).toContain('18位');
  });

  it('explains that a 15-digit number is the old format', () => {
    const r = validateIdNumber('110105491231002', TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'format' });
    expect(!r.ok && r.message).toContain('15位');
  });

  it.each(['1101051949123100A2', '11010519491231002Y', 'X10105194912310021', '110105１9491231002X'])('rejects bad characters %s', (id) => {
    expect(validateIdNumber(id, TODAY)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('rejects a wrong check digit and says which character is expected', () => {
    const r = validateIdNumber('110105194912310021', TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'checkDigit' });
    expect(!r.ok && r.message).toBe('身份证号码校验位不正确：根据前17位，第18位应为 X，请核对后重新输入');
  });

  it('a single mistyped digit is caught by the check digit', () => {
    const good = withCheck('33010219900307123');
    const typo = `${good.slice(0, 15)}${(Number(good[15]) + 1) % 10}${good.slice(16)}`;
    expect(validateIdNumber(typo, TODAY)).toMatchObject({ ok: false, problem: 'checkDigit' });
  });

  it.each([
    ['30 February', '33010219900230123'],
    ['month 13', '33010219901301123'],
    ['month 00', '33010219900001123'],
    ['day 00', '33010219900100123'],
    ['31 April', '33010219900431123'],
    ['29 February in 1900 (not a leap year)', '33010219000229123'],
    ['29 February in 2023', '33010220230229123'],
  ])('rejects an impossible birth date (%s) even when the check digit matches', (_label, first17) => {
    const r = validateIdNumber(withCheck(first17), TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(!r.ok && r.message).toContain('不是有效日期');
  });

  it('rejects a future birth date', () => {
    const r = validateIdNumber(withCheck('33010220300101123'), TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(!r.ok && r.message).toContain('晚于今天');
  });

  it('rejects a birth year before 1900', () => {
    const r = validateIdNumber(withCheck('33010218991231123'), TODAY);
    expect(r).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(!r.ok && r.message).toContain('1900');
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '80', '83', '90', '99'])(
    'rejects the province prefix %s',
    (p) => {
      const r = validateIdNumber(withCheck(`${p}010219900307123`), TODAY);
      expect(r).toMatchObject({ ok: false, problem: 'region' });
      expect(!r.ok && r.message).toContain(`“${p}”`);
    },
  );
});

describe('maskIdNumber / maskMobile', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('330102199003071234')).toBe('330102********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks short strings without leaking them whole', () => {
    expect(maskIdNumber('12345')).toBe('***45');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks a mobile number as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('138 1234 5678')).toBe('138****5678');
    expect(maskMobile('+8613812345678')).toBe('+86138****5678');
  });

  it('masks unusual lengths sensibly', () => {
    expect(maskMobile('057187654321')).toBe('057*****4321');
    expect(maskMobile('1234')).toBe('**34');
  });
});

describe('creditCodeCheckChar / orgCodeCheckChar', () => {
  it('computes (31 − Σ mod 31) mod 31 through the credit-code charset', () => {
    // All zeros: Σ = 0 → (31 − 0) mod 31 = 0 → '0'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // A single 1 in position 1 (weight 1): Σ = 1 → 30 → 'Y'.
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
    // 'A' (10) in position 1: Σ = 10 → 21 → 'M'.
    expect(creditCodeCheckChar('A0000000000000000')).toBe('M');
  });

  it('rejects bodies that are not 17 credit-code characters', () => {
    expect(() => creditCodeCheckChar('9133010071610585')).toThrow();
    expect(() => creditCodeCheckChar('91330100O16105852')).toThrow();
  });

  it('computes the GB 11714 organization-code check, with 10 → X and 11 → 0', () => {
    expect(orgCodeCheckChar('19220382')).toBe('1');
    expect(orgCodeCheckChar('71526726')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
});

describe('validateCreditCode: valid codes', () => {
  it.each([
    ['华为技术有限公司', '914403001922038216'],
    ['深圳市腾讯计算机系统有限公司', '9144030071526726XG'],
    ['阿里巴巴（中国）有限公司', '91330100716105852F'],
    ['a Ningbo company (organization code 75329745-1)', '913302117532974515'],
    ['a Hangzhou company registered after 2015 (MA…)', '91330105MA7C4PL8XP'],
  ])('accepts the published code of %s: %s', (_name, code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it('accepts constructed codes whose two check characters are computed', () => {
    // Positions 1–16; position 17 is the GB 11714 check of 9–16, position 18 the GB 32100 check.
    for (const first16 of ['1233000047005172', '52330000MJ880623', '93330110MA2H0123', 'Y1330100MA2CFX12']) {
      const first17 = first16 + orgCodeCheckChar(first16.slice(8));
      const code = first17 + creditCodeCheckChar(first17);
      expect(validateCreditCode(code), code).toEqual({ ok: true, normalized: code });
    }
  });

  it('uppercases and removes spaces', () => {
    expect(validateCreditCode(' 91330100 716105852f ')).toEqual({ ok: true, normalized: '91330100716105852F' });
  });
});

describe('validateCreditCode: invalid codes', () => {
  it.each(['', '9133010071610585', '91330100716105852F0'])('rejects wrong length "%s"', (code) => {
    const r = validateCreditCode(code);
    expect(r).toMatchObject({ ok: false, problem: 'format' });
    expect(!r.ok && r.message).toContain('18位');
  });

  it.each([
    ['I', '91330100I16105852F', '1'],
    ['O', '91330100716105852O', '0'],
    ['Z', '9Z330100716105852F', '2'],
    ['S', '913301007161058S2F', '5'],
    ['V', '91330100716105852V', 'U'],
  ])('rejects a code containing %s and suggests what was meant', (letter, code, suggestion) => {
    const r = validateCreditCode(code);
    expect(r).toMatchObject({ ok: false, problem: 'format' });
    expect(!r.ok && r.message).toContain(`字母“${letter}”`);
    expect(!r.ok && r.message).toContain(suggestion);
  });

  it('rejects other bad characters with their position', () => {
    const r = validateCreditCode('91330100-16105852F');
    expect(r).toMatchObject({ ok: false, problem: 'format' });
    expect(!r.ok && r.message).toContain('第9位');
  });

  it('rejects letters in positions 3–8 (administrative division code)', () => {
    const first17 = '913A0100716105852';
    const r = validateCreditCode(first17 + creditCodeCheckChar(first17));
    expect(r).toMatchObject({ ok: false, problem: 'format' });
  });

  it('rejects a wrong check character and says which is expected', () => {
    const r = validateCreditCode('91330100716105852A');
    expect(r).toMatchObject({ ok: false, problem: 'checkDigit' });
    expect(!r.ok && r.message).toBe('统一社会信用代码校验位不正确：根据前17位，第18位应为 F，请核对后重新输入');
  });

  it('91330000MA27U0G4XN (sometimes quoted as an example) fails the check: 18th should be F', () => {
    const r = validateCreditCode('91330000MA27U0G4XN');
    expect(r).toMatchObject({ ok: false, problem: 'checkDigit' });
    expect(!r.ok && r.message).toContain('应为 F');
  });

  it('rejects a code whose organization-code check (position 17) is wrong, with the expected character', () => {
    // 9-16 = 71610585 needs 2 in position 17; use 3 and recompute position 18 so only the org check fails.
    const first17 = '91330100716105853';
    const r = validateCreditCode(first17 + creditCodeCheckChar(first17));
    expect(r).toMatchObject({ ok: false, problem: 'orgCodeCheckDigit' });
    expect(!r.ok && r.message).toContain('第17位应为 2');
  });
});
