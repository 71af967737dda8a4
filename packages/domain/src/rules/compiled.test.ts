/**
 * Issue 4: the plan is prepared once (compilePlan) and the rules count before they list. These tests pin
 * the exact results the preparation and the counting must keep: which matrix row is named, the order of
 * evidence, the text of fractional hours, which conditions' entries are cited, and a fresh preparation for
 * an edited plan.
 */
import { describe, expect, it } from 'vitest';
import { continuingEducationResult, educationYearsResult, evaluate } from './engine';
import { checkCondition, directReportResult } from './direct-report';
import { compilePlan } from './compile';
import { emptyFacts, testPlan } from './fixtures';
import type { Facts } from './facts';

type Ach = Facts['achievements'][number];
const ach = (id: string, detail: Ach['detail']): Ach => ({ id, detail });
const ce = (
  id: string,
  year: number,
  hours: number,
  category: 'professional' | 'industryPublic' | 'generalPublic',
  channel: 'onlineCourseware' | 'other' = 'other',
) => ({
  id,
  year,
  hours,
  category,
  registry: 'provincialHr',
  channel,
});

describe('the nearest matrix row is the one explained (SPEC §5 default matrix: 博士 + 工程师满 2 年, 本科 + 工程师满 5 年)', () => {
  const plan = testPlan();
  const work = [{ id: 'w', startMonth: '2005-08', endMonth: null, isEngineering: true, mountainCounty: false }];
  it('one condition short in both rows: the row whose education the applicant has is named', () => {
    const f = emptyFacts({
      educations: [{ id: 'e', level: 'bachelor', graduationDate: '2005-07-01', isEngineering: true, isHighest: true }],
      titles: [{ id: 't', level: 'intermediate', grantedDate: '2018-02-01', isCurrent: true, series: '工程' }],
      work,
    });
    const r = educationYearsResult(plan, 'senior', false, f);
    expect(r.explanation).toBe('未达到学历资历条件：任现职须满 5 年，实际 4 年（计算至 2022-12-31）。可考虑自评分、破格等申报方式');
    expect(r.numbers).toEqual({ 学历: '本科', 现职称: '工程师', 任现职年限: 4, 专业工作年限: 17, 计算截止日期: '2022-12-31' });
    expect(r.evidence).toEqual(['e', 't', 'w']);
  });
  it('equally short everywhere: the row with the lowest education is named; a waiving mode makes it needsReview', () => {
    const f = emptyFacts({ work });
    expect(educationYearsResult(plan, 'senior', false, f).explanation).toBe(
      '未达到学历资历条件：学历须本科及以上，须取得工程师（计算至 2022-12-31）。可考虑自评分、破格等申报方式',
    );
    const waived = educationYearsResult(plan, 'senior', true, f);
    expect(waived.status).toBe('needsReview');
    expect(waived.explanation).toBe(
      '未达到常规学历资历条件（学历须本科及以上，须取得工程师），按所选申报方式申报，须满足该方式的条件并参加面试答辩',
    );
  });
});

describe('continuing education: evidence year by year, fractional hours to one decimal (seed 001: online courseware ≤ 36 h a year)', () => {
  const plan = testPlan({
    year: 2021,
    cutoffDate: '2021-12-31',
    continuingEducation: {
      kind: 'annual',
      years: [2020, 2021],
      hoursPerYear: 90,
      professionalMin: 60,
      publicMin: 18,
      onlineCapPerYear: 36,
    },
  });
  it("records are cited in the order of the rule's years; other years are not cited", () => {
    const rows = [
      ce('c21', 2021, 90, 'professional'),
      ce('c20a', 2020, 72, 'professional'),
      ce('c19', 2019, 90, 'professional'),
      ce('c20b', 2020, 18, 'generalPublic'),
    ];
    const r = continuingEducationResult(plan, emptyFacts({ continuingEducation: rows }));
    expect(r.evidence).toEqual(['c20a', 'c20b', 'c21']);
    expect(r.numbers).toEqual({ '2020年学时': 90, '2021年学时': 90 });
    expect(r.explanation).toBe('继续教育未达标：2021 年公需科目 0，须 18');
  });
  it('the cap scales the online hours of each category: 50 + 20 online → 36, of which 25.7 专业 and 10.3 公需', () => {
    const rows = [
      ce('p', 2020, 50, 'professional', 'onlineCourseware'),
      ce('g', 2020, 20, 'generalPublic', 'onlineCourseware'),
      ce('x', 2021, 72, 'professional'),
      ce('y', 2021, 18, 'industryPublic'),
    ];
    const r = continuingEducationResult(plan, emptyFacts({ continuingEducation: rows }));
    expect(r.status).toBe('fail');
    expect(r.explanation).toBe(
      '继续教育未达标：2020 年共 36 学时，须 90，专业科目 25.7，须 60，公需科目 10.3，须 18，网络课件超出每年 36 学时上限的 34 学时不计',
    );
    expect(r.numbers).toEqual({ '2020年学时': 36, '2021年学时': 90 });
  });
});

