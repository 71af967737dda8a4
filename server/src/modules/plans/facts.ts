/** The rule engine's facts from an applicant's approved archive (the conversion itself is in the domain package). */
import { and, eq } from 'drizzle-orm';
import { factsFromEntries, type Facts } from '@zc/domain';
import { archiveEntries } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';

export { factsFromEntries };

export async function approvedFacts(q: Queryable, applicantId: string): Promise<Facts> {
  const rows = await q
    .select({ id: archiveEntries.id, data: archiveEntries.data })
    .from(archiveEntries)
    .where(and(eq(archiveEntries.applicantId, applicantId), eq(archiveEntries.status, 'approved')));
  return factsFromEntries(rows);
}
