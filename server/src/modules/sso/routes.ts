/**
 * The platform as an OpenID Connect relying party of 浙江政务服务网 (personal and legal-person accounts).
 * Seeds 001 三(三), 002 四(三), 003 附件2.1: applicants and employers log in with those accounts.
 */
import * as oidc from 'openid-client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq, lt } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { ssoStates, users } from '../../platform/db/schema';
import { setSessionCookies } from '../identity/routes';
import { startSession } from '../identity/service';
import { ZError } from '../identity/schemas';
import { resolveGovLogin } from './accounts';
import { unitJoinRoutes } from './unit-join-routes';

const STATE_TTL_MS = 10 * 60_000;

/** the answer to a 政务服务网 start when SSO is off (no demo mode, no SSO_ISSUER) */
export const SSO_DISABLED = {
  code: 'SSO_DISABLED',
  message: '统一身份认证登录未开启：请使用账号密码登录。管理员可设置 SSO_ISSUER 接入浙江政务服务网',
} as const;

type InjectFetch = (url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }) => Promise<Response>;

export const ssoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const redirectUri = `${ctx.config.publicUrl}/api/v1/auth/sso/callback`;
  await app.register(unitJoinRoutes, { ctx });
  let configPromise: Promise<oidc.Configuration> | null = null;

  /**
   * The built-in demo provider lives in this very process: its HTTP calls are answered in-process
   * (fastify inject) instead of over the network. A real provider is reached with the normal fetch.
   */
  const selfFetch: InjectFetch = async (url, init) => {
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.slice(ctx.config.publicUrl.length),
      headers: init.headers,
      payload: init.body === undefined ? undefined : String(init.body),
    });
    return new Response(res.rawPayload, { status: res.statusCode, headers: res.headers as Record<string, string> });
  };

  function oidcConfig(): Promise<oidc.Configuration> {
    configPromise ??= (async () => {
      const demo = ctx.config.sso.demoIdp && ctx.config.sso.issuer.startsWith(`${ctx.config.publicUrl}/`);
      const options: oidc.DiscoveryRequestOptions = {};
      if (demo) {
        options[oidc.customFetch] = (url, opts) => {
          const h: Record<string, string> = {};
          new Headers(opts.headers).forEach((v, k) => (h[k] = v));
          return selfFetch(url, { method: opts.method, headers: h, body: opts.body });
        };
        options.execute = [oidc.allowInsecureRequests];
      } else if (ctx.config.sso.issuer.startsWith('http://')) {
        options.execute = [oidc.allowInsecureRequests];
      }
      return oidc.discovery(new URL(ctx.config.sso.issuer), ctx.config.sso.clientId, ctx.config.sso.clientSecret, undefined, options);
    })().catch((e: unknown) => {
      configPromise = null;
      throw e;
    });
    return configPromise;
  }

  app.get(
    '/auth/sso/:kind/start',
    {
      schema: {
        tags: ['身份与会话'],
        summary: '跳转浙江政务服务网登录',
        params: z.object({ kind: z.enum(['personal', 'legalPerson']) }),
        response: { 404: ZError, 502: ZError },
      },
    },
    async (req, reply) => {
      if (!ctx.config.sso.enabled) return reply.status(404).send(SSO_DISABLED);
      let config: oidc.Configuration;
      try {
        config = await oidcConfig();
      } catch (e) {
        // the provider is unreachable or misconfigured: say so instead of a bare 500
        req.log.warn({ err: (e as Error).message }, 'sso discovery failed');
        return reply.status(502).send({ code: 'SSO', message: '暂时无法连接浙江政务服务网，请稍后重试或使用账号密码登录' });
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await ctx.db.delete(ssoStates).where(lt(ssoStates.createdAt, new Date(Date.now() - STATE_TTL_MS)));
      await ctx.db.insert(ssoStates).values({ state, kind: req.params.kind, codeVerifier, nonce });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: req.params.kind === 'personal' ? 'openid profile' : 'openid profile legal_person',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        account_type: req.params.kind,
      });
      return reply.redirect(url.toString(), 302);
    },
  );

  app.get('/auth/sso/callback', { schema: { tags: ['身份与会话'], summary: '政务服务网登录回调', hide: true } }, async (req, reply) => {
    const fail = (msg: string) => reply.redirect(`/login?error=${encodeURIComponent(msg)}`, 302);
    if (!ctx.config.sso.enabled) return fail(SSO_DISABLED.message);
    const current = new URL(req.url, ctx.config.publicUrl);
    const state = current.searchParams.get('state');
    if (!state) return fail('登录请求已失效，请重新登录');
    const [st] = await ctx.db.delete(ssoStates).where(eq(ssoStates.state, state)).returning();
    if (!st || st.createdAt.getTime() + STATE_TTL_MS < Date.now()) return fail('登录请求已过期，请重新登录');
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(await oidcConfig(), current, {
        pkceCodeVerifier: st.codeVerifier,
        expectedState: state,
        expectedNonce: st.nonce,
      });
      claims = tokens.claims();
    } catch (e) {
      req.log.warn({ err: (e as Error).message }, 'sso code exchange failed');
      return fail('政务服务网登录未完成，请重试');
    }
    if (!claims) return fail('政务服务网未返回身份信息，请重试');
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
    // only a real 政务服务网 authenticates the person: the demo provider may not link by ID number
    const outcome = await resolveGovLogin(ctx, {
      accountKind: st.kind === 'legalPerson' ? 'legalPerson' : 'personal',
      claims,
      trustedForIdNumberLink: !ctx.config.sso.demoIdp,
      ip: req.ip,
    });
    if (outcome.kind === 'refused') return fail(outcome.message);
    // a join request waits for the unit: no session until it is approved
    if (outcome.kind === 'pending') return reply.redirect(`/login?info=${encodeURIComponent(outcome.message)}`, 302);
    const userId = outcome.userId;
    const s = await startSession(ctx, userId, meta, 'user.loggedIn', {
      actorUserId: userId,
      actorRole: null,
      actorOrgId: null,
      ip: req.ip,
    });
    setSessionCookies(ctx, reply, s);
    return reply.redirect('/', 302);
  });

  app.get(
    '/auth/sso/claims',
    {
      schema: {
        tags: ['身份与会话'],
        summary: '法人登录带来的单位信息（用于预填注册表）',
        response: {
          200: z.object({ unitName: z.string().nullable(), creditCode: z.string().nullable(), agentName: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      if (!req.auth) return { unitName: null, creditCode: null, agentName: null };
      const [u] = await ctx.db.select({ c: users.govClaims }).from(users).where(eq(users.id, req.auth.user.id));
      const c = (u?.c ?? {}) as Record<string, unknown>;
      return {
        unitName: typeof c.name === 'string' ? c.name : null,
        creditCode: typeof c.uscc === 'string' ? c.uscc : null,
        agentName: typeof c.agent_name === 'string' ? c.agent_name : null,
      };
    },
  );
};
