/**
 * Who is told: the recipients the modules notify, looked up in one place (the unit's operators were
 * queried the same way in five modules).
 */
import { and, eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { Queryable } from '../db/client';

/** A unit's operators (用人单位经办人); `activeOnly` leaves out accounts not (yet) active. */
export function unitOperators(q: Queryable, orgId: string, opts: { activeOnly?: boolean } = {}) {
  return q
    .select({ id: users.id, mobile: users.mobile })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'employer'), opts.activeOnly ? eq(users.status, 'active') : undefined));
}
