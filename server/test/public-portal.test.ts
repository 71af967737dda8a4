/**
 * Issue 10 "Public portal, without login" (SPEC §10): notices with the dates of their own documents (seeds 000–004
 * headers and 落款), open plans and their conditions in words, certificate look-up. No request here carries a
 * session cookie, and no answer carries an ID number or a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { readPlanFiles } from '../src/modules/plans/seed-plans';
import { auditEvents, notices, plans } from '../src/platform/db/schema';
import { dbKind, startDemoRoundApp, type TestEnv } from './helper';

let env: TestEnv;
let demoPlanId: string;
beforeAll(async () => {
  const started = await startDemoRoundApp(); // today: 2026-11-22 in Shanghai
  env = started.env;
  demoPlanId = started.planId;
});
afterAll(async () => env?.close());

/** a visitor without any cookie */
async function anon(url: string): Promise<LightMyRequestResponse> {
  const res = await env.app.inject({ method: 'GET', url, remoteAddress: '10.9.8.7' });
  expect(res.headers['set-cookie'] ?? '').not.toMatch(/zc_session/);
  return res;
}

/** Latin words in a text other than file formats and size units: a code shown where words belong */
function codesIn(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['JPG', 'JPEG', 'PNG', 'PDF', 'KB', 'MB'].includes(w));
}

/** the demo people's ID numbers and the demo phone, in every form they could leak */
function noPersonalData(body: string) {
  for (const p of Object.values(DEMO_PEOPLE)) expect(body).not.toContain(p.idNumber);
  expect(body).not.toMatch(/1[3-9]\d{9}/);
}

interface Notice {
  id: string;
  title: string;
  documentDate: string | null;
  documentNumber: string | null;
  publishedAt: string;
  plans: Array<{ id: string; name: string }>;
}

