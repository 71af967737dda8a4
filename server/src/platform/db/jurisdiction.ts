import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { regions } from './schema';
import type { Queryable } from './client';
import { fail } from '../http/errors';

/** Escapes LIKE wildcards in user input. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** '%keyword%' for a contains search, wildcards in the keyword taken literally. */
export function containsPattern(keyword: string): string {
  return `%${escapeLike(keyword)}%`;
}

/** SQL form of isWithinJurisdiction (domain/identity/roles): equal to the root or below it. */
export function withinJurisdiction(column: AnyColumn, jurisdictionPath: string | null): SQL {
  if (!jurisdictionPath) return sql`false`;
  const escaped = escapeLike(jurisdictionPath);
  return sql`(${column} = ${jurisdictionPath} or ${column} like ${`${escaped}/%`})`;
}

export async function getRegion(q: Queryable, id: string) {
  const [r] = await q.select().from(regions).where(eq(regions.id, id));
  if (!r) fail('VALIDATION', '所选地区不存在，请重新选择', { regionId: '所选地区不存在' });
  return r;
}
