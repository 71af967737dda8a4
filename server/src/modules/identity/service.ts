import { eq, sql } from 'drizzle-orm';
import {
  type Role,
  archivePhotoProblem,
  maskIdNumber,
  maskMobile,
  validateIdNumber,
  validateMobile,
  validatePassword,
  validateRealName,
} from '@zc/domain';
import { users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import { PENDING_SESSION_MINUTES, createSession, newToken, type SessionStage } from '../../platform/auth/session';
import { recordAccountFailure, releaseAttempt, reserveAttempt } from '../../platform/auth/throttle';
import { SECOND_FACTOR_ROLES, startSecondFactor, type SecondFactorChallenge } from './second-factor';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import type { z } from 'zod';
import type { ZApplicantRegistration, ZProfileInput } from './schemas';
import { inspectPhoto, storePhoto } from '../../platform/storage/photo';

/** Account names are case-insensitive; an ID number's trailing x is X. */
/** An ID number typed into the login form's 账号 field. */
const ID_NUMBER_LOGIN = /^\d{17}[\dX]$/;

export function accountKey(u: string): string {
  const t = u.trim();
  return /^\d{17}[\dxX]$/.test(t) ? t.toUpperCase() : t.toLowerCase();
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  /** 'full' unless a second factor or a password change is still due */
  stage: SessionStage;
  mfa?: SecondFactorChallenge;
}

/**
 * Password login. Failures are throttled per (account, client address) with growing delays
 * (platform/auth/throttle.ts): an attempt is reserved atomically before the password is checked, so
 * parallel guesses get no more checks than allowed, and nobody can lock the owner out from elsewhere.
 * Management accounts continue with a second factor; centrally allocated ones change their password.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  meta: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const key = accountKey(input.username);
  const now = ctx.now();
  const policy = { maxFailures: ctx.config.loginMaxFailures, lockMinutes: ctx.config.loginLockMinutes };
  // an ID number enters the throttle keys only as its keyed hash (a plain SHA-256 of one is easily reversed)
  const throttleId = ID_NUMBER_LOGIN.test(key) ? ctx.pii.hash('id_number', key) : key;
  const reserved = await reserveAttempt(ctx.db, throttleId, meta.ip, policy, now);
  if (!reserved.ok)
    fail('TOO_MANY_REQUESTS', `密码错误次数过多，请 ${reserved.waitSeconds} 秒后再试；如忘记密码，请使用“忘记密码”重设`, {
      retryAfterSeconds: String(reserved.waitSeconds),
    });
  // applicants sign in with their ID number, found by its keyed hash (issue 8 item 7); everyone else by username
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(ID_NUMBER_LOGIN.test(key) ? eq(users.idNumberHash, ctx.pii.hash('id_number', key)) : eq(users.username, key));
  const audit: AuditContext = {
    actorUserId: user?.id ?? null,
    actorRole: user?.role ?? null,
    actorOrgId: user?.orgId ?? null,
    ip: meta.ip,
  };
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await recordAccountFailure(ctx.db, throttleId, now);
    if (user) {
      await ctx.db.transaction(async (tx) => {
        await writeAudit(tx, audit, {
          action: 'user.loginFailed',
          targetType: 'user',
          targetId: user.id,
          after: { failuresFromAddress: reserved.failures },
        });
      });
    }
    // the same answer whether or not the account exists
    fail(
      'BAD_CREDENTIALS',
      reserved.freeLeft > 0
        ? `账号或密码错误，请核对后重试（再错 ${reserved.freeLeft} 次后需等待一段时间才能再试）`
        : '账号或密码错误；再次尝试前需等待，等待时间随错误次数递增。如忘记密码，请使用“忘记密码”重设',
    );
  }
  await releaseAttempt(ctx.db, throttleId, meta.ip);
  if (user.status !== 'active') fail('ACCOUNT_DISABLED');
  const needsSecondFactor = SECOND_FACTOR_ROLES.has(user.role as Role) || user.totpEnabledAt !== null;
  if (needsSecondFactor && !user.totpEnabledAt && !user.mobile) {
    fail('FORBIDDEN', '该账号需要双因素认证，但未登记手机号码也未启用动态口令：请联系系统管理员为账号登记手机号码后再登录');
  }
  const stage: SessionStage = needsSecondFactor ? 'mfa' : user.passwordMustChange ? 'password' : 'full';
  const r = await startSession(ctx, user.id, meta, 'user.loggedIn', { ...audit, actorUserId: user.id }, stage);
  if (stage !== 'mfa') return r;
  return { ...r, mfa: await startSecondFactor(ctx, { id: user.id, mobile: user.mobile, totpEnabledAt: user.totpEnabledAt }) };
}

/** Opens a session after any successful authentication (password or SSO). */
export async function startSession(
  ctx: AppContext,
  userId: string,
  meta: { ip: string; userAgent: string | null },
  action: 'user.loggedIn' | 'user.ssoLinked' | 'user.registered',
  audit: AuditContext,
  stage: SessionStage = 'full',
): Promise<LoginResult> {
  const csrfToken = newToken(24);
  const token = await ctx.db.transaction(async (tx) => {
    if (stage === 'full') await tx.update(users).set({ lastLoginAt: ctx.now() }).where(eq(users.id, userId));
    // a half-signed-in session lives only minutes (PENDING_SESSION_MINUTES) until it reaches 'full'
    const t = await createSession(tx, userId, {
      ip: meta.ip,
      userAgent: meta.userAgent,
      maxHours: stage === 'full' ? ctx.config.sessionMaxHours : PENDING_SESSION_MINUTES / 60,
      csrfToken,
      now: ctx.now(),
      stage,
    });
    if (action === 'user.loggedIn') await writeAudit(tx, audit, { action, targetType: 'user', targetId: userId, after: { stage } });
    return t;
  });
  return { token, csrfToken, userId, stage };
}

export async function registerApplicant(
  ctx: AppContext,
  input: z.infer<typeof ZApplicantRegistration>,
  meta: { ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const details: Record<string, string> = {};
  const name = validateRealName(input.realName);
  if (!name.ok) details.realName = name.message;
  const id = validateIdNumber(input.idNumber, ctx.now());
  if (!id.ok) details.idNumber = id.message;
  const mobile = validateMobile(input.mobile);
  if (!mobile.ok) details.mobile = mobile.message;
  const pw = validatePassword(input.password);
  if (!pw.ok) details.password = pw.message;
  const firstProblem = Object.values(details)[0];
  if (firstProblem || !id.ok) fail('VALIDATION', firstProblem, details);

  const passwordHash = await hashPassword(input.password);
  const userId = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.idNumberHash, ctx.pii.hash('id_number', id.normalized)));
    if (existing) {
      fail('DUPLICATE', '该身份证号码已注册。如忘记密码，请使用政务服务网登录或联系单位经办人', { idNumber: '该身份证号码已注册' });
    }
    const [row] = await tx
      .insert(users)
      .values({
        role: 'applicant',
        // no username: the applicant signs in with the ID number, looked up by id_number_hash
        username: null,
        passwordHash,
        realName: input.realName.trim(),
        idNumber: ctx.pii.encrypt('id_number', id.normalized),
        idNumberHash: ctx.pii.hash('id_number', id.normalized),
        mobile: ctx.pii.encrypt('mobile', input.mobile.trim()),
        mobileHash: ctx.pii.hash('mobile', input.mobile.trim()),
        sex: id.sex,
        birthDate: id.birthDate,
      })
      // two registrations with one ID number at the same moment: the unique hash lets one in, the other gets 409
      .onConflictDoNothing({ target: users.idNumberHash })
      .returning({ id: users.id });
    if (!row) fail('DUPLICATE', '该身份证号码已注册。如忘记密码，请使用政务服务网登录或联系单位经办人', { idNumber: '该身份证号码已注册' });
    await writeAudit(
      tx,
      { actorUserId: row!.id, actorRole: 'applicant', actorOrgId: null, ip: meta.ip },
      {
        action: 'user.registered',
        targetType: 'user',
        targetId: row!.id,
        after: { realName: input.realName.trim(), idNumber: id.normalized, mobile: maskMobile(input.mobile.trim()) },
      },
    );
    return row!.id;
  });
  return startSession(ctx, userId, meta, 'user.registered', { actorUserId: userId, actorRole: 'applicant', actorOrgId: null, ip: meta.ip });
}

