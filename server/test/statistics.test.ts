/**
 * Statistics (F22; SPEC §7 "Rosters and statistics by stage, region, specialty, unit nature"; issue 10 "for their
 * jurisdiction only, exportable; the province sees all"). Applications are inserted directly, as
 * bench/queue-server.ts does, in several regions, plans and statuses; every actor's counts are checked by hand.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, organizations, plans } from '../src/platform/db/schema';
import { registerApplicant, regionPathOf, seedApprovedEmployer, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';
import { eq } from 'drizzle-orm';
import { LABELS } from '@zc/domain';

let env: TestEnv;
const ids = { p1: '', p2: '' };
const login = async (username: string) => env.client().login(username);
const users: Record<'county' | 'city' | 'province' | 'officeA' | 'officeB' | 'jxAdmin' | 'employer', string> = {
  county: '',
  city: '',
  province: '',
  officeA: '',
  officeB: '',
  jxAdmin: '',
  employer: '',
};

interface Item {
  key: string | null;
  label: string;
  count: number;
  drillable?: boolean;
}
interface Summary {
  scope: { kind: string; title: string; region: { regionId: string; name: string }; trail: Array<{ regionId: string; name: string }> };
  total: number;
  drafts: number;
  series: Record<'stage' | 'region' | 'specialty' | 'nature' | 'level', Item[]>;
  plans: Array<{ id: string; name: string; year: number }>;
  years: number[];
}

async function summary(c: TestClient, query = ''): Promise<Summary> {
  const res = await c.get(`/api/v1/statistics/summary${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Summary;
}
/** label → count of the non-zero items of a series */
const counts = (items: Item[]) => Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [i.label, i.count]));

