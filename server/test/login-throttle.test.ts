/**
 * Issue 8 item 3: failed passwords are throttled per (account, client address) with growing delays;
 * nobody can lock the owner out, and parallel guesses get exactly the allowed number of checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, loginThrottle } from '../src/platform/db/schema';
import { ACCOUNT_SOFT_CEILING, THROTTLE_WINDOW_MS, pairKey } from '../src/platform/auth/throttle';
import { purgeExpiredSessions } from '../src/platform/auth/session';
import { TEST_PASSWORD, dbKind, registerApplicant, seedApprovedEmployer, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

const WRONG = 'Wrong@pass1';

async function attempt(ip: string, username: string, password: string) {
  const c = env.client();
  c.ip = ip;
  return c.post('/api/v1/sessions', { username, password });
}

describe(`login throttling without lock-out (${dbKind})`, () => {
  it('20 parallel wrong guesses from one address get exactly 5 password checks; the owner signs in from elsewhere', async () => {
    const { username, operator } = await seedApprovedEmployer(env.ctx, '330127');
    const ip = '10.20.0.1';
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(ip, username, WRONG)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(env.ctx.config.loginMaxFailures);
    expect(codes.filter((c) => c === 429)).toHaveLength(20 - env.ctx.config.loginMaxFailures);
    const throttled = results.find((r) => r.statusCode === 429)!.json();
    expect(throttled.code).toBe('TOO_MANY_REQUESTS');
    expect(throttled.message).toMatch(/请 \d+ 秒后再试/);
    // the counter says 5, and exactly 5 password checks failed (one audit row each)
    const [row] = await env.ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(username, ip)));
    expect(row?.failures).toBe(env.ctx.config.loginMaxFailures);
    const failed = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.loginFailed'), eq(auditEvents.targetId, operator.id)));
    expect(failed).toHaveLength(env.ctx.config.loginMaxFailures);
    // even the right password waits on that address
    expect((await attempt(ip, username, TEST_PASSWORD)).statusCode).toBe(429);
    // the owner, elsewhere, is not locked out
    expect((await attempt('10.20.0.2', username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('delays grow (1 s, 2 s, 4 s …) and a correct password clears the address', async () => {
    const { username } = await seedApprovedEmployer(env.ctx, '330127');
    const ip = '10.21.0.1';
    for (let i = 0; i < 5; i += 1) expect((await attempt(ip, username, WRONG)).statusCode).toBe(401);
    const first = await attempt(ip, username, WRONG);
    expect(first.statusCode).toBe(429);
    expect(first.json().message).toContain('请 1 秒后再试');
    env.clock.advance(1100);
    expect((await attempt(ip, username, WRONG)).statusCode).toBe(401);
    const second = await attempt(ip, username, WRONG);
    expect(second.json().message).toContain('请 2 秒后再试');
    env.clock.advance(2100);
    expect((await attempt(ip, username, WRONG)).statusCode).toBe(401);
    expect((await attempt(ip, username, WRONG)).json().message).toContain('请 4 秒后再试');
    env.clock.advance(4100);
    expect((await attempt(ip, username, TEST_PASSWORD)).statusCode).toBe(200);
    const rows = await env.ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(username, ip)));
    expect(rows).toHaveLength(0);
  });

  it('the delay never exceeds LOGIN_LOCK_MINUTES', async () => {
    const { username } = await seedApprovedEmployer(env.ctx, '330127');
    const ip = '10.22.0.1';
    const now = env.clock.now;
    await env.ctx.db.insert(loginThrottle).values({ key: pairKey(username, ip), failures: 40, lastFailureAt: now, blockedUntil: now });
    expect((await attempt(ip, username, WRONG)).statusCode).toBe(401);
    const [row] = await env.ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(username, ip)));
    expect(row!.blockedUntil!.getTime() - now.getTime()).toBe(env.ctx.config.loginLockMinutes * 60_000);
  });

  it(`after ${ACCOUNT_SOFT_CEILING} failures from many addresses, new addresses get one free try; the owner still signs in`, async () => {
    const { username } = await seedApprovedEmployer(env.ctx, '330127');
    const perIp = env.ctx.config.loginMaxFailures;
    for (let n = 0; n < ACCOUNT_SOFT_CEILING / perIp; n += 1) {
      await Promise.all(Array.from({ length: perIp }, () => attempt(`10.23.${n}.1`, username, WRONG)));
    }
    expect((await attempt('10.23.200.1', username, WRONG)).statusCode).toBe(401);
    expect((await attempt('10.23.200.1', username, WRONG)).statusCode).toBe(429);
    expect((await attempt('10.23.201.1', username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an ID number enters the throttle only as its keyed hash', async () => {
    const { idNumber } = await registerApplicant(env);
    const ip = '10.25.0.1';
    expect((await attempt(ip, idNumber, WRONG)).statusCode).toBe(401);
    expect(
      await env.ctx.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, pairKey(idNumber, ip))),
    ).toHaveLength(0);
    const [row] = await env.ctx.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(env.ctx.pii.hash('id_number', idNumber), ip)));
    expect(row?.failures).toBe(1);
    // and the right password still signs in (and clears it)
    expect((await attempt(ip, idNumber, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('the housekeeping loop forgets failures older than the window', async () => {
    const now = env.clock.now;
    const old = new Date(now.getTime() - THROTTLE_WINDOW_MS - 60_000);
    await env.ctx.db.insert(loginThrottle).values([
      { key: 'stale-test', failures: 3, lastFailureAt: old, blockedUntil: null },
      { key: 'fresh-test', failures: 3, lastFailureAt: now, blockedUntil: null },
    ]);
    await purgeExpiredSessions(env.ctx.db, env.ctx.config.sessionIdleMinutes, now);
    const keys = (await env.ctx.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys).toContain('fresh-test');
    expect(keys).not.toContain('stale-test');
  });

  it('an unknown account is throttled the same way (no account enumeration by the answer)', async () => {
    const ip = '10.24.0.1';
    for (let i = 0; i < 5; i += 1) expect((await attempt(ip, 'nobody-at-all', WRONG)).json().code).toBe('BAD_CREDENTIALS');
    expect((await attempt(ip, 'nobody-at-all', WRONG)).statusCode).toBe(429);
  });
});