export async function getProfile(ctx: AppContext, userId: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u) fail('NOT_FOUND');
  return {
    id: u.id,
    role: u.role as 'applicant',
    realName: u.realName,
    idNumberMasked: u.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', u.idNumber)) : null,
    mobileMasked: u.mobile ? maskMobile(ctx.pii.decrypt('mobile', u.mobile)) : null,
    sex: u.sex,
    birthDate: u.birthDate,
    email: u.email,
    currentSpecialty: u.currentSpecialty,
    workStartMonth: u.workStartMonth,
    profileCompleted: u.profileCompletedAt !== null,
    viaGovAccount: u.govSubject !== null,
    photoFileId: u.photoFileId,
  };
}

/** First login: the applicant completes basic info (seed 003 附件2.2). */
export async function completeProfile(ctx: AppContext, userId: string, input: z.infer<typeof ZProfileInput>, audit: AuditContext) {
  if (input.mobile !== undefined && input.mobile !== '') {
    const mobile = validateMobile(input.mobile);
    if (!mobile.ok) fail('VALIDATION', mobile.message, { mobile: mobile.message });
  }
  const [u] = await ctx.db.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, userId));
  if (u?.birthDate && input.workStartMonth < u.birthDate.slice(0, 7)) {
    fail('VALIDATION', '参加工作时间不能早于出生日期', { workStartMonth: '参加工作时间不能早于出生日期' });
  }
  const thisMonth = ctx.now().toISOString().slice(0, 7);
  if (input.workStartMonth > thisMonth) {
    fail('VALIDATION', '参加工作时间不能晚于本月', { workStartMonth: '参加工作时间不能晚于本月' });
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    await tx
      .update(users)
      .set({
        ...(input.mobile
          ? { mobile: ctx.pii.encrypt('mobile', input.mobile.trim()), mobileHash: ctx.pii.hash('mobile', input.mobile.trim()) }
          : {}),
        email: input.email ?? null,
        currentSpecialty: input.currentSpecialty.trim(),
        workStartMonth: input.workStartMonth,
        profileCompletedAt: sql`coalesce(${users.profileCompletedAt}, now())`,
      })
      .where(eq(users.id, userId));
    await writeAudit(tx, audit, {
      action: 'user.profileCompleted',
      targetType: 'user',
      targetId: userId,
      before: before ? { email: before.email, currentSpecialty: before.currentSpecialty, workStartMonth: before.workStartMonth } : null,
      after: { email: input.email ?? null, currentSpecialty: input.currentSpecialty, workStartMonth: input.workStartMonth },
    });
  });
}

