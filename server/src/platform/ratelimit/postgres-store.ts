/**
 * A store for @fastify/rate-limit kept in PostgreSQL (`rate_limit_buckets`), so every app node counts
 * the same hits (issue 8 item 9). One atomic upsert per hit: a fixed window per key that starts with
 * the key's first hit and restarts once it has run out — the plugin's LocalStore and RedisStore
 * semantics, without `continueExceeding` / `exponentialBackoff` (no route uses them).
 * Keys are SHA-256 digests of route + client key, so client addresses are not stored in clear.
 */
import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { rateLimitBuckets } from '../db/schema';
import type { Db } from '../db/client';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

function bucketKey(prefix: string, key: string): string {
  return createHash('sha256').update(`${prefix}|${key}`).digest('hex');
}

/** One hit for `key` in a window of `timeWindowMs`: returns the hits in the current window and the ms left. */
export async function hit(db: Db, key: string, timeWindowMs: number): Promise<{ current: number; ttl: number }> {
  const windowEnd = sql`now() + ${Math.max(1, Math.trunc(timeWindowMs))}::int * interval '1 millisecond'`;
  const expired = sql`${rateLimitBuckets.resetAt} <= now()`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, hits: 1, resetAt: windowEnd })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitBuckets.hits} + 1 end`,
        resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimitBuckets.resetAt} end`,
      },
    })
    .returning({
      current: rateLimitBuckets.hits,
      ttl: sql<number>`greatest(0, ceil(extract(epoch from (${rateLimitBuckets.resetAt} - now())) * 1000))::int`,
    });
  return { current: row!.current, ttl: Number(row!.ttl) };
}

/** The hits of `key` in its current window, without counting one. */
export async function peek(db: Db, key: string): Promise<{ current: number; ttl: number }> {
  const [row] = await db
    .select({
      current: rateLimitBuckets.hits,
      ttl: sql<number>`ceil(extract(epoch from (${rateLimitBuckets.resetAt} - now())) * 1000)::int`,
    })
    .from(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, key));
  if (!row || Number(row.ttl) <= 0) return { current: 0, ttl: 0 };
  return { current: row.current, ttl: Number(row.ttl) };
}

/** Deletes buckets whose window ended more than `graceMs` ago; returns how many. */
export async function purgeExpiredBuckets(db: Db, graceMs: number): Promise<number> {
  const gone = await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.resetAt, sql`now() - ${Math.trunc(graceMs)}::int * interval '1 millisecond'`))
    .returning({ key: rateLimitBuckets.key });
  return gone.length;
}

/** The store class the plugin instantiates (`store` option); `child` gives each limited route its own key space. */
export function postgresStore(db: Db): FastifyRateLimitStoreCtor {
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'global',
    ) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(db, bucketKey(this.prefix, key), timeWindow).then(
        (r) => callback(null, r),
        (e: unknown) => callback(e as Error),
      );
    }
    read(key: string, callback: Callback): void {
      peek(db, bucketKey(this.prefix, key)).then(
        (r) => callback(null, r),
        (e: unknown) => callback(e as Error),
      );
    }
    child(routeOptions: object): FastifyRateLimitStore {
      // the plugin passes the route's merged limit options, with the route under `routeInfo`
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
      return new PostgresStore(routeOptions, `${method}${info?.url ?? ''}`);
    }
  }
  return PostgresStore as unknown as FastifyRateLimitStoreCtor;
}
