/**
 * A small OpenID Connect provider inside the platform, standing in for 浙江政务服务网 (SPEC §1).
 * Authorization-code flow with PKCE (S256), RS256-signed ID tokens, discovery and JWKS, so the
 * platform's relying party (openid-client) runs exactly as it would against the real provider:
 * switching is a configuration change (SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET, SSO_DEMO_IDP=false).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import { maskIdNumber, validateCreditCode, validateIdNumber } from '@zc/domain';
import { demoIdpCodes, users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { safeEqual } from '../../platform/auth/session';
import type { DemoGovIdentity } from './demo-identities';

const CODE_TTL_MS = 60_000;

function b64url(b: Buffer | string): string {
  return Buffer.from(b).toString('base64url');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface DemoIdpOptions {
  ctx: AppContext;
  identities: () => Promise<DemoGovIdentity[]>;
}

/** Subjects for identities typed in by hand on the demo page: stable per certificate number. */
export function adHocSubject(kind: 'personal' | 'legalPerson', certificateNumber: string): string {
  return `${kind === 'personal' ? 'p' : 'l'}-${createHash('sha256').update(`${kind}:${certificateNumber}`).digest('hex').slice(0, 24)}`;
}

export const demoIdpRoutes: FastifyPluginAsync<DemoIdpOptions> = async (app, { ctx, identities }) => {
  await app.register(formbody);
  const issuer = ctx.config.sso.issuer;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('base64url')
    .slice(0, 16);
  const redirectUris = new Set([`${ctx.config.publicUrl}/api/v1/auth/sso/callback`]);

  app.get('/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'legal_person'],
    claims_supported: ['sub', 'name', 'id_number', 'phone_number', 'uscc', 'agent_name', 'account_type'],
  }));

  // publicKey is already a public KeyObject (createPublicKey on it threw: a 500 until issue 8)
  app.get('/jwks', async () => ({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }));

  type AuthQuery = {
    client_id?: string;
    redirect_uri?: string;
    state?: string;
    nonce?: string;
    code_challenge?: string;
    code_challenge_method?: string;
    scope?: string;
    response_type?: string;
    account_type?: string;
  };

  function badRequest(reply: FastifyReply, msg: string) {
    return reply
      .status(400)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>登录请求无效</title><body><h1>登录请求无效</h1><p>${esc(msg)}</p><p><a href="/">返回职称申报评审平台</a></p></body></html>`,
      );
  }

  function checkRequest(q: AuthQuery): string | null {
    if (q.client_id !== ctx.config.sso.clientId) return '未登记的接入系统（client_id）';
    if (!q.redirect_uri || !redirectUris.has(q.redirect_uri)) return '回调地址未登记';
    if (q.response_type !== 'code') return '只支持授权码模式';
    if (!q.code_challenge || q.code_challenge_method !== 'S256') return '缺少 PKCE 参数';
    if (!q.state) return '缺少 state 参数';
    return null;
  }

  app.get<{ Querystring: AuthQuery }>('/authorize', async (req, reply) => {
    const q = req.query;
    const problem = checkRequest(q);
    if (problem) return badRequest(reply, problem);
    const kind = q.account_type === 'legalPerson' ? 'legalPerson' : 'personal';
    const list = (await identities()).filter((i) => i.kind === kind);
    const hidden = (
      ['client_id', 'redirect_uri', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'scope', 'response_type'] as const
    )
      .map((k) => `<input type="hidden" name="${k}" value="${esc(q[k] ?? '')}">`)
      .join('');
    const title = kind === 'personal' ? '个人用户登录' : '法人用户登录';
    const rows = list
      .map(
        (
          i,
        ) => `<li><form method="post" action="${esc(issuer)}/authorize">${hidden}<input type="hidden" name="subject" value="${esc(i.subject)}">
<button type="submit"><strong>${esc(i.kind === 'personal' ? i.name : (i.agentName ?? ''))}</strong>
<span>${esc(i.kind === 'personal' ? maskIdNumber(i.certificateNumber) : `${i.name}（${i.certificateNumber}）`)}</span></button></form></li>`,
      )
      .join('');
    const certLabel = kind === 'personal' ? '身份证号码' : '统一社会信用代码';
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>浙江政务服务网（演示）— ${title}</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f0f4fa;margin:0;color:#1f1f1f}
header{background:#1557b0;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{max-width:560px;margin:24px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 4px #0002}
h2{font-size:18px;margin-top:0}ul{list-style:none;padding:0}li{margin:8px 0}
li button{width:100%;text-align:left;padding:12px;border:1px solid #c9d6ea;border-radius:6px;background:#fafcff;cursor:pointer;font-size:15px;display:flex;justify-content:space-between;gap:8px}
li button:hover,li button:focus{border-color:#1557b0;outline:2px solid #1557b0}
label{display:block;margin:8px 0 4px}input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #888;border-radius:4px;font-size:15px}
.submit{margin-top:12px;padding:10px 20px;background:#1557b0;color:#fff;border:0;border-radius:4px;font-size:15px;cursor:pointer}
.note{color:#444;font-size:13px}
</style></head><body>
<header><h1>浙江政务服务网（演示身份提供方）</h1></header>
<main>
<h2>${title}</h2>
<p class="note">这是平台内置的演示登录页，代替真实的浙江政务服务网统一身份认证。选择一个演示身份即可登录；正式环境只需修改配置，接入真实的身份提供方。</p>
<ul>${rows}</ul>
<h2>其他${kind === 'personal' ? '个人' : '法人'}身份</h2>
<p class="note">${kind === 'personal' ? '演示登录不核验本人身份，只能填写平台上尚未注册的身份证号码。' : '填写已在平台注册的单位的信用代码时，不会直接成为该单位经办人：将向该单位现有经办人提交加入申请，确认后方可办理单位业务。'}</p>
<form method="post" action="${esc(issuer)}/authorize">${hidden}
<label for="adhoc-name">${kind === 'personal' ? '姓名' : '单位全称'}</label><input type="text" id="adhoc-name" name="adhocName" required maxlength="60">
<label for="adhoc-cert">${certLabel}</label><input type="text" id="adhoc-cert" name="adhocCert" required maxlength="30">
${kind === 'legalPerson' ? '<label for="adhoc-agent">经办人姓名</label><input type="text" id="adhoc-agent" name="adhocAgent" required maxlength="30">' : ''}
<label for="adhoc-mobile">手机号码</label><input type="text" id="adhoc-mobile" name="adhocMobile" required maxlength="11">
<input type="hidden" name="accountType" value="${kind}">
<button class="submit" type="submit">登录</button>
</form>
</main></body></html>`);
  });

  app.post<{
    Body: AuthQuery & {
      subject?: string;
      adhocName?: string;
      adhocCert?: string;
      adhocAgent?: string;
      adhocMobile?: string;
      accountType?: string;
    };
  }>('/authorize', async (req, reply) => {
    const b = req.body ?? {};
    const problem = checkRequest(b);
    if (problem) return badRequest(reply, problem);
    let subject = b.subject;
    if (!subject) {
      const kind = b.accountType === 'legalPerson' ? 'legalPerson' : 'personal';
      const cert = (b.adhocCert ?? '').trim().toUpperCase();
      const valid = kind === 'personal' ? validateIdNumber(cert, ctx.now()) : validateCreditCode(cert);
      if (!valid.ok) return badRequest(reply, valid.message);
      if (!b.adhocName?.trim() || !/^1[3-9]\d{9}$/.test(b.adhocMobile ?? ''))
        return badRequest(reply, '请填写姓名（单位名称）和 11 位手机号码');
      // the demo authenticates nobody: a typed-in person must not be someone the platform already knows
      if (kind === 'personal') {
        const problem = await adHocPersonProblem(cert);
        if (problem) return badRequest(reply, problem);
      }
      subject = adHocSubject(kind, cert);
      adHoc.set(subject, {
        subject,
        kind,
        name: b.adhocName.trim(),
        certificateNumber: cert,
        mobile: b.adhocMobile!,
        ...(kind === 'legalPerson' ? { agentName: (b.adhocAgent ?? '').trim() || b.adhocName.trim() } : {}),
      });
    } else if (!(await identities()).some((i) => i.subject === subject)) {
      return badRequest(reply, '未知的演示身份');
    }
    const code = randomBytes(24).toString('base64url');
    await ctx.db.delete(demoIdpCodes).where(lt(demoIdpCodes.createdAt, new Date(Date.now() - CODE_TTL_MS)));
    await ctx.db.insert(demoIdpCodes).values({
      code,
      clientId: b.client_id!,
      redirectUri: b.redirect_uri!,
      subject,
      nonce: b.nonce || null,
      codeChallenge: b.code_challenge!,
    });
    const to = new URL(b.redirect_uri!);
    to.searchParams.set('code', code);
    to.searchParams.set('state', b.state!);
    to.searchParams.set('iss', issuer);
    return reply.redirect(to.toString(), 302);
  });

  /**
   * A typed-in personal identity is refused when its ID number is a listed demo identity or belongs to an
   * account of the platform: otherwise anyone could sign in as that applicant (issue 8 item 1).
   */
  async function adHocPersonProblem(idNumber: string): Promise<string | null> {
    if ((await identities()).some((i) => i.kind === 'personal' && i.certificateNumber === idNumber))
      return '该身份证号码属于上方列出的演示身份，请直接选择该演示身份';
    const [taken] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.idNumberHash, ctx.pii.hash('id_number', idNumber)));
    return taken
      ? '该身份证号码已注册本平台账号。演示身份提供方不核验本人身份，不能用它登录已有账号：请使用账号密码登录，或换一个身份证号码'
      : null;
  }

  /** identities typed in on the page, kept in memory for the token exchange that follows */
  const adHoc = new Map<string, DemoGovIdentity>();

  function signJwt(payload: Record<string, unknown>, key: KeyObject): string {
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = b64url(JSON.stringify(payload));
    const sig = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key);
    return `${head}.${body}.${b64url(sig)}`;
  }

  app.post<{ Body: Record<string, string | undefined> }>('/token', async (req, reply) => {
    const b = req.body ?? {};
    let clientId = b.client_id;
    let secret = b.client_secret;
    const basic = req.headers.authorization;
    if (basic?.startsWith('Basic ')) {
      const [id, s] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
      clientId = decodeURIComponent(id ?? '');
      secret = decodeURIComponent(s ?? '');
    }
    const err = (error: string, status = 400) => reply.status(status).header('cache-control', 'no-store').send({ error });
    if (clientId !== ctx.config.sso.clientId || !secret || !safeEqual(secret, ctx.config.sso.clientSecret))
      return err('invalid_client', 401);
    if (b.grant_type !== 'authorization_code' || !b.code) return err('unsupported_grant_type');
    const [row] = await ctx.db
      .delete(demoIdpCodes)
      .where(and(eq(demoIdpCodes.code, b.code)))
      .returning();
    if (!row || row.createdAt.getTime() + CODE_TTL_MS < Date.now() || row.clientId !== clientId || row.redirectUri !== b.redirect_uri)
      return err('invalid_grant');
    const challenge = createHash('sha256')
      .update(b.code_verifier ?? '')
      .digest('base64url');
    if (!safeEqual(challenge, row.codeChallenge)) return err('invalid_grant');
    const who = (await identities()).find((i) => i.subject === row.subject) ?? adHoc.get(row.subject);
    if (!who) return err('invalid_grant');
    adHoc.delete(row.subject);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuer,
      sub: who.subject,
      aud: clientId,
      iat: now,
      exp: now + 300,
      auth_time: now,
      ...(row.nonce ? { nonce: row.nonce } : {}),
      account_type: who.kind,
      name: who.name,
      phone_number: who.mobile,
      ...(who.kind === 'personal' ? { id_number: who.certificateNumber } : { uscc: who.certificateNumber, agent_name: who.agentName }),
    };
    return reply.header('cache-control', 'no-store').send({
      access_token: randomBytes(24).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: signJwt(claims, privateKey),
    });
  });
};
