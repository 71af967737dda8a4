/**
 * Account security routes: the second sign-in step, password change and reset, TOTP enrolment.
 * Registered inside identityRoutes (same /api/v1 prefix); the auth plugin lets a half-signed-in
 * session reach only the step it still owes (platform/auth/plugin.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth, requireStage } from '../../platform/auth/plugin';
import { ZError, ZOk } from './schemas';
import {
  ZChangePassword,
  ZMfaChallenge,
  ZMfaStatus,
  ZMfaVerify,
  ZMfaVerified,
  ZRecoveryCodes,
  ZResetCodeRequest,
  ZResetCodeSent,
  ZResetPassword,
  ZTotpCode,
  ZTotpSetup,
} from './account-schemas';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  renewRecoveryCodes,
  resendSecondFactorSms,
  secondFactorStatus,
  verifySecondFactor,
} from './second-factor';
import { changePassword, resetPassword, sendResetCode } from './password-service';

const tags = ['身份与会话'];

export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/sessions/mfa/verify',
    {
      schema: {
        tags,
        summary: '登录第二步：动态口令、短信验证码或恢复码',
        body: ZMfaVerify,
        response: { 200: ZMfaVerified, 400: ZError, 401: ZError, 429: ZError },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const auth = requireStage(req, ['mfa']);
      return verifySecondFactor(ctx, auth, req.body, auditContextOf(req));
    },
  );

  app.post(
    '/sessions/mfa/sms',
    {
      schema: { tags, summary: '登录第二步：重新发送短信验证码', response: { 200: ZMfaChallenge, 409: ZError, 429: ZError } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => resendSecondFactorSms(ctx, requireStage(req, ['mfa'])),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: '修改密码（首次登录修改初始密码亦用此接口）；其他会话全部退出',
        body: ZChangePassword,
        response: { 200: ZOk, 400: ZError, 429: ZError },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      const auth = requireStage(req, ['full', 'password']);
      await changePassword(ctx, auth, req.body, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/password-reset/code',
    {
      schema: {
        tags,
        summary: '忘记密码：向申报人登记的手机发送验证码（无论账号是否存在，回答相同）',
        body: ZResetCodeRequest,
        response: { 200: ZResetCodeSent, 400: ZError, 429: ZError },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req) => ({ ok: true as const, ...(await sendResetCode(ctx, req.body)) }),
  );

  app.post(
    '/password-reset',
    {
      schema: {
        tags,
        summary: '忘记密码：凭短信验证码设置新密码；所有会话退出',
        body: ZResetPassword,
        response: { 200: ZOk, 400: ZError, 429: ZError },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      await resetPassword(ctx, req.body, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.get('/me/mfa', { schema: { tags, summary: '双因素认证状态', response: { 200: ZMfaStatus } } }, async (req) =>
    secondFactorStatus(ctx, requireAuth(req).user.id),
  );

  app.post(
    '/me/mfa/totp',
    { schema: { tags, summary: '启用动态口令第一步：生成密钥与二维码内容', response: { 200: ZTotpSetup, 409: ZError } } },
    async (req) => beginTotpEnrolment(ctx, requireAuth(req)),
  );

  app.post(
    '/me/mfa/totp/confirm',
    {
      schema: {
        tags,
        summary: '启用动态口令第二步：输入认证器显示的口令；返回恢复码（仅显示一次）',
        body: ZTotpCode,
        response: { 200: ZRecoveryCodes, 400: ZError, 409: ZError },
      },
    },
    async (req) => confirmTotpEnrolment(ctx, requireAuth(req), req.body.code, auditContextOf(req)),
  );

  app.post(
    '/me/mfa/recovery-codes',
    {
      schema: {
        tags,
        summary: '重新生成恢复码（旧恢复码作废）',
        body: ZTotpCode,
        response: { 200: ZRecoveryCodes, 400: ZError, 409: ZError },
      },
    },
    async (req) => renewRecoveryCodes(ctx, requireAuth(req), req.body.code, auditContextOf(req)),
  );
};
