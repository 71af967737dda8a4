/**
 * Integration-test harness (STYLE 11): the app runs in-process and is called with app.inject,
 * against a fresh migrated database per test file — PGlite in memory, or (TEST_DB=postgres) a new
 * database on the PostgreSQL server at TEST_DATABASE_URL, dropped afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../src/app';
import { bootstrap } from '../src/platform/bootstrap';
import { loadConfig } from '../src/platform/config';
import type { AppContext } from '../src/platform/context';
import { employmentBindings, organizations, plans, regions, users } from '../src/platform/db/schema';
import { hashPassword } from '../src/platform/auth/password';
import { totpCode } from '../src/platform/auth/totp';
import { DEMO_PEOPLE, demoCreditCode, demoIdNumber, seedDemoData } from '../src/modules/demo/demo-data';
import { seedPlans } from '../src/modules/plans/seed-plans';
import { DEMO_ROUND_KEY, seedDemoRound } from '../src/modules/demo/demo-round';

export const TEST_PASSWORD = 'Test@2026pw';
/** fixed PII keys for tests (issue 8 item 7): 32 bytes each, base64 */
export const TEST_PII_ENC_KEYS = `t1:${Buffer.alloc(32, 1).toString('base64')}`;
export const TEST_PII_HASH_KEY = Buffer.alloc(32, 2).toString('base64');
export const dbKind = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEnv {
  app: App;
  ctx: AppContext;
  clock: { now: Date; advance(ms: number): void };
  client(): TestClient;
  close(): Promise<void>;
}

