/**
 * Issue 8 item 10: in an either-or step (seed 000 "经信或人力社保"), once one department has approved, the
 * other can no longer reject, return or approve; its buttons say so. A joint (会同) step still waits for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationSteps, applications } from '../src/platform/db/schema';
import { dbKind, seedBoundApplicant, seedOfficer, startDemoRoundApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let planId: string;

beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

/** An application of a 淳安 applicant held by the city's 经信 and 人社 bureaus at one step, either-or or joint. */
async function heldByTwo(joint: boolean) {
  const a = await seedBoundApplicant(env, '330127');
  const id = (await a.client.post('/api/v1/applications', { planId })).json().id as string;
  const eco = await seedOfficer(env.ctx, 'economyBureau', '330100');
  const hr = await seedOfficer(env.ctx, 'hrBureau', '330100');
  const office = await seedOfficer(env.ctx, 'committeeOffice', '330000');
  await env.ctx.db.insert(applicationSteps).values([
    {
      applicationId: id,
      seq: 0,
      kind: 'cityEconomyOrHr',
      label: joint ? '市经信局会同人力社保局' : '市经信局或人力社保局',
      orgIds: [eco.org.id, hr.org.id],
      joint,
    },
    { applicationId: id, seq: 1, kind: 'committeeOffice', label: '评委会办公室', orgIds: [office.org.id], joint: false },
  ]);
  await env.ctx.db
    .update(applications)
    .set({
      status: 'inReview',
      level: 'senior',
      mode: 'normal',
      submittedAt: env.clock.now,
      currentStep: 0,
      currentOrgIds: [eco.org.id, hr.org.id],
    })
    .where(eq(applications.id, id));
  return { id, eco: await env.client().login(eco.username), hr: await env.client().login(hr.username) };
}

const allowed = async (c: TestClient, id: string) =>
  (await c.get(`/api/v1/applications/${id}`)).json().allowed.map((x: { action: string }) => x.action);

describe(`either-or step (${dbKind})`, () => {
  it('once the 经信 bureau approved, the 人社 bureau can no longer reject, return or approve; either may still send it on', async () => {
    const { id, eco, hr } = await heldByTwo(false);
    expect(await allowed(hr, id)).toEqual(['stepApprove', 'stepReturn', 'stepReject', 'stepForward']);
    const ok = await eco.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await allowed(hr, id)).toEqual(['stepForward']);
    for (const action of ['stepReject', 'stepReturn', 'stepApprove']) {
      const r = await hr.post(`/api/v1/applications/${id}/actions/${action}`, { reason: '材料不全，请补充' });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(409);
      expect(r.json().message).toContain('已由另一部门审查通过');
    }
    // the batch path is the same act()
    const batch = (await hr.post('/api/v1/review/batch', { ids: [id], action: 'stepReject', reason: '材料不全，请补充' })).json();
    expect(batch).toEqual([{ id, ok: false, message: expect.stringContaining('已由另一部门审查通过') }]);
    const [row] = await env.ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ status: 'inReview', currentStep: 0 });
    const [step] = await env.ctx.db
      .select()
      .from(applicationSteps)
      .where(eq(applicationSteps.applicationId, id))
      .orderBy(applicationSteps.seq);
    expect(step).toMatchObject({ status: 'approved' });
    // the step goes on
    const fwd = await hr.post(`/api/v1/applications/${id}/actions/stepForward`, {});
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json().status).toBe('atCommittee');
  });

  it('a joint step: after one approval the other department may still return it', async () => {
    const { id, eco, hr } = await heldByTwo(true);
    expect((await eco.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意' })).statusCode).toBe(200);
    expect(await allowed(hr, id)).toContain('stepReturn');
    const r = await hr.post(`/api/v1/applications/${id}/actions/stepReturn`, { reason: '社保缴纳证明不清晰，请重新上传' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('returned');
  });
});