describe('direct report cites the entries of the conditions met only (seed 004 二)', () => {
  const spec = {
    required: 3,
    conditions: ['incomeTax', 'innovationLead', 'patents', 'standards', 'reports', 'innovationSales', 'mentoring'] as Array<
      'incomeTax' | 'innovationLead' | 'patents' | 'standards' | 'reports' | 'innovationSales' | 'mentoring'
    >,
  };
  const f = emptyFacts({
    work: [{ id: 'w', startMonth: '2015-01', endMonth: null, isEngineering: true, mountainCounty: false }],
    achievements: [
      ach('std', {
        type: 'standard',
        name: 's',
        number: 'n',
        level: 'national',
        role: 'participated',
        rank: 2,
        publishedDate: '2019-01-01',
      }),
      ach('inv', { type: 'patent', name: 'p', patentType: 'invention', patentNumber: 'ZL1', grantDate: '2019-01-01', inventorRank: 1 }),
      ach('r1', { type: 'report', title: 'a', reportKind: 'technicalReport', date: '2019-01-01' }),
      ach('r2', { type: 'report', title: 'b', reportKind: 'workSummary', date: '2019-02-01' }),
      ach('big', { type: 'innovationResult', name: 'x', year: 2019, salesWan: 2500 }),
    ],
    application: { recommenders: 3, mentoring: true },
  });
  it('three met: evidence of (三), (五), (六) in that order; the unmet (四) and (七) list nothing', () => {
    const r = directReportResult(spec, f, '2020-12-31');
    expect(r.status).toBe('pass');
    expect(r.explanation).toBe('满足 3 项：（三）（五）（六）');
    expect(r.evidence).toEqual(['inv', 'r1', 'r2', 'big']);
    expect(r.numbers['满足项数']).toBe(3);
    expect(r.numbers['（四）参与国家/行业标准 2 项以上（排名前三）或主导企业标准 2 项以上']).toBe(
      '不满足：国家/行业标准（前三）1 项，主导企业标准 0 项',
    );
    expect(r.numbers['（七）专业工作满 10 年、指导培养初级人员成效显著并有 3 位以上高级专家推荐']).toBe(
      '不满足：专业工作 6 年（须满 10 年），有指导培养成效，专家推荐 3 位（须 3 位以上）',
    );
    expect(Object.keys(r.numbers)[0]).toBe('满足项数');
  });
  it("short of the number: every unmet condition is explained; checkCondition still lists an unmet condition's entries", () => {
    const r = directReportResult({ required: 4, conditions: spec.conditions }, f, '2020-12-31');
    expect(r.explanation).toBe(
      '仅满足 3 项，须满足 4 项。未满足：（一）未填写个人所得税缴纳情况；（二）符合的项目或表彰 0 项；（四）国家/行业标准（前三）1 项，主导企业标准 0 项；（七）专业工作 6 年（须满 10 年），有指导培养成效，专家推荐 3 位（须 3 位以上）',
    );
    expect(checkCondition('standards', f, '2020-12-31')).toEqual({
      met: false,
      detail: '国家/行业标准（前三）1 项，主导企业标准 0 项',
      evidence: ['std'],
    });
    expect(checkCondition('mentoring', f, '2020-12-31').evidence).toEqual(['w']);
  });
});

describe('the prepared plan', () => {
  it('is prepared once per plan object, and an edited copy is prepared afresh (seed 000 90 h a year vs seed 004 records only)', () => {
    const annual = testPlan();
    expect(compilePlan(annual)).toBe(compilePlan(annual));
    const recordsOnly = { ...annual, continuingEducation: { kind: 'recordsOnly' as const, years: [2022] } };
    const f = emptyFacts({ continuingEducation: [ce('c', 2022, 10, 'professional')] });
    const ceOf = (p: typeof annual) => evaluate(p, 'normal', 'senior', f).results.find((r) => r.rule === 'continuingEducation')!;
    expect(ceOf(annual).status).toBe('fail');
    expect(ceOf(recordsOnly).status).toBe('pass');
    expect(ceOf(annual).status).toBe('fail');
  });
  it('the evaluation is plain data: it survives a JSON round trip unchanged (the server returns it as JSON)', () => {
    const plan = testPlan({
      modes: [
        {
          mode: 'selfScore',
          label: '自评分申报',
          selfScoreThreshold: 10,
          waivesEducationYears: true,
          recommenders: { count: 2, qualification: '正高级专家' },
        },
      ],
      scoring: {
        items: [{ key: 'a', name: '业绩', maxPoints: 20 }],
        mountainCountyBonus: { fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 },
      },
      interviewTriggers: ['lacksEducationOrYears', 'everyone'],
    });
    const f = emptyFacts({
      work: [{ id: 'w', startMonth: '2000-01', endMonth: null, isEngineering: true, mountainCounty: true }],
      continuingEducation: [ce('c', 2022, 33.3, 'professional', 'onlineCourseware')],
      fraudRoundYears: [2021],
      application: { selfScore: [{ itemKey: 'a', points: 12.5, evidenceIds: ['x'] }], recommenders: 1 },
    });
    // 23 full years in a mountain county: 6 for 20 years + 1 for each further year = 9 (seed 003 五(五))
    const r = evaluate(plan, 'selfScore', 'senior', f);
    expect(r.results.map((x) => x.rule)).toEqual([
      'integrity',
      'educationYears',
      'continuingEducation',
      'annualAssessment',
      'selfScore',
      'recommenders',
    ]);
    expect(r.results.find((x) => x.rule === 'selfScore')).toMatchObject({
      status: 'pass',
      explanation: '自评分 21.5 分（其中山区县加分 9 分），须达到 10 分',
      evidence: ['x', 'w'],
    });
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });
});
