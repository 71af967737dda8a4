/**
 * Issue 5: the full chain for a 县属 applicant on the seed 000 plan (2019 IT senior): applicant →
 * employer (publicity, 5 working days) → county HR → city 经信或人社 → committee office; a return at city
 * level and the resubmission; deadline refusals; two officers at once; another county refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { applicationSteps, applications, archiveEntries, auditEvents, notifications, plans, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoData } from '../src/modules/demo/demo-data';
import { seedPlans } from '../src/modules/plans/seed-plans';
import { dbKind, startTestApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let planId: string;
let zhangId: string;
const at = (iso: string) => (env.clock.now = new Date(iso));

beforeAll(async () => {
  env = await startTestApp();
  at('2019-08-01T02:00:00Z');
  await seedDemoData(env.ctx.db, env.ctx.pii);
  await seedPlans(env.ctx.db, env.clock.now);
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.key, '2019-it-senior'));
  planId = p!.id;
  const [u] = await env.ctx.db
    .select()
    .from(users)
    .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', DEMO_PEOPLE.zhangWei.idNumber)));
  zhangId = u!.id;
  // an approved archive that meets the seed 000 plan (bachelor + 工程师 ≥ 5 years, CE 2018–2019, assessments 2016–2018)
  const mk = (data: Record<string, unknown>) => ({
    applicantId: zhangId,
    kind: data.kind as string,
    data,
    summary: String(data.kind),
    status: 'approved',
  });
  await env.ctx.db.insert(archiveEntries).values([
    mk({
      kind: 'education',
      level: 'bachelor',
      degree: 'bachelor',
      school: '浙江工业大学',
      major: '计算机',
      graduationDate: '2007-06-30',
      studyMode: 'fullTime',
      origin: 'domestic',
      isEngineering: true,
      isHighest: true,
    }),
    mk({
      kind: 'title',
      level: 'intermediate',
      series: '工程',
      specialty: '计算机',
      grantedDate: '2013-12-01',
      grantMode: 'evaluation',
      issuer: '杭州市人社局',
      isCurrent: true,
    }),
    mk({
      kind: 'workExperience',
      employerName: '千岛湖水务',
      position: '信息中心',
      duties: '系统开发',
      startMonth: '2007-08',
      isEngineering: true,
    }),
    ...[2018, 2019].flatMap((y) => [
      mk({
        kind: 'continuingEducation',
        year: y,
        hours: 72,
        category: 'professional',
        registry: 'economyIt',
        channel: 'other',
        courseName: `专业课${y}`,
        provider: '省经信厅',
      }),
      mk({
        kind: 'continuingEducation',
        year: y,
        hours: 18,
        category: 'generalPublic',
        registry: 'provincialHr',
        channel: 'other',
        courseName: `公需课${y}`,
        provider: '省人社厅',
      }),
    ]),
    ...[2016, 2017, 2018].map((y) => mk({ kind: 'annualAssessment', year: y, result: 'competent' })),
    mk({
      kind: 'achievement',
      detail: { type: 'softwareCopyright', name: '供水调度系统', registrationNumber: '2018SR000001', date: '2018-05-01', rank: 1 },
    }),
  ]);
});
afterAll(async () => env?.close());

const login = (u: string) => env.client().login(u, DEMO_PASSWORD);

async function completedDraft(c: TestClient) {
  const id = (await c.post('/api/v1/applications', { planId })).json().id as string;
  const entries = await env.ctx.db
    .select({ id: archiveEntries.id, kind: archiveEntries.kind })
    .from(archiveEntries)
    .where(eq(archiveEntries.applicantId, zhangId));
  const rep = entries.find((e) => e.kind === 'achievement')!.id;
  // the plan's attachments for the mode: one uploaded PDF stands for each in this test
  const plan = (await c.get(`/api/v1/plans/${planId}`)).json().plan;
  const pdf = Buffer.from('%PDF-1.4\n%attachment\n%%EOF\n');
  const up = (await c.post('/api/v1/uploads', { filename: '附件.pdf', size: pdf.length, clientKey: `att-${id}` })).json();
  const done = (
    await c.request('PUT', `/api/v1/uploads/${up.id}/content`, pdf, {
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    })
  ).json();
  const attachments = Object.fromEntries(
    plan.modes.find((m: { mode: string }) => m.mode === 'normal').attachments.map((a: { key: string }) => [a.key, done.fileId]),
  );
  const save = await c.put(`/api/v1/applications/${id}/draft`, {
    level: 'senior',
    mode: 'normal',
    specialtyCode: 'it-development',
    draft: {
      personalStatement: '本人长期从事供水信息化工作……',
      entryIds: entries.map((e) => e.id),
      representativeWorkId: rep,
      attachments,
    },
  });
  expect(save.statusCode, save.body).toBe(200);
  // photo: seed 000 wants JPG ≤ 50 KB between 200×280 and 300×420; a 600×800 PNG is refused, then fitted
  const big = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const refused = (await c.upload(`/api/v1/applications/${id}/photo`, { name: 'me.png', content: big })).json();
  expect(refused.ok).toBe(false);
  expect(refused.problems.join()).toContain('JPG');
  expect(refused.problems.join()).toContain('宽度');
  const fitted = (await c.upload(`/api/v1/applications/${id}/photo?fit=true`, { name: 'me.png', content: big })).json();
  expect(fitted).toMatchObject({ ok: true, photo: { format: 'jpeg', width: 300, height: 400 } });
  // the pledge, signed on the phone through the short-lived link
  const { token } = (await c.post(`/api/v1/applications/${id}/pledge-token`, {})).json();
  const phone = env.client();
  expect((await phone.get(`/api/v1/pledge/${token}`)).json()).toMatchObject({ applicantName: '张伟', signed: false });
  const sig = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();
  expect((await phone.post(`/api/v1/pledge/${token}`, { signature: sig.toString('base64') })).statusCode).toBe(200);
  expect((await c.get(`/api/v1/applications/${id}`)).json().pledgeSignedAt).not.toBeNull();
  return id;
}

describe(`the review chain for a 县属 applicant on the seed 000 plan (${dbKind})`, () => {
  let id: string;
  /** which of the city's two bureaus won the either-or step's race */
  let cityApprover = 'hzhr';
  it('the applicant completes the wizard and submits; entries freeze; the chain is copied', async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    id = await completedDraft(zhang);
    const live = (await zhang.get(`/api/v1/applications/${id}/eligibility`)).json();
    expect(live.eligible, JSON.stringify(live.results.filter((r: { status: string }) => r.status === 'fail'))).toBe(true);
    const sub = await zhang.post(`/api/v1/applications/${id}/actions/submit`, {});
    expect(sub.statusCode, sub.body).toBe(200);
    const steps = await env.ctx.db.select().from(applicationSteps).where(eq(applicationSteps.applicationId, id));
    expect(steps.sort((a, b) => a.seq - b.seq).map((s) => s.kind)).toEqual(['countyHr', 'cityEconomyOrHr', 'committeeOffice']);
    const frozen = await env.ctx.db
      .select()
      .from(archiveEntries)
      .where(and(eq(archiveEntries.applicantId, zhangId)));
    expect(frozen.every((e) => e.frozenAt !== null)).toBe(true);
    // withdrawal is possible until the employer acts
    expect((await zhang.get(`/api/v1/applications/${id}`)).json().allowed.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
  });

  it('the employer approves and publicizes; forwarding is refused until the 5 working days end', async () => {
    at('2019-08-02T02:00:00Z'); // Friday
    const unit = await login('qdhsw');
    const q = (await unit.get('/api/v1/review/queue')).json();
    expect(q.items.map((i: { id: string }) => i.id)).toContain(id);
    const ok = await unit.post(`/api/v1/applications/${id}/actions/employerApprove`, { opinion: '同意推荐' });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = (await unit.get(`/api/v1/applications/${id}`)).json();
    expect(detail).toMatchObject({ status: 'employerPublicity', publicityStart: '2019-08-02', publicityEnd: '2019-08-08' });
    const xlsx = await unit.get(`/api/v1/applications/${id}/publicity.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (
        await unit.post(`/api/v1/applications/${id}/actions/recordObjection`, {
          objection: { content: '有人反映论文署名', handling: '经核实无误' },
        })
      ).statusCode,
    ).toBe(200);
    const early = await unit.post(`/api/v1/applications/${id}/actions/employerForward`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('2019-08-08');
    at('2019-08-09T01:00:00Z'); // the clock moved a week: a fresh session
    const later = await login('qdhsw');
    expect((await later.post(`/api/v1/applications/${id}/actions/employerForward`, {})).statusCode).toBe(200);
  });

  it('a county officer of another county cannot see or act; the county HR bureau approves and forwards', async () => {
    const tl = await login('tlhr');
    expect((await tl.get(`/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await tl.post(`/api/v1/applications/${id}/actions/stepApprove`, {})).statusCode).toBe(404);
    expect((await tl.get('/api/v1/review/queue')).json().total).toBe(0);
    const ca = await login('cahr');
    const early = await ca.post(`/api/v1/applications/${id}/actions/stepForward`, {});
    expect(early.json().message).toContain('请先审查通过');
    // the checks recorded are SPEC §6's list, nothing else
    expect((await ca.post(`/api/v1/applications/${id}/actions/stepApprove`, { checks: { bogus: true } })).statusCode).toBe(400);
    const approve = await ca.post('/api/v1/review/batch', {
      ids: [id],
      action: 'stepApprove',
      opinion: '学历、资历、考核、继续教育审核无误',
      checks: { education: true, years: true, assessments: true, continuingEducation: true, appointment: true, specialty: true },
      originalsVerifiedBy: '王审核',
    });
    expect(approve.json()).toEqual([{ id, ok: true, message: '成功' }]);
    const step0 = (await ca.get(`/api/v1/applications/${id}`)).json().steps[0];
    expect(step0).toMatchObject({ status: 'approved', originalsVerifiedBy: '王审核', checks: { education: true, specialty: true } });
    expect(step0.originalsVerifiedAt).not.toBeNull();
    expect((await ca.post('/api/v1/review/batch', { ids: [id], action: 'stepForward' })).json()[0].ok).toBe(true);
  });

  it('two city officers (经信 or 人社, either may act) approve at the same moment: one succeeds, the other is told it changed', async () => {
    const eco = await login('hzjx');
    const hr = await login('hzhr');
    // both see it on their home page: the 经信 bureau holds it first, the 人社 bureau second
    for (const officer of [eco, hr])
      expect((await officer.get('/api/v1/home')).json().pending.find((p: { key: string }) => p.key === 'applications')?.count).toBe(1);
    const [a, b] = await Promise.all([
      eco.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意' }),
      hr.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    cityApprover = a.statusCode === 200 ? 'hzjx' : 'hzhr';
  });

  it('the city returns it with what to fix; the applicant and the county are told; the resubmission climbs the same chain', async () => {
    // either-or: the department that approved decides the step; the other can no longer return it (issue 8 item 10)
    const other = await login(cityApprover === 'hzjx' ? 'hzhr' : 'hzjx');
    expect(
      (await other.post(`/api/v1/applications/${id}/actions/stepReturn`, { reason: '代表作佐证材料不清晰，请重新上传' })).statusCode,
    ).toBe(409);
    const hr = await login(cityApprover);
    const ret = await hr.post(`/api/v1/applications/${id}/actions/stepReturn`, { reason: '代表作佐证材料不清晰，请重新上传' });
    expect(ret.statusCode, ret.body).toBe(200);
    const msgs = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, zhangId));
    expect(msgs.some((m) => m.body.includes('代表作佐证材料不清晰'))).toBe(true);
    const [caUser] = await env.ctx.db.select().from(users).where(eq(users.username, 'cahr'));
    expect(
      (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, caUser!.id))).some((m) => m.title === '申报被上级退回'),
    ).toBe(true);

    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const detail = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(detail.status).toBe('returned');
    expect(detail.events.map((e: { label: string }) => e.label)).toEqual(
      expect.arrayContaining(['提交', '通过并公示', '报送主管部门', '审查通过', '审核推荐', '退回修改']),
    );
    expect(detail.events.at(-1)).toMatchObject({
      actorOrgName: cityApprover === 'hzhr' ? '杭州市人力资源和社会保障局' : expect.stringContaining('经'),
      opinion: '代表作佐证材料不清晰，请重新上传',
    });
    expect((await zhang.post(`/api/v1/applications/${id}/actions/submit`, {})).statusCode).toBe(200);

    const unit = await login('qdhsw');
    expect((await unit.post(`/api/v1/applications/${id}/actions/employerApprove`, { opinion: '已补充' })).statusCode).toBe(200);
    // the publicity already ran: no second waiting period
    expect((await unit.post(`/api/v1/applications/${id}/actions/employerForward`, {})).statusCode).toBe(200);
    const ca = await login('cahr');
    await ca.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意' });
    await ca.post(`/api/v1/applications/${id}/actions/stepForward`, {});
    const hr2 = await login('hzhr');
    await hr2.post(`/api/v1/applications/${id}/actions/stepApprove`, { opinion: '同意推荐' });
    expect((await hr2.post(`/api/v1/applications/${id}/actions/stepForward`, {})).json().status).toBe('atCommittee');

    const office = await login('zsia');
    const inbox = (await office.get('/api/v1/review/queue?status=atCommittee')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(id);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'application.transition')));
    expect(audit.length).toBeGreaterThanOrEqual(12);
  });
});

