/**
 * Server-side sessions: the cookie holds a random token, the table holds its SHA-256.
 * Idle timeout and an absolute lifetime; CSRF token per session (double-submit header).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Actor, OrganizationKind, RegionLevel, Role } from '@zc/domain';
import { organizations, regions, sessions, users, verificationCodes } from '../db/schema';
import { purgeStaleThrottle } from './throttle';
import type { Db, Queryable } from '../db/client';

export const SESSION_COOKIE = 'zc_sid';
export const CSRF_COOKIE = 'zc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SessionUser {
  id: string;
  role: Role;
  realName: string;
  username: string | null;
  orgId: string | null;
  orgName: string | null;
  orgKind: OrganizationKind | null;
  orgStatus: string | null;
  regionPath: string | null;
  regionLevel: RegionLevel | null;
  regionName: string | null;
  profileCompleted: boolean;
  mobile: string | null;
  status: string;
}

/** 'full': signed in; 'mfa': password right, second factor pending; 'password': must change the initial password. */
export type SessionStage = 'full' | 'mfa' | 'password';

export interface LoadedSession {
  id: string;
  csrfToken: string;
  stage: SessionStage;
  user: SessionUser;
  actor: Actor;
}

export async function createSession(
  q: Queryable,
  userId: string,
  opts: { ip: string | null; userAgent: string | null; maxHours: number; csrfToken: string; now: Date; stage?: SessionStage },
): Promise<string> {
  const token = newToken();
  await q.insert(sessions).values({
    createdAt: opts.now,
    lastSeenAt: opts.now,
    id: sha256(token),
    userId,
    csrfToken: opts.csrfToken,
    stage: opts.stage ?? 'full',
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(opts.now.getTime() + opts.maxHours * 3600_000),
  });
  return token;
}

/** The columns a session's user is read with: the user, their organization and its region. */
const userColumns = {
  id: users.id,
  role: users.role,
  realName: users.realName,
  username: users.username,
  orgId: users.orgId,
  orgName: organizations.name,
  orgKind: organizations.kind,
  orgStatus: organizations.status,
  regionPath: organizations.regionPath,
  regionLevel: regions.level,
  regionName: regions.name,
  profileCompletedAt: users.profileCompletedAt,
  mobile: users.mobile,
  status: users.status,
};

type UserRow = {
  [K in keyof typeof userColumns]: (typeof userColumns)[K]['_']['data'] | (K extends 'id' | 'role' | 'realName' | 'status' ? never : null);
};

function toSessionUser(row: UserRow): SessionUser {
  const { profileCompletedAt, ...rest } = row;
  return {
    ...rest,
    role: rest.role as Role,
    orgKind: rest.orgKind as OrganizationKind | null,
    regionLevel: rest.regionLevel as RegionLevel | null,
    profileCompleted: profileCompletedAt !== null,
  };
}

export async function loadUser(q: Queryable, userId: string): Promise<SessionUser | null> {
  const [row] = await q
    .select(userColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .leftJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(users.id, userId));
  return row ? toSessionUser(row) : null;
}

export function actorOf(user: SessionUser): Actor {
  return {
    userId: user.id,
    role: user.role,
    orgId: user.orgId,
    orgKind: user.orgKind,
    regionPath: user.regionPath,
    regionLevel: user.regionLevel,
  };
}

/** Looks a token up; returns null when unknown, expired or idle too long (and deletes it then). */
export async function resolveSession(
  db: Db,
  token: string,
  idleMinutes: number,
  nowDate: Date,
): Promise<{ session: LoadedSession | null; expired: boolean }> {
  const id = sha256(token);
  // one statement for the session and its user: every authenticated request pays it
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      stage: sessions.stage,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: userColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .leftJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(sessions.id, id));
  if (!row) return { session: null, expired: false };
  const s = row;
  const now = nowDate.getTime();
  if (s.expiresAt.getTime() < now || s.lastSeenAt.getTime() + idleMinutes * 60_000 < now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { session: null, expired: true };
  }
  const user = toSessionUser(row.user);
  if (user.status !== 'active') return { session: null, expired: false };
  // refresh the idle clock at most once a minute
  if (now - s.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return { session: { id, csrfToken: s.csrfToken, stage: s.stage as SessionStage, user, actor: actorOf(user) }, expired: false };
}

export async function destroySession(q: Queryable, id: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, id));
}

export async function purgeExpiredSessions(db: Db, idleMinutes: number, now: Date): Promise<void> {
  const idleBefore = new Date(now.getTime() - idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)));
  // the same housekeeping loop forgets old sign-in failures and dead one-time codes
  await purgeStaleThrottle(db, now);
  await purgeDeadCodes(db, now);
}

export async function destroyUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

/** Revokes every session of the user but one (after a password change, the session that made it stays). */
export async function destroyOtherSessions(q: Queryable, userId: string, keepId: string): Promise<void> {
  await q.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

/**
 * A session half-way through signing in (second factor or initial password owed) lives this long: the
 * SMS code's 10 minutes plus time to type (ours). Reaching 'full' gives it the normal lifetime.
 */
export const PENDING_SESSION_MINUTES = 15;

/** Moves a session to the next sign-in stage; `fullHours`: the lifetime a session gets once it is 'full'. */
export async function setSessionStage(q: Queryable, id: string, stage: SessionStage, now: Date, fullHours: number): Promise<void> {
  const lifetimeMs = stage === 'full' ? fullHours * 3600_000 : PENDING_SESSION_MINUTES * 60_000;
  await q
    .update(sessions)
    .set({ stage, expiresAt: new Date(now.getTime() + lifetimeMs) })
    .where(eq(sessions.id, id));
}

/** One-time codes kept a day past expiry (the audit log has what happened), then deleted. */
const DEAD_CODE_RETENTION_MS = 24 * 3600_000;

export async function purgeDeadCodes(db: Db, now: Date): Promise<void> {
  await db.delete(verificationCodes).where(lt(verificationCodes.expiresAt, new Date(now.getTime() - DEAD_CODE_RETENTION_MS)));
}
