import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, notifications, users } from '../src/platform/db/schema';
import { DEMO_GOV_IDENTITIES, DEMO_PEOPLE, seedDemoData } from '../src/modules/demo/demo-data';
import { adHocSubject } from '../src/modules/sso/demo-idp';
import { UNIT_JOIN_STATUS } from '../src/modules/sso/unit-join';
import { dbKind, registerApplicant, seedApprovedEmployer, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
// the demo data set hashes passwords and writes many rows: on a loaded CI machine it takes a while
const SEED_TIMEOUT_MS = 120_000;
beforeAll(async () => {
  env = await startTestApp();
  await seedDemoData(env.ctx.db, env.ctx.pii);
}, SEED_TIMEOUT_MS);
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
  const chosen = await env.app.inject({
    method: 'POST',
    url: '/idp/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
  });
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
    expect(env.ctx.pii.decrypt('id_number', u!.idNumber!)).toBe(zhang.certificateNumber);
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
      name: claims.unitName,
      creditCode: claims.creditCode,
      regionId: '330483',
      nature: 'privateEnterprise',
      affiliation: 'none',
      filesAtAgency: false,
      contactName: '蒋文',
      contactPhone: '13857110099',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expect((await c.get('/api/v1/employers/current')).json()).toMatchObject({ status: 'pending', name: '桐乡未来智造科技有限公司' });
  });

  it('an identity typed on the demo page with a bad ID number is refused by the provider', async () => {
    const c = env.client();
    const start = await c.get('/api/v1/auth/sso/personal/start');
    const authorize = new URL(start.headers.location as string);
    const params = new URLSearchParams([
      ...authorize.searchParams.entries(),
      ['adhocName', '某人'],
      ['adhocCert', '330102199001011230'],
      ['adhocMobile', '13800001111'],
      ['accountType', 'personal'],
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url: '/idp/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('校验');
  });

  it('a replayed or forged callback does not sign anybody in', async () => {
    const c = env.client();
    const forged = await ssoLogin(c, 'personal', { subject: 'p-demo-zhangwei' }, (cb) => cb.searchParams.set('state', 'forged-state'));
    expect(forged.statusCode).toBe(302);
    expect(forged.headers.location).toMatch(/^\/login\?error=/);
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    const badCode = await ssoLogin(env.client(), 'personal', { subject: 'p-demo-zhangwei' }, (cb) =>
      cb.searchParams.set('code', 'not-a-code'),
    );
    expect(decodeURIComponent(String(badCode.headers.location))).toContain('未完成');
  });

  it('the provider refuses an unregistered redirect address', async () => {
    const res = await env.app.inject({
      url: '/idp/authorize?client_id=zhicheng-platform&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&state=x&code_challenge=abc&code_challenge_method=S256',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('回调地址');
  });
});

/** The demo provider's form for an identity typed in by hand. */
function adHocForm(kind: 'personal' | 'legalPerson', cert: string, name = '某人'): Record<string, string> {
  return {
    adhocName: name,
    adhocCert: cert,
    adhocMobile: '13800001111',
    accountType: kind,
    ...(kind === 'legalPerson' ? { adhocAgent: '冒充者' } : {}),
  };
}

/** Starts a login and posts the provider's form; returns the provider's answer (302 to the callback, or 400). */
async function provider(c: TestClient, kind: 'personal' | 'legalPerson', form: Record<string, string>) {
  const start = await c.get(`/api/v1/auth/sso/${kind}/start`);
  const authorize = new URL(start.headers.location as string);
  const params = new URLSearchParams([...authorize.searchParams.entries(), ...Object.entries(form)]);
  return env.app.inject({
    method: 'POST',
    url: '/idp/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
  });
}

describe(`issue 8 item 1: the demo provider cannot sign anyone in as someone else (${dbKind})`, () => {
  it('/idp/jwks answers with the signing key', async () => {
    const res = await env.app.inject({ url: '/idp/jwks' });
    expect(res.statusCode).toBe(200);
    const { keys } = res.json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(keys[0].kid).toMatch(/\S{8,}/);
    expect(keys[0].d).toBeUndefined();
  });

  it('the listed demo identity 张伟 still signs in as 张伟', async () => {
    const [zhang] = await env.ctx.db.select().from(users).where(eq(users.govSubject, 'p-demo-zhangwei'));
    const c = env.client();
    await ssoLogin(c, 'personal', { subject: 'p-demo-zhangwei' });
    expect((await c.get('/api/v1/session')).json().user.id).toBe(zhang!.id);
  });

  it("a typed-in identity with 张伟's ID number is refused and signs nobody in", async () => {
    const c = env.client();
    const res = await provider(c, 'personal', adHocForm('personal', DEMO_PEOPLE.zhangWei.idNumber, DEMO_PEOPLE.zhangWei.realName));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('演示身份');
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    const [zhang] = await env.ctx.db.select().from(users).where(eq(users.realName, DEMO_PEOPLE.zhangWei.realName));
    expect(zhang!.govSubject).toBe('p-demo-zhangwei');
  });

  it("a typed-in identity with a registered applicant's ID number is refused", async () => {
    const a = await registerApplicant(env, { realName: '被冒充人' });
    const c = env.client();
    const res = await provider(c, 'personal', adHocForm('personal', a.idNumber, '被冒充人'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('已注册本平台账号');
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    const [u] = await env.ctx.db
      .select()
      .from(users)
      .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', a.idNumber)));
    expect(u!.govSubject).toBeNull();
  });

  it('the callback does not link a demo login to an existing account by ID number', async () => {
    // 陈静 signed in before (first describe); her account loses its subject, as a password-registered one has none
    const chen = DEMO_GOV_IDENTITIES.find((i) => i.subject === 'p-demo-chenjing')!;
    await env.ctx.db.update(users).set({ govSubject: null }).where(eq(users.govSubject, chen.subject));
    const c = env.client();
    const cb = await ssoLogin(c, 'personal', { subject: chen.subject });
    expect(cb.statusCode).toBe(302);
    expect(decodeURIComponent(String(cb.headers.location))).toContain('该身份证号码已注册本平台账号');
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    const [u] = await env.ctx.db
      .select()
      .from(users)
      .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', chen.certificateNumber)));
    expect(u!.govSubject).toBeNull();
  });
});

describe(`issue 8 item 1: a legal-person login for a registered unit waits for that unit (${dbKind})`, () => {
  it("does not become an operator: no session, no access to the unit's applicants, until the unit's operator approves", async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const c = env.client();
    const cb = await ssoLogin(c, 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    expect(cb.statusCode).toBe(302);
    expect(decodeURIComponent(String(cb.headers.location))).toContain('已向该单位现有经办人提交加入申请，待其确认后可办理单位业务');
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
    expect((await c.get('/api/v1/bindings')).statusCode).toBe(401);
    const subject = adHocSubject('legalPerson', emp.org.creditCode!);
    const [req] = await env.ctx.db.select().from(users).where(eq(users.govSubject, subject));
    expect(req).toMatchObject({ role: 'employer', orgId: null, status: UNIT_JOIN_STATUS.pending });
    // logging in again does not get round it
    const again = await ssoLogin(env.client(), 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    expect(decodeURIComponent(String(again.headers.location))).toContain('待其确认');

    // the unit's operator is told, sees the request and approves it
    const op = await env.client().login(emp.username);
    const [note] = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, emp.operator.id));
    expect(note?.title).toBe('新的单位经办人加入申请');
    const list = (await op.get('/api/v1/unit-join-requests')).json();
    expect(list).toEqual([expect.objectContaining({ id: req!.id, unitName: emp.org.name, creditCode: emp.org.creditCode })]);
    // an operator of another unit neither sees nor decides it
    const other = await seedApprovedEmployer(env.ctx, '330127');
    const otherOp = await env.client().login(other.username);
    expect((await otherOp.get('/api/v1/unit-join-requests')).json()).toEqual([]);
    expect((await otherOp.post(`/api/v1/unit-join-requests/${req!.id}/approve`)).statusCode).toBe(404);
    const ok = await op.post(`/api/v1/unit-join-requests/${req!.id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await op.post(`/api/v1/unit-join-requests/${req!.id}/approve`)).statusCode).toBe(409);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, req!.id), eq(auditEvents.action, 'user.unitJoinApproved')));
    expect(audit).toHaveLength(1);

    // now the login is the unit's operator
    const c2 = env.client();
    await ssoLogin(c2, 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    expect((await c2.get('/api/v1/session')).json().user).toMatchObject({ id: req!.id, orgId: emp.org.id });
    expect((await c2.get('/api/v1/bindings')).statusCode).toBe(200);
  });

  it('a refused request stays refused', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    await ssoLogin(env.client(), 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    const op = await env.client().login(emp.username);
    const [r] = (await op.get('/api/v1/unit-join-requests')).json();
    expect((await op.post(`/api/v1/unit-join-requests/${r.id}/refuse`)).statusCode).toBe(200);
    const c = env.client();
    const cb = await ssoLogin(c, 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    expect(decodeURIComponent(String(cb.headers.location))).toContain('未同意');
    expect((await c.get('/api/v1/session')).json().user).toBeNull();
  });

  it("a unit without an active operator: the bureau that reviews it decides, another region's cannot", async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    await env.ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, emp.operator.id));
    const cb = await ssoLogin(env.client(), 'legalPerson', adHocForm('legalPerson', emp.org.creditCode!, emp.org.name));
    expect(decodeURIComponent(String(cb.headers.location))).toContain('单位注册审核部门');
    const far = await seedOfficer(env.ctx, 'hrBureau', '330483');
    const farClient = await env.client().login(far.username);
    expect((await farClient.get('/api/v1/unit-join-requests')).json()).toEqual([]);
    const near = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const nearClient = await env.client().login(near.username);
    const [r] = (await nearClient.get('/api/v1/unit-join-requests')).json();
    expect(r).toMatchObject({ unitName: emp.org.name });
    expect((await farClient.post(`/api/v1/unit-join-requests/${r.id}/approve`)).statusCode).toBe(404);
    expect((await nearClient.post(`/api/v1/unit-join-requests/${r.id}/approve`)).statusCode).toBe(200);
  });
});
