/**
 * One-time codes: SMS verification codes (password reset, second factor) and second-factor recovery codes.
 * Only hashes are stored; a code is checked and consumed atomically, so parallel guesses cannot exceed
 * the attempt limit and a code works once.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { mfaRecoveryCodes, smsOutbox, verificationCodes } from '../db/schema';
import type { Queryable } from '../db/client';
import type { SmsTemplate } from '@zc/domain';
import { fail } from '../http/errors';

/** Templates whose body carries a one-time code: nobody but the recipient may read it (the admin outbox masks it). */
export const CODE_SMS_TEMPLATES = ['passwordResetCode', 'loginCode'] as const satisfies readonly SmsTemplate[];

/** The body of a code message with its code hidden. */
export function hideSmsCode(template: string, body: string): string {
  return (CODE_SMS_TEMPLATES as readonly string[]).includes(template) ? body.replace(/\d{4,}/g, (d) => '*'.repeat(d.length)) : body;
}

export type CodePurpose = 'reset' | 'mfa' | 'totpUsed';

/** 6 digits, valid 10 minutes, 5 tries (GB/T 22239-2019 三级 身份鉴别; the usual 短信验证码 practice) */
export const SMS_CODE_DIGITS = 6;
export const SMS_CODE_TTL_MS = 10 * 60_000;
export const SMS_CODE_MAX_ATTEMPTS = 5;
/** one code a minute and five an hour per account and purpose, so the outbox cannot be used to flood a phone */
export const SMS_CODE_MIN_INTERVAL_MS = 60_000;
export const SMS_CODE_MAX_PER_HOUR = 5;
/** recovery codes shown once when TOTP is enabled */
export const RECOVERY_CODE_COUNT = 10;

export function codeHash(userId: string, purpose: CodePurpose, code: string): string {
  return createHash('sha256').update(`${purpose}:${userId}:${code.trim().toUpperCase()}`).digest('hex');
}

/**
 * A new code for the user, queued as an SMS in the caller's transaction. Returns the code (the caller
 * may show it only in demo mode). `limited` codes (password reset, 重新发送) obey the per-minute and
 * per-hour limits and replace earlier ones; a code sent by a correct password (sign-in) does neither, so
 * two sign-ins of one account (two browsers) each get a working code.
 */
export async function issueSmsCode(
  q: Queryable,
  userId: string,
  mobile: string,
  purpose: 'reset' | 'mfa',
  now: Date,
  limited = true,
): Promise<string> {
  if (limited) {
    const hourAgo = new Date(now.getTime() - 3600_000);
    const recent = await q
      .select({ createdAt: verificationCodes.createdAt })
      .from(verificationCodes)
      .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, purpose), gt(verificationCodes.createdAt, hourAgo)))
      .orderBy(desc(verificationCodes.createdAt));
    const last = recent[0];
    if (last && now.getTime() - last.createdAt.getTime() < SMS_CODE_MIN_INTERVAL_MS) {
      const wait = Math.ceil((SMS_CODE_MIN_INTERVAL_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
      fail('TOO_MANY_REQUESTS', `验证码已发送，请 ${wait} 秒后再重新获取`);
    }
    if (recent.length >= SMS_CODE_MAX_PER_HOUR) fail('TOO_MANY_REQUESTS', '一小时内获取验证码次数过多，请稍后再试');
    await q
      .update(verificationCodes)
      .set({ consumedAt: now })
      .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, purpose), isNull(verificationCodes.consumedAt)));
  }
  const code = String(randomInt(0, 10 ** SMS_CODE_DIGITS)).padStart(SMS_CODE_DIGITS, '0');
  await q.insert(verificationCodes).values({
    userId,
    purpose,
    codeHash: codeHash(userId, purpose, code),
    expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS),
    createdAt: now,
  });
  const what = purpose === 'reset' ? '重设密码' : '登录';
  await q.insert(smsOutbox).values({
    mobile,
    template: purpose === 'reset' ? CODE_SMS_TEMPLATES[0] : CODE_SMS_TEMPLATES[1],
    body: `【职称申报评审平台】您正在${what}，验证码 ${code}，${SMS_CODE_TTL_MS / 60_000} 分钟内有效。如非本人操作，请忽略并及时修改密码。`,
  });
  return code;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'exhausted';

