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
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  newToken,
  resolveSession,
  safeEqual,
  type LoadedSession,
  type SessionStage,
} from './session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: LoadedSession | null;
    sessionExpired: boolean;
    /** a session that is not fully signed in yet, on a route it may not use: requireAuth says what is missing */
    pendingStage: SessionStage | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** server-to-server calls that carry their own signature instead of a browser's CSRF token (fees/callbacks.ts) */
const CSRF_EXEMPT_ROUTES = new Set(['/api/v1/payments/notify/:provider']);

export function csrfCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: false, sameSite: 'strict' as const, secure: ctx.config.cookieSecure };
}
export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
}

export const authPlugin = fp<{ ctx: AppContext }>(async (app, { ctx }) => {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('pendingStage', null);

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
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/') || CSRF_EXEMPT_ROUTES.has(req.routeOptions.url ?? '')) return;
    const header = req.headers[CSRF_HEADER];
    const cookie = req.cookies[CSRF_COOKIE];
    const value = typeof header === 'string' ? header : '';
    if (!value || !cookie || !safeEqual(value, cookie)) throw new AppError('CSRF');
    if (req.auth && !safeEqual(value, req.auth.csrfToken)) throw new AppError('CSRF');
  });

  // a session half-way through signing in (second factor, forced password change) is anonymous
  // everywhere but on the few routes that finish it
  app.addHook('onRequest', async (req) => {
    const stage = req.auth?.stage;
    if (!stage || stage === 'full') return;
    if (
      STAGE_ROUTES[stage].has(`${req.method} ${req.routeOptions.url ?? ''}`) ||
      ANY_STAGE_ROUTES.has(`${req.method} ${req.routeOptions.url ?? ''}`)
    )
      return;
    req.pendingStage = stage;
    req.auth = null;
  });
});

/** Routes a session that is not fully signed in may still call (the API prefix included). */
const ANY_STAGE_ROUTES = new Set(['GET /api/v1/session', 'DELETE /api/v1/sessions/current']);
const STAGE_ROUTES: Record<Exclude<SessionStage, 'full'>, Set<string>> = {
  mfa: new Set(['POST /api/v1/sessions/mfa/verify', 'POST /api/v1/sessions/mfa/sms']),
  password: new Set(['POST /api/v1/me/password']),
};

function failStage(stage: SessionStage): never {
  if (stage === 'full') fail('STATE', '您已完成登录，无需再次验证');
  fail(stage === 'mfa' ? 'MFA_REQUIRED' : 'PASSWORD_CHANGE_REQUIRED');
}

/** The signed-in session, or a 401 that says whether it timed out (or which sign-in step is missing). */
export function requireAuth(req: FastifyRequest, roles?: readonly Role[]): LoadedSession {
  const auth = req.auth;
  if (!auth && req.pendingStage) failStage(req.pendingStage);
  if (!auth) fail(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (auth.stage !== 'full') failStage(auth.stage);
  if (roles && !roles.includes(auth.user.role)) fail('FORBIDDEN');
  return auth;
}

/** Employers can do nothing but upload their letter until a manager approves them (SPEC §1). */
export function requireApprovedEmployer(req: FastifyRequest): LoadedSession {
  const auth = requireAuth(req, ['employer']);
  if (auth.user.orgStatus !== 'approved') fail('EMPLOYER_NOT_APPROVED');
  return auth;
}

/** A session at one of `stages` (e.g. the second-factor step, or the password change that 'password' and 'full' may both make). */
export function requireStage(req: FastifyRequest, stages: readonly SessionStage[]): LoadedSession {
  const auth = req.auth;
  if (!auth) fail(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (!stages.includes(auth.stage)) failStage(auth.stage);
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