beforeAll(async () => {
  env = await startTestApp();
  const { ctx } = env;
  const county = await seedOfficer(ctx, 'hrBureau', '330127'); // 淳安县
  const city = await seedOfficer(ctx, 'economyBureau', '330100'); // 杭州市经信局
  const province = await seedOfficer(ctx, 'hrBureau', '330000');
  const officeA = await seedOfficer(ctx, 'committeeOffice', '330000');
  const officeB = await seedOfficer(ctx, 'committeeOffice', '330000');
  const jxAdmin = await seedOfficer(ctx, 'administration', '330400');
  Object.assign(users, {
    county: county.username,
    city: city.username,
    province: province.username,
    officeA: officeA.username,
    officeB: officeB.username,
    jxAdmin: jxAdmin.username,
  });

  const e1 = await seedApprovedEmployer(ctx, '330127'); // 淳安, 私营
  const e2 = await seedApprovedEmployer(ctx, '330122'); // 桐庐
  const e3 = await seedApprovedEmployer(ctx, '330100'); // 杭州市本级 (市属)
  const e4 = await seedApprovedEmployer(ctx, '330402'); // 嘉兴南湖区
  await ctx.db.update(organizations).set({ nature: 'stateOwnedEnterprise' }).where(eq(organizations.id, e2.org.id));
  await ctx.db.update(organizations).set({ nature: 'publicWelfareInstitution' }).where(eq(organizations.id, e3.org.id));
  users.employer = e1.username;

  const plan = async (officeOrgId: string, key: string, year: number, specialties: Array<{ code: string; name: string }>) => {
    const [p] = await ctx.db
      .insert(plans)
      .values({ key, officeOrgId, status: 'published', year, name: `统计测试计划${key}`, data: { specialties } })
      .returning();
    return p!.id;
  };
  ids.p1 = await plan(officeA.org.id, 'stat-p1', 2026, [
    { code: 'it', name: '软件开发' },
    { code: 'net', name: '网络工程' },
  ]);
  ids.p2 = await plan(officeB.org.id, 'stat-p2', 2025, [{ code: 'sw', name: '软件开发' }]);

  const put = async (
    n: number,
    employer: { org: { id: string; regionId: string } },
    planId: string,
    status: string,
    level: string,
    specialtyCode: string,
  ) => {
    const regionPath = await regionPathOf(ctx, employer.org.regionId);
    for (let i = 0; i < n; i += 1) {
      await ctx.db.insert(applications).values({
        applicantId: randomUUID(),
        planId,
        employerId: employer.org.id,
        regionPath,
        status,
        level,
        mode: 'normal',
        specialtyCode,
        submittedAt: status === 'draft' ? null : new Date('2026-11-20T02:00:00Z'),
      });
    }
  };
  await put(2, e1, ids.p1, 'submitted', 'senior', 'it');
  await put(1, e1, ids.p1, 'inReview', 'intermediate', 'net');
  await put(1, e1, ids.p1, 'atCommittee', 'senior', 'it');
  await put(2, e1, ids.p1, 'draft', 'senior', 'it');
  await put(1, e2, ids.p1, 'qualified', 'senior', 'net');
  await put(1, e2, ids.p1, 'rejected', 'assistant', 'it');
  await put(2, e3, ids.p2, 'prePublicity', 'intermediate', 'sw');
  await put(1, e4, ids.p2, 'awaitingExpertReview', 'professor', 'sw');
  await put(1, e4, ids.p2, 'returned', 'senior', 'sw');
  await put(1, e4, ids.p1, 'submitted', 'senior', 'it');
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('scoped by jurisdiction', () => {
  it('a county officer counts only its county: stage, level, specialty, nature; drafts apart', async () => {
    const s = await summary(await login(users.county));
    expect(s.scope).toMatchObject({ kind: 'region', title: '淳安县', region: { regionId: '330127', name: '淳安县' } });
    expect(s.total).toBe(4);
    expect(s.drafts).toBe(2);
    expect(counts(s.series.stage)).toEqual({ 待单位审核: 2, 主管部门审核中: 1, 待资格审查: 1 });
    expect(counts(s.series.region)).toEqual({ 淳安县: 4 });
    expect(counts(s.series.level)).toEqual({ 高级工程师: 3, 工程师: 1 });
    expect(counts(s.series.specialty)).toEqual({ 软件开发: 3, 网络工程: 1 });
    expect(counts(s.series.nature)).toEqual({ 私营企业和个体工商户: 4 });
    // every dimension adds up to the same total
    for (const items of Object.values(s.series)) expect(items.reduce((n, i) => n + i.count, 0)).toBe(4);
  });

  it("a city officer counts its city's counties and its own 市属 units, by county", async () => {
    const s = await summary(await login(users.city));
    expect(s.scope.title).toBe('杭州市');
    expect(s.total).toBe(8);
    expect(counts(s.series.region)).toEqual({ 杭州市本级: 2, 淳安县: 4, 桐庐县: 2 });
    expect(s.series.region.find((i) => i.label === '西湖区')).toMatchObject({ count: 0 });
    expect(counts(s.series.nature)).toEqual({ 私营企业和个体工商户: 4, 国有企业: 2, 社会公益类事业: 2 });
    expect(counts(s.series.stage)).toEqual({
      待单位审核: 2,
      主管部门审核中: 1,
      待资格审查: 1,
      资格审查通过: 1,
      审核不通过: 1,
      评前公示中: 2,
    });
  });

  it('the province counts all, by city, and drills down into a city; filters by plan, year and stage', async () => {
    const c = await login(users.province);
    const s = await summary(c);
    expect(s.total).toBe(11);
    expect(s.drafts).toBe(2);
    expect(counts(s.series.region)).toEqual({ 杭州市: 8, 嘉兴市: 3 });
    expect(s.series.region.find((i) => i.key === '330100')?.drillable).toBe(true);
    expect(counts(s.series.level)).toEqual({ 助理工程师: 1, 工程师: 3, 高级工程师: 6, 正高级工程师: 1 });
    expect(s.years).toEqual([2026, 2025]);

    const jx = await summary(c, '?regionId=330400');
    expect(jx.scope.trail.map((t) => t.name)).toEqual(['浙江省', '嘉兴市']);
    expect(counts(jx.series.region)).toEqual({ 南湖区: 3 });

    expect((await summary(c, `?planId=${ids.p1}`)).total).toBe(7);
    expect((await summary(c, '?year=2025')).total).toBe(4);
    const atCommittee = await summary(c, '?stage=atCommittee');
    expect(atCommittee.total).toBe(1);
    expect(atCommittee.drafts).toBe(0);
    expect(counts(atCommittee.series.region)).toEqual({ 杭州市: 1 });
  });

  it('a committee office counts only its own plans, wherever the employers are', async () => {
    const a = await summary(await login(users.officeA));
    expect(a.scope.kind).toBe('office');
    expect(a.plans.map((p) => p.id)).toEqual([ids.p1]);
    expect(a.total).toBe(7);
    expect(counts(a.series.specialty)).toEqual({ 软件开发: 5, 网络工程: 2 });
    expect(counts(a.series.region)).toEqual({ 杭州市: 6, 嘉兴市: 1 });

    const bClient = await login(users.officeB);
    const b = await summary(bClient);
    expect(b.total).toBe(4);
    expect(counts(b.series.specialty)).toEqual({ 软件开发: 4 });
    expect(counts(b.series.level)).toEqual({ 工程师: 2, 正高级工程师: 1, 高级工程师: 1 });
    // another office's plan is refused, not silently empty
    const other = await bClient.get(`/api/v1/statistics/summary?planId=${ids.p1}`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });

  it("an administrator with a city's jurisdiction counts that city", async () => {
    const s = await summary(await login(users.jxAdmin));
    expect(s.scope.title).toBe('嘉兴市');
    expect(s.total).toBe(3);
    expect(counts(s.series.region)).toEqual({ 南湖区: 3 });
  });

  it('refuses a region outside the jurisdiction (403), bad filters (400 in Chinese), and everyone else (403 / 401)', async () => {
    const county = await login(users.county);
    const outside = await county.get('/api/v1/statistics/summary?regionId=330122');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toContain('管辖范围');
    const unknown = await county.get('/api/v1/statistics/summary?regionId=nowhere');
    expect(unknown.statusCode).toBe(400);
    const draft = await county.get('/api/v1/statistics/summary?stage=draft');
    expect(draft.statusCode).toBe(400);
    expect(draft.json().message).toContain('草稿不计入统计');
    const year = await county.get('/api/v1/statistics/summary?year=abc');
    expect(year.statusCode).toBe(400);
    expect(year.json().message).toMatch(/[\u4e00-\u9fa5]/);

    const employer = await login(users.employer);
    expect((await employer.get('/api/v1/statistics/summary')).statusCode).toBe(403);
    expect((await employer.get('/api/v1/statistics/export.xlsx')).statusCode).toBe(403);
    const applicant = (await registerApplicant(env)).client;
    expect((await applicant.get('/api/v1/statistics/summary')).statusCode).toBe(403);
    expect((await env.client().get('/api/v1/statistics/summary')).statusCode).toBe(401);
  });
});

describe('export', () => {
  it('opens in exceljs: one sheet per dimension, Chinese headers, the scope in the title, the same numbers', async () => {
    const c = await login(users.city);
    const s = await summary(c);
    const res = await c.get('/api/v1/statistics/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('职称申报统计-杭州市.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按申报进度', '按地区', '按评审专业', '按单位性质', '按申报级别']);
    const dims = ['stage', 'region', 'specialty', 'nature', 'level'] as const;
    dims.forEach((dim, i) => {
      const ws = wb.worksheets[i]!;
      expect(String(ws.getCell('A1').value)).toContain('杭州市职称申报统计');
      expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual([
        ['申报进度', '地区', '评审专业', '单位性质', '申报级别'][i],
        '申报人数',
        '占比',
      ]);
      const rows = new Map<string, number>();
      ws.eachRow((row, n) => {
        if (n > 3) rows.set(String(row.getCell(1).value), Number(row.getCell(2).value));
      });
      for (const item of s.series[dim]) expect(rows.get(item.label), `${dim} ${item.label}`).toBe(item.count);
      expect(rows.get('合计')).toBe(8);
    });
    // words, never codes (issue 9 item 6): no cell is a coded value of any vocabulary
    const codes = new Set(Object.values(LABELS).flatMap((m) => Object.keys(m)));
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(codes.has(String(cell.value))).toBe(false)));
    const region = wb.getWorksheet('按地区')!;
    let chunAn: unknown[] = [];
    region.eachRow((row) => {
      if (row.getCell(1).value === '淳安县') chunAn = [row.getCell(2).value, row.getCell(3).value];
    });
    expect(chunAn).toEqual([4, '50%']);
  });

  it('the export carries the filter in its title', async () => {
    const c = await login(users.province);
    const res = await c.get('/api/v1/statistics/export.xlsx?year=2025&stage=prePublicity');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const title = String(wb.worksheets[0]!.getCell('A1').value);
    expect(title).toContain('浙江省职称申报统计');
    expect(title).toContain('2025 年度');
    expect(title).toContain('进度：评前公示中');
  });
});
