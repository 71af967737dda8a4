/** Loads the seed notices' plan files (config/plans/*.yaml) as published plans of their committee offices. */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { parse as parseYaml } from 'yaml';
import { validatePlan, type Plan } from '@zc/domain';
import { organizations, plans } from '../../platform/db/schema';
import type { Db } from '../../platform/db/client';

export const PLANS_DIR = fileURLToPath(new URL('../../../../config/plans', import.meta.url));

export async function readPlanFiles(dir = PLANS_DIR): Promise<Array<{ file: string; plan: Plan }>> {
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  const out: Array<{ file: string; plan: Plan }> = [];
  for (const file of names) {
    const text = await readFile(join(dir, file), 'utf8');
    const r = validatePlan(file.endsWith('.json') ? JSON.parse(text) : parseYaml(text));
    if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    out.push({ file, plan: r.plan });
  }
  return out;
}

/** Idempotent: a plan whose key exists is left alone. Returns the keys inserted. */
export async function seedPlans(db: Db, now: Date): Promise<string[]> {
  const offices = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.kind, 'committeeOffice'));
  const inserted: string[] = [];
  for (const { file, plan } of await readPlanFiles()) {
    const office =
      offices.find((o) => o.name === plan.committee.office) ??
      offices.find((o) => plan.committee.office.includes(o.name) || o.name.includes(plan.committee.office));
    if (!office) throw new Error(`${file}: 找不到评委会办公室"${plan.committee.office}"`);
    const [exists] = await db.select({ id: plans.id }).from(plans).where(eq(plans.key, plan.key));
    if (exists) continue;
    await db.insert(plans).values({
      key: plan.key,
      officeOrgId: office.id,
      data: plan,
      year: plan.year,
      name: plan.name,
      status: 'published',
      publishedAt: now,
    });
    inserted.push(plan.key);
  }
  return inserted;
}
