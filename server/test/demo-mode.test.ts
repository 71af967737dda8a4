/**
 * Issue 8 item 1: demo features (demo identity provider, demo data, demo SMS, test clock) run only in
 * demo mode; with SSO off its start answers 404 and /session says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { demoModeWarnings, loadConfig } from '../src/platform/config';
import { newPiiKeyMaterial } from '../src/platform/crypto/pii';
import { dbKind, startTestApp, type TestEnv } from './helper';

const PG = 'postgres://u@db.example:5432/zc';

describe('demo mode in the configuration', () => {
  it('is on by default only for the embedded database; an explicit DEMO_MODE wins', () => {
    expect(loadConfig({}).demoMode).toBe(true);
    expect(loadConfig({ DATABASE_URL: PG }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: PG, DEMO_MODE: 'true' }).demoMode).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(() => loadConfig({ DEMO_MODE: 'yes' })).toThrow('DEMO_MODE 只能是 true 或 false');
  });

  it('keeps its data in ./data at the repository root, whichever folder the server runs in (issue 9 item 8)', () => {
    const root = resolve(import.meta.dirname, '../..');
    const cwd = process.cwd();
    try {
      process.chdir(resolve(root, 'server'));
      expect(loadConfig({}).dataDir).toBe(resolve(root, 'data'));
    } finally {
      process.chdir(cwd);
    }
    expect(loadConfig({ DATA_DIR: '/srv/zc' }).dataDir).toBe('/srv/zc');
  });

  it('with DATABASE_URL the demo switches do nothing, and the log says so', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: PG, SSO_DEMO_IDP: 'true', ZC_TEST_CLOCK: 'true', SEED_DEMO: 'true' };
    const c = loadConfig(env);
    expect(c).toMatchObject({
      demoMode: false,
      seedDemo: false,
      testClock: false,
      sms: { adapter: 'none' },
      sso: { demoIdp: false, enabled: false },
    });
    const warnings = demoModeWarnings(env, c).join('\n');
    expect(warnings).toContain('SSO_DEMO_IDP=true、ZC_TEST_CLOCK=true、SEED_DEMO=true 不起作用');
    expect(warnings).toContain('未配置短信网关');
  });

  it('the embedded database under NODE_ENV=production (npm start) is demo mode with every demo feature', () => {
    const c = loadConfig({ NODE_ENV: 'production', ZC_TEST_CLOCK: 'true' });
    expect(c).toMatchObject({
      demoMode: true,
      seedDemo: true,
      testClock: true,
      sms: { adapter: 'demo' },
      sso: { demoIdp: true, enabled: true },
    });
  });

  it('a real 政务服务网 issuer enables SSO without the demo provider', () => {
    const c = loadConfig({ DATABASE_URL: PG, SSO_ISSUER: 'https://sso.zjzwfw.gov.cn/oidc', SSO_CLIENT_SECRET: 's3cret' });
    expect(c.sso).toMatchObject({ enabled: true, demoIdp: false, issuer: 'https://sso.zjzwfw.gov.cn/oidc' });
    // even in demo mode the demo provider does not stand in for a configured real one
    expect(loadConfig({ SSO_ISSUER: 'https://sso.zjzwfw.gov.cn/oidc' }).sso.demoIdp).toBe(false);
  });
});

describe(`demo mode off (${dbKind})`, () => {
  let env: TestEnv;
  beforeAll(async () => {
    const keys = newPiiKeyMaterial();
    // the switches a careless deployment might carry over: none of them may take effect
    env = await startTestApp(
      {
        DEMO_MODE: 'false',
        SSO_DEMO_IDP: 'true',
        ZC_TEST_CLOCK: 'true',
        SEED_DEMO: 'true',
        PII_ENC_KEYS: keys.encKeys,
        PII_HASH_KEY: keys.hashKey,
      },
      { realClock: true },
    );
  });
  afterAll(async () => env?.close());

  it('the demo identity provider does not exist', async () => {
    for (const url of ['/idp/jwks', '/idp/.well-known/openid-configuration', '/idp/authorize?client_id=zhicheng-platform']) {
      expect((await env.app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('政务服务网 login answers 404 with a Chinese message, and /session says SSO is off', async () => {
    const c = env.client();
    for (const kind of ['personal', 'legalPerson']) {
      const res = await c.get(`/api/v1/auth/sso/${kind}/start`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'SSO_DISABLED', message: expect.stringContaining('统一身份认证登录未开启') });
    }
    expect((await c.get('/api/v1/session')).json().sso).toEqual({ enabled: false });
  });

  it('the test clock route does not exist', async () => {
    expect(env.ctx.testClock).toBeUndefined();
    const res = await env.client().put('/api/test/clock', { offsetDays: 30 });
    expect(res.statusCode).toBe(404);
  });

  it('no SMS is delivered by a pretend gateway', async () => {
    expect(env.ctx.config.sms.adapter).toBe('none');
    await expect(env.ctx.sms.send('13800001111', '测试')).rejects.toThrow('短信网关未配置');
  });
});

describe(`demo mode on (${dbKind})`, () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestApp({ ZC_TEST_CLOCK: 'true' }, { realClock: true });
  });
  afterAll(async () => env?.close());

  it('the demo provider, 政务服务网 login and the test clock are there', async () => {
    expect((await env.app.inject({ url: '/idp/jwks' })).statusCode).toBe(200);
    const c = env.client();
    expect((await c.get('/api/v1/auth/sso/personal/start')).statusCode).toBe(302);
    expect((await c.get('/api/v1/session')).json().sso).toEqual({ enabled: true });
    expect((await c.put('/api/test/clock', { offsetDays: 1 })).statusCode).toBe(200);
    await expect(env.ctx.sms.send('13800001111', '测试')).resolves.toMatchObject({ messageId: expect.stringMatching(/^demo-/) });
  });
});

describe(`a real 政务服务网 that cannot be reached (${dbKind})`, () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestApp({ DEMO_MODE: 'false' });
    // as SSO_ISSUER would set it: enabled, no demo provider (port 9 answers nothing)
    env.ctx.config.sso = { ...env.ctx.config.sso, issuer: 'http://127.0.0.1:9/oidc', demoIdp: false, enabled: true };
  });
  afterAll(async () => env?.close());

  it('the start answers 502 with a Chinese message, not 500', async () => {
    const res = await env.client().get('/api/v1/auth/sso/personal/start');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'SSO', message: expect.stringContaining('暂时无法连接浙江政务服务网') });
  });
});

/** The real process, as `npm start` runs it: the banner, and what a fresh database holds. */
describe(`the server process (${dbKind})`, () => {
  const root = resolve(import.meta.dirname, '../..');
  let dataDir: string;
  let dbName: string | null = null;
  /** how long main.ts may take to print its banner (below the test's timeout) */
  const STARTUP_WAIT_MS = 150_000;
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-demo-mode-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  /** Starts main.ts, waits for its banner, runs `check` against it, stops it. */
  async function withServer(env: NodeJS.ProcessEnv, check: (base: string, out: string) => Promise<void>) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        WEB_DIST: '',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((ok, ko) => {
        const deadline = Date.now() + STARTUP_WAIT_MS;
        const timer = setInterval(() => {
          if (out.includes('职称申报评审平台已启动')) {
            clearInterval(timer);
            ok();
          } else if (Date.now() > deadline) {
            // give up before the test's own timeout, so `finally` still stops the process
            clearInterval(timer);
            ko(new Error(`server did not start in time: ${out}`));
          }
        }, 100);
        child.on('exit', (code) => {
          clearInterval(timer);
          ko(new Error(`server exited with ${code}: ${out}`));
        });
      });
      await check(`http://127.0.0.1:${port}`, out);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }

  it(
    dbKind === 'postgres'
      ? 'with DATABASE_URL demo mode is off by default: no demo IdP, no demo data'
      : '`npm start` on the embedded database says plainly that demo mode is on',
    async () => {
      if (dbKind === 'pglite') {
        await withServer({}, async (base, out) => {
          expect(out).toContain('演示模式已开启');
          expect(out).toContain('切勿用于生产');
          expect(out).toContain('DEMO_MODE=false');
          expect((await fetch(`${base}/idp/jwks`)).status).toBe(200);
        });
        return;
      }
      dbName = `zc_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      const keys = newPiiKeyMaterial();
      await withServer(
        { DATABASE_URL: u.toString(), PII_ENC_KEYS: keys.encKeys, PII_HASH_KEY: keys.hashKey, SSO_DEMO_IDP: 'true' },
        async (base, out) => {
          expect(out).toContain('演示模式未开启');
          expect(out).not.toContain('演示账号');
          expect((await fetch(`${base}/idp/jwks`)).status).toBe(404);
          const s = await fetch(`${base}/api/v1/session`);
          expect(((await s.json()) as { sso: unknown }).sso).toEqual({ enabled: false });
          const csrf = /zc_csrf=([^;]+)/.exec(s.headers.get('set-cookie') ?? '')![1]!;
          const login = await fetch(`${base}/api/v1/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `zc_csrf=${csrf}`, 'x-csrf-token': csrf },
            body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
          });
          expect(login.status).toBe(401);
        },
      );
    },
    // a cold start with migrations and (PGlite) the whole demo data set: slow on a loaded CI machine
    180_000,
  );
});
