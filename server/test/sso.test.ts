import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/platform/db/schema';
import { DEMO_GOV_IDENTITIES } from '../src/modules/demo/demo-data';
import { dbKind, startTestApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

/** Follows the browser's path: platform → demo provider's page → chosen identity → callback. */
async function ssoLogin(c: TestClient, kind: 'personal' | 'legalPerson', form: Record<string, string>, tamper?: (callback: URL) => void) {
  const start = await c.get(`/api/v1/auth/sso/${kind}/start`);
  expect(start.statusCode).toBe(302);
  const authorize = new URL(start.headers.location as string);
  expect(authorize.pathname).toBe('/idp/authorize');
  const page = await env.app.inject({ url: authorize.pathname + authorize.search });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('浙江政务服务网');
  const params = new URLSearchParams([...authorize.searchParams.entries(), ...Object.entries(form)]);
  const chosen = await env.app.inject({ method: 'POST', url: '/idp/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
  expect(chosen.statusCode).toBe(302);
  const callback = new URL(chosen.headers.location as string);
  tamper?.(callback);
  return c.get(callback.pathname + callback.search);
}

describe(`浙江政务服务网 single sign-on through OpenID Connect (${dbKind})`, () => {
  it('a personal identity already registered signs in as that applicant', async () => {
    const zhang = DEMO_GOV_IDENTITIES.find((i) => i.subject === 'p-demo-chenjing')!;
    // first login creates the applicant from the verified claims
    const c = env.client();
    const cb = await ssoLogin(c, 'personal', { subject: zhang.subject });
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('/');
    const s = (await c.get('/api/v1/session')).json();
    expect(s.user).toMatchObject({ role: 'applicant', realName: '陈静', profileCompleted: false });
    const [u] = await env.ctx.db.select().from(users).where(eq(users.govSubject, zhang.subject));
    expect(u?.idNumber).toBe(zhang.certificateNumber);
    // a second login finds the same person
    const c2 = env.client();
    await ssoLogin(c2, 'personal', { subject: zhang.subject });
    expect((await c2.get('/api/v1/session')).json().user.id).toBe(u!.id);
  });

  it('a legal-person identity of an unregistered unit becomes an operator who registers the unit with prefilled data', async () => {
    const c = env.client();
    await ssoLogin(c, 'legalPerson', { subject: 'l-demo-txwl' });
    const s = (await c.get('/api/v1/session')).json();
    expect(s.user).toMatchObject({ role: 'employer', orgId: null, realName: '蒋文' });
    const claims = (await c.get('/api/v1/auth/sso/claims')).json();
    expect(claims.unitName).toBe('桐乡未来智造科技有限公司');
    const reg = await c.post('/api/v1/employers', {
      name: claims.unitName, creditCode: claims.creditCode, regionId: '330483', nature: 'privateEnterprise', affiliation: 'none',
      filesAtAgency: false, contactName: '蒋文', contactPhone: '13857110099',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expect((await c.get('/api/v1/employers/current')).json()).toMatchObject({ status: 'pending', name: '桐乡未来智造科技有限公司' });
  });

  it('an identity typed on the demo page with a bad ID number is refused by the provider', async () => {
    const c = env.client();
    const start = await c.get('/api/v1/auth/sso/personal/start');
    const authorize = new URL(start.headers.location as string);
    const params = new URLSearchParams([...authorize.searchParams.entries(), ['adhocName', '某人'], ['adhocCert', '330102199001011230'], ['adhocMobile', '13800001111'], ['accountType', 'personal']]);
    const res = await env.app.inject({ method: 'POST', url: '/idp/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('校验');
  });

  it('a replayed or forged callback does not sign anybody in', async () => {
    const c = env.client();
    const forged = await ssoLogin(c, 'personal', { subject: 'p-demo-zhangwei' }, (cb) => cb.searchParams.set('state', 'forged-state'));
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toMatch(/^\/login\?error=/);
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    const badCode = await ssoLogin(env.client(), 'personal', { subject: 'p-demo-zhangwei' }, (cb) => cb.searchParams.set('code', 'not-a-code'));
    expect(decodeURIComponent(String(badCode.headers.location))).toContain('未完成');
  });

  it('the provider refuses an unregistered redirect address', async () => {
    const res = await env.app.inject({ url: '/idp/authorize?client_id=zhicheng-platform&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&state=x&code_challenge=abc&code_challenge_method=S256' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('回调地址');
  });
});
