/**
 * Issue 9 item 5: archive data is checked, not trusted. The server refuses a region, series, province or
 * enumerated value outside the domain's lists and impossible dates with a 400 naming the field; an entry
 * stored before the check (西湖区 as a "mountain county") earns no bonus (seed 003 五(五), 附件3 山区 26 县名单),
 * is shown with what to correct, cannot be submitted or approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { eq } from 'drizzle-orm';
import { testPlan } from '../../packages/domain/src/rules/fixtures';
import { archiveEntries } from '../src/platform/db/schema';
import { MINIMAL_PDF, dbKind, seedBoundApplicant, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let office: TestClient;
beforeAll(async () => {
  env = await startTestApp();
  office = await env.client().login((await seedOfficer(env.ctx, 'committeeOffice', '330000')).username);
});
afterAll(async () => env?.close());

const XIHU = '330106'; // 杭州市西湖区: not one of the 26
const CHUNAN = '330127'; // 杭州市淳安县: one of the 26

const work = (over: Record<string, unknown> = {}) => ({
  kind: 'workExperience',
  employerName: '某水务公司',
  position: '技术员',
  duties: '供水工程设计',
  startMonth: '2000-07',
  isEngineering: true,
  ...over,
});

const BONUS = { fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 };

async function bonusPlan(): Promise<string> {
  const plan = {
    ...testPlan(),
    key: `mountain-${Math.random().toString(36).slice(2, 8)}`,
    name: '山区县加分测试计划',
    modes: [
      { mode: 'normal', label: '正常申报' },
      { mode: 'selfScore', label: '自评分申报', selfScoreThreshold: 80 },
    ],
    scoring: { items: [{ key: 'performance', name: '工作业绩', maxPoints: 100 }], mountainCountyBonus: BONUS },
  };
  const imp = await office.post('/api/v1/plans/import', { text: stringify(plan) });
  expect(imp.statusCode, imp.body).toBe(201);
  const id = imp.json().id as string;
  expect((await office.post(`/api/v1/plans/${id}/publish`, {})).statusCode).toBe(200);
  return id;
}

describe(`archive data is checked, not trusted (${dbKind})`, () => {
  it("POSTing a work entry with 西湖区's region id as mountain county gets 400 naming the field; 淳安县 is accepted", async () => {
    const a = await seedBoundApplicant(env);
    const r = await a.client.post('/api/v1/archive/entries', { data: work({ mountainCountyRegionId: XIHU }) });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toContain('山区县须为浙江省山区 26 县之一，“西湖区”不是山区县');
    expect(r.json().details.mountainCountyRegionId).toMatch(/西湖区/);
    const city = await a.client.post('/api/v1/archive/entries', { data: work({ mountainCountyRegionId: '330100' }) });
    expect(city.statusCode).toBe(400);
    expect(city.json().details.mountainCountyRegionId).toContain('“杭州市”不是山区县');
    const unknown = await a.client.post('/api/v1/archive/entries', { data: work({ mountainCountyRegionId: '110101' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.mountainCountyRegionId).toContain('不是浙江省的县（市、区）代码');
    const ok = await a.client.post('/api/v1/archive/entries', { data: work({ mountainCountyRegionId: CHUNAN }) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().problems).toEqual({});
    // and an update to 西湖区 is refused the same way
    const put = await a.client.put(`/api/v1/archive/entries/${ok.json().id}`, { data: work({ mountainCountyRegionId: XIHU }) });
    expect(put.statusCode).toBe(400);
    expect(put.json().details.mountainCountyRegionId).toContain('西湖区');
  });

  it('other lists and dates: series, province, enums, future and pre-birth dates are 400 with the field named', async () => {
    const a = await seedBoundApplicant(env); // born 1986-01-01 (helper newIdNumber)
    const post = (data: Record<string, unknown>) => a.client.post('/api/v1/archive/entries', { data });
    const title = {
      kind: 'title',
      level: 'intermediate',
      series: '工程',
      specialty: '给排水',
      grantedDate: '2014-12-20',
      grantMode: 'evaluation',
      issuer: '杭州市人社局',
      isCurrent: true,
    };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...title, series: '码农' }, 'series', /职称系列“码农”不在可选范围内/],
      [{ ...title, level: 'chiefEngineer' }, 'level', /职称级别“chiefEngineer”不在可选范围内，应为：技术员、/],
      [{ ...title, grantedDate: '2099-01-01' }, 'grantedDate', /取得时间（2099-01-01）不能晚于今天/],
      [{ ...title, grantedDate: '1985-12-31' }, 'grantedDate', /早于出生日期（1986-01-01，据身份证号码）/],
      [
        {
          kind: 'socialSecurityProof',
          startMonth: '2019-01',
          endMonth: '2020-06',
          province: '浙江省',
          proofKind: 'pensionContributionProof',
        },
        'province',
        /参保省份不能是浙江省/,
      ],
      [
        {
          kind: 'socialSecurityProof',
          startMonth: '2019-01',
          endMonth: '2020-06',
          province: '苏州',
          proofKind: 'pensionContributionProof',
        },
        'province',
        /参保省份须为省级行政区的全称/,
      ],
      [work({ startMonth: '2010-01', endMonth: '2009-12' }), 'endMonth', /结束时间（2009-12）不能早于开始时间（2010-01）/],
      [
        {
          kind: 'achievement',
          detail: { type: 'patent', name: '装置', patentType: 'software', patentNumber: 'ZL1', grantDate: '2021-05-11', inventorRank: 1 },
        },
        'patentType',
        /专利类型“software”不在可选范围内，应为：发明专利、实用新型专利、外观设计专利/,
      ],
    ];
    for (const [data, field, message] of cases) {
      const r = await post(data);
      expect(r.statusCode, `${field} ${r.body}`).toBe(400);
      expect(r.json().details[field], r.body).toMatch(message);
    }
  });

  it('an entry stored earlier with 西湖区 earns no bonus in eligibility or self-score, shows what to correct, and cannot be submitted or approved', async () => {
    const planId = await bonusPlan();
    const a = await seedBoundApplicant(env);
    // stored before the check existed: 22 years "in a mountain county" that is 西湖区, approved by the employer
    const [bad] = await env.ctx.db
      .insert(archiveEntries)
      .values({
        applicantId: a.userId,
        kind: 'workExperience',
        data: work({ mountainCountyRegionId: XIHU }),
        summary: '2000-07– 某水务公司 技术员',
        status: 'approved',
      })
      .returning({ id: archiveEntries.id });

    const eligibility = async (mode: 'normal' | 'selfScore') => {
      const r = await a.client.post(`/api/v1/plans/${planId}/eligibility`, {
        mode,
        level: 'senior',
        ...(mode === 'selfScore' ? { application: { selfScore: [{ itemKey: 'performance', points: 70, evidenceIds: ['x'] }] } } : {}),
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().results as Array<{
        rule: string;
        status: string;
        explanation: string;
        numbers: Record<string, number>;
        evidence: string[];
      }>;
    };
    const normal = await eligibility('normal');
    expect(normal.find((x) => x.rule === 'mountainCounty')).toBeUndefined();
    const refused = normal.find((x) => x.rule === 'mountainCountyRegion');
    expect(refused).toMatchObject({ status: 'needsReview', evidence: [bad!.id] });
    expect(refused!.explanation).toContain('2000-07 起的工作经历所填“西湖区”不是浙江省山区 26 县之一，不计山区县加分');
    const selfScore = (await eligibility('selfScore')).find((x) => x.rule === 'selfScore');
    expect(selfScore).toMatchObject({ numbers: { 自评分: 70, 山区县加分: 0 } });

    // the applicant's list names the field to correct
    const listed = (await a.client.get('/api/v1/archive/entries')).json().find((e: { id: string }) => e.id === bad!.id);
    expect(listed.problems.mountainCountyRegionId).toContain('“西湖区”不是山区县');

    // the same entry with 淳安县 earns the bonus: 22 full years to 2022-12-31 → 6 + 2 = 8
    await env.ctx.db
      .update(archiveEntries)
      .set({ data: work({ mountainCountyRegionId: CHUNAN }) })
      .where(eq(archiveEntries.id, bad!.id));
    expect((await eligibility('normal')).find((x) => x.rule === 'mountainCounty')).toMatchObject({ numbers: { 加分: 8 } });
    expect((await eligibility('selfScore')).find((x) => x.rule === 'selfScore')).toMatchObject({ numbers: { 自评分: 78, 山区县加分: 8 } });

    // a stored 西湖区 entry cannot go to the employer, and the employer cannot approve one already pending
    await env.ctx.db
      .update(archiveEntries)
      .set({ data: work({ mountainCountyRegionId: XIHU }), status: 'draft' })
      .where(eq(archiveEntries.id, bad!.id));
    const upload = await a.client.upload(`/api/v1/archive/entries/${bad!.id}/evidence`, { name: '工作证明.pdf', content: MINIMAL_PDF });
    expect(upload.statusCode, upload.body).toBe(201);
    const draft = (await a.client.get(`/api/v1/archive/entries/${bad!.id}`)).json();
    expect(draft.allowed).toContain('edit');
    expect(draft.allowed).not.toContain('submit');
    const submit = await a.client.post('/api/v1/archive/entries/submit', { ids: [bad!.id] });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().message).toContain('的内容须修改：山区县须为浙江省山区 26 县之一，“西湖区”不是山区县');
    await env.ctx.db.update(archiveEntries).set({ status: 'pending', employerId: a.employer.org.id }).where(eq(archiveEntries.id, bad!.id));
    const employer = await env.client().login(a.employer.username);
    const approve = await employer.post(`/api/v1/archive/entries/${bad!.id}/approve`, {});
    expect(approve.statusCode).toBe(409);
    expect(approve.json().message).toContain('不能审核通过，请退回申报人修改');
    const [row] = await env.ctx.db.select({ status: archiveEntries.status }).from(archiveEntries).where(eq(archiveEntries.id, bad!.id));
    expect(row?.status).toBe('pending');
    const queued = (await employer.get('/api/v1/archive/review-queue')).json().items.find((e: { id: string }) => e.id === bad!.id);
    expect(queued.problems.mountainCountyRegionId).toContain('西湖区');
    expect(queued.allowed).toEqual(['return']);
    expect((await employer.post(`/api/v1/archive/entries/${bad!.id}/return`, { reason: '山区县填写有误，请修改' })).statusCode).toBe(200);
  });
});