/**
 * The archive's 证件照 (SPEC §2): JPG or PNG by content, not smaller than the domain's minimum. Each
 * plan's own spec is checked when the photo is used in an application, not here.
 */
export async function setArchivePhoto(ctx: AppContext, userId: string, buf: Buffer, filename: string, audit: AuditContext) {
  const facts = inspectPhoto(buf);
  const problem = archivePhotoProblem(facts);
  if (problem) fail('FILE_REJECTED', problem);
  // the type is decided by content: the stored name takes the matching extension (phones and chat apps
  // often save a PNG as .jpg; it is still a good photo)
  const base =
    filename
      .replace(/\.[^.]*$/, '')
      .trim()
      .slice(0, 80) || '证件照';
  const name = `${base}.${facts.format === 'png' ? 'png' : 'jpg'}`;
  const fileId = await storePhoto(ctx, userId, buf, name);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ photoFileId: users.photoFileId }).from(users).where(eq(users.id, userId)).for('update');
    await tx.update(users).set({ photoFileId: fileId }).where(eq(users.id, userId));
    await writeAudit(tx, audit, {
      action: 'user.photoUploaded',
      targetType: 'user',
      targetId: userId,
      before: { photoFileId: before?.photoFileId ?? null },
      after: { photoFileId: fileId, format: facts.format, width: facts.width, height: facts.height, bytes: facts.bytes },
    });
  });
}

/** Clears the archive photo; the file stays (an application may have copied it, the audit row names it). */
export async function removeArchivePhoto(ctx: AppContext, userId: string, audit: AuditContext) {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ photoFileId: users.photoFileId }).from(users).where(eq(users.id, userId)).for('update');
    if (!before?.photoFileId) fail('NOT_FOUND', '档案中没有证件照，无需删除');
    await tx.update(users).set({ photoFileId: null }).where(eq(users.id, userId));
    await writeAudit(tx, audit, {
      action: 'user.photoRemoved',
      targetType: 'user',
      targetId: userId,
      before: { photoFileId: before.photoFileId },
      after: { photoFileId: null },
    });
  });
}