describe(`deadlines are the server's (${dbKind}; "逾期不再受理")`, () => {
  it('no submission after the personal deadline, no employer forwarding after the employer deadline, no department forwarding after its deadline', async () => {
    // a second applicant: 李娜's binding is pending, so use a fresh draft row for the checks
    const [row] = await env.ctx.db.select().from(applications).limit(1);
    at('2019-09-11T01:00:00Z');
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const late = await zhang.post('/api/v1/applications', { planId });
    // the applicant already has an application to this plan: creating returns it; a new one would be refused
    expect([200, 201, 409]).toContain(late.statusCode);
    await env.ctx.db.update(applications).set({ status: 'draft' }).where(eq(applications.id, row!.id));
    const sub = await zhang.post(`/api/v1/applications/${row!.id}/actions/submit`, {});
    expect(sub.statusCode).toBe(409);
    expect(sub.json().message).toBe('个人申报已于 2019 年 9 月 10 日 24 时截止，逾期不再受理');

    await env.ctx.db
      .update(applications)
      .set({ status: 'employerPublicity', publicityEnd: '2019-09-01', currentOrgIds: [row!.employerId] })
      .where(eq(applications.id, row!.id));
    at('2019-09-20T15:59:00Z'); // 23:59 in Shanghai: still in time
    const unit = await login('qdhsw');
    at('2019-09-20T16:00:01Z');
    const fwd = await unit.post(`/api/v1/applications/${row!.id}/actions/employerForward`, {});
    expect(fwd.json().message).toContain('单位审核推荐已于 2019 年 9 月 20 日 24 时截止');

    const [step0] = await env.ctx.db
      .select()
      .from(applicationSteps)
      .where(and(eq(applicationSteps.applicationId, row!.id), eq(applicationSteps.seq, 0)));
    await env.ctx.db.update(applicationSteps).set({ status: 'approved' }).where(eq(applicationSteps.id, step0!.id));
    await env.ctx.db
      .update(applications)
      .set({ status: 'inReview', currentStep: 0, currentOrgIds: step0!.orgIds })
      .where(eq(applications.id, row!.id));
    at('2019-10-01T02:00:00Z');
    const ca = await login('cahr');
    const dep = await ca.post(`/api/v1/applications/${row!.id}/actions/stepForward`, {});
    expect(dep.json().message).toContain('主管部门审核推荐已于 2019 年 9 月 30 日 24 时截止');
  });
});
