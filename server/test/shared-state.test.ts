/**
 * Issue 8 item 9, in one process: what several app nodes share — SMS outbox claims, request rate limits
 * (PostgreSQL store, Redis store), the pledge-token secret. The two-process test is multi-node.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { buildApp, type App } from '../src/app';
import { calendarYears, platformSecrets, rateLimitBuckets, smsOutbox } from '../src/platform/db/schema';
import { CALENDAR_CACHE_MS, calendarFor } from '../src/modules/calendar/service';
import {
  claimSmsBatch,
  deliverSmsOutbox,
  nonOverlappingInterval,
  SMS_POLICY,
  smsRetryDelaySeconds,
  type SmsGateway,
} from '../src/platform/notifications/notify';
import { platformSecret } from '../src/platform/bootstrap';
import { purgeExpiredBuckets } from '../src/platform/ratelimit/postgres-store';
import { rateLimitStoreKind, redisNamespace } from '../src/platform/ratelimit/rate-limit';
import { readToken, signToken } from '../src/modules/applications/pledge';
import type { AppContext } from '../src/platform/context';
import { dbKind, startTestApp, TestClient, type TestEnv } from './helper';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

/** A gateway that counts calls per body and takes its time, like a slow real one. */
function countingGateway(latencyMs: number, fail = false) {
  const calls = new Map<string, number>();
  const gateway: SmsGateway = {
    async send(_mobile, body) {
      calls.set(body, (calls.get(body) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, latencyMs));
      // a real gateway may quote the number in its error: it must not reach last_error (shown to administrators)
      if (fail) throw new Error('短信网关暂时不可用 13900001111');
      return { messageId: `t-${body}` };
    },
  };
  return { gateway, calls };
}

async function enqueue(n: number, tag: string): Promise<string[]> {
  const rows = await env.ctx.db
    .insert(smsOutbox)
    .values(Array.from({ length: n }, (_, i) => ({ mobile: '13900001111', template: 'test', body: `${tag}-${i}` })))
    .returning({ id: smsOutbox.id });
  return rows.map((r) => r.id);
}

describe(`SMS outbox claims (${dbKind})`, () => {
  it('two deliveries running at once (two nodes, or a tick overlapping a slow one) send each message exactly once', async () => {
    const ids = await enqueue(6, 'twice');
    const { gateway, calls } = countingGateway(50);
    const [a, b] = await Promise.all([deliverSmsOutbox(env.ctx.db, gateway), deliverSmsOutbox(env.ctx.db, gateway)]);
    expect(a + b).toBe(6);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(6);
    const rows = await env.ctx.db.select().from(smsOutbox).where(inArray(smsOutbox.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.providerMessageId?.startsWith('t-twice-'))).toBe(true);
  });

  it('a failed send waits with a growing delay, and is marked failed after the last attempt', async () => {
    const [id] = await enqueue(1, 'fails');
    const { gateway, calls } = countingGateway(1, true);
    expect(await deliverSmsOutbox(env.ctx.db, gateway)).toBe(0);
    let [row] = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.id, id!));
    expect(row).toMatchObject({ status: 'queued', attempts: 1, claimedAt: null });
    expect(row!.lastError).toContain('短信网关暂时不可用');
    expect(row!.lastError).not.toContain('13900001111');
    const wait = (row!.nextAttemptAt!.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(smsRetryDelaySeconds(1) - 5);
    expect(smsRetryDelaySeconds(2)).toBe(2 * smsRetryDelaySeconds(1));
    // not due yet: the next tick leaves it alone
    await deliverSmsOutbox(env.ctx.db, gateway);
    expect(calls.get('fails-0')).toBe(1);
    for (let i = 2; i <= SMS_POLICY.maxAttempts; i++) {
      await env.ctx.db
        .update(smsOutbox)
        .set({ nextAttemptAt: sql`now() - interval '1 second'` })
        .where(eq(smsOutbox.id, id!));
      await deliverSmsOutbox(env.ctx.db, gateway);
    }
    [row] = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.id, id!));
    expect(row).toMatchObject({ status: 'failed', attempts: SMS_POLICY.maxAttempts, nextAttemptAt: null });
    expect(calls.get('fails-0')).toBe(SMS_POLICY.maxAttempts);
  });

  it('a live claim is left alone; a stale one (its node died mid-send) is taken over', async () => {
    const [live, dead] = await enqueue(2, 'claim');
    await env.ctx.db
      .update(smsOutbox)
      .set({ status: 'sending', attempts: 1, claimedAt: sql`now() - interval '10 seconds'` })
      .where(eq(smsOutbox.id, live!));
    await env.ctx.db
      .update(smsOutbox)
      .set({ status: 'sending', attempts: 1, claimedAt: sql`now() - ${SMS_POLICY.staleClaimSeconds + 60}::int * interval '1 second'` })
      .where(eq(smsOutbox.id, dead!));
    const claimed = await claimSmsBatch(env.ctx.db);
    expect(claimed.map((c) => c.id)).toEqual([dead]);
    expect(claimed[0]!.attempts).toBe(2);
    // the dead node's late answer does not overwrite the new claim
    await env.ctx.db
      .update(smsOutbox)
      .set({ status: 'sent' })
      .where(sql`${smsOutbox.id} = ${dead!} and ${smsOutbox.attempts} = 1`);
    const [row] = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.id, dead!));
    expect(row!.status).toBe('sending');
  });

  it('the delivery loop never runs two ticks at once in one process', async () => {
    let running = 0;
    let overlapped = false;
    let ticks = 0;
    const timer = nonOverlappingInterval(
      async () => {
        running += 1;
        ticks += 1;
        if (running > 1) overlapped = true;
        await new Promise((r) => setTimeout(r, 60));
        running -= 1;
      },
      10,
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(1);
    expect(overlapped).toBe(false);
  });
});

