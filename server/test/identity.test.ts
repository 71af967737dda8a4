import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, users } from '../src/platform/db/schema';
import { TEST_PASSWORD, dbKind, newIdNumber, registerApplicant, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

describe(`applicant registration (${dbKind})`, () => {
  it('registers with a valid ID number, signs in, and writes the audit row in the same transaction', async () => {
    const c = env.client();
    const idNumber = newIdNumber('330102', '19900101');
    const res = await c.post('/api/v1/applicants', { realName: '赵六', idNumber, mobile: '13811112222', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(201);
    const session = (await c.get('/api/v1/session')).json();
    expect(session.user).toMatchObject({ role: 'applicant', realName: '赵六', profileCompleted: false });
    const [u] = await env.ctx.db
      .select()
      .from(users)
      .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', idNumber)));
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.birthDate).toBe('1990-01-01');
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.registered'), eq(auditEvents.targetId, u!.id)));
    expect(audit).toHaveLength(1);
    // the ID number is never copied into the audit row in clear
    expect(JSON.stringify(audit[0]!.after)).not.toContain(idNumber);
  });

  it('refuses a wrong check digit with a Chinese message naming the expected digit', async () => {
    const good = newIdNumber();
    const last = good.at(-1)!;
    const wrong = good.slice(0, 17) + (last === '1' ? '2' : '1');
    const res = await env
      .client()
      .post('/api/v1/applicants', { realName: '钱七', idNumber: wrong, mobile: '13811112222', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.details.idNumber).toContain(last);
    expect(body.message).toMatch(/校验/);
  });

  it('refuses a second registration with the same ID number', async () => {
    const { idNumber } = await registerApplicant(env);
    const res = await env
      .client()
      .post('/api/v1/applicants', { realName: '孙八', idNumber, mobile: '13811112222', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.idNumber).toBeDefined();
  });

  it('refuses weak passwords and bad mobiles, reporting every field', async () => {
    const res = await env
      .client()
      .post('/api/v1/applicants', { realName: '周九', idNumber: newIdNumber(), mobile: '123', password: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().details)).toEqual(expect.arrayContaining(['mobile', 'password']));
  });

  it('completes basic info on first login; the profile shows only masked personal data', async () => {
    const { client, idNumber } = await registerApplicant(env);
    const bad = await client.put('/api/v1/me/profile', { mobile: '13812345678', currentSpecialty: '软件开发', workStartMonth: '1970-01' });
    expect(bad.statusCode).toBe(400);
    const res = await client.put('/api/v1/me/profile', {
      mobile: '13812345678',
      email: 'a@example.com',
      currentSpecialty: '软件开发',
      workStartMonth: '2010-07',
    });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.profileCompleted).toBe(true);
    expect(me.idNumberMasked).not.toBe(idNumber);
    expect(me.idNumberMasked.slice(-4)).toBe(idNumber.slice(-4));
    expect(JSON.stringify(me)).not.toContain(idNumber);
    expect(JSON.stringify(me)).not.toContain('13812345678');
  });
});

describe(`sessions and login protection (${dbKind})`, () => {
  it('logs in with the ID number (lower-case x accepted) and out again', async () => {
    const { idNumber } = await registerApplicant(env, { idNumber: newIdNumber('330106', '19800101') });
    const c = env.client();
    await c.login(idNumber.toLowerCase());
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await c.del('/api/v1/sessions/current')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('sets an httpOnly, SameSite session cookie and security headers', async () => {
    const { idNumber } = await registerApplicant(env);
    const res = await env.client().post('/api/v1/sessions', { username: idNumber, password: TEST_PASSWORD });
    const sid = res.cookies.find((c) => c.name === 'zc_sid');
    expect(sid?.httpOnly).toBe(true);
    expect(sid?.sameSite).toBe('Lax');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const { client } = await registerApplicant(env);
    const res = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: client.cookieHeader },
      payload: { mobile: '13812345678', currentSpecialty: '软件开发', workStartMonth: '2010-07' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const forged = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: `${client.cookieHeader}`, 'x-csrf-token': 'forged' },
      payload: { mobile: '13812345678', currentSpecialty: '软件开发', workStartMonth: '2010-07' },
    });
    expect(forged.statusCode).toBe(403);
  });

  // throttling of wrong passwords (no lock-out): login-throttle.test.ts

  it('an unknown account gets the same answer as a wrong password', async () => {
    const r = await env.client().post('/api/v1/sessions', { username: 'nobody-here', password: 'Wrong@pass1' });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('BAD_CREDENTIALS');
  });

  it('expires an idle session and says so', async () => {
    const { client } = await registerApplicant(env);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    const res = await client.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect(res.json().message).toContain('超时');
  });
});

describe('platform endpoints', () => {
  it('health, OpenAPI document and docs page', async () => {
    expect((await env.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', database: dbKind });
    const doc = (await env.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/applicants', '/api/v1/organizations', '/api/v1/bindings']));
    // response schemas are declared, so a field not in them cannot leak
    expect(doc.paths['/api/v1/me'].get.responses['200']).toBeDefined();
    expect((await env.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers an unknown API path with a Chinese 404', async () => {
    const r = await env.app.inject({ url: '/api/v1/nothing' });
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toBe('接口不存在');
  });
});
