/**
 * Issue 9 item 3: "复制为新年度" — a copied plan is a new round, not the old one with new dates.
 * The first part walks the eight seed plan files (config/plans) without a database; the second drives
 * POST /plans/:id/copy and the warnings a save returns.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { emptyFacts } from '../../packages/domain/src/rules/fixtures';
import { evaluate, planWarnings, shiftPlanYears, validatePlan, YEAR_KEYS, type Plan } from '@zc/domain';
import { auditEvents } from '../src/platform/db/schema';
import { PLANS_DIR, readPlanFiles } from '../src/modules/plans/seed-plans';
import { dbKind, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';

const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?$/;
/** a number this size anywhere in a plan is a calendar year (bytes, points and hours are far from it) */
const YEAR_LIKE = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** Every leaf of the plan that looks like a date or a year, with its path (citations are the seed's own clauses). */
function yearLikeLeaves(v: unknown, path: string[] = []): Array<{ path: string; value: string | number }> {
  if (path.length === 1 && path[0] === 'citations') return [];
  if (typeof v === 'string') return DATE_LIKE.test(v) ? [{ path: path.join('.'), value: v }] : [];
  if (typeof v === 'number') return YEAR_LIKE(v) ? [{ path: path.join('.'), value: v }] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => yearLikeLeaves(x, [...path, String(i)]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => yearLikeLeaves(x, [...path, k]));
  return [];
}

const at = (obj: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);

describe('shiftPlanYears over the eight seed plans (no date or year left behind)', () => {
  it('moves every date-like and year-like value of every seed by the same number of years, and lists each', async () => {
    const seeds = await readPlanFiles();
    expect(seeds).toHaveLength(8);
    for (const { file, plan } of seeds) {
      for (const years of [1, 4]) {
        const r = shiftPlanYears(plan, years);
        const movedPaths = new Set(r.moved.map((m) => m.path));
        for (const leaf of yearLikeLeaves(plan)) {
          const after = at(r.plan, leaf.path);
          const expected =
            typeof leaf.value === 'number' ? leaf.value + years : `${Number(leaf.value.slice(0, 4)) + years}${leaf.value.slice(4)}`;
          expect(after, `${file}: ${leaf.path} ${leaf.value}`).toBe(expected);
          // listed for the editor: the field itself, or the list of years it belongs to
          const listed = movedPaths.has(leaf.path) || movedPaths.has(leaf.path.replace(/\.\d+$/, ''));
          expect(listed, `${file}: ${leaf.path} not listed as moved`).toBe(true);
          if (typeof leaf.value === 'number')
            expect(
              YEAR_KEYS.has(
                leaf.path
                  .split('.')
                  .filter((s) => !/^\d+$/.test(s))
                  .pop()!,
              ),
            ).toBe(true);
        }
        const v = validatePlan(r.plan);
        expect(v.ok, `${file} +${years}: ${JSON.stringify(!v.ok && v.errors)}`).toBe(true);
        // a seed is consistent, and so is its copy: no warning either way
        expect(planWarnings(plan), file).toEqual([]);
        expect(planWarnings(r.plan), `${file} +${years}`).toEqual([]);
        expect(r.plan.citations, file).toEqual(plan.citations);
      }
    }
  });

  it("the issue's applicant: with 2017–2019 assessments she fails the 2019 plan moved by dates only, and passes 复制为新年度", async () => {
    const seed = (await readPlanFiles()).find((p) => p.plan.key === '2019-it-senior')!.plan;
    const facts = emptyFacts({
      assessments: [2017, 2018, 2019].map((year) => ({ id: `a${year}`, year, result: 'qualified' })),
    });
    const rule = (p: Plan) => evaluate(p, 'normal', 'senior', facts).results.find((x) => x.rule === 'annualAssessment')!;
    const datesOnly: Plan = { ...seed, timeline: shiftPlanYears(seed, 1).plan.timeline };
    expect(rule(datesOnly).status).toBe('fail');
    expect(rule(datesOnly).explanation).toContain('缺少 2016');
    expect(planWarnings(datesOnly).length).toBeGreaterThan(0);
    expect(rule(shiftPlanYears(seed, 1).plan).status).toBe('pass');
  });
});

let env: TestEnv;
let office: TestClient;
let officeOrgId: string;
let sourceId: string;
beforeAll(async () => {
  env = await startTestApp();
  const o = await seedOfficer(env.ctx, 'committeeOffice', '330000');
  officeOrgId = o.org.id;
  office = await env.client().login(o.username);
  const text = (await readFile(join(PLANS_DIR, '2019-it-senior.yaml'), 'utf8')).replace(/^key: .*$/m, 'key: 2019-copy-source');
  const imp = await office.post('/api/v1/plans/import', { text });
  expect(imp.statusCode, imp.body).toBe(201);
  sourceId = imp.json().id;
});
afterAll(async () => env?.close());

describe(`POST /plans/:id/copy — 复制为新年度 (${dbKind})`, () => {
  it('creates a draft of the same office with year, dates, review month and rule years moved, lists them, and audits it', async () => {
    const res = await office.post(`/api/v1/plans/${sourceId}/copy`, { asNewYear: true, targetYear: 2020 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.plan).toMatchObject({
      key: '2020-copy-source',
      year: 2020,
      name: '2020年度信息技术专业高级工程师职务任职资格评审',
      cutoffDate: '2020-12-31',
      timeline: { departmentDeadline: '2020-09-30', reviewMonth: '2020-11' },
      continuingEducation: { years: [2019, 2020] },
      annualAssessment: { years: [2017, 2018, 2019] },
    });
    expect(body.moved).toContainEqual({
      path: 'annualAssessment.years',
      label: '年度考核年度',
      from: '2016、2017、2018',
      to: '2017、2018、2019',
    });
    expect(body.moved).toContainEqual({ path: 'timeline.reviewMonth', label: '评审月份', from: '2019-11', to: '2020-11' });
    expect(body.toCheck.map((c: { path: string }) => c.path)).toContain('source.documentNumber');
    expect(body.warnings).toEqual([]);

    const detail = (await office.get(`/api/v1/plans/${body.id}`)).json();
    expect(detail.summary).toMatchObject({ status: 'draft', year: 2020, version: 1 });
    expect(detail.plan.annualAssessment.years).toEqual([2017, 2018, 2019]);
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, body.id), eq(auditEvents.action, 'plan.copied')));
    expect(audit?.after).toMatchObject({ sourceId, fromYear: 2019, toYear: 2020, key: '2020-copy-source' });
    expect(audit?.actorOrgId).toBe(officeOrgId);
    // the source is untouched
    expect((await office.get(`/api/v1/plans/${sourceId}`)).json().plan.annualAssessment.years).toEqual([2016, 2017, 2018]);
  });

  it("takes the office's own key and name, refuses a key in use, the same year, and a bad year — in Chinese", async () => {
    const own = await office.post(`/api/v1/plans/${sourceId}/copy`, {
      targetYear: 2021,
      key: 'it-senior-2021',
      name: '2021年度信息技术高工评审',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().moved).toContainEqual({ path: 'key', label: '计划代号', from: '2019-copy-source', to: 'it-senior-2021' });
    expect(own.json().plan.annualAssessment.years).toEqual([2018, 2019, 2020]);

    const dup = await office.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 2021, key: 'it-senior-2021' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('计划代号 it-senior-2021 已存在');
    const same = await office.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 2019 });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('相同');
    const bad = await office.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 'next' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('another office cannot copy the plan (a draft it cannot see is 404)', async () => {
    const other = await env.client().login((await seedOfficer(env.ctx, 'committeeOffice', '330400')).username);
    expect((await other.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 2022 })).statusCode).toBe(404);
    const hr = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330100')).username);
    expect([403, 404]).toContain((await hr.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 2022 })).statusCode);
  });
});

describe(`PUT /plans/:id returns the plan's warnings; they do not block the save (${dbKind})`, () => {
  it('a review month before the deadlines and rule years of another year are saved, with Chinese warnings', async () => {
    const copy = (await office.post(`/api/v1/plans/${sourceId}/copy`, { targetYear: 2023 })).json();
    const plan = copy.plan;
    plan.timeline.reviewMonth = '2023-08';
    plan.annualAssessment.years = [2016, 2017, 2018];
    const res = await office.put(`/api/v1/plans/${copy.id}`, { plan, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const { version, warnings } = res.json();
    expect(version).toBe(2);
    expect(warnings).toEqual([
      { path: 'timeline.reviewMonth', message: expect.stringContaining('评审月份 2023-08 早于主管部门审核截止日期 2023-09-30') },
      { path: 'annualAssessment.years', message: expect.stringContaining('应为 2020–2022') },
    ]);
    // errors still block
    plan.cutoffDate = '2022-12-31';
    expect((await office.put(`/api/v1/plans/${copy.id}`, { plan, version: 2 })).statusCode).toBe(400);
  });
});
