import { describe, expect, it } from 'vitest';
import { validateMobile, validatePassword, validateRealName } from './password';

describe('validatePassword', () => {
  it('accepts 8+ characters with three classes', () => {
    expect(validatePassword('Zhicheng2026').ok).toBe(true);
    expect(validatePassword('abc12345!').ok).toBe(true);
  });
  it('refuses short or simple passwords with a Chinese reason', () => {
    const short = validatePassword('Ab1!');
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toContain('8');
    expect(validatePassword('abcdefgh1').ok).toBe(false);
    expect(validatePassword('12345678').ok).toBe(false);
  });
});

describe('validateMobile / validateRealName', () => {
  it('mobile numbers', () => {
    expect(validateMobile('13812345678').ok).toBe(true);
    expect(validateMobile('12812345678').ok).toBe(false);
    expect(validateMobile('1381234567').ok).toBe(false);
  });
  it('names', () => {
    expect(validateRealName('张三').ok).toBe(true);
    expect(validateRealName('阿依古丽·买买提').ok).toBe(true);
    expect(validateRealName('张').ok).toBe(false);
    expect(validateRealName('<script>').ok).toBe(false);
  });
});
