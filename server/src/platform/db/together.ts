/**
 * Several independent writes in one statement: `WITH w0 AS (INSERT …), w1 AS (UPDATE …) SELECT 1`.
 * PostgreSQL runs every data-modifying WITH part exactly once, to completion, on the same snapshot, so
 * the parts must not depend on each other's effects and must not touch the same row twice (the
 * caller's job). One round trip instead of one per write: on a deadline day the submission path is
 * bound by round trips (docs/BENCHMARKS.md, deadline surge).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from './client';

export async function writeTogether(q: Queryable, writes: SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await q.execute(writes[0]!.getSQL());
    return;
  }
  const parts: SQL[] = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await q.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
