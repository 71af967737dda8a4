/**
 * Request rate limits (@fastify/rate-limit, per-route `config.rateLimit`) with a store every app node
 * shares (issue 8 item 9; docs/decisions/0013-multi-node.md):
 * - redis: when REDIS_URL is set (RATE_LIMIT_STORE=auto) or RATE_LIMIT_STORE=redis — the plugin's own
 *   Redis store over ioredis. If Redis is unreachable, requests are let through (logged): the limits are
 *   a brake on abuse, and login guessing is throttled separately in PostgreSQL (auth/throttle.ts).
 * - postgres: on PostgreSQL otherwise — `rate_limit_buckets`, one upsert per hit, expired rows purged
 *   (asked for explicitly it also works on the embedded PGlite, which is one process anyway).
 * - memory: the plugin's in-process store; right only for one process (the embedded PGlite database).
 */
import type { FastifyInstance } from 'fastify';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { AppContext } from '../context';
import { postgresStore, purgeExpiredBuckets } from './postgres-store';

export type RateLimitStoreKind = 'postgres' | 'redis' | 'memory';

/** How often each node deletes ended windows from rate_limit_buckets (ours: rows are tiny; hourly limits are the longest we use). */
export const RATE_LIMIT_PURGE_INTERVAL_MS = 5 * 60_000;
/** A window is deleted this long after it ended (so a purge never races a hit that is renewing it). */
export const RATE_LIMIT_PURGE_GRACE_MS = 60_000;
/** ioredis limits as the plugin's README advises: fail fast instead of queueing requests behind a dead Redis. */
const REDIS_OPTIONS = { connectTimeout: 500, maxRetriesPerRequest: 1 } as const;

export function rateLimitStoreKind(ctx: Pick<AppContext, 'config' | 'dbKind'>): RateLimitStoreKind {
  const chosen = ctx.config.rateLimitStore;
  if (chosen === 'redis' && !ctx.config.redisUrl) throw new Error('RATE_LIMIT_STORE=redis 需要同时设置 REDIS_URL');
  if (chosen !== 'auto') return chosen;
  if (ctx.config.redisUrl) return 'redis';
  return ctx.dbKind === 'postgres' ? 'postgres' : 'memory';
}

/**
 * Redis keys of one platform: nodes of one platform share its database, so the database's name
 * separates two platforms (or two test databases) that share one Redis.
 */
export function redisNamespace(ctx: Pick<AppContext, 'config'>): string {
  const db = ctx.config.database;
  const name = db.kind === 'postgres' ? new URL(db.url).pathname.replace(/^\//, '') || 'postgres' : 'pglite';
  return `zc-rl:${name}:`;
}

/** Registers the plugin (routes opt in with `config.rateLimit`) with the configured store; returns the store used. */
export async function registerRateLimit(app: FastifyInstance, ctx: AppContext): Promise<RateLimitStoreKind> {
  const kind = rateLimitStoreKind(ctx);
  const options: RateLimitPluginOptions = { global: false };
  if (kind === 'redis') {
    const redis = new Redis(ctx.config.redisUrl!, REDIS_OPTIONS);
    let warned = false;
    redis.on('error', (e: Error) => {
      if (warned) return;
      warned = true; // ioredis retries by itself; one line per outage is enough
      app.log.warn({ err: e.message }, 'rate limit store (Redis) unreachable; limits not enforced until it is back');
    });
    redis.on('ready', () => {
      warned = false;
    });
    Object.assign(options, { redis, nameSpace: redisNamespace(ctx), skipOnError: true });
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  } else if (kind === 'postgres') {
    options.store = postgresStore(ctx.db);
    const timer = setInterval(() => {
      purgeExpiredBuckets(ctx.db, RATE_LIMIT_PURGE_GRACE_MS).catch((e: unknown) =>
        app.log.warn({ err: (e as Error).message }, 'rate limit purge failed'),
      );
    }, RATE_LIMIT_PURGE_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  await app.register(rateLimit, options);
  return kind;
}
