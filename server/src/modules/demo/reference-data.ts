/** Reference data every installation has: the regions of Zhejiang (GB/T 2260 + development zones). */
import { sql } from 'drizzle-orm';
import { zhejiangRegions, type RegionSeed } from '@zc/domain';
import { regions } from '../../platform/db/schema';
import type { Db } from '../../platform/db/client';

export function regionPath(r: RegionSeed, byKey: Map<string, RegionSeed>): string {
  const parts: string[] = [];
  for (let cur: RegionSeed | undefined = r; cur; cur = cur.parentKey ? byKey.get(cur.parentKey) : undefined) parts.unshift(cur.key);
  return parts.join('/');
}

/** Idempotent: inserts missing regions and refreshes names and flags of existing ones. */
export async function ensureReferenceData(db: Db): Promise<void> {
  const byKey = new Map(zhejiangRegions.map((r) => [r.key, r]));
  await db
    .insert(regions)
    .values(
      zhejiangRegions.map((r, i) => ({
        id: r.key,
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: r.parentKey,
        path: regionPath(r, byKey),
        mountainCounty: r.mountainCounty,
        sortOrder: i,
      })),
    )
    .onConflictDoUpdate({
      target: regions.id,
      set: {
        name: sql`excluded.name`,
        level: sql`excluded.level`,
        mountainCounty: sql`excluded.mountain_county`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
}
