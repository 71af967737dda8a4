import { resolve } from 'node:path';
import type { DatabaseConfig } from './db/client';

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  production: boolean;
  /**
   * DEMO_MODE (issue 8 item 1): the demo identity provider, demo data, demo SMS and the test clock run
   * only when this is on. Default: on for the embedded database (DATABASE_URL unset, `npm start`),
   * off with DATABASE_URL. See applyDemoMode.
   */
  demoMode: boolean;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** after this many wrong passwords in a row the account is locked for lockMinutes */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /**
   * 浙江政务服务网 OIDC. demoIdp: the built-in stand-in at /idp (demo mode only). enabled: derived, the
   * 政务服务网 buttons work (demo IdP on, or SSO_ISSUER names a real provider).
   */
  sso: { issuer: string; clientId: string; clientSecret: string; demoIdp: boolean; enabled: boolean };
  /** adapter 'none': no gateway configured, messages stay queued in the outbox (derived from demoMode) */
  sms: { adapter: 'demo' | 'none'; failureRate: number; latencyMs: number };
  /** shared store for request rate limits (issue 8 item 9): 'auto' = redis when redisUrl is set, else postgres on PostgreSQL, else memory */
  rateLimitStore: 'auto' | 'postgres' | 'redis' | 'memory';
  /** REDIS_URL: optional; rate limits go to Redis when set */
  redisUrl: string | null;
  /** PLEDGE_TOKEN_SECRET: when set, wins over the secret generated once and kept in platform_secrets */
  pledgeTokenSecret: string | null;
  /** demo adapters for the degree registry and social security: latency and failure rate */
  registries: { latencyMs: number; failureRate: number };
  /**
   * PAYMENT_PROVIDER: who takes online payments (platform/adapters/payment.ts). 'demo' = the built-in 演示支付平台,
   * only in demo mode (the default there); 'none' = no online payment (bank transfer and office confirmation only).
   * A real provider is added by implementing PaymentProvider and naming it here.
   */
  payment: { provider: 'demo' | 'none' };
  /** where files go: local disk under dataDir, or s3://bucket?endpoint=…&region=… */
  storageUrl: string | null;
  webDist: string | null;
  seedDemo: boolean;
  logLevel: string;
  /**
   * Browser journeys move the platform's clock (PUT /api/test/clock) instead of sleeping through a
   * publicity period. Never set in production: the route does not exist unless this is on.
   */
  testClock: boolean;
  /** PII_ENC_KEYS: "keyId:base64key[,…]", the first encrypts (platform/crypto/pii.ts); null = demo/embedded key file */
  piiEncKeys: string | null;
  /** PII_HASH_KEY: base64 HMAC key for the ID-number / mobile look-up hashes */
  piiHashKey: string | null;
}

/** The demo SMS gateway's pretend network time when SMS_DEMO_LATENCY_MS is not set (a real gateway answers in tens of ms). */
export const DEMO_SMS_LATENCY_MS = 20;

function rateLimitStoreOf(v: string | undefined): Config['rateLimitStore'] {
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (v === 'postgres' || v === 'redis' || v === 'memory') return v;
  throw new Error(`RATE_LIMIT_STORE 只能是 postgres、redis、memory 或 auto，现为 ${v}`);
}

function paymentProviderOf(v: string | undefined): Config['payment']['provider'] {
  if (v === undefined || v === '' || v === 'demo') return 'demo';
  if (v === 'none') return 'none';
  throw new Error(`PAYMENT_PROVIDER 只能是 demo 或 none（接入真实支付渠道需先实现 PaymentProvider），现为 ${v}`);
}

/** the demo IdP's client secret; a real provider's must differ */
const DEMO_SSO_CLIENT_SECRET = 'demo-client-secret-change-me';

/** DEMO_MODE=true|false; unset: on only for the embedded database (no DATABASE_URL). */
export function demoModeOf(env: NodeJS.ProcessEnv): boolean {
  const v = env.DEMO_MODE;
  if (v === undefined || v === '') return !env.DATABASE_URL;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new Error(`DEMO_MODE 只能是 true 或 false，现为 ${v}`);
}

/**
 * Demo features follow demo mode whatever else is set: without it there is no demo identity
 * provider, no demo data, no demo SMS delivery and no test clock. Applied after overrides too.
 */
