/**
 * Issue 10, qualification review (资格审查, SPEC §7): the committee office's home page counts what awaits its
 * qualification review — the applications it holds in 待资格审查, not those it already passed or published
 * (its queue, filtered by status, holds those) — and another office's never.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ApplicationStatus } from '@zc/domain';
import { applications, employmentBindings, organizations, plans } from '../src/platform/db/schema';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-data';
import { startDemoRoundApp, type TestEnv } from './helper';

let env: TestEnv;
let zhangId: string;
/** one plan per application (one application per person and plan): the seed plans and the demo round */
let planIds: string[];

beforeAll(async () => {
  ({ env, zhangId } = await startDemoRoundApp());
  planIds = (await env.ctx.db.select({ id: plans.id }).from(plans)).map((p) => p.id);
});
afterAll(async () => env?.close());

/** An application of 张伟 the office holds in `status` (rows as the chain leaves them: the office the only holder). */
async function heldByOffice(officeId: string, status: ApplicationStatus) {
  const [b] = await env.ctx.db.select().from(employmentBindings).where(eq(employmentBindings.applicantId, zhangId));
  const [employer] = await env.ctx.db.select().from(organizations).where(eq(organizations.id, b!.employerId));
  await env.ctx.db.insert(applications).values({
    applicantId: zhangId,
    planId: planIds.pop()!,
    employerId: employer!.id,
    regionPath: employer!.regionPath,
    status,
    currentStep: 2,
    currentOrgIds: [officeId],
    submittedAt: env.clock.now,
  });
}

const card = async (username: string) => {
  const client = await env.client().login(username, DEMO_PASSWORD);
  const home = (await client.get('/api/v1/home')).json() as { pending: Array<{ key: string; label: string; count: number; link: string }> };
  return home.pending.find((p) => p.key === 'applications');
};

describe('the committee office home page', () => {
  it('counts the applications 待资格审查 it holds, and only those', async () => {
    const [office] = await env.ctx.db.select().from(organizations).where(eq(organizations.name, '浙江省软件行业协会'));
    expect(await card('zsia')).toEqual({ key: 'applications', label: '待资格审查的申报', count: 0, link: '/manage/applications' });
    await heldByOffice(office!.id, 'atCommittee');
    await heldByOffice(office!.id, 'atCommittee');
    await heldByOffice(office!.id, 'qualified');
    await heldByOffice(office!.id, 'prePublicity');
    expect((await card('zsia'))?.count).toBe(2);
    // another committee office holds none of them
    expect((await card('jxtgpw'))?.count).toBe(0);
  });
});