describe(`public portal without login (${dbKind})`, () => {
  it('notices carry their own document dates and 文号, newest document first — not the day they were seeded', async () => {
    const res = await anon('/api/v1/notices?pageSize=10');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Notice[]; total: number };
    expect(total).toBe(5);
    expect(items.map((n) => [n.documentDate, n.documentNumber])).toEqual([
      ['2022-07-01', '浙安协【2022】16号'], // seed 003 header, 落款 2022年7月1日
      ['2021-09-18', null], // seed 002: no 文号, 落款 2021年9月18日
      ['2020-08-27', '湖职指发〔2020〕2号'], // seed 004 header, 2020年8月27日印发
      ['2020-07-28', '浙经信人事〔2020〕84号'], // seed 001 header, 落款 2020年7月28日
      ['2019-07-15', '浙软协[2019]024号'], // seed 000 header, 落款 2019年7月15日
    ]);
    // the rows were written today (the demo seeding); what the portal shows as the date is the document's
    const today = env.clock.now.toISOString().slice(0, 10);
    expect(items.every((n) => n.documentDate !== today)).toBe(true);
    noPersonalData(res.body);
  });

  it('a notice links to the published plans it announces: seed 001 announces four specialties', async () => {
    const { items } = (await anon('/api/v1/notices')).json() as { items: Notice[] };
    const seed001 = items.find((n) => n.documentNumber === '浙经信人事〔2020〕84号')!;
    expect(seed001.plans.map((p) => p.name).sort()).toHaveLength(4);
    const seed002 = items.find((n) => n.documentDate === '2021-09-18')!;
    expect(seed002.plans.map((p) => p.name)).toEqual(['2021年度嘉兴市信息技术专业工程技术中、初级专业技术资格评审']);
    const one = await anon(`/api/v1/notices/${seed001.id}`);
    expect(one.statusCode).toBe(200);
    expect((one.json() as Notice).documentDate).toBe('2020-07-28');
  });

  it('sorts by document date, then by entry time; a notice without a document date counts from the day it was entered', async () => {
    await env.ctx.db.insert(notices).values([
      { title: '关于平台维护的公告', body: '维护期间暂停申报。', publisher: '平台运维组', publishedAt: env.clock.now },
      { title: '较早发文、刚录入的通知', body: '正文', publisher: '测试', documentDate: '2018-01-02', publishedAt: env.clock.now },
    ]);
    const { items } = (await anon('/api/v1/notices?pageSize=50')).json() as { items: Notice[] };
    expect(items[0]!.title).toBe('关于平台维护的公告');
    expect(items[0]!.documentDate).toBeNull();
    expect(items.at(-1)!.title).toBe('较早发文、刚录入的通知');
    // by title or publisher
    const searched = (await anon(`/api/v1/notices?q=${encodeURIComponent('嘉兴')}`)).json() as { items: Notice[]; total: number };
    expect(searched.items.map((n) => n.documentDate)).toEqual(['2021-09-18']);
    const jx = (await anon(`/api/v1/notices?q=${encodeURIComponent('信息技术专业工程技术')}`)).json() as { total: number };
    expect(jx.total).toBe(1);
    const page2 = (await anon('/api/v1/notices?page=2&pageSize=3')).json() as { items: Notice[]; total: number };
    expect(page2.items).toHaveLength(3);
    expect(page2.total).toBe(7);
  });

  it('a missing notice is a 404 with a Chinese message; a malformed id a 400, not a 500', async () => {
    const missing = await anon('/api/v1/notices/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/未找到该通知公告/);
    const bad = await anon('/api/v1/notices/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/通知编号格式不正确/);
  });

  it('lists only published plans: open now or closed recently; the seed rounds of 2019–2022 only with all=true', async () => {
    // an office's draft never shows
    const [draft] = await env.ctx.db.select().from(plans).where(eq(plans.id, demoPlanId));
    await env.ctx.db
      .insert(plans)
      .values({ ...draft!, id: undefined, key: 'draft-test', name: '未发布的草稿计划', status: 'draft', publishedAt: null });
    const res = await anon('/api/v1/public/plans');
    expect(res.statusCode).toBe(200);
    const current = res.json() as Array<{ id: string; name: string; phaseLabel: string; countdown: string; fee: string; levels: string[] }>;
    expect(current.map((p) => p.id)).toEqual([demoPlanId]);
    expect(current[0]!.phaseLabel).toBe('申报中');
    expect(current[0]!.countdown).toMatch(/^距个人申报截止还有 21 天/); // demo round: personal deadline today + 21 days
    expect(current[0]!.levels).toEqual(['高级工程师']);
    const all = (await anon('/api/v1/public/plans?all=true')).json() as Array<{ name: string }>;
    expect(all).toHaveLength(9); // eight seed plans + the demo round
    expect(all.map((p) => p.name)).not.toContain('未发布的草稿计划');
    const draftRow = (await env.ctx.db.select().from(plans).where(eq(plans.key, 'draft-test')))[0]!;
    const hidden = await anon(`/api/v1/public/plans/${draftRow.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toMatch(/未找到该评审计划/);
  });

  it('every seed plan shows its conditions in words: no code such as senior or normal in the text', async () => {
    const rows = await env.ctx.db.select({ id: plans.id, key: plans.key }).from(plans).where(eq(plans.status, 'published'));
    const files = await readPlanFiles();
    expect(files).toHaveLength(8);
    for (const { plan } of files) {
      const row = rows.find((r) => r.key === plan.key)!;
      const res = await anon(`/api/v1/public/plans/${row.id}`);
      expect(res.statusCode, plan.key).toBe(200);
      const d = res.json() as {
        sections: Array<{ key: string; title: string; lines: string[] }>;
        modes: Array<{ label: string; lines: string[]; requiredAttachments: string[] }>;
        fee: string;
        levels: string[];
        timeline: Array<{ label: string; date: string }>;
        committeeKind: string;
        photo: string;
      };
      const words = [
        ...d.sections.flatMap((s) => [s.title, ...s.lines]),
        ...d.modes.flatMap((m) => [m.label, ...m.lines, ...m.requiredAttachments]),
        d.fee,
        d.committeeKind,
        d.photo,
        ...d.levels,
        ...d.timeline.map((t) => t.label),
      ].join('\n');
      expect(codesIn(words), plan.key).toEqual([]);
      expect(
        d.sections.map((s) => s.key),
        plan.key,
      ).toEqual(expect.arrayContaining(['continuingEducation', 'annualAssessment', 'modes', 'photo']));
      expect(d.timeline[1], plan.key).toEqual({ label: '个人申报截止', date: plan.timeline.personalDeadline });
      noPersonalData(res.body);
    }
  });

  it('seed 003 八(三): the fee in words — 280 yuan, after qualification review, by bank transfer; seed 002 says none', async () => {
    const [sec] = await env.ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.key, '2022-security-senior'));
    const d = (await anon(`/api/v1/public/plans/${sec!.id}`)).json() as { fee: string; countdown: string; documentNumber: string };
    expect(d.fee).toBe('评审费每人 280 元，由申报人缴纳，通过资格审查后缴纳，缴费方式：转账汇款（评委会办公室确认）');
    expect(d.countdown).toMatch(/^个人申报已于 2022-\d\d-\d\d 截止$/);
    expect(d.documentNumber).toBe('浙安协【2022】16号');
    const [jx] = await env.ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.key, '2021-jiaxing-it-intermediate'));
    expect(((await anon(`/api/v1/public/plans/${jx!.id}`)).json() as { fee: string }).fee).toBe('通知未规定评审费用');
  });

  it('certificate look-up: an unknown number is a 404 with the Chinese message; a malformed one a 400', async () => {
    const res = await anon('/api/v1/public/certificates/ZJ2026-000123');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('未查询到该证书编号，请核对后重新输入');
    const bad = await anon(`/api/v1/public/certificates/${encodeURIComponent('<script>')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/证书编号为 4–40 位字母、数字或连字符/);
  });

  it('certificate look-up is rate-limited: a script trying numbers is stopped with 429 and a Chinese message', async () => {
    let last: LightMyRequestResponse | null = null;
    for (let i = 0; i < 25; i += 1) {
      last = await env.app.inject({ method: 'GET', url: `/api/v1/public/certificates/ZJ-${1000 + i}`, remoteAddress: '10.1.2.3' });
      if (last.statusCode === 429) break;
    }
    expect(last!.statusCode).toBe(429);
    expect(last!.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a committee office publishes a notice with its document date, 文号 and its own plan; another office cannot edit it', async () => {
    const zsia = await env.client().login('zsia', DEMO_PASSWORD);
    const [own] = await env.ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.id, demoPlanId));
    const [foreign] = await env.ctx.db.select({ id: plans.id }).from(plans).where(eq(plans.key, '2022-security-senior'));
    const input = {
      title: '关于开展2026年度信息技术专业高级工程师职务任职资格评审工作的通知',
      body: '请于截止日期前完成网上申报。',
      documentNumber: '浙软协〔2026〕9号',
      documentDate: '2026-11-15',
      planId: own!.id,
    };
    const wrongPlan = await zsia.post('/api/v1/notices', { ...input, planId: foreign!.id });
    expect(wrongPlan.statusCode).toBe(400);
    expect(wrongPlan.json().message).toMatch(/不属于本评委会办公室/);
    const badDate = await zsia.post('/api/v1/notices', { ...input, documentDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toMatch(/发文日期不存在/);
    const created = await zsia.post('/api/v1/notices', input);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const shown = (await anon(`/api/v1/notices/${id}`)).json() as Notice & { publisher: string };
    expect(shown).toMatchObject({ documentDate: '2026-11-15', documentNumber: '浙软协〔2026〕9号', publisher: '浙江省软件行业协会' });
    expect(shown.plans.map((p) => p.id)).toEqual([demoPlanId]);

    const other = await env.client().login('jxzpw', DEMO_PASSWORD);
    const denied = await other.put(`/api/v1/notices/${id}`, { ...input, planId: null, title: '改标题' });
    expect(denied.statusCode).toBe(403);
    const edited = await zsia.put(`/api/v1/notices/${id}`, { ...input, documentDate: '2026-11-16' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(((await anon(`/api/v1/notices/${id}`)).json() as Notice).documentDate).toBe('2026-11-16');
    const audits = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(['notice.published', 'notice.updated']);

    const visitor = await env.app.inject({ method: 'POST', url: '/api/v1/notices', payload: input, remoteAddress: '10.9.8.6' });
    expect([401, 403]).toContain(visitor.statusCode);
    const applicant = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    expect((await applicant.post('/api/v1/notices', input)).statusCode).toBe(403);
  });
});