/** Two apps (two "nodes") over one database, with a small limited route of their own. */
async function twoNodes(ctx: AppContext): Promise<[App, App]> {
  const build = async () => {
    const app = await buildApp(ctx);
    app.get('/api/test-limited', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
    await app.ready();
    return app;
  };
  return [await build(), await build()];
}

async function hammer(nodes: [App, App], ip: string, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < times; i++)
    codes.push((await nodes[i % 2]!.inject({ method: 'GET', url: '/api/test-limited', remoteAddress: ip })).statusCode);
  return codes;
}

describe(`rate limits shared between nodes (${dbKind})`, () => {
  it('the store: Redis when REDIS_URL is set, PostgreSQL on PostgreSQL, memory only for the embedded database', () => {
    const c = env.ctx.config;
    expect(rateLimitStoreKind({ dbKind: 'postgres', config: { ...c, rateLimitStore: 'auto', redisUrl: null } })).toBe('postgres');
    expect(rateLimitStoreKind({ dbKind: 'pglite', config: { ...c, rateLimitStore: 'auto', redisUrl: null } })).toBe('memory');
    expect(rateLimitStoreKind({ dbKind: 'postgres', config: { ...c, rateLimitStore: 'auto', redisUrl: redisUrl } })).toBe('redis');
    expect(rateLimitStoreKind({ dbKind: 'postgres', config: { ...c, rateLimitStore: 'memory', redisUrl: redisUrl } })).toBe('memory');
    expect(() => rateLimitStoreKind({ dbKind: 'postgres', config: { ...c, rateLimitStore: 'redis', redisUrl: null } })).toThrow(
      /REDIS_URL/,
    );
  });

  it('PostgreSQL store: hits on either node count together; the limit is reached at the shared count', async () => {
    const ctx = { ...env.ctx, config: { ...env.ctx.config, rateLimitStore: 'postgres' as const } };
    const nodes = await twoNodes(ctx);
    try {
      const codes = await hammer(nodes, '10.9.8.7', 5);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      // another address has its own allowance
      expect(await hammer(nodes, '10.9.8.6', 1)).toEqual([200]);
      const rows = await env.ctx.db.select().from(rateLimitBuckets);
      expect(rows.some((r) => r.key.includes('10.9.8.7'))).toBe(false); // addresses are not stored in clear
      expect(rows.map((r) => r.hits).sort()).toEqual(expect.arrayContaining([1, 5]));
      // an ended window is purged, and the next hit starts a new one
      await env.ctx.db.update(rateLimitBuckets).set({ resetAt: sql`now() - interval '2 minutes'` });
      expect(await purgeExpiredBuckets(env.ctx.db, 60_000)).toBeGreaterThanOrEqual(2);
      expect(await hammer(nodes, '10.9.8.7', 1)).toEqual([200]);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('PostgreSQL store: parallel hits are counted atomically', async () => {
    const ctx = { ...env.ctx, config: { ...env.ctx.config, rateLimitStore: 'postgres' as const } };
    const nodes = await twoNodes(ctx);
    try {
      const codes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          nodes[i % 2]!.inject({ method: 'GET', url: '/api/test-limited', remoteAddress: '10.9.9.9' }).then((r) => r.statusCode),
        ),
      );
      expect(codes.filter((c) => c === 200)).toHaveLength(3);
      expect(codes.filter((c) => c === 429)).toHaveLength(9);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('Redis store (REDIS_URL): hits on either node count together', async (t) => {
    const probe = new Redis(redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: true });
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    if (!up) {
      probe.disconnect();
      t.skip(`Redis is not reachable at ${redisUrl} (set TEST_REDIS_URL)`);
      return;
    }
    const ctx = { ...env.ctx, config: { ...env.ctx.config, rateLimitStore: 'redis' as const, redisUrl } };
    const keys = await probe.keys(`${redisNamespace(ctx)}*`);
    if (keys.length) await probe.del(...keys);
    const nodes = await twoNodes(ctx);
    try {
      expect(await hammer(nodes, '10.7.7.7', 5)).toEqual([200, 200, 200, 429, 429]);
      expect((await probe.keys(`${redisNamespace(ctx)}*`)).length).toBeGreaterThan(0);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      const left = await probe.keys(`${redisNamespace(ctx)}*`);
      if (left.length) await probe.del(...left);
      await probe.quit();
    }
  });

  it('a real limited route (POST /sessions) uses the shared store', async () => {
    const ctx = { ...env.ctx, config: { ...env.ctx.config, rateLimitStore: 'postgres' as const } };
    const nodes = await twoNodes(ctx);
    try {
      const a = new TestClient(nodes[0]);
      const b = new TestClient(nodes[1]);
      b.ip = a.ip;
      const first = await a.post('/api/v1/sessions', { username: 'nobody-here', password: 'x' });
      const limit = Number(first.headers['x-ratelimit-limit']);
      expect(limit).toBeGreaterThan(0);
      expect(Number(first.headers['x-ratelimit-remaining'])).toBe(limit - 1);
      const second = await b.post('/api/v1/sessions', { username: 'nobody-here', password: 'x' });
      expect(Number(second.headers['x-ratelimit-remaining'])).toBe(limit - 2);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });
});

describe(`pledge-token secret (${dbKind})`, () => {
  it('is generated once, kept in the database, and read back by every node', async () => {
    const [row] = await env.ctx.db.select().from(platformSecrets).where(eq(platformSecrets.name, 'pledgeToken'));
    expect(row!.value).toHaveLength(64);
    expect(env.ctx.secrets.pledgeToken).toBe(row!.value);
    // a second node bootstrapping on the same database gets the same secret, not a new one
    expect(await platformSecret(env.ctx.db, 'pledgeToken')).toBe(row!.value);
    const otherNode = { secrets: { pledgeToken: await platformSecret(env.ctx.db, 'pledgeToken') } };
    const id = '00000000-0000-4000-8000-000000000001';
    const token = signToken(env.ctx, id, Date.now() + 60_000);
    expect(readToken(otherNode, token, new Date())).toBe(id);
    expect(() => readToken({ secrets: { pledgeToken: 'another-process-random-secret' } }, token, new Date())).toThrow(/签名链接无效/);
  });
});

describe(`per-process caches (${dbKind})`, () => {
  it('the working-day calendar: a year entered on another node is seen here within CALENDAR_CACHE_MS', async () => {
    const t0 = Date.now();
    const before = await calendarFor(env.ctx.db, t0);
    expect(before.knownYears.has(2031)).toBe(false);
    // another node saves 2031 (its own cache is rebuilt; ours is not told)
    await env.ctx.db.insert(calendarYears).values({ year: 2031, holidays: ['2031-01-01'], workdays: [] });
    expect((await calendarFor(env.ctx.db, t0 + 1000)).knownYears.has(2031)).toBe(false);
    const after = await calendarFor(env.ctx.db, t0 + CALENDAR_CACHE_MS + 1);
    expect(after.knownYears.has(2031)).toBe(true);
    expect(after.holidays.has('2031-01-01')).toBe(true);
  });
});