/** How many of the newest live codes a guess is compared with (sign-ins from several browsers). */
const LIVE_CODES_CHECKED = 5;

/**
 * Checks a code against the user's live codes: one attempt is used on each of them atomically (so
 * parallel guesses cannot exceed SMS_CODE_MAX_ATTEMPTS); on a match that code is consumed.
 */
export async function checkSmsCode(q: Queryable, userId: string, purpose: 'reset' | 'mfa', code: string, now: Date): Promise<CodeCheck> {
  const live = await q
    .select({ id: verificationCodes.id })
    .from(verificationCodes)
    .where(
      and(
        eq(verificationCodes.userId, userId),
        eq(verificationCodes.purpose, purpose),
        isNull(verificationCodes.consumedAt),
        gt(verificationCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(verificationCodes.createdAt))
    .limit(LIVE_CODES_CHECKED);
  if (live.length === 0) return 'expired';
  const tried = await q
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      and(
        inArray(
          verificationCodes.id,
          live.map((l) => l.id),
        ),
        isNull(verificationCodes.consumedAt),
        sql`${verificationCodes.attempts} < ${SMS_CODE_MAX_ATTEMPTS}`,
      ),
    )
    .returning({ id: verificationCodes.id, codeHash: verificationCodes.codeHash });
  if (tried.length === 0) return 'exhausted';
  const hash = codeHash(userId, purpose, code);
  const match = tried.find((t) => t.codeHash === hash);
  if (!match) return 'wrong';
  const [consumed] = await q
    .update(verificationCodes)
    .set({ consumedAt: now })
    .where(and(eq(verificationCodes.id, match.id), isNull(verificationCodes.consumedAt)))
    .returning({ id: verificationCodes.id });
  return consumed ? 'ok' : 'expired';
}

export const CODE_CHECK_MESSAGES: Record<Exclude<CodeCheck, 'ok'>, string> = {
  wrong: '验证码不正确，请核对短信中的 6 位数字',
  expired: '验证码已失效，请重新获取',
  exhausted: `验证码输错已达 ${SMS_CODE_MAX_ATTEMPTS} 次，请重新获取`,
};

/**
 * A TOTP time step is accepted once per user: the step is recorded as a consumed code row (the caller
 * holds the user's row lock, so two parallel uses of one code cannot both pass).
 */
export async function useTotpStep(q: Queryable, userId: string, step: number, now: Date): Promise<boolean> {
  const hash = codeHash(userId, 'totpUsed', String(step));
  const [{ n } = { n: 0 }] = await q
    .select({ n: count() })
    .from(verificationCodes)
    .where(and(eq(verificationCodes.userId, userId), eq(verificationCodes.purpose, 'totpUsed'), eq(verificationCodes.codeHash, hash)));
  if (n > 0) return false;
  // kept a little longer than the ±1 step window in which the code could be presented again
  await q.insert(verificationCodes).values({
    userId,
    purpose: 'totpUsed',
    codeHash: hash,
    expiresAt: new Date(now.getTime() + 5 * 60_000),
    consumedAt: now,
    createdAt: now,
  });
  return true;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Replaces the user's recovery codes with RECOVERY_CODE_COUNT fresh ones; returns them (shown once). */
export async function regenerateRecoveryCodes(q: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await q.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await q.insert(mfaRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryHash(userId, c) })));
  return codes;
}

function recoveryHash(userId: string, code: string): string {
  return createHash('sha256')
    .update(
      `recovery:${userId}:${code
        .trim()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')}`,
    )
    .digest('hex');
}

/** Uses one recovery code (single use, atomically). */
export async function useRecoveryCode(q: Queryable, userId: string, code: string, now: Date): Promise<boolean> {
  const [row] = await q
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, recoveryHash(userId, code)), isNull(mfaRecoveryCodes.usedAt)),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return !!row;
}

export async function recoveryCodesLeft(q: Queryable, userId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await q
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return n;
}
