/**
 * Walking 张伟's application on the demo round (startDemoRoundApp) through the chain: submitted with a complete
 * draft, then employer → county HR → city 经信或人社 → the committee office (seed 000's 县属 route). Each step
 * goes through the HTTP API as its actor would, so the walk checks what it passes.
 */
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { archiveEntries } from '../src/platform/db/schema';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-data';
import type { TestClient, TestEnv } from './helper';

/** 张伟's application to the plan with every step of the wizard done, submitted. */
export async function submittedApplication(env: TestEnv, planId: string, zhangId: string, zhang: TestClient) {
  const id = (await zhang.post('/api/v1/applications', { planId })).json().id as string;
  const entries = await env.ctx.db.select().from(archiveEntries).where(eq(archiveEntries.applicantId, zhangId));
  const rep = entries.find((e) => e.kind === 'achievement')!.id;
  const plan = (await zhang.get(`/api/v1/plans/${planId}`)).json().plan;
  const pdf = Buffer.from('%PDF-1.4\n%attachment for review\n%%EOF\n');
  const up = (await zhang.post('/api/v1/uploads', { filename: '综合表.pdf', size: pdf.length, clientKey: `review-${id}` })).json();
  const done = (
    await zhang.request('PUT', `/api/v1/uploads/${up.id}/content`, pdf, {
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    })
  ).json();
  const attachments = Object.fromEntries(
    plan.modes.find((m: { mode: string }) => m.mode === 'normal').attachments.map((a: { key: string }) => [a.key, done.fileId]),
  );
  const save = await zhang.put(`/api/v1/applications/${id}/draft`, {
    mode: 'normal',
    specialtyCode: 'it-development',
    draft: { personalStatement: '述职', entryIds: entries.map((e) => e.id), representativeWorkId: rep, attachments },
  });
  expect(save.statusCode, save.body).toBe(200);
  const photo = await sharp({ create: { width: 240, height: 320, channels: 3, background: '#fff' } })
    .jpeg({ quality: 60 })
    .toBuffer();
  expect((await zhang.upload(`/api/v1/applications/${id}/photo`, { name: 'me.jpg', content: photo })).json().ok).toBe(true);
  const { token } = (await zhang.post(`/api/v1/applications/${id}/pledge-token`, {})).json();
  const sig = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();
  expect((await env.client().post(`/api/v1/pledge/${token}`, { signature: sig.toString('base64') })).statusCode).toBe(200);
  // the demo archive meets the demo round: the live check agrees with the submission
  const live = (await zhang.get(`/api/v1/applications/${id}/eligibility`)).json();
  expect(live.eligible, JSON.stringify(live.results.filter((r: { status: string }) => r.status === 'fail'))).toBe(true);
  const sub = await zhang.post(`/api/v1/applications/${id}/actions/submit`, {});
  expect(sub.statusCode, sub.body).toBe(200);
  return { id, attachmentId: done.fileId as string, entries };
}

/**
 * A submitted application of 千岛湖水务 (qdhsw) carried to the committee office: the employer approves and, once its
 * publicity has ended (the clock moves past it when it runs), forwards; each department approves and sends it on.
 * The city step is either-or: the 经信 bureau (hzjx) takes it.
 */
export async function forwardToOffice(env: TestEnv, id: string): Promise<void> {
  const login = (u: string) => env.client().login(u, DEMO_PASSWORD);
  const ok = async (c: TestClient, action: string, body: Record<string, unknown> = {}) => {
    const r = await c.post(`/api/v1/applications/${id}/actions/${action}`, body);
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    return r.json() as { status: string };
  };
  const unit = await login('qdhsw');
  await ok(unit, 'employerApprove', { opinion: '同意推荐' });
  const { publicityEnd } = (await unit.get(`/api/v1/applications/${id}`)).json() as { publicityEnd: string };
  // the publicity runs to its end (a publicity completed before a return is not repeated)
  const dayAfter = new Date(`${publicityEnd}T02:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  if (env.clock.now < dayAfter) env.clock.now = dayAfter;
  await ok(await login('qdhsw'), 'employerForward');
  const county = await login('cahr');
  await ok(county, 'stepApprove', { opinion: '学历、资历、考核、继续教育审核无误' });
  await ok(county, 'stepForward');
  const city = await login('hzjx');
  await ok(city, 'stepApprove', { opinion: '同意推荐' });
  expect((await ok(city, 'stepForward')).status).toBe('atCommittee');
}
