/**
 * The second sign-in factor (issue 8 item 6; 等保 2.0 三级 8.1.4.1 c "两种或两种以上组合的鉴别技术"):
 * management accounts (departments, committee offices, experts, administrators) and anyone who enrolled
 * TOTP. TOTP when enrolled (with single-use recovery codes), otherwise an SMS code to the account's mobile.
 */
import { eq } from 'drizzle-orm';
import { maskMobile, type Role } from '@zc/domain';
import { users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import type { Config } from '../../platform/config';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { setSessionStage, type LoadedSession } from '../../platform/auth/session';
import { releaseAttempt, reserveAttempt } from '../../platform/auth/throttle';
import {
  CODE_CHECK_MESSAGES,
  checkSmsCode,
  issueSmsCode,
  recoveryCodesLeft,
  regenerateRecoveryCodes,
  useRecoveryCode,
  useTotpStep,
} from '../../platform/auth/codes';
import { matchTotp, newTotpSecret } from '../../platform/auth/totp';

/** Everyone but applicants and employer operators (issue 8 item 6: departments, committee offices, administrators; experts see applications too). */
export const SECOND_FACTOR_ROLES: ReadonlySet<Role> = new Set<Role>(['officer', 'expert', 'admin']);

export interface SecondFactorChallenge {
  method: 'totp' | 'sms';
  /** where the SMS went, masked */
  mobileMasked: string | null;
  /** demo mode only: the SMS code, so newcomers and browser journeys can sign in without a phone */
  demoCode?: string;
}

/** Codes may be shown on the page only in demo mode (DEMO_MODE, issue 8 item 1); real deployments never return them. */
export function showsDemoCodes(config: Config): boolean {
  return config.demoMode;
}

/** Sends the SMS code when the user has no TOTP; says which factor the page should ask for. `resend`: 重新发送, rate limited. */
/** `user.mobile` as stored (encrypted): the SMS outbox keeps it so, the gateway decrypts it to send. */
export async function startSecondFactor(
  ctx: AppContext,
  user: { id: string; mobile: string | null; totpEnabledAt: Date | null },
  resend = false,
): Promise<SecondFactorChallenge> {
  if (user.totpEnabledAt || !user.mobile) return { method: 'totp', mobileMasked: null };
  const mobile = user.mobile;
  const code = await ctx.db.transaction((tx) => issueSmsCode(tx, user.id, mobile, 'mfa', ctx.now(), resend));
  return {
    method: 'sms',
    mobileMasked: maskMobile(ctx.pii.decrypt('mobile', mobile)),
    ...(showsDemoCodes(ctx.config) ? { demoCode: code } : {}),
  };
}

/** 重新发送 on the second step (SMS users only). */
export async function resendSecondFactorSms(ctx: AppContext, auth: LoadedSession): Promise<SecondFactorChallenge> {
  const [u] = await ctx.db
    .select({ mobile: users.mobile, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, auth.user.id));
  if (!u) fail('NOT_FOUND');
  if (u.totpEnabledAt) fail('STATE', '该账号已启用动态口令，请输入认证器 App 中的 6 位数字；手机不在身边时可使用恢复码');
  if (!u.mobile) fail('STATE', '该账号未登记手机号码，请联系系统管理员');
  return startSecondFactor(ctx, { id: auth.user.id, mobile: u.mobile, totpEnabledAt: null }, true);
}

/**
 * Checks the second factor and promotes the session: to 'password' when the initial password must
 * still be changed, else 'full'. Wrong codes are throttled like passwords (per account and address).
 */
export async function verifySecondFactor(
  ctx: AppContext,
  auth: LoadedSession,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  audit: AuditContext,
): Promise<{ stage: 'full' | 'password' }> {
  const now = ctx.now();
  const throttleKey = `mfa:${auth.user.id}`;
  const reserved = await reserveAttempt(
    ctx.db,
    throttleKey,
    audit.ip ?? '',
    { maxFailures: ctx.config.loginMaxFailures, lockMinutes: ctx.config.loginLockMinutes },
    now,
  );
  if (!reserved.ok)
    fail('TOO_MANY_REQUESTS', `验证码错误次数过多，请 ${reserved.waitSeconds} 秒后再试`, {
      retryAfterSeconds: String(reserved.waitSeconds),
    });
  const outcome = await ctx.db.transaction(async (tx) => {
    // the user's row lock serializes parallel uses of one TOTP code
    const [u] = await tx
      .select({ totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt, passwordMustChange: users.passwordMustChange })
      .from(users)
      .where(eq(users.id, auth.user.id))
      .for('update');
    if (!u) fail('NOT_FOUND');
    let problem: string | null = null;
    if (input.recoveryCode) {
      if (!u.totpEnabledAt) problem = '该账号未启用动态口令，没有恢复码';
      else if (!(await useRecoveryCode(tx, auth.user.id, input.recoveryCode, now))) problem = '恢复码不正确或已使用过';
    } else if (u.totpEnabledAt && u.totpSecret) {
      const step = matchTotp(ctx.pii.decrypt('totp_secret', u.totpSecret), input.code ?? '', now);
      if (step === null) problem = '动态口令不正确或已过期，请输入认证器 App 当前显示的 6 位数字';
      else if (!(await useTotpStep(tx, auth.user.id, step, now))) problem = '该动态口令已使用过，请等待认证器显示下一个口令';
    } else {
      const check = await checkSmsCode(tx, auth.user.id, 'mfa', input.code ?? '', now);
      if (check !== 'ok') problem = CODE_CHECK_MESSAGES[check];
    }
    if (problem) return { problem } as const;
    const stage = u.passwordMustChange ? ('password' as const) : ('full' as const);
    await setSessionStage(tx, auth.id, stage, now, ctx.config.sessionMaxHours);
    if (stage === 'full') await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, auth.user.id));
    await writeAudit(tx, audit, {
      action: 'user.loggedIn',
      targetType: 'user',
      targetId: auth.user.id,
      after: { stage, factor: input.recoveryCode ? 'recoveryCode' : u.totpEnabledAt ? 'totp' : 'sms' },
    });
    return { stage } as const;
  });
  if ('problem' in outcome) {
    await ctx.db.transaction((tx) => writeAudit(tx, audit, { action: 'user.mfaFailed', targetType: 'user', targetId: auth.user.id }));
    const problem = outcome.problem ?? CODE_CHECK_MESSAGES.wrong;
    fail('VALIDATION', problem, { code: problem });
  }
  await releaseAttempt(ctx.db, throttleKey, audit.ip ?? '');
  return outcome;
}