export function applyDemoMode(c: Config): Config {
  const ownIdp = c.sso.issuer === `${c.publicUrl}/idp`;
  const demoIdp = c.demoMode && c.sso.demoIdp && ownIdp;
  return {
    ...c,
    sso: { ...c.sso, demoIdp, enabled: demoIdp || !ownIdp },
    sms: { ...c.sms, adapter: c.demoMode ? 'demo' : 'none' },
    seedDemo: c.demoMode && c.seedDemo,
    testClock: c.demoMode && c.testClock,
    payment: { provider: c.demoMode ? c.payment.provider : 'none' },
  };
}

/** What the startup log should say about demo switches that were asked for but do nothing. */
export function demoModeWarnings(env: NodeJS.ProcessEnv, c: Config): string[] {
  const out: string[] = [];
  if (!c.demoMode) {
    const ignored = (['SSO_DEMO_IDP', 'ZC_TEST_CLOCK', 'SEED_DEMO'] as const).filter((k) => env[k] === 'true');
    if (ignored.length) out.push(`未开启演示模式（DEMO_MODE），${ignored.map((k) => `${k}=true`).join('、')} 不起作用`);
    if (env.PAYMENT_PROVIDER === 'demo') out.push('未开启演示模式（DEMO_MODE），PAYMENT_PROVIDER=demo 不起作用：网上缴费未开通');
    if (c.sms.adapter === 'none') out.push('未配置短信网关：短信留在发件箱中不发送（管理员可在“短信发件箱”查看）');
    if (!c.sso.enabled) out.push('未配置浙江政务服务网统一身份认证（SSO_ISSUER）：政务服务网登录已关闭');
  }
  if (c.sso.enabled && !c.sso.demoIdp && c.sso.clientSecret === DEMO_SSO_CLIENT_SECRET)
    out.push('SSO_CLIENT_SECRET 仍是演示值，请改为政务服务网分配的密钥');
  return out;
}

function num(v: string | undefined, d: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : d;
}

/** `./data` at the repository's root (README): config.ts lives in server/src/platform */
export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../../data');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = num(env.PORT, 3000);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  // the README's ./data is the repository's root, whichever folder npm runs the server in (npm start -w server runs in server/)
  const dataDir = resolve(env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const database: DatabaseConfig = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: num(env.DATABASE_POOL_SIZE, 20) }
    : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') };
  const production = env.NODE_ENV === 'production';
  return applyDemoMode({
    host,
    port,
    publicUrl,
    dataDir,
    database,
    production,
    demoMode: demoModeOf(env),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : publicUrl.startsWith('https://'),
    sessionIdleMinutes: num(env.SESSION_IDLE_MINUTES, 30),
    sessionMaxHours: num(env.SESSION_MAX_HOURS, 12),
    loginMaxFailures: num(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: num(env.LOGIN_LOCK_MINUTES, 15),
    sso: {
      issuer: (env.SSO_ISSUER ?? `${publicUrl}/idp`).replace(/\/$/, ''),
      clientId: env.SSO_CLIENT_ID ?? 'zhicheng-platform',
      clientSecret: env.SSO_CLIENT_SECRET ?? DEMO_SSO_CLIENT_SECRET,
      demoIdp: (env.SSO_DEMO_IDP ?? 'true') === 'true',
      enabled: false, // derived in applyDemoMode
    },
    sms: { adapter: 'demo', failureRate: num(env.SMS_DEMO_FAILURE_RATE, 0), latencyMs: num(env.SMS_DEMO_LATENCY_MS, DEMO_SMS_LATENCY_MS) },
    rateLimitStore: rateLimitStoreOf(env.RATE_LIMIT_STORE),
    redisUrl: env.REDIS_URL || null,
    pledgeTokenSecret: env.PLEDGE_TOKEN_SECRET || null,
    registries: { latencyMs: num(env.REGISTRY_DEMO_LATENCY_MS, 200), failureRate: num(env.REGISTRY_DEMO_FAILURE_RATE, 0) },
    payment: { provider: paymentProviderOf(env.PAYMENT_PROVIDER) },
    storageUrl: env.STORAGE_URL || null,
    webDist: env.WEB_DIST === '' ? null : resolve(env.WEB_DIST ?? resolve(import.meta.dirname, '../../../web/dist')),
    seedDemo: (env.SEED_DEMO ?? 'true') === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    testClock: env.ZC_TEST_CLOCK === 'true',
    piiEncKeys: env.PII_ENC_KEYS || null,
    piiHashKey: env.PII_HASH_KEY || null,
    ...overrides,
  });
}
