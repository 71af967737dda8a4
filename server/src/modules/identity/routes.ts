import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context';
import { auditContextOf, csrfCookieOptions, requireAuth, sessionCookieOptions } from '../../platform/auth/plugin';
import { CSRF_COOKIE, SESSION_COOKIE, destroySession } from '../../platform/auth/session';
import { writeAudit } from '../../platform/audit/audit';
import { completeProfile, getProfile, login, registerApplicant, removeArchivePhoto, setArchivePhoto, type LoginResult } from './service';
import { readPhotoPart } from '../../platform/storage/photo';
import { accountRoutes } from './account-routes';
import { ZLoginResult } from './account-schemas';
import { ZApplicantRegistration, ZError, ZLogin, ZMyProfile, ZOk, ZProfileInput, ZSessionInfo } from './schemas';

const tags = ['身份与会话'];

export function setSessionCookies(ctx: AppContext, reply: FastifyReply, r: LoginResult) {
  reply.setCookie(SESSION_COOKIE, r.token, sessionCookieOptions(ctx));
  reply.setCookie(CSRF_COOKIE, r.csrfToken, csrfCookieOptions(ctx));
}

export const identityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(accountRoutes, { ctx });
  app.get('/session', { schema: { tags, summary: '当前会话与 CSRF 令牌', response: { 200: ZSessionInfo } } }, async (req) => {
    // a session still owing its second factor or password change has no user yet, only a stage
    const u = req.auth?.stage === 'full' ? req.auth.user : null;
    return {
      user: u && {
        id: u.id,
        role: u.role,
        realName: u.realName,
        username: u.username,
        orgId: u.orgId,
        orgName: u.orgName,
        orgKind: u.orgKind,
        orgStatus: u.orgStatus,
        regionName: u.regionName,
        regionLevel: u.regionLevel,
        profileCompleted: u.profileCompleted,
      },
      csrfToken: req.auth?.csrfToken ?? req.cookies[CSRF_COOKIE] ?? '',
      expired: req.sessionExpired,
      stage: req.auth?.stage ?? null,
      // off without demo mode unless a real 政务服务网 is configured (the login page hides its buttons)
      sso: { enabled: ctx.config.sso.enabled },
    };
  });

  app.post(
    '/sessions',
    {
      schema: {
        tags,
        summary: '账号密码登录（管理账号随后需双因素认证）',
        body: ZLogin,
        response: { 200: ZLoginResult, 401: ZError, 403: ZError, 429: ZError },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await login(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookies(ctx, reply, r);
      return { ok: true as const, stage: r.stage, ...(r.mfa ? { mfa: r.mfa } : {}) };
    },
  );

  app.delete('/sessions/current', { schema: { tags, summary: '退出登录', response: { 200: ZOk } } }, async (req, reply) => {
    if (req.auth) {
      const auth = req.auth;
      await ctx.db.transaction(async (tx) => {
        await destroySession(tx, auth.id);
        await writeAudit(tx, auditContextOf(req), { action: 'user.loggedOut', targetType: 'user', targetId: auth.user.id });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post(
    '/applicants',
    {
      schema: { tags, summary: '申报人注册（独立账号）', body: ZApplicantRegistration, response: { 201: ZOk, 400: ZError, 409: ZError } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await registerApplicant(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookies(ctx, reply, r);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get('/me', { schema: { tags, summary: '我的基本信息', response: { 200: ZMyProfile } } }, async (req) => {
    const auth = requireAuth(req);
    return getProfile(ctx, auth.user.id);
  });

  app.put(
    '/me/profile',
    { schema: { tags, summary: '完善基本信息', body: ZProfileInput, response: { 200: ZMyProfile, 400: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await completeProfile(ctx, auth.user.id, req.body, auditContextOf(req));
      return getProfile(ctx, auth.user.id);
    },
  );

  app.post(
    '/me/photo',
    {
      schema: {
        tags,
        summary: '上传档案证件照（JPG 或 PNG，不超过 10 MB；各计划的规格在申报时检查）',
        consumes: ['multipart/form-data'],
        response: { 200: ZMyProfile, 400: ZError },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      const { buf, filename } = await readPhotoPart(req);
      await setArchivePhoto(ctx, auth.user.id, buf, filename, auditContextOf(req));
      return getProfile(ctx, auth.user.id);
    },
  );

  app.delete('/me/photo', { schema: { tags, summary: '删除档案证件照', response: { 200: ZMyProfile, 404: ZError } } }, async (req) => {
    const auth = requireAuth(req, ['applicant']);
    await removeArchivePhoto(ctx, auth.user.id, auditContextOf(req));
    return getProfile(ctx, auth.user.id);
  });
};
