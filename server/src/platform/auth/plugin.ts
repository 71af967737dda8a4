/**
 * Authentication context and CSRF protection for every request.
 * - `request.auth` is the loaded session (user + actor) or null.
 * - State-changing requests under /api must carry the CSRF header equal to the zc_csrf cookie
 *   (double submit) and, when signed in, equal to the session's token.
 */
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@zc/domain';
import { AppError, fail } from '../http/errors';
import type { AppContext } from '../context';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, newToken, resolveSession, safeEqual, type LoadedSession } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: LoadedSession | null;
    sessionExpired: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: false, sameSite: 'strict' as const, secure: ctx.config.cookieSecure };
}
export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
}

export const authPlugin = fp<{ ctx: AppContext }>(async (app, { ctx }) => {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const { session, expired } = await resolveSession(ctx.db, token, ctx.config.sessionIdleMinutes, ctx.now());
      req.auth = session;
      req.sessionExpired = expired;
      if (!session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    // every browser gets a CSRF cookie to echo back
    if (!req.cookies[CSRF_COOKIE]) {
      const t = req.auth?.csrfToken ?? newToken(24);
      req.cookies[CSRF_COOKIE] = t;
      reply.setCookie(CSRF_COOKIE, t, csrfCookieOptions(ctx));
    }
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    const header = req.headers[CSRF_HEADER];
    const cookie = req.cookies[CSRF_COOKIE];
    const value = typeof header === 'string' ? header : '';
    if (!value || !cookie || !safeEqual(value, cookie)) throw new AppError('CSRF');
    if (req.auth && !safeEqual(value, req.auth.csrfToken)) throw new AppError('CSRF');
  });
});

/** The signed-in session, or a 401 that says whether it timed out. */
export function requireAuth(req: FastifyRequest, roles?: readonly Role[]): LoadedSession {
  const auth = req.auth;
  if (!auth) fail(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (roles && !roles.includes(auth.user.role)) fail('FORBIDDEN');
  return auth;
}

/** Employers can do nothing but upload their letter until a manager approves them (SPEC §1). */
export function requireApprovedEmployer(req: FastifyRequest): LoadedSession {
  const auth = requireAuth(req, ['employer']);
  if (auth.user.orgStatus !== 'approved') fail('EMPLOYER_NOT_APPROVED');
  return auth;
}

export function auditContextOf(req: FastifyRequest) {
  return {
    actorUserId: req.auth?.user.id ?? null,
    actorRole: req.auth?.user.role ?? null,
    actorOrgId: req.auth?.user.orgId ?? null,
    ip: req.ip,
  };
}

export type Reply = FastifyReply;
