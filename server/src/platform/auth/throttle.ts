/**
 * Failed-password throttling without lock-out (issue 8 item 3; 等保 2.0 三级 "登录失败处理", ASVS V2.2.1).
 *
 * Two keys in `login_throttle`, shared by every app node because they live in the database:
 * - per (account, client address): `LOGIN_MAX_FAILURES` free tries, then growing delays
 *   (1 s, 2 s, 4 s … capped at `LOGIN_LOCK_MINUTES`). Only that address waits: the owner signing in
 *   from elsewhere is not affected.
 * - per account, across all addresses (soft): after ACCOUNT_SOFT_CEILING failures in the window, every
 *   address gets a single free try before its delays start. It only adds delay to addresses that are
 *   themselves failing, never a lock of the account.
 *
 * An attempt is *reserved* before the password is checked, in one atomic upsert that refuses when the
 * key is blocked: N parallel guesses get exactly the allowed number of real password checks. A correct
 * password releases the reservation (deletes the key).
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { loginThrottle } from '../db/schema';
import type { Queryable } from '../db/client';

/** Failures counted across all addresses after which every address gets only one free try (ours: 10 × the per-address allowance). */
export const ACCOUNT_SOFT_CEILING = 50;
/** Failures older than this are forgotten (a day, as the per-account counter is meant for slow distributed guessing). */
export const THROTTLE_WINDOW_MS = 24 * 3600_000;
/** The first delay after the free tries; each further failure doubles it. */
const FIRST_DELAY_SECONDS = 1;

export interface ThrottlePolicy {
  /** free tries per (account, address): config LOGIN_MAX_FAILURES */
  maxFailures: number;
  /** the longest delay, in minutes: config LOGIN_LOCK_MINUTES */
  lockMinutes: number;
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function pairKey(account: string, ip: string): string {
  return digest(`acct:${account}|ip:${ip}`);
}
export function accountKey(account: string): string {
  return digest(`acct:${account}`);
}

export type Reservation = { ok: true; failures: number; freeLeft: number } | { ok: false; waitSeconds: number };

/**
 * Reserves one password check for (account, ip): counts it as a failure up front and sets the next
 * delay, atomically, unless the key is blocked now.
 */
export async function reserveAttempt(q: Queryable, account: string, ip: string, policy: ThrottlePolicy, now: Date): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const nowIso = now.toISOString();
  const [acct] = await q
    .select({ failures: loginThrottle.failures, last: loginThrottle.lastFailureAt })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, accountKey(account)));
  const busyAccount = acct && acct.last.getTime() >= now.getTime() - THROTTLE_WINDOW_MS && acct.failures >= ACCOUNT_SOFT_CEILING;
  const free = Math.max(1, busyAccount ? 1 : policy.maxFailures);
  const capSeconds = Math.max(1, policy.lockMinutes * 60);
  const key = pairKey(account, ip);
  const newFailures = sql`(case when ${loginThrottle.lastFailureAt} < ${windowStart}::timestamptz then 1 else ${loginThrottle.failures} + 1 end)`;
  const delay = (n: SQL) =>
    sql`(case when ${n} >= ${free}::int then ${nowIso}::timestamptz + least(${FIRST_DELAY_SECONDS}::int * power(2, least(${n} - ${free}::int, 30)), ${capSeconds}::int) * interval '1 second' else null end)`;
  const rows = await q
    .insert(loginThrottle)
    .values({ key, failures: 1, lastFailureAt: now, blockedUntil: free <= 1 ? new Date(now.getTime() + FIRST_DELAY_SECONDS * 1000) : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: newFailures, lastFailureAt: now, blockedUntil: delay(newFailures) },
      setWhere: sql`${loginThrottle.blockedUntil} is null or ${loginThrottle.blockedUntil} <= ${nowIso}::timestamptz`,
    })
    .returning({ failures: loginThrottle.failures });
  const row = rows[0];
  if (row) return { ok: true, failures: row.failures, freeLeft: Math.max(0, free - row.failures) };
  const [blocked] = await q.select({ until: loginThrottle.blockedUntil }).from(loginThrottle).where(eq(loginThrottle.key, key));
  const waitMs = blocked?.until ? blocked.until.getTime() - now.getTime() : 1000;
  return { ok: false, waitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** The password was right: this address starts afresh (the account-wide count stays until its window ends). */
export async function releaseAttempt(q: Queryable, account: string, ip: string): Promise<void> {
  await q.delete(loginThrottle).where(eq(loginThrottle.key, pairKey(account, ip)));
}

/** The password was wrong: one more failure on the account-wide counter (never blocks by itself). */
export async function recordAccountFailure(q: Queryable, account: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  await q
    .insert(loginThrottle)
    .values({ key: accountKey(account), failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`(case when ${loginThrottle.lastFailureAt} < ${windowStart}::timestamptz then 1 else ${loginThrottle.failures} + 1 end)`,
        lastFailureAt: now,
      },
    });
}

type SQL = ReturnType<typeof sql>;

/** Rows whose failures are past the window and that block nothing any more (login keys for made-up names pile up otherwise). */
export async function purgeStaleThrottle(q: Queryable, now: Date): Promise<void> {
  await q
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.lastFailureAt, new Date(now.getTime() - THROTTLE_WINDOW_MS)),
        or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, now)),
      ),
    );
}