/** 双因素认证 settings: what is enrolled. */
export async function secondFactorStatus(ctx: AppContext, userId: string) {
  const [u] = await ctx.db
    .select({ totpEnabledAt: users.totpEnabledAt, mobile: users.mobile, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) fail('NOT_FOUND');
  return {
    required: SECOND_FACTOR_ROLES.has(u.role as Role),
    totpEnabled: u.totpEnabledAt !== null,
    totpEnabledAt: u.totpEnabledAt?.toISOString() ?? null,
    mobileMasked: u.mobile ? maskMobile(ctx.pii.decrypt('mobile', u.mobile)) : null,
    recoveryCodesLeft: u.totpEnabledAt ? await recoveryCodesLeft(ctx.db, userId) : 0,
  };
}

/** Step 1 of TOTP enrolment: a new secret (stored encrypted, not yet enabled) and its otpauth:// URI for the QR code. */
export async function beginTotpEnrolment(ctx: AppContext, auth: LoadedSession): Promise<{ uri: string; secret: string }> {
  const [u] = await ctx.db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, auth.user.id));
  if (u?.totpEnabledAt) fail('STATE', '动态口令已启用；如需更换手机，请先用恢复码登录后联系管理员重置');
  const { secret, uri } = newTotpSecret(auth.user.username ?? auth.user.realName);
  await ctx.db
    .update(users)
    .set({ totpSecret: ctx.pii.encrypt('totp_secret', secret) })
    .where(eq(users.id, auth.user.id));
  return { uri, secret };
}

/** The user's TOTP state, locked for the enrolment or renewal that reads and changes it. */
async function lockTotpState(tx: Queryable, userId: string) {
  const [u] = await tx
    .select({ totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return u;
}

/** Step 2: the first code from the app proves the QR was read; TOTP is on and the recovery codes are shown once. */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  auth: LoadedSession,
  code: string,
  audit: AuditContext,
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const u = await lockTotpState(tx, auth.user.id);
    if (!u?.totpSecret) fail('STATE', '请先生成二维码，再输入认证器 App 显示的 6 位数字');
    if (u.totpEnabledAt) fail('STATE', '动态口令已启用');
    const step = matchTotp(ctx.pii.decrypt('totp_secret', u.totpSecret), code, now);
    if (step === null)
      fail('VALIDATION', '动态口令不正确：请确认手机时间准确，并输入认证器 App 当前显示的 6 位数字', { code: '动态口令不正确' });
    await useTotpStep(tx, auth.user.id, step, now);
    await tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, auth.user.id));
    const recoveryCodes = await regenerateRecoveryCodes(tx, auth.user.id);
    await writeAudit(tx, audit, { action: 'user.totpEnabled', targetType: 'user', targetId: auth.user.id });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working); needs a current TOTP code. */
export async function renewRecoveryCodes(
  ctx: AppContext,
  auth: LoadedSession,
  code: string,
  audit: AuditContext,
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const u = await lockTotpState(tx, auth.user.id);
    if (!u?.totpEnabledAt || !u.totpSecret) fail('STATE', '请先启用动态口令');
    const step = matchTotp(ctx.pii.decrypt('totp_secret', u.totpSecret), code, now);
    if (step === null || !(await useTotpStep(tx, auth.user.id, step, now)))
      fail('VALIDATION', '动态口令不正确或已使用过，请输入认证器 App 当前显示的 6 位数字', { code: '动态口令不正确' });
    const recoveryCodes = await regenerateRecoveryCodes(tx, auth.user.id);
    await writeAudit(tx, audit, { action: 'user.recoveryCodesRegenerated', targetType: 'user', targetId: auth.user.id });
    return { recoveryCodes };
  });
}
