/**
 * TOTP (RFC 6238) through `otpauth` (docs/decisions/0010-second-factor.md): SHA-1, 6 digits, 30 s,
 * ±1 step for clock drift — what every authenticator app (微信小程序, 阿里云 App, Google/Microsoft
 * Authenticator) reads from the QR code. The secret is stored encrypted (ctx.pii, field 'totp_secret').
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = '浙江省职称申报评审平台';
/** RFC 6238 §4 default step and the six digits every app shows */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** RFC 6238 §5.2: accept one step either side for clock drift */
export const TOTP_WINDOW = 1;

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits) and its otpauth:// URI for the QR code. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, label).toString() };
}

/** The time step the code belongs to (for replay protection), or null when it is not valid now. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const t = totp(secretBase32, 'x');
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  return t.counter({ timestamp: now.getTime() }) + delta;
}

/** The current code (tests and the demo's browser journeys compute it like an app would). */
export function totpCode(secretBase32: string, now: Date): string {
  return totp(secretBase32, 'x').generate({ timestamp: now.getTime() });
}
