/** Password policy for standalone accounts [ours, 等保 2.0 三级: length and complexity]. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export function validatePassword(pw: string): { ok: true } | { ok: false; message: string } {
  if (pw.length < PASSWORD_MIN_LENGTH || pw.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, message: `密码长度应为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 位` };
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) {
    return { ok: false, message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' };
  }
  return { ok: true };
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function validateMobile(m: string): { ok: true } | { ok: false; message: string } {
  return /^1[3-9]\d{9}$/.test(m.trim()) ? { ok: true } : { ok: false, message: '手机号码应为 11 位数字，以 13–19 开头' };
}

/** A real name: 2–30 characters of Chinese (with the middle dot used in minority names) or Latin letters. */
export function validateRealName(n: string): { ok: true } | { ok: false; message: string } {
  const t = n.trim();
  if (!/^[\u4e00-\u9fa5·A-Za-z ]{2,30}$/.test(t)) {
    return { ok: false, message: '姓名应为 2–30 个汉字或字母，与身份证上的姓名一致' };
  }
  return { ok: true };
}
