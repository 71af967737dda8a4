/**
 * Issue 8 item 6: password change, reset by SMS code, forced change of an allocated initial password,
 * and the second factor of management accounts (SMS code, TOTP with recovery codes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, smsOutbox, users } from '../src/platform/db/schema';
import { totpCode } from '../src/platform/auth/totp';
import { PENDING_SESSION_MINUTES } from '../src/platform/auth/session';
import { TEST_PASSWORD, dbKind, registerApplicant, seedOfficer, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

const NEW_PASSWORD = 'Fresh@2026pw';
const STEP = 30_000;

async function auditCount(action: string, userId: string) {
  return (
    await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, userId)))
  ).length;
}

async function userIdByUsername(username: string) {
  const [u] = await env.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

describe(`change password (${dbKind})`, () => {
  it('needs the current password and a good new one; other sessions end, this one stays', async () => {
    const a = await registerApplicant(env);
    const other = await env.client().login(a.idNumber);
    const me = (await a.client.get('/api/v1/me')).json();
    const wrong = await a.client.post('/api/v1/me/password', { currentPassword: 'Wrong@pass1', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('当前密码不正确');
    const weak = await a.client.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: '123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.newPassword).toBeTruthy();
    const same = await a.client.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json().message).toContain('不能与当前密码相同');
    expect((await a.client.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    expect((await a.client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    expect((await env.client().post('/api/v1/sessions', { username: a.idNumber, password: TEST_PASSWORD })).statusCode).toBe(401);
    await env.client().login(a.idNumber, NEW_PASSWORD);
    expect(await auditCount('user.passwordChanged', me.id)).toBe(1);
  });
});

describe(`reset by SMS code (${dbKind})`, () => {
  it('same answer whether or not the applicant exists; the code resets the password and ends every session', async () => {
    const a = await registerApplicant(env, { mobile: '13855556666' });
    const me = (await a.client.get('/api/v1/me')).json();
    const anon = env.client();
    const miss = await anon.post('/api/v1/password-reset/code', { idNumber: a.idNumber, mobile: '13800000000' });
    expect(miss.statusCode).toBe(200);
    expect(miss.json()).toEqual({ ok: true });
    const hit = await anon.post('/api/v1/password-reset/code', { idNumber: a.idNumber, mobile: '13855556666' });
    expect(hit.statusCode).toBe(200);
    const code = hit.json().demoCode as string;
    expect(code).toMatch(/^\d{6}$/);
    // only the hash is stored; the SMS went to the outbox
    const [sms] = await env.ctx.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.template, 'passwordResetCode'))
      .orderBy(desc(smsOutbox.createdAt));
    expect(sms?.body).toContain(code);
    // the province administrator's outbox page does not show the code
    const admin = await env.client().login((await seedOfficer(env.ctx, 'administration', '330000')).username);
    const outbox = (await admin.get('/api/v1/admin/sms-outbox?page=1&pageSize=50')).json();
    const shown = outbox.items.find((m: { id: string }) => m.id === sms!.id);
    expect(shown.body).not.toContain(code);
    expect(shown.body).toContain('******');
    // one code a minute
    expect((await anon.post('/api/v1/password-reset/code', { idNumber: a.idNumber, mobile: '13855556666' })).statusCode).toBe(429);
    const bad = await anon.post('/api/v1/password-reset', {
      idNumber: a.idNumber,
      mobile: '13855556666',
      code: code === '000000' ? '111111' : '000000',
      newPassword: NEW_PASSWORD,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('验证码不正确');
    const ok = await anon.post('/api/v1/password-reset', { idNumber: a.idNumber, mobile: '13855556666', code, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect((await a.client.get('/api/v1/me')).statusCode).toBe(401);
    await env.client().login(a.idNumber, NEW_PASSWORD);
    // a used code does not work twice
    const again = await anon.post('/api/v1/password-reset', {
      idNumber: a.idNumber,
      mobile: '13855556666',
      code,
      newPassword: 'Other@2026pw',
    });
    expect(again.statusCode).toBe(400);
    expect(await auditCount('user.passwordReset', me.id)).toBe(1);
  });

  it('an expired code and an exhausted code are refused', async () => {
    const a = await registerApplicant(env, { mobile: '13855557777' });
    const anon = env.client();
    const body = { idNumber: a.idNumber, mobile: '13855557777' };
    const first = (await anon.post('/api/v1/password-reset/code', body)).json().demoCode as string;
    env.clock.advance(11 * 60_000);
    const expired = await anon.post('/api/v1/password-reset', { ...body, code: first, newPassword: NEW_PASSWORD });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('已失效');
    const second = (await anon.post('/api/v1/password-reset/code', body)).json().demoCode as string;
    const wrongCode = second === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1)
      expect((await anon.post('/api/v1/password-reset', { ...body, code: wrongCode, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    const exhausted = await anon.post('/api/v1/password-reset', { ...body, code: second, newPassword: NEW_PASSWORD });
    expect(exhausted.statusCode).toBe(400);
    expect(exhausted.json().message).toContain('已达 5 次');
    expect((await env.client().post('/api/v1/sessions', { username: a.idNumber, password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe(`second factor for management accounts (${dbKind})`, () => {
  it('after the password only the second step is open; an SMS code completes it', async () => {
    const { username } = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const c = env.client();
    const res = await c.post('/api/v1/sessions', { username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'mfa', mfa: { method: 'sms', mobileMasked: expect.stringContaining('****') } });
    const code = res.json().mfa.demoCode as string;
    const session = (await c.get('/api/v1/session')).json();
    expect(session).toMatchObject({ user: null, stage: 'mfa' });
    const gated = await c.get('/api/v1/organizations');
    expect(gated.statusCode).toBe(401);
    expect(gated.json().code).toBe('MFA_REQUIRED');
    expect((await c.get('/api/v1/me')).json().code).toBe('MFA_REQUIRED');
    const wrong = await c.post('/api/v1/sessions/mfa/verify', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    const ok = await c.post('/api/v1/sessions/mfa/verify', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stage: 'full' });
    expect((await c.get('/api/v1/session')).json().user.username).toBe(username);
    expect((await c.get('/api/v1/organizations')).statusCode).toBe(200);
    // a full session cannot use the second step again
    expect((await c.post('/api/v1/sessions/mfa/verify', { code })).statusCode).toBe(409);
  });

  it('wrong SMS codes are throttled and the code dies after 5 tries; an old code expires', async () => {
    const { username } = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const c = env.client();
    const code = (await c.post('/api/v1/sessions', { username, password: TEST_PASSWORD })).json().mfa.demoCode as string;
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await c.post('/api/v1/sessions/mfa/verify', { code: wrongCode })).statusCode).toBe(400);
    expect((await c.post('/api/v1/sessions/mfa/verify', { code })).statusCode).toBe(429);
    env.clock.advance(1100);
    const dead = await c.post('/api/v1/sessions/mfa/verify', { code });
    expect(dead.statusCode).toBe(400);
    expect(dead.json().message).toContain('已达 5 次');

    const d = env.client();
    const late = (await d.post('/api/v1/sessions', { username, password: TEST_PASSWORD })).json().mfa.demoCode as string;
    env.clock.advance(11 * 60_000);
    const expired = await d.post('/api/v1/sessions/mfa/verify', { code: late });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('已失效');
    // 重新发送 gives a working code
    const resent = await d.post('/api/v1/sessions/mfa/sms');
    expect(resent.statusCode).toBe(200);
    expect((await d.post('/api/v1/sessions/mfa/verify', { code: resent.json().demoCode })).json()).toEqual({ stage: 'full' });
  });

  it('TOTP: enrol with a computed code, sign in with it, no replay, no stale code; recovery codes work once', async () => {
    const { username } = await seedOfficer(env.ctx, 'committeeOffice', '330000');
    const userId = await userIdByUsername(username);
    const c = await env.client().login(username);
    const setup = await c.post('/api/v1/me/mfa/totp');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const [stored] = await env.ctx.db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, userId));
    expect(stored!.totpSecret).not.toContain(secret);
    expect(
      (await c.post('/api/v1/me/mfa/totp/confirm', { code: '000000' === totpCode(secret, env.clock.now) ? '111111' : '000000' }))
        .statusCode,
    ).toBe(400);
    const confirmed = await c.post('/api/v1/me/mfa/totp/confirm', { code: totpCode(secret, env.clock.now) });
    expect(confirmed.statusCode).toBe(200);
    const recovery = confirmed.json().recoveryCodes as string[];
    expect(recovery).toHaveLength(10);
    expect((await c.get('/api/v1/me/mfa')).json()).toMatchObject({ required: true, totpEnabled: true, recoveryCodesLeft: 10 });

    env.clock.advance(STEP);
    const d = env.client();
    const start = await d.post('/api/v1/sessions', { username, password: TEST_PASSWORD });
    expect(start.json().mfa).toEqual({ method: 'totp', mobileMasked: null });
    const code = totpCode(secret, env.clock.now);
    expect((await d.post('/api/v1/sessions/mfa/verify', { code })).json()).toEqual({ stage: 'full' });
    // the same code again (same step): refused
    const e = env.client();
    await e.post('/api/v1/sessions', { username, password: TEST_PASSWORD });
    const replay = await e.post('/api/v1/sessions/mfa/verify', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().message).toContain('已使用过');
    // a code from three steps ago: refused (±1 step only)
    const stale = await e.post('/api/v1/sessions/mfa/verify', { code: totpCode(secret, new Date(env.clock.now.getTime() - 3 * STEP)) });
    expect(stale.json().message).toContain('不正确或已过期');
    // a recovery code, once
    expect((await e.post('/api/v1/sessions/mfa/verify', { recoveryCode: recovery[0]!.toLowerCase() })).json()).toEqual({ stage: 'full' });
    const f = env.client();
    await f.post('/api/v1/sessions', { username, password: TEST_PASSWORD });
    const reused = await f.post('/api/v1/sessions/mfa/verify', { recoveryCode: recovery[0] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().message).toContain('已使用过');
    // the test helper signs in with TOTP too
    env.clock.advance(STEP);
    const g = await env.client().login(username, TEST_PASSWORD, { totpSecret: secret, now: env.clock.now });
    expect((await g.get('/api/v1/me/mfa')).json().recoveryCodesLeft).toBe(9);
    expect(await auditCount('user.totpEnabled', userId)).toBe(1);
  });

  it('an allocated account signs in with its second factor, then must change the initial password before anything else', async () => {
    const admin = await env.client().login((await seedOfficer(env.ctx, 'administration', '330000')).username);
    const org = await admin.post('/api/v1/organizations', { kind: 'committeeOffice', name: '浙江省改密测试协会', regionId: '330000' });
    expect(
      (
        await admin.post(`/api/v1/organizations/${org.json().id}/accounts`, {
          realName: '新经办人',
          username: 'firstlogin',
          password: TEST_PASSWORD,
          mobile: '13600009999',
        })
      ).statusCode,
    ).toBe(201);
    const c = await env.client().login('firstlogin');
    expect((await c.get('/api/v1/session')).json()).toMatchObject({ user: null, stage: 'password' });
    const gated = await c.get('/api/v1/me');
    expect(gated.statusCode).toBe(403);
    expect(gated.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await c.get('/api/v1/session')).json()).toMatchObject({ stage: 'full', user: { username: 'firstlogin' } });
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    const [u] = await env.ctx.db.select().from(users).where(eq(users.username, 'firstlogin'));
    expect(u).toMatchObject({ passwordMustChange: false });
    // next time: no forced change
    const again = await env.client().login('firstlogin', NEW_PASSWORD);
    expect((await again.get('/api/v1/session')).json().stage).toBe('full');
  });

  it('a half-signed-in session ends after PENDING_SESSION_MINUTES; a full one then gets the normal lifetime', async () => {
    const { username } = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const c = env.client();
    await c.post('/api/v1/sessions', { username, password: TEST_PASSWORD });
    env.clock.advance((PENDING_SESSION_MINUTES + 1) * 60_000);
    const late = await c.post('/api/v1/sessions/mfa/verify', { code: '123456' });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SESSION_EXPIRED');
    const d = await env.client().login(username);
    env.clock.advance((PENDING_SESSION_MINUTES + 1) * 60_000);
    expect((await d.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('applicants and employer operators sign in with the password alone', async () => {
    const a = await registerApplicant(env);
    const res = await env.client().post('/api/v1/sessions', { username: a.idNumber, password: TEST_PASSWORD });
    expect(res.json()).toEqual({ ok: true, stage: 'full' });
  });
});
