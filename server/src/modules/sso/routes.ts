/**
 * The platform as an OpenID Connect relying party of 浙江政务服务网 (personal and legal-person accounts).
 * Seeds 001 三(三), 002 四(三), 003 附件2.1: applicants and employers log in with those accounts.
 */
import * as oidc from 'openid-client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq, lt } from 'drizzle-orm';
import { validateIdNumber } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { organizations, ssoStates, users } from '../../platform/db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { setSessionCookies } from '../identity/routes';
import { startSession } from '../identity/service';

const STATE_TTL_MS = 10 * 60_000;

type InjectFetch = (url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }) => Promise<Response>;

export const ssoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const redirectUri = `${ctx.config.publicUrl}/api/v1/auth/sso/callback`;
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
    { schema: { tags: ['身份与会话'], summary: '跳转浙江政务服务网登录', params: z.object({ kind: z.enum(['personal', 'legalPerson']) }) } },
    async (req, reply) => {
      const config = await oidcConfig();
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
    const current = new URL(req.url, ctx.config.publicUrl);
    const state = current.searchParams.get('state');
    if (!state) return fail('登录请求已失效，请重新登录');
    const [st] = await ctx.db.delete(ssoStates).where(eq(ssoStates.state, state)).returning();
    if (!st || st.createdAt.getTime() + STATE_TTL_MS < Date.now()) return fail('登录请求已过期，请重新登录');
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(await oidcConfig(), current, { pkceCodeVerifier: st.codeVerifier, expectedState: state, expectedNonce: st.nonce });
      claims = tokens.claims();
    } catch (e) {
      req.log.warn({ err: (e as Error).message }, 'sso code exchange failed');
      return fail('政务服务网登录未完成，请重试');
    }
    if (!claims) return fail('政务服务网未返回身份信息，请重试');
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
    const sub = claims.sub;
    const name = String(claims.name ?? '');
    const mobile = typeof claims.phone_number === 'string' ? claims.phone_number : null;
    // the claims kept for prefilling a registration, without the person's mobile or ID number (issue 8 item 7)
    const storedClaims = Object.fromEntries(Object.entries(claims).filter(([k]) => k !== 'phone_number' && k !== 'id_number'));

    const userId = await ctx.db.transaction(async (tx) => {
      const [existing] = await tx.select().from(users).where(eq(users.govSubject, sub));
      if (existing) {
        if (st.kind === 'legalPerson') await tx.update(users).set({ govClaims: storedClaims }).where(eq(users.id, existing.id));
        return existing.id;
      }
      if (st.kind === 'personal') {
        const id = validateIdNumber(String(claims.id_number ?? ''));
        if (!id.ok) return null;
        // a standalone account with the same ID number is the same person: link it
        const [same] = await tx.select().from(users).where(eq(users.idNumberHash, ctx.pii.hash('id_number', id.normalized)));
        if (same) {
          await tx.update(users).set({ govSubject: sub }).where(eq(users.id, same.id));
          await writeAudit(tx, { actorUserId: same.id, actorRole: same.role, actorOrgId: same.orgId, ip: req.ip }, { action: 'user.ssoLinked', targetType: 'user', targetId: same.id });
          return same.id;
        }
        const [u] = await tx
          .insert(users)
          .values({ role: 'applicant', realName: name, idNumber: ctx.pii.encrypt('id_number', id.normalized), idNumberHash: ctx.pii.hash('id_number', id.normalized), mobile: ctx.pii.encrypt('mobile', mobile), mobileHash: ctx.pii.hash('mobile', mobile), sex: id.sex, birthDate: id.birthDate, govSubject: sub })
          .returning({ id: users.id });
        await writeAudit(tx, { actorUserId: u!.id, actorRole: 'applicant', actorOrgId: null, ip: req.ip }, { action: 'user.registered', targetType: 'user', targetId: u!.id, after: { via: 'govAccount', realName: name } });
        return u!.id;
      }
      // legal person: the unit's operator. A unit already registered with this credit code gets this operator.
      const uscc = String(claims.uscc ?? '').toUpperCase();
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.creditCode, uscc));
      const [u] = await tx
        .insert(users)
        .values({ role: 'employer', orgId: org?.id ?? null, realName: String(claims.agent_name ?? name), mobile: ctx.pii.encrypt('mobile', mobile), mobileHash: ctx.pii.hash('mobile', mobile), govSubject: sub, govClaims: storedClaims, profileCompletedAt: new Date() })
        .returning({ id: users.id });
      await writeAudit(tx, { actorUserId: u!.id, actorRole: 'employer', actorOrgId: org?.id ?? null, ip: req.ip }, { action: 'user.registered', targetType: 'user', targetId: u!.id, after: { via: 'legalPersonAccount', unit: name } });
      return u!.id;
    });
    if (!userId) return fail('政务服务网返回的身份证号码无效，请联系政务服务网');
    const s = await startSession(ctx, userId, meta, 'user.loggedIn', { actorUserId: userId, actorRole: null, actorOrgId: null, ip: req.ip });
    setSessionCookies(ctx, reply, s);
    return reply.redirect('/', 302);
  });

  app.get('/auth/sso/claims', { schema: { tags: ['身份与会话'], summary: '法人登录带来的单位信息（用于预填注册表）', response: { 200: z.object({ unitName: z.string().nullable(), creditCode: z.string().nullable(), agentName: z.string().nullable() }) } } }, async (req) => {
    if (!req.auth) return { unitName: null, creditCode: null, agentName: null };
    const [u] = await ctx.db.select({ c: users.govClaims }).from(users).where(eq(users.id, req.auth.user.id));
    const c = (u?.c ?? {}) as Record<string, unknown>;
    return {
      unitName: typeof c.name === 'string' ? c.name : null,
      creditCode: typeof c.uscc === 'string' ? c.uscc : null,
      agentName: typeof c.agent_name === 'string' ? c.agent_name : null,
    };
  });
};
