import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { testPlan } from '../../packages/domain/src/rules/fixtures';
import { and, eq } from 'drizzle-orm';
import { archiveEntries, auditEvents, plans } from '../src/platform/db/schema';

import { dbKind, seedBoundApplicant, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let office: TestClient;
beforeAll(async () => {
  env = await startTestApp();
  office = await env.client().login((await seedOfficer(env.ctx, 'committeeOffice', '330000')).username);
});
afterAll(async () => env?.close());

let n = 0;
function planYaml(over: Record<string, unknown> = {}) {
  n += 1;
  return stringify({ ...testPlan(), key: `test-plan-${n}`, name: `测试计划${n}`, ...over });
}

describe(`plans: import, edit, publish, export (${dbKind})`, () => {
  it('a committee office imports a YAML plan as a draft, edits a deadline, publishes it; everyone then sees it', async () => {
    const imp = await office.post('/api/v1/plans/import', { text: planYaml() });
    expect(imp.statusCode, imp.body).toBe(201);
    const id = imp.json().id;
    const anon = env.client();
    expect((await anon.get(`/api/v1/plans/${id}`)).statusCode).toBe(404);
    expect((await anon.get('/api/v1/plans')).json().map((p: { id: string }) => p.id)).not.toContain(id);

    const detail = (await office.get(`/api/v1/plans/${id}`)).json();
    expect(detail.summary).toMatchObject({ status: 'draft', allowed: ['edit', 'publish', 'export'] });
    const plan = detail.plan;
    plan.timeline.personalDeadline = '2022-09-05';
    plan.timeline.employerDeadline = '2022-09-20';
    expect((await office.put(`/api/v1/plans/${id}`, { plan, version: detail.summary.version })).statusCode).toBe(200);
    // a second edit from the stale copy is refused
    const stale = await office.put(`/api/v1/plans/${id}`, { plan, version: detail.summary.version });
    expect(stale.statusCode).toBe(409);

    expect((await office.post(`/api/v1/plans/${id}/publish`, {})).statusCode).toBe(200);
    const pub = (await anon.get('/api/v1/plans')).json().find((p: { id: string }) => p.id === id);
    expect(pub).toMatchObject({ status: 'published', timeline: { personalDeadline: '2022-09-05' } });
    expect(['upcoming', 'open', 'closed']).toContain(pub.phase);

    const yaml = await anon.get(`/api/v1/plans/${id}/export?format=yaml`);
    expect(yaml.headers['content-disposition']).toContain('.yaml');
    const again = await office.post('/api/v1/plans/import', { text: yaml.body.replace(/^key: .*$/m, 'key: exported-copy') });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('explains a faulty plan file field by field, in Chinese', async () => {
    const bad = await office.post('/api/v1/plans/import', {
      text: planYaml({
        timeline: { openDate: '2022-07-01', personalDeadline: '2022-06-01', employerDeadline: '2022-09-15' },
        photo: { formats: ['gif'], bytes: {}, width: {}, height: {} },
      }),
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.details['timeline.personalDeadline']).toContain('不能早于');
    expect(Object.keys(body.details).some((k) => k.startsWith('photo.formats'))).toBe(true);
    const garbage = await office.post('/api/v1/plans/import', { text: 'key: [unclosed' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().message).toContain('无法解析');
  });

  it('another office cannot edit or publish it; an employer cannot create plans', async () => {
    const id = (await office.post('/api/v1/plans/import', { text: planYaml() })).json().id;
    const other = await env.client().login((await seedOfficer(env.ctx, 'committeeOffice', '330400')).username);
    expect((await other.get(`/api/v1/plans/${id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/plans/${id}/publish`, {})).statusCode).toBe(403);
    const hr = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330100')).username);
    expect((await hr.post('/api/v1/plans/import', { text: planYaml() })).statusCode).toBe(403);
  });
});

describe(`plans: the browser editor and "导入覆盖" (${dbKind})`, () => {
  it('saves non-timeline parts through PUT and names the faulty field of a rejected document', async () => {
    const id = (await office.post('/api/v1/plans/import', { text: planYaml() })).json().id;
    const { summary, plan } = (await office.get(`/api/v1/plans/${id}`)).json();
    plan.specialties.push({ code: 'b', name: '专业B', description: '新增的评审专业' });
    plan.modes[0].attachments.push({ key: 'workSummary', name: '专业技术工作总结', required: false });
    plan.fee = { amountYuan: 280, payer: 'applicant', due: 'afterQualificationReview', method: 'bankTransfer' };
    const saved = await office.put(`/api/v1/plans/${id}`, { plan, version: summary.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ok: true, version: summary.version + 1, warnings: [] });
    const after = (await office.get(`/api/v1/plans/${id}`)).json();
    expect(after.plan.specialties.map((s: { code: string }) => s.code)).toEqual(['a', 'b']);
    expect(after.plan.modes[0].attachments).toEqual([{ key: 'workSummary', name: '专业技术工作总结', required: false }]);
    expect(after.summary.specialties).toContainEqual({ code: 'b', name: '专业B' });
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'plan.updated')));
    expect(audit?.after).toMatchObject({ via: 'editor', version: summary.version + 1, changed: ['fee', 'modes', 'specialties'] });

    // a blank attachment name and a duplicate specialty code: 400, each error under its field path
    after.plan.modes[0].attachments[0].name = '';
    after.plan.specialties[1].code = 'a';
    const bad = await office.put(`/api/v1/plans/${id}`, { plan: after.plan, version: after.summary.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details['modes.0.attachments.0.name']).toBe('请填写附件名称');
    const dup = await office.put(`/api/v1/plans/${id}`, { plan: { ...after.plan, modes: plan.modes }, version: after.summary.version });
    expect(dup.json().details['specialties.1.code']).toContain('重复');
  });

  it("creates a plan from a JSON document (the editor's blank template or a copy)", async () => {
    const created = await office.post('/api/v1/plans', { plan: { ...testPlan(), key: 'copied-plan', name: '复制的计划' } });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await office.post('/api/v1/plans', { plan: { ...testPlan(), key: 'copied-plan', name: '复制的计划' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details).toHaveProperty('key');
  });

  it('"导入覆盖" replaces a draft in place under its version, with an audit row; never a published plan', async () => {
    const id = (await office.post('/api/v1/plans/import', { text: planYaml() })).json().id;
    const before = (await office.get(`/api/v1/plans/${id}`)).json();
    const count = (await office.get('/api/v1/plans/mine')).json().length;
    const text = stringify({ ...before.plan, name: '覆盖后的计划', specialties: [{ code: 'x', name: '专业X' }] });

    const stale = await office.post(`/api/v1/plans/${id}/import`, { text, version: before.summary.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    const other = await env.client().login((await seedOfficer(env.ctx, 'committeeOffice', '330200')).username);
    expect((await other.post(`/api/v1/plans/${id}/import`, { text, version: before.summary.version })).statusCode).toBe(403);
    const faulty = await office.post(`/api/v1/plans/${id}/import`, {
      text: text.replace(/^cutoffDate: .*$/m, 'cutoffDate: 2022/12/31'),
      version: before.summary.version,
    });
    expect(faulty.statusCode).toBe(400);
    expect(faulty.json().details.cutoffDate).toBe('日期格式应为 YYYY-MM-DD');

    const r = await office.post(`/api/v1/plans/${id}/import`, {
      text: JSON.stringify({ ...before.plan, name: '覆盖后的计划', specialties: [{ code: 'x', name: '专业X' }] }),
      version: before.summary.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().version).toBe(before.summary.version + 1);
    const after = (await office.get(`/api/v1/plans/${id}`)).json();
    expect(after.summary).toMatchObject({
      id,
      name: '覆盖后的计划',
      status: 'draft',
      version: before.summary.version + 1,
      specialties: [{ code: 'x', name: '专业X' }],
    });
    expect((await office.get('/api/v1/plans/mine')).json()).toHaveLength(count);
    const [row] = await env.ctx.db.select().from(plans).where(eq(plans.id, id));
    expect(row?.name).toBe('覆盖后的计划');
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'plan.imported')));
    expect(audit.map((a) => a.after)).toContainEqual(expect.objectContaining({ via: 'import', changed: ['name', 'specialties'] }));

    // YAML works too; once published, the file cannot overwrite it
    expect((await office.post(`/api/v1/plans/${id}/import`, { text, version: after.summary.version })).statusCode).toBe(200);
    expect((await office.post(`/api/v1/plans/${id}/publish`, {})).statusCode).toBe(200);
    const published = await office.post(`/api/v1/plans/${id}/import`, { text, version: after.summary.version + 1 });
    expect(published.statusCode).toBe(409);
    expect(published.json().message).toContain('已发布的计划不能导入覆盖');
  });
});

describe(`eligibility check (${dbKind})`, () => {
  it('the applicant gets each rule with its explanation, numbers and evidence; a stranger employer cannot ask', async () => {
    const id = (await office.post('/api/v1/plans/import', { text: planYaml() })).json().id;
    await office.post(`/api/v1/plans/${id}/publish`, {});
    const a = await seedBoundApplicant(env);
    const mk = (data: Record<string, unknown>) => ({
      applicantId: a.userId,
      kind: data.kind as string,
      data,
      summary: 'x',
      status: 'approved',
    });
    await env.ctx.db.insert(archiveEntries).values([
      mk({
        kind: 'education',
        level: 'bachelor',
        degree: 'bachelor',
        school: '浙江大学',
        major: '软件',
        graduationDate: '2005-07-01',
        studyMode: 'fullTime',
        origin: 'domestic',
        isEngineering: true,
        isHighest: true,
      }),
      mk({
        kind: 'title',
        level: 'intermediate',
        series: '工程',
        specialty: '软件',
        grantedDate: '2016-12-01',
        grantMode: 'evaluation',
        issuer: '杭州市人社局',
        isCurrent: true,
      }),
      mk({ kind: 'workExperience', employerName: 'x', position: 'y', duties: 'z', startMonth: '2005-08', isEngineering: true }),
      mk({
        kind: 'continuingEducation',
        year: 2022,
        hours: 72,
        category: 'professional',
        registry: 'provincialHr',
        channel: 'other',
        courseName: 'a',
        provider: 'b',
      }),
      mk({
        kind: 'continuingEducation',
        year: 2022,
        hours: 12,
        category: 'generalPublic',
        registry: 'provincialHr',
        channel: 'other',
        courseName: 'c',
        provider: 'd',
      }),
      mk({ kind: 'annualAssessment', year: 2019, result: 'competent' }),
      mk({ kind: 'annualAssessment', year: 2020, result: 'competent' }),
      mk({ kind: 'annualAssessment', year: 2021, result: 'excellent' }),
    ]);
    const r = await a.client.post(`/api/v1/plans/${id}/eligibility`, { mode: 'normal', level: 'senior' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    const byRule = Object.fromEntries(body.results.map((x: { rule: string }) => [x.rule, x]));
    expect(byRule.educationYears).toMatchObject({ status: 'pass', numbers: { 任现职年限: 6 } });
    expect(byRule.continuingEducation.status).toBe('fail');
    expect(byRule.continuingEducation.explanation).toContain('公需科目 12');
    expect(byRule.annualAssessment.status).toBe('pass');
    expect(body.eligible).toBe(false);

    const ownUnit = await env.client().login(a.employer.username);
    expect(
      (await ownUnit.post(`/api/v1/plans/${id}/eligibility`, { mode: 'normal', level: 'senior', applicantId: a.userId })).statusCode,
    ).toBe(200);
    const other = await seedBoundApplicant(env);
    const stranger = await env.client().login(other.employer.username);
    expect(
      (await stranger.post(`/api/v1/plans/${id}/eligibility`, { mode: 'normal', level: 'senior', applicantId: a.userId })).statusCode,
    ).toBe(404);
  });
});

describe(`working-day calendar (${dbKind})`, () => {
  it('computes a 5-working-day publicity over the 2021 National Day holiday from the official schedule', async () => {
    const r = (await env.client().get('/api/v1/calendar/publicity-end?start=2021-09-29&days=5')).json();
    expect(r.end).toBe('2021-10-11');
  });
  it('computes a year the library does not know provisionally until the administrator enters it (issue 9 item 2)', async () => {
    const c = env.client();
    // 2030 provisionally: weekends and 《全国年节及纪念日放假办法》 (元旦 01-01) — 01-02..01-04, 01-07, 01-08
    const unknown = await c.get('/api/v1/calendar/publicity-end?start=2030-01-02&days=5');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toMatchObject({ end: '2030-01-08', provisional: true, provisionalYears: [2030] });
    const admin = await env.client().login((await seedOfficer(env.ctx, 'administration', '330000')).username);
    const put = await admin.put('/api/v1/calendar/years/2030', { holidays: ['2030-01-01'], workdays: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await c.get('/api/v1/calendar/publicity-end?start=2030-01-02&days=5')).json()).toMatchObject({
      end: '2030-01-08',
      provisional: false,
    });
    const city = await env.client().login((await seedOfficer(env.ctx, 'administration', '330400')).username);
    expect((await city.put('/api/v1/calendar/years/2031', { holidays: [], workdays: [] })).statusCode).toBe(403);
  });
});
