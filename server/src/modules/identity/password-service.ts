/**
 * Passwords after registration (issue 8 item 6; 等保 2.0 三级 身份鉴别, ASVS V2.1/V2.5): change (any
 * signed-in user, and the forced change of a centrally allocated initial password) and the applicants'
 * reset by SMS code. Either way every other session of the user ends.
 */
import { and, eq } from 'drizzle-orm';
import { validatePassword } from '@zc/domain';
import { users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import { destroyOtherSessions, destroyUserSessions, setSessionStage, type LoadedSession } from '../../platform/auth/session';
import { recordAccountFailure, releaseAttempt, reserveAttempt } from '../../platform/auth/throttle';
import { CODE_CHECK_MESSAGES, checkSmsCode, issueSmsCode } from '../../platform/auth/codes';
import { showsDemoCodes } from './second-factor';
import { accountKey } from './service';

function checkNewPassword(pw: string) {
  const v = validatePassword(pw);
  if (!v.ok) fail('VALIDATION', v.message, { newPassword: v.message });
}

/** 修改密码: the current password (throttled like a login) and a new one that obeys the rules and differs. */
export async function changePassword(
  ctx: AppContext,
  auth: LoadedSession,
  input: { currentPassword: string; newPassword: string },
  audit: AuditContext,
): Promise<void> {
  checkNewPassword(input.newPassword);
  if (input.newPassword === input.currentPassword)
    fail('VALIDATION', '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  const [u] = await ctx.db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, auth.user.id));
  if (!u) fail('NOT_FOUND');
  // applicants have no username: their user id keys the throttle here
  const key = u.username ? accountKey(u.username) : `user:${auth.user.id}`;
  const now = ctx.now();
  const reserved = await reserveAttempt(
    ctx.db,
    key,
    audit.ip ?? '',
    { maxFailures: ctx.config.loginMaxFailures, lockMinutes: ctx.config.loginLockMinutes },
    now,
  );
  if (!reserved.ok)
    fail('TOO_MANY_REQUESTS', `当前密码错误次数过多，请 ${reserved.waitSeconds} 秒后再试`, {
      retryAfterSeconds: String(reserved.waitSeconds),
    });
  if (!u.passwordHash) fail('STATE', '该账号通过政务服务网登录，没有平台密码');
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) {
    await recordAccountFailure(ctx.db, key, now);
    fail('VALIDATION', '当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  await releaseAttempt(ctx.db, key, audit.ip ?? '');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordMustChange: false, passwordChangedAt: now }).where(eq(users.id, auth.user.id));
    await destroyOtherSessions(tx, auth.user.id, auth.id);
    if (auth.stage !== 'full') await setSessionStage(tx, auth.id, 'full', now, ctx.config.sessionMaxHours);
    await writeAudit(tx, audit, {
      action: 'user.passwordChanged',
      targetType: 'user',
      targetId: auth.user.id,
      after: { forced: auth.stage === 'password', otherSessionsRevoked: true },
    });
  });
}

/**
 * The applicant with this ID number and mobile, or null (looked up by the keyed hash of issue 8 item 7).
 */
async function findApplicant(ctx: AppContext, idNumber: string, mobile: string) {
  const [u] = await ctx.db
    .select({ id: users.id, mobile: users.mobile, status: users.status })
    .from(users)
    .where(and(eq(users.idNumberHash, ctx.pii.hash('id_number', idNumber)), eq(users.role, 'applicant')));
  if (!u?.mobile || u.status !== 'active') return null;
  if (ctx.pii.hash('mobile', ctx.pii.decrypt('mobile', u.mobile)) !== ctx.pii.hash('mobile', mobile)) return null;
  // the stored (encrypted) number goes to the outbox; the gateway decrypts it to send
  return { id: u.id, mobile: u.mobile };
}

/** 忘记密码 step 1: the same answer whether or not an applicant matches (no account enumeration). */
export async function sendResetCode(ctx: AppContext, input: { idNumber: string; mobile: string }): Promise<{ demoCode?: string }> {
  const u = await findApplicant(ctx, input.idNumber, input.mobile);
  if (!u) return {};
  const code = await ctx.db.transaction((tx) => issueSmsCode(tx, u.id, u.mobile, 'reset', ctx.now()));
  return showsDemoCodes(ctx.config) ? { demoCode: code } : {};
}

/** 忘记密码 step 2: code + new password; every session of the applicant ends. */
export async function resetPassword(
  ctx: AppContext,
  input: { idNumber: string; mobile: string; code: string; newPassword: string },
  audit: AuditContext,
): Promise<void> {
  checkNewPassword(input.newPassword);
  const u = await findApplicant(ctx, input.idNumber, input.mobile);
  if (!u) fail('VALIDATION', CODE_CHECK_MESSAGES.expired, { code: CODE_CHECK_MESSAGES.expired });
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  const problem = await ctx.db.transaction(async (tx) => {
    const check = await checkSmsCode(tx, u.id, 'reset', input.code, now);
    if (check !== 'ok') return CODE_CHECK_MESSAGES[check];
    await tx.update(users).set({ passwordHash, passwordMustChange: false, passwordChangedAt: now }).where(eq(users.id, u.id));
    await destroyUserSessions(tx, u.id);
    await writeAudit(
      tx,
      { ...audit, actorUserId: u.id, actorRole: 'applicant' },
      { action: 'user.passwordReset', targetType: 'user', targetId: u.id, after: { sessionsRevoked: true } },
    );
    return null;
  });
  if (problem) fail('VALIDATION', problem, { code: problem });
}
