/**
 * Issue 8 item 9: two real server processes (`tsx server/src/main.ts`) on one PostgreSQL database,
 * started at the same moment, behave like one platform — a session opened on node A works on node B,
 * a pledge link made on A opens and is signed on B, every queued SMS is sent exactly once although
 * the gateway is slower than the delivery loop, and rate limits and login throttling count requests
 * on both nodes together. Neither process logs personal data.
 *
 * PostgreSQL only (TEST_DB=postgres): the embedded PGlite database is one process by design.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { DEMO_ROUND_KEY } from '../src/modules/demo/demo-round';
import { SMS_POLICY } from '../src/platform/notifications/notify';
import { dbKind } from './helper';

const root = resolve(import.meta.dirname, '../..');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** the demo gateway takes longer than one tick of the delivery loop: the old loop sent such a message twice */
const SLOW_GATEWAY_MS = SMS_POLICY.loopIntervalMs + 400;
const SMS_COUNT = 4;
/** two cold tsx start-ups at once on a busy 2-core CI machine */
const START_TIMEOUT_MS = 60_000;

interface Node {
  name: string;
  url: string;
  proc: ChildProcess;
  out: string[];
  exited: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function startNode(name: string, env: NodeJS.ProcessEnv): Node {
  const proc = spawn(join(root, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const node: Node = { name, url: `http://127.0.0.1:${env.PORT}`, proc, out: [], exited: false };
  proc.stdout!.on('data', (b: Buffer) => node.out.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => node.out.push(b.toString()));
  proc.on('exit', () => (node.exited = true));
  return node;
}

async function waitReady(node: Node): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (node.exited) throw new Error(`${node.name} exited:\n${node.out.join('')}`);
    const ok = await fetch(`${node.url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${node.name} did not start in ${START_TIMEOUT_MS} ms:\n${node.out.join('')}`);
}

async function stopNode(node: Node): Promise<void> {
  if (node.exited || !node.proc.pid) return;
  const gone = new Promise((r) => node.proc.once('exit', r));
  try {
    process.kill(-node.proc.pid, 'SIGTERM'); // the process group: tsx and the node process it runs
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-node.proc.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await gone;
  clearTimeout(timer);
}

/** One browser: one cookie jar, whichever node the load balancer sends it to. */
class Browser {
  cookies = new Map<string, string>();
  async request(node: Node, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('zc_csrf') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${node.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, json: json as Record<string, unknown> & { message?: string } };
  }
  /** the CSRF cookie, as the SPA gets it on load */
  async open(node: Node) {
    await this.request(node, 'GET', '/api/v1/session');
    return this;
  }
}

describe.skipIf(dbKind !== 'postgres')(
  'two app nodes on one PostgreSQL (issue 8 item 9; runs in the PostgreSQL suite only — PGlite is one process)',
  () => {
    let dbName = '';
    let databaseUrl = '';
    let dataDir = '';
    let db: pg.Client;
    let a: Node;
    let b: Node;

    beforeAll(async () => {
      dbName = `zc_mn_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      databaseUrl = u.toString();
      dataDir = await mkdtemp(join(tmpdir(), 'zc-multi-node-'));
      // one platform: the same database and the same keys; each node its own port and data directory
      const shared: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: '4',
        DEMO_MODE: 'true',
        SEED_DEMO: 'true',
        SMS_DEMO_LATENCY_MS: String(SLOW_GATEWAY_MS),
        REGISTRY_DEMO_LATENCY_MS: '2',
        WEB_DIST: '',
        LOG_LEVEL: 'info',
        PII_ENC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        PII_HASH_KEY: randomBytes(32).toString('base64'),
      };
      const [pa, pb] = [await freePort(), await freePort()];
      // both at once: migrations and demo seeding must not race
      a = startNode('A', { ...shared, PORT: String(pa), PUBLIC_URL: `http://127.0.0.1:${pa}`, DATA_DIR: join(dataDir, 'a') });
      b = startNode('B', { ...shared, PORT: String(pb), PUBLIC_URL: `http://127.0.0.1:${pb}`, DATA_DIR: join(dataDir, 'b') });
      await Promise.all([waitReady(a), waitReady(b)]);
      db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
    }, START_TIMEOUT_MS + 15_000);

    afterAll(async () => {
      await Promise.all([a, b].filter(Boolean).map(stopNode));
      await db?.end().catch(() => undefined);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    }, 20_000);

    it('both nodes started together; the demo data was written once', async () => {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from users where username = 'admin'`);
      expect(rows[0]!.n).toBe(1);
      const plans = await db.query<{ n: number }>(`select count(*)::int as n from plans where key = $1`, [DEMO_ROUND_KEY]);
      expect(plans.rows[0]!.n).toBe(1);
      const secrets = await db.query<{ n: number }>(`select count(*)::int as n from platform_secrets where name = 'pledgeToken'`);
      expect(secrets.rows[0]!.n).toBe(1);
    });

    it('a session opened on A works on B (reads and CSRF-checked writes); logging out on B ends it on A', async () => {
      const zhang = await new Browser().open(a);
      const login = await zhang.request(a, 'POST', '/api/v1/sessions', {
        username: DEMO_PEOPLE.zhangWei.idNumber,
        password: DEMO_PASSWORD,
      });
      expect(login.status, JSON.stringify(login.json)).toBe(200);
      const me = await zhang.request(b, 'GET', '/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.json.realName).toBe('张伟');

      // the pledge: the link made on A opens and is signed on B (the phone may reach either node)
      const { rows } = await db.query<{ id: string }>(`select id from plans where key = $1`, [DEMO_ROUND_KEY]);
      const created = await zhang.request(b, 'POST', '/api/v1/applications', { planId: rows[0]!.id });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = created.json.id as string;
      const token = await zhang.request(a, 'POST', `/api/v1/applications/${id}/pledge-token`, {});
      expect(token.status).toBe(200);
      const phone = new Browser();
      const view = await phone.request(b, 'GET', `/api/v1/pledge/${token.json.token as string}`);
      expect(view.status, JSON.stringify(view.json)).toBe(200);
      expect(view.json).toMatchObject({ applicantName: '张伟', signed: false });
      const sig = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
        .png()
        .toBuffer();
      await phone.open(b);
      const signed = await phone.request(b, 'POST', `/api/v1/pledge/${token.json.token as string}`, { signature: sig.toString('base64') });
      expect(signed.status, JSON.stringify(signed.json)).toBe(200);
      expect((await zhang.request(a, 'GET', `/api/v1/applications/${id}`)).json.pledgeSignedAt).not.toBeNull();

      expect((await zhang.request(b, 'DELETE', '/api/v1/sessions/current')).status).toBe(200);
      const after = await zhang.request(a, 'GET', '/api/v1/me');
      expect(after.status).toBe(401);
    });

    it('rate limits count requests on both nodes together', async () => {
      const client = await new Browser().open(a);
      const codes: number[] = [];
      let limit = 0;
      for (let i = 0; i < 40 && !codes.includes(429); i++) {
        const r = await client.request(i % 2 === 0 ? a : b, 'POST', '/api/v1/applicants', {});
        if (i === 0) limit = Number(r.headers.get('x-ratelimit-limit'));
        codes.push(r.status);
      }
      expect(limit).toBeGreaterThan(1);
      // with a store per process the refusal would come only after `limit` requests on each node
      expect(codes.length).toBe(limit + 1);
      expect(codes.slice(0, limit).every((c) => c === 400)).toBe(true);
      expect(codes[limit]).toBe(429);
    });

    it('login throttling counts wrong passwords on both nodes together', async () => {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from login_throttle`);
      const before = rows[0]!.n;
      const guesser = await new Browser().open(a);
      const codes: number[] = [];
      let last: { message?: string } = {};
      for (let i = 0; i < 12 && !codes.includes(429); i++) {
        const r = await guesser.request(i % 2 === 0 ? a : b, 'POST', '/api/v1/sessions', {
          username: DEMO_PEOPLE.liNa.idNumber,
          password: 'Wrong@2026x',
        });
        codes.push(r.status);
        last = r.json;
      }
      const maxFailures = 5; // LOGIN_MAX_FAILURES, default (config.ts)
      expect(codes.slice(0, maxFailures).every((c) => c === 401)).toBe(true);
      expect(codes).toHaveLength(maxFailures + 1);
      expect(codes[maxFailures]).toBe(429);
      expect(last.message).toMatch(/秒后再试/);
      expect((await db.query<{ n: number }>(`select count(*)::int as n from login_throttle`)).rows[0]!.n).toBeGreaterThan(before);
    });

    it('every queued SMS is sent exactly once, though the gateway is slower than the loop and both nodes deliver', async () => {
      const mobiles = Array.from({ length: SMS_COUNT }, (_, i) => `1390000${String(7000 + i)}`);
      const enqueue = async (some: string[]) =>
        (
          await db.query<{ id: string }>(
            `insert into sms_outbox (mobile, template, body) select m, 'multiNode', '【职称申报评审平台】多节点测试' || m from unnest($1::text[]) m returning id`,
            [some],
          )
        ).rows.map((r) => r.id);
      // a first wave keeps one node busy at its slow gateway; the second wave, queued meanwhile, goes to the other node
      const ids = await enqueue(mobiles.slice(0, SMS_COUNT / 2));
      const claimedBy = Date.now() + 3 * SMS_POLICY.loopIntervalMs;
      while (
        Date.now() < claimedBy &&
        (await db.query(`select 1 from sms_outbox where id = any($1) and status = 'queued'`, [ids])).rowCount
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      ids.push(...(await enqueue(mobiles.slice(SMS_COUNT / 2))));
      const until = Date.now() + SMS_COUNT * SLOW_GATEWAY_MS + 4 * SMS_POLICY.loopIntervalMs + 5000;
      let sent = 0;
      while (Date.now() < until) {
        sent = (await db.query<{ n: number }>(`select count(*)::int as n from sms_outbox where id = any($1) and status = 'sent'`, [ids]))
          .rows[0]!.n;
        if (sent === SMS_COUNT) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(sent).toBe(SMS_COUNT);
      // let any duplicate that was still on its way to the gateway arrive
      await new Promise((r) => setTimeout(r, SLOW_GATEWAY_MS + SMS_POLICY.loopIntervalMs));
      const states = await db.query<{ id: string; status: string; attempts: number; provider_message_id: string }>(
        `select id, status, attempts, provider_message_id from sms_outbox where id = any($1)`,
        [ids],
      );
      expect(states.rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.provider_message_id.startsWith('demo-'))).toBe(true);
      // the demo gateway's message id names the process that sent it: both nodes took part
      expect(new Set(states.rows.map((r) => r.provider_message_id.split('-')[1])).size).toBe(2);
      // the gateway calls, as the nodes logged them ("sms sent" with the outbox id, never the number)
      const deliveries = [a, b].flatMap((n) =>
        n.out
          .join('')
          .split('\n')
          .filter((l) => l.includes('"sms sent"'))
          .map((l) => (JSON.parse(l) as { smsId: string }).smsId),
      );
      for (const id of ids)
        expect(
          deliveries.filter((d) => d === id),
          `message ${id} sent ${deliveries.filter((d) => d === id).length} times`,
        ).toHaveLength(1);
      const logs = [a, b].map((n) => n.out.join('')).join('\n');
      for (const m of mobiles) expect(logs).not.toContain(m);
    }, 60_000);

    it('neither process logs personal data (ID numbers, mobile numbers) in its structured log', () => {
      const jsonLines = [a, b]
        .flatMap((n) => n.out.join('').split('\n'))
        .filter((l) => l.startsWith('{'))
        .join('\n');
      expect(jsonLines.length).toBeGreaterThan(0);
      for (const p of Object.values(DEMO_PEOPLE)) {
        expect(jsonLines).not.toContain(p.idNumber);
        expect(jsonLines).not.toContain(p.mobile);
      }
    });
  },
);
