/**
 * Issue 5, around the review chain: the demo round is open and 张伟's demo archive meets it; reviewers
 * read an application's files only through an application they may see; withdrawing keeps entries
 * frozen while another application of the same person still holds them; staff home pages count the
 * applications waiting for them; the movable clock exists only when configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { applications, archiveEntries, files, plans, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { readPlanFiles } from '../src/modules/plans/seed-plans';
import { demoRoundPlan, seedDemoRound } from '../src/modules/demo/demo-round';
import { dbKind, startDemoRoundApp, type TestEnv } from './helper';
import { submittedApplication } from './application-walk';

let env: TestEnv;
let planId: string;
let zhangId: string;

beforeAll(async () => {
  ({ env, planId, zhangId } = await startDemoRoundApp());
  expect(await seedDemoRound(env.ctx.db, env.clock.now)).toBe(false); // idempotent
});
afterAll(async () => env?.close());

const login = (u: string) => env.client().login(u, DEMO_PASSWORD);

describe('the demo round (server/src/modules/demo/demo-round.ts)', () => {
  it('moves seed 000 to the current year: timeline ahead of today, CE and assessment years shifted by the same years', async () => {
    const source = (await readPlanFiles()).find((p) => p.plan.key === '2019-it-senior')!.plan;
    const demo = demoRoundPlan(source, '2026-11-22');
    expect(demo.year).toBe(2026);
    expect(demo.cutoffDate).toBe('2026-12-31');
    expect(demo.timeline.openDate < '2026-11-22' && demo.timeline.personalDeadline > '2026-11-22').toBe(true);
    expect(demo.timeline.personalDeadline < demo.timeline.employerDeadline).toBe(true);
    expect(demo.annualAssessment.years).toEqual(source.annualAssessment.years.map((y) => y + 7));
    expect(demo.continuingEducation.years).toEqual(source.continuingEducation.years.map((y) => y + 7));
    expect(demo.modes).toEqual(source.modes);
  });
});

describe(`reviewing an application (${dbKind})`, () => {
  let id: string;
  let attachmentId: string;

  it('the employer is told on its home page, and reads the attachments through the application only', async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    ({ id, attachmentId } = await submittedApplication(env, planId, zhangId, zhang));
    const unit = await login('qdhsw');
    const home = (await unit.get('/api/v1/home')).json();
    expect(home.pending.find((p: { key: string }) => p.key === 'applications')).toMatchObject({ count: 1, link: '/employer/applications' });
    expect((await unit.get(`/api/v1/files/${attachmentId}`)).statusCode).toBe(404);
    const via = await unit.get(`/api/v1/files/${attachmentId}?application=${id}`);
    expect(via.statusCode).toBe(200);
    expect(via.headers['content-type']).toBe('application/pdf');
    const detail = (await unit.get(`/api/v1/applications/${id}`)).json();
    expect(detail.files[attachmentId]).toMatchObject({ name: '综合表.pdf', mime: 'application/pdf' });
    expect(detail.pledgeSignatureFileId).not.toBeNull();
    expect((await unit.get(`/api/v1/files/${detail.photoFileId}?application=${id}`)).statusCode).toBe(200);
  });

  it('another employer, or a file the application does not refer to, is refused', async () => {
    const other = await login('zlsoft');
    expect((await other.get(`/api/v1/files/${attachmentId}?application=${id}`)).statusCode).toBe(404);
    // a file of 张伟's that is not part of the application stays his
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const pdf = Buffer.from('%PDF-1.4\n%private\n%%EOF\n');
    const up = (await zhang.post('/api/v1/uploads', { filename: '私人.pdf', size: pdf.length, clientKey: 'private-file-1' })).json();
    const privateId = (
      await zhang.request('PUT', `/api/v1/uploads/${up.id}/content`, pdf, {
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
      })
    ).json().fileId as string;
    const unit = await login('qdhsw');
    expect((await unit.get(`/api/v1/files/${privateId}?application=${id}`)).statusCode).toBe(404);
  });

  it('withdrawing keeps entries frozen while another application of the same person still holds them', async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const entries = await env.ctx.db.select().from(archiveEntries).where(eq(archiveEntries.applicantId, zhangId));
    expect(entries.every((e) => e.frozenAt !== null)).toBe(true);
    const shared = entries.find((e) => e.kind === 'education')!;
    const own = entries.find((e) => e.kind === 'achievement')!;
    // a second, submitted application (another round) that uses the education entry only
    const [seed] = await env.ctx.db.select().from(plans).where(eq(plans.key, '2019-it-senior'));
    const [app] = await env.ctx.db.select().from(applications).where(eq(applications.id, id));
    await env.ctx.db.insert(applications).values({
      applicantId: zhangId,
      planId: seed!.id,
      employerId: app!.employerId,
      regionPath: app!.regionPath,
      status: 'submitted',
      draft: { entryIds: [shared.id] },
    });
    const w = await zhang.post(`/api/v1/applications/${id}/actions/withdraw`, {});
    expect(w.statusCode, w.body).toBe(200);
    const after = await env.ctx.db.select().from(archiveEntries).where(eq(archiveEntries.applicantId, zhangId));
    expect(after.find((e) => e.id === shared.id)!.frozenAt).not.toBeNull();
    expect(after.find((e) => e.id === own.id)!.frozenAt).toBeNull();
    // and the employer's home page no longer counts it
    const unit = await login('qdhsw');
    expect((await unit.get('/api/v1/home')).json().pending.find((p: { key: string }) => p.key === 'applications').count).toBe(0);
  });

  it("submission refuses an attachment that is not the applicant's file, and an entry the employer has not approved", async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const [app] = await env.ctx.db.select().from(applications).where(eq(applications.id, id));
    const draft = app!.draft as { attachments: Record<string, string>; entryIds: string[] };
    const key = Object.keys(draft.attachments)[0]!;
    // the same bytes, but another person's upload
    const [mine] = await env.ctx.db.select().from(files).where(eq(files.id, draft.attachments[key]!));
    const [other] = await env.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.id} <> ${zhangId} and ${users.role} = 'applicant'`)
      .limit(1);
    const { id: _mineId, ...copy } = mine!;
    const [foreign] = await env.ctx.db
      .insert(files)
      .values({ ...copy, ownerUserId: other!.id })
      .returning({ id: files.id });
    await env.ctx.db
      .update(applications)
      .set({ status: 'draft', draft: { ...draft, attachments: { ...draft.attachments, [key]: foreign!.id } } })
      .where(eq(applications.id, id));
    const stolen = await zhang.post(`/api/v1/applications/${id}/actions/submit`, {});
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().message).toBe('附件中有不属于本人的文件，请重新上传');
    await env.ctx.db.update(applications).set({ draft }).where(eq(applications.id, id));
    await env.ctx.db.update(archiveEntries).set({ status: 'submitted' }).where(eq(archiveEntries.id, draft.entryIds[0]!));
    const unapproved = await zhang.post(`/api/v1/applications/${id}/actions/submit`, {});
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().message).toBe('所选业绩中有尚未经单位审核通过的条目，请先提交单位审核');
    await env.ctx.db.update(archiveEntries).set({ status: 'approved' }).where(eq(archiveEntries.id, draft.entryIds[0]!));
    const ok = await zhang.post(`/api/v1/applications/${id}/actions/submit`, {});
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('the movable clock does not exist unless configured (ZC_TEST_CLOCK)', async () => {
    const admin = await login('admin');
    expect((await admin.put('/api/test/clock', { offsetDays: 10 })).statusCode).toBe(404);
    expect(env.ctx.testClock).toBeUndefined();
  });
});