/** envOverrides: environment for loadConfig (e.g. DEMO_MODE=false); realClock: the process clock, so ZC_TEST_CLOCK can take effect */
export async function startTestApp(envOverrides: NodeJS.ProcessEnv = {}, opts: { realClock?: boolean } = {}): Promise<TestEnv> {
  const dataDir = await mkdtemp(join(tmpdir(), 'zc-test-'));
  let dbName: string | null = null;
  let databaseUrl: string | null = null;
  if (dbKind === 'postgres') {
    dbName = `zc_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const config = loadConfig(
    // demo mode on: most suites use the demo data and the demo identity provider (demo-mode.test.ts covers it off)
    { NODE_ENV: 'test', WEB_DIST: '', DEMO_MODE: 'true', ...envOverrides },
    {
      dataDir,
      database: databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: 5 } : { kind: 'pglite', dataDir: null },
      logLevel: 'silent',
      publicUrl: 'http://127.0.0.1:3000',
      sso: {
        issuer: 'http://127.0.0.1:3000/idp',
        clientId: 'zhicheng-platform',
        clientSecret: 'test-secret',
        demoIdp: true,
        enabled: true,
      },
      registries: { latencyMs: 2, failureRate: 0 },
      piiEncKeys: TEST_PII_ENC_KEYS,
      piiHashKey: TEST_PII_HASH_KEY,
    },
  );
  const { ctx, database } = await bootstrap(config, opts.realClock ? {} : { now: () => clock.now });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class TestClient {
  cookies = new Map<string, string>();
  /** each client is a different user on a different address, as in real life (the rate limiter is per address) */
  ip = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  constructor(private readonly app: App) {}

  private absorb(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
    if (!this.cookies.has('zc_csrf')) {
      const r = await this.app.inject({ method: 'GET', url: '/api/v1/session', remoteAddress: this.ip });
      this.absorb(r);
    }
    const headers: Record<string, string> = { cookie: this.cookieHeader, ...extraHeaders };
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('zc_csrf') ?? '';
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
    this.absorb(res);
    return res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  del(url: string) {
    return this.request('DELETE', url);
  }

  /**
   * Signs in; a management account's second factor is completed with the SMS code the demo mode returns
   * (`demoCode`), or with `totpSecret` when the account has TOTP. Leaves a forced password change pending.
   */
  async login(username: string, password = TEST_PASSWORD, opts: { totpSecret?: string; now?: Date } = {}) {
    const res = await this.post('/api/v1/sessions', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const body = res.json() as { stage: string; mfa?: { method: string; demoCode?: string } };
    if (body.stage !== 'mfa') return this;
    const code = opts.totpSecret ? totpCode(opts.totpSecret, opts.now ?? new Date()) : body.mfa?.demoCode;
    if (!code) throw new Error(`login ${username}: second factor ${body.mfa?.method} needs a code the test did not give`);
    const v = await this.post('/api/v1/sessions/mfa/verify', { code });
    if (v.statusCode !== 200) throw new Error(`login ${username} second factor failed: ${v.statusCode} ${v.body}`);
    return this;
  }

  /** multipart upload of one file in the field `file` */
  upload(url: string, file: { name: string; content: Buffer; type?: string }) {
    const boundary = `----zc${randomBytes(8).toString('hex')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
}

let serial = 1000;
function next() {
  serial += 1;
  return serial;
}

export async function regionPathOf(ctx: AppContext, key: string): Promise<string> {
  const [r] = await ctx.db.select({ path: regions.path }).from(regions).where(eq(regions.id, key));
  if (!r) throw new Error(`no region ${key}`);
  return r.path;
}

/** Test-data builders, named by the state they produce. */
export async function seedManagementOrg(ctx: AppContext, kind: string, regionKey: string, name = `测试机构${next()}`) {
  const [o] = await ctx.db
    .insert(organizations)
    .values({ kind, name, regionId: regionKey, regionPath: await regionPathOf(ctx, regionKey), status: 'approved' })
    .returning();
  return o!;
}

export async function seedAccount(
  ctx: AppContext,
  opts: { role: 'officer' | 'admin' | 'expert' | 'employer'; orgId: string; username?: string; mobile?: string },
) {
  const username = opts.username ?? `user${next()}`;
  const [u] = await ctx.db
    .insert(users)
    .values({
      role: opts.role,
      orgId: opts.orgId,
      username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      realName: '测试经办人',
      mobile: ctx.pii.encrypt('mobile', opts.mobile ?? '13900001111'),
      mobileHash: ctx.pii.hash('mobile', opts.mobile ?? '13900001111'),
      profileCompletedAt: new Date(),
    })
    .returning();
  return u!;
}

export async function seedOfficer(ctx: AppContext, kind: string, regionKey: string) {
  const org = await seedManagementOrg(ctx, kind, regionKey);
  const user = await seedAccount(ctx, { role: kind === 'administration' ? 'admin' : 'officer', orgId: org.id });
  return { org, user, username: user.username! };
}

export async function seedApprovedEmployer(
  ctx: AppContext,
  regionKey: string,
  opts: { status?: 'approved' | 'pending'; name?: string } = {},
) {
  const n = next();
  const [r] = await ctx.db.select({ code: regions.code }).from(regions).where(eq(regions.id, regionKey));
  const [org] = await ctx.db
    .insert(organizations)
    .values({
      kind: 'employer',
      name: opts.name ?? `测试科技有限公司${n}`,
      regionId: regionKey,
      regionPath: await regionPathOf(ctx, regionKey),
      status: opts.status ?? 'approved',
      creditCode: demoCreditCode(r?.code ?? '330100', n),
      nature: 'privateEnterprise',
      affiliation: 'none',
    })
    .returning();
  const operator = await seedAccount(ctx, { role: 'employer', orgId: org!.id, mobile: '13900002222' });
  return { org: org!, operator, username: operator.username! };
}

let personSeq = 100;
/** A fresh valid ID number each call. */
export function newIdNumber(region = '330127', birth = '19860101'): string {
  personSeq += 1;
  return demoIdNumber(region, birth, String(personSeq % 1000).padStart(3, '0'));
}

export async function registerApplicant(env: TestEnv, over: Partial<{ realName: string; idNumber: string; mobile: string }> = {}) {
  const c = env.client();
  const idNumber = over.idNumber ?? newIdNumber();
  const res = await c.post('/api/v1/applicants', {
    realName: over.realName ?? '测试人',
    idNumber,
    mobile: over.mobile ?? '13812345678',
    password: TEST_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode} ${res.body}`);
  return { client: c, idNumber };
}

/** An applicant with completed basic info, bound (approved) to a fresh employer of the region. */
export async function seedBoundApplicant(env: TestEnv, regionKey = '330127') {
  const a = await seedProfiledApplicant(env);
  const emp = await seedApprovedEmployer(env.ctx, regionKey);
  const [u] = await env.ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', a.idNumber)));
  await env.ctx.db
    .insert(employmentBindings)
    .values({ applicantId: u!.id, employerId: emp.org.id, status: 'approved', decidedAt: new Date() });
  return { ...a, userId: u!.id, employer: emp };
}

export async function seedProfiledApplicant(env: TestEnv) {
  const a = await registerApplicant(env);
  const res = await a.client.put('/api/v1/me/profile', { mobile: '13812345678', currentSpecialty: '软件开发', workStartMonth: '2010-07' });
  if (res.statusCode !== 200) throw new Error(`profile failed ${res.body}`);
  return a;
}

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const PNG_1PX = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/**
 * The demo data, the seed plans and the demo round (seed 000 reopened "today", 2026-11-22 10:00 in
 * Shanghai), as `npm start` has them: the application tests start from 张伟's approved archive.
 */
export async function startDemoRoundApp(): Promise<{ env: TestEnv; planId: string; zhangId: string }> {
  const env = await startTestApp();
  env.clock.now = new Date('2026-11-22T02:00:00Z');
  await seedDemoData(env.ctx.db, env.ctx.pii);
  await seedPlans(env.ctx.db, env.clock.now);
  if (!(await seedDemoRound(env.ctx.db, env.clock.now))) throw new Error('demo round not seeded');
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.key, DEMO_ROUND_KEY));
  const [u] = await env.ctx.db
    .select()
    .from(users)
    .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', DEMO_PEOPLE.zhangWei.idNumber)));
  return { env, planId: p!.id, zhangId: u!.id };
}
