import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessmentResult, continuingEducationResult, educationYearsResult, evaluate, integrityResult } from './engine';
import { checkCondition, directReportResult } from './direct-report';
import { mountainCountyBonus, selfScoreTotal } from './scoring';
import { skillsPathResult } from './skills';
import { fullYearsBetween, fullYearsOfPeriods, monthsCovered } from './time';
import { emptyFacts, testPlan } from './fixtures';
import type { Facts } from './facts';

type Ach = Facts['achievements'][number];
const ach = (id: string, detail: Ach['detail']): Ach => ({ id, detail });

describe('实足年限 (SPEC §5 [ours]): start month to cutoff month inclusive, ÷ 12, rounded down', () => {
  it('boundaries', () => {
    expect(fullYearsBetween('2017-01-15', '2021-12-31')).toBe(5); // 60 months
    expect(fullYearsBetween('2017-02-01', '2021-12-31')).toBe(4); // 59 months
    expect(fullYearsBetween('2016-12-01', '2021-12-31')).toBe(5); // 61 months
    expect(fullYearsBetween('2023-01-01', '2021-12-31')).toBe(0);
  });
  it('overlapping periods are counted once', () => {
    expect(
      monthsCovered(
        [
          { startMonth: '2020-01', endMonth: '2020-12' },
          { startMonth: '2020-07', endMonth: '2021-06' },
        ],
        '2021-12-31',
      ),
    ).toBe(18);
    expect(fullYearsOfPeriods([{ startMonth: '2010-01', endMonth: null }], '2021-12-31')).toBe(12);
  });
  it('property: adding 12 months to the start removes exactly one year (while ≥ 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2019 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const start = `${y}-${String(m).padStart(2, '0')}-01`;
        const later = `${y + 1}-${String(m).padStart(2, '0')}-01`;
        const a = fullYearsBetween(start, '2021-12-31');
        const b = fullYearsBetween(later, '2021-12-31');
        return a === 0 || b === a - 1;
      }),
    );
  });
});

describe('education + years matrix (SPEC §5 default matrix)', () => {
  const plan = testPlan();
  const base = emptyFacts({
    educations: [{ id: 'e1', level: 'bachelor', graduationDate: '2005-07-01', isEngineering: true, isHighest: true }],
    work: [{ id: 'w1', startMonth: '2005-08', endMonth: null, isEngineering: true, mountainCounty: false }],
  });
  it('bachelor + 工程师 for 5 full years to 2022-12-31 passes; one month short fails with the numbers', () => {
    const ok = educationYearsResult(plan, 'senior', false, {
      ...base,
      titles: [{ id: 't1', level: 'intermediate', grantedDate: '2018-01-20', isCurrent: true, series: '工程' }],
    });
    expect(ok.status).toBe('pass');
    expect(ok.numbers['任现职年限']).toBe(5);
    expect(ok.evidence).toEqual(expect.arrayContaining(['e1', 't1', 'w1']));
    const short = educationYearsResult(plan, 'senior', false, {
      ...base,
      titles: [{ id: 't1', level: 'intermediate', grantedDate: '2018-02-01', isCurrent: true, series: '工程' }],
    });
    expect(short.status).toBe('fail');
    expect(short.explanation).toContain('实际 4 年');
  });
  it('a doctorate needs only 2 years; a junior-college graduate fails the senior matrix but the self-score mode turns it into needsReview', () => {
    const doc = {
      ...base,
      educations: [{ id: 'e2', level: 'doctor' as const, graduationDate: '2015-07-01', isEngineering: true, isHighest: true }],
      titles: [{ id: 't', level: 'intermediate' as const, grantedDate: '2020-06-01', isCurrent: true, series: '工程' }],
    };
    expect(educationYearsResult(plan, 'senior', false, doc).status).toBe('pass');
    const jc = {
      ...base,
      educations: [{ id: 'e3', level: 'juniorCollege' as const, graduationDate: '2000-07-01', isEngineering: true, isHighest: true }],
      titles: [{ id: 't', level: 'intermediate' as const, grantedDate: '2010-06-01', isCurrent: true, series: '工程' }],
    };
    expect(educationYearsResult(plan, 'senior', false, jc).status).toBe('fail');
    expect(educationYearsResult(plan, 'senior', true, jc).status).toBe('needsReview');
  });
});

describe('continuing education', () => {
  const ce = (
    year: number,
    hours: number,
    category: 'professional' | 'industryPublic' | 'generalPublic',
    extra: Partial<Facts['continuingEducation'][number]> = {},
  ) => ({
    id: `c${year}${category}${hours}`,
    year,
    hours,
    category,
    registry: 'provincialHr',
    channel: 'other' as const,
    ...extra,
  });
  it('seeds 000/001/003: 90 h a year with ≥ 60 专业 and 公需 ≥ 18 — boundaries', () => {
    const plan = testPlan();
    expect(
      continuingEducationResult(
        plan,
        emptyFacts({ continuingEducation: [ce(2022, 60, 'professional'), ce(2022, 18, 'generalPublic'), ce(2022, 12, 'professional')] }),
      ).status,
    ).toBe('pass');
    const pubShort = continuingEducationResult(
      plan,
      emptyFacts({ continuingEducation: [ce(2022, 73, 'professional'), ce(2022, 17, 'industryPublic')] }),
    );
    expect(pubShort.status).toBe('fail');
    expect(pubShort.explanation).toContain('公需科目 17');
    expect(
      continuingEducationResult(plan, emptyFacts({ continuingEducation: [ce(2022, 59, 'professional'), ce(2022, 31, 'generalPublic')] }))
        .status,
    ).toBe('fail');
  });
  it('online courseware is capped at 36 h a year; seed 001 lifts the cap for 2020 courseware of the economy-and-IT authorities', () => {
    const plan = testPlan({
      year: 2020,
      cutoffDate: '2020-12-31',
      continuingEducation: {
        kind: 'annual',
        years: [2020],
        hoursPerYear: 90,
        professionalMin: 60,
        publicMin: 18,
        onlineCapPerYear: 36,
        onlineCapExemptions: [{ year: 2020, registry: 'economyIt' }],
      },
    });
    const rows = [ce(2020, 72, 'professional', { channel: 'onlineCourseware', registry: 'economyIt' }), ce(2020, 18, 'generalPublic')];
    expect(continuingEducationResult(plan, emptyFacts({ continuingEducation: rows })).status).toBe('pass');
    const notExempt = [ce(2020, 72, 'professional', { channel: 'onlineCourseware', registry: 'cityHr' }), ce(2020, 18, 'generalPublic')];
    const r = continuingEducationResult(plan, emptyFacts({ continuingEducation: notExempt }));
    expect(r.status).toBe('fail');
    expect(r.numbers['2020年学时']).toBe(54);
  });
  it('seed 002: 2019–2021 total 270 with 2021 ≥ 90; a shortfall in the first two years may be made up', () => {
    const plan = testPlan({
      year: 2021,
      cutoffDate: '2021-12-31',
      continuingEducation: {
        kind: 'total',
        years: [2019, 2020, 2021],
        totalMin: 270,
        currentYear: 2021,
        currentYearMin: 90,
        makeUpAllowed: true,
      },
    });
    const madeUp = continuingEducationResult(
      plan,
      emptyFacts({ continuingEducation: [ce(2019, 30, 'professional'), ce(2020, 60, 'professional'), ce(2021, 180, 'professional')] }),
    );
    expect(madeUp.status).toBe('pass');
    expect(madeUp.explanation).toContain('补学');
    const thisYearShort = continuingEducationResult(
      plan,
      emptyFacts({ continuingEducation: [ce(2019, 100, 'professional'), ce(2020, 100, 'professional'), ce(2021, 89, 'professional')] }),
    );
    expect(thisYearShort.status).toBe('fail');
    expect(
      continuingEducationResult(
        plan,
        emptyFacts({ continuingEducation: [ce(2019, 90, 'professional'), ce(2020, 89, 'professional'), ce(2021, 90, 'professional')] }),
      ).status,
    ).toBe('fail');
  });
  it("seed 003: 2022's 行业公需 and 专业 hours count only from the industry (安防) registry", () => {
    const plan = testPlan({
      continuingEducation: {
        kind: 'total',
        years: [2019, 2020, 2021, 2022],
        totalMin: 270,
        currentYear: 2022,
        currentYearMin: 90,
        currentYearRegistry: 'industry',
        makeUpAllowed: false,
      },
    });
    const wrongRegistry = [
      ce(2019, 90, 'professional'),
      ce(2020, 90, 'professional'),
      ce(2022, 90, 'professional', { registry: 'provincialHr' }),
    ];
    expect(continuingEducationResult(plan, emptyFacts({ continuingEducation: wrongRegistry })).status).toBe('fail');
    const right = [
      ce(2019, 90, 'professional'),
      ce(2020, 90, 'professional'),
      ce(2022, 72, 'professional', { registry: 'industry' }),
      ce(2022, 18, 'generalPublic'),
    ];
    expect(continuingEducationResult(plan, emptyFacts({ continuingEducation: right })).status).toBe('pass');
  });
  it('seed 004: records for 2017–2019 are required, no threshold', () => {
    const plan = testPlan({ continuingEducation: { kind: 'recordsOnly', years: [2017, 2018, 2019] } });
    expect(
      continuingEducationResult(plan, emptyFacts({ continuingEducation: [ce(2017, 1, 'professional'), ce(2018, 1, 'professional')] }))
        .explanation,
    ).toContain('2019');
    expect(
      continuingEducationResult(
        plan,
        emptyFacts({ continuingEducation: [ce(2017, 1, 'professional'), ce(2018, 1, 'professional'), ce(2019, 1, 'generalPublic')] }),
      ).status,
    ).toBe('pass');
  });
});

describe('annual assessments and integrity', () => {
  const plan = testPlan();
  const a = (year: number, result: string) => ({ id: `a${year}`, year, result });
  it('seeds 003/004: all of the last 3 years ≥ 合格/称职; 基本合格 fails; a missing year is named', () => {
    expect(
      assessmentResult(plan, emptyFacts({ assessments: [a(2019, 'competent'), a(2020, 'excellent'), a(2021, 'qualified')] })).status,
    ).toBe('pass');
    expect(
      assessmentResult(plan, emptyFacts({ assessments: [a(2019, 'competent'), a(2020, 'basicallyQualified'), a(2021, 'qualified')] }))
        .explanation,
    ).toContain('2020 年基本合格');
    expect(assessmentResult(plan, emptyFacts({ assessments: [a(2019, 'competent'), a(2021, 'qualified')] })).explanation).toContain(
      '缺少 2020',
    );
  });
  it('SPEC §8: fraud in the 2022 round bars 2023–2025, not 2022 or 2026', () => {
    for (const [year, status] of [
      [2022, 'pass'],
      [2023, 'fail'],
      [2025, 'fail'],
      [2026, 'pass'],
    ] as const) {
      expect(
        integrityResult(testPlan({ year, cutoffDate: `${year}-12-31` }), emptyFacts({ fraudRoundYears: [2022] })).status,
        String(year),
      ).toBe(status);
    }
  });
});

describe('self-score and the mountain-county bonus (seed 003 五(五))', () => {
  const bonus = { fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 };
  const worked = (years: number) =>
    emptyFacts({ work: [{ id: 'w', startMonth: `${2022 - years + 1}-01`, endMonth: null, isEngineering: true, mountainCounty: true }] });
  it('14 → 0, 15 → 4, 19 → 4, 20 → 6, 21 → 7, 24 → 10, 30 → 10', () => {
    const pts = [14, 15, 19, 20, 21, 24, 30].map((y) => mountainCountyBonus(bonus, worked(y), '2022-12-31').points);
    expect(pts).toEqual([0, 4, 4, 6, 7, 10, 10]);
  });
  it('property: the bonus never decreases with more years and never exceeds 10', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (y) => {
        const p = mountainCountyBonus(bonus, worked(y), '2022-12-31').points;
        const q = mountainCountyBonus(bonus, worked(y + 1), '2022-12-31').points;
        return q >= p && q <= 10;
      }),
    );
  });
  it('"无证明材料的不予评分": items without evidence count 0; points are capped at the item maximum', () => {
    const plan = testPlan({
      scoring: {
        items: [
          { key: 'paper', name: '论文', maxPoints: 20 },
          { key: 'project', name: '项目', maxPoints: 30 },
        ],
        mountainCountyBonus: bonus,
      },
    });
    const f = {
      ...worked(16),
      application: {
        selfScore: [
          { itemKey: 'paper', points: 25, evidenceIds: ['x'] },
          { itemKey: 'project', points: 30, evidenceIds: [] },
        ],
      },
    };
    const s = selfScoreTotal(plan, f);
    expect(s).toMatchObject({ total: 24, bonus: 4, unsupported: ['项目'] });
  });
});

describe('direct report, 3 of 7 (seed 004 二)', () => {
  const pat = (id: string, patentType: 'invention' | 'utilityModel' | 'design', inventorRank: number) =>
    ach(id, { type: 'patent', name: id, patentType, patentNumber: 'ZL1', grantDate: '2020-01-01', inventorRank });
  it('(三) patents at rank ≤ 3: 1 invention, or 2 utility models, or 3 designs', () => {
    expect(checkCondition('patents', emptyFacts({ achievements: [pat('a', 'invention', 3)] }), '2020-12-31').met).toBe(true);
    expect(checkCondition('patents', emptyFacts({ achievements: [pat('a', 'invention', 4)] }), '2020-12-31').met).toBe(false);
    expect(checkCondition('patents', emptyFacts({ achievements: [pat('a', 'utilityModel', 1)] }), '2020-12-31').met).toBe(false);
    expect(
      checkCondition('patents', emptyFacts({ achievements: [pat('a', 'utilityModel', 1), pat('b', 'utilityModel', 2)] }), '2020-12-31').met,
    ).toBe(true);
    expect(checkCondition('patents', emptyFacts({ achievements: [pat('a', 'design', 1), pat('b', 'design', 2)] }), '2020-12-31').met).toBe(
      false,
    );
    expect(
      checkCondition(
        'patents',
        emptyFacts({ achievements: [pat('a', 'design', 1), pat('b', 'design', 2), pat('c', 'design', 3)] }),
        '2020-12-31',
      ).met,
    ).toBe(true);
  });
  it('(六) sales ≥ 2000万 or benefit ≥ 500万; (一) two consecutive years of tax ≥ 1×', () => {
    expect(
      checkCondition(
        'innovationSales',
        emptyFacts({ achievements: [ach('i', { type: 'innovationResult', name: 'x', year: 2019, salesWan: 2000 })] }),
        '2020-12-31',
      ).met,
    ).toBe(true);
    expect(
      checkCondition(
        'innovationSales',
        emptyFacts({ achievements: [ach('i', { type: 'innovationResult', name: 'x', year: 2019, salesWan: 1999, profitWan: 499 })] }),
        '2020-12-31',
      ).met,
    ).toBe(false);
    expect(
      checkCondition(
        'incomeTax',
        emptyFacts({
          application: {
            incomeTaxMultiples: [
              { year: 2018, multiple: 1 },
              { year: 2019, multiple: 1.2 },
            ],
          },
        }),
        '2020-12-31',
      ).met,
    ).toBe(true);
    expect(
      checkCondition(
        'incomeTax',
        emptyFacts({
          application: {
            incomeTaxMultiples: [
              { year: 2017, multiple: 1 },
              { year: 2019, multiple: 1.2 },
            ],
          },
        }),
        '2020-12-31',
      ).met,
    ).toBe(false);
  });
  it('passes with 3 conditions, fails with 2 and names what is missing', () => {
    const spec = {
      required: 3,
      conditions: ['incomeTax', 'innovationLead', 'patents', 'standards', 'reports', 'innovationSales', 'mentoring'] as const,
    };
    const two = emptyFacts({
      achievements: [
        pat('a', 'invention', 1),
        ach('r1', { type: 'report', title: 'a', reportKind: 'technicalReport', date: '2019-01-01' }),
        ach('r2', { type: 'report', title: 'b', reportKind: 'workSummary', date: '2019-02-01' }),
      ],
    });
    const r2 = directReportResult({ ...spec, conditions: [...spec.conditions] }, two, '2020-12-31');
    expect(r2.status).toBe('fail');
    expect(r2.explanation).toContain('仅满足 2 项');
    const three = {
      ...two,
      achievements: [...two.achievements, ach('s', { type: 'innovationResult', name: 'x', year: 2019, profitWan: 600 })],
    };
    expect(directReportResult({ ...spec, conditions: [...spec.conditions] }, three, '2020-12-31').status).toBe('pass');
  });
});

describe('skills path (seed 002 二(二))', () => {
  const cert = (grade: 'seniorWorker' | 'masterWorker', date: string) =>
    ach('c', { type: 'skillCertificate', name: '电工', grade, issuer: 'x', date, certificateNumber: '1' });
  const work = [{ id: 'w', startMonth: '2010-01', endMonth: null, isEngineering: false, mountainCounty: false }];
  it('高级工 + 2 years → 助理工程师; 技师 + 3 years → 工程师', () => {
    expect(
      skillsPathResult('assistant', emptyFacts({ achievements: [cert('seniorWorker', '2020-01-15')], work }), '2021-12-31').status,
    ).toBe('pass');
    expect(
      skillsPathResult('assistant', emptyFacts({ achievements: [cert('seniorWorker', '2020-02-15')], work }), '2021-12-31').status,
    ).toBe('fail');
    expect(
      skillsPathResult('intermediate', emptyFacts({ achievements: [cert('seniorWorker', '2010-01-15')], work }), '2021-12-31').status,
    ).toBe('fail');
    expect(
      skillsPathResult('intermediate', emptyFacts({ achievements: [cert('masterWorker', '2019-01-15')], work }), '2021-12-31').status,
    ).toBe('pass');
  });
  it('named awards allow a direct application', () => {
    const honour = ach('h', { type: 'honour', name: '全国技术能手', level: 'national', issuer: '人社部', date: '2020-01-01' });
    expect(skillsPathResult('intermediate', emptyFacts({ achievements: [honour] }), '2021-12-31').status).toBe('pass');
    const prov2 = ach('p', {
      type: 'competition',
      name: '省赛',
      level: 'provincial',
      competitionClass: 'class2',
      placing: 3,
      date: '2020-01-01',
    });
    expect(skillsPathResult('assistant', emptyFacts({ achievements: [prov2] }), '2021-12-31').status).toBe('pass');
    expect(skillsPathResult('intermediate', emptyFacts({ achievements: [prov2] }), '2021-12-31').status).toBe('fail');
  });
});

describe('evaluate: the whole plan, with interview triggers (seed 003 八(二))', () => {
  it('lacking education in the self-score mode: eligible with review, interview required, 2 recommenders needed', () => {
    const plan = testPlan({
      modes: [
        { mode: 'normal', label: '正常申报' },
        {
          mode: 'selfScore',
          label: '自评分申报',
          selfScoreThreshold: 80,
          waivesEducationYears: true,
          recommenders: { count: 2, qualification: '正高级专家' },
        },
      ],
      scoring: { items: [{ key: 'all', name: '业绩', maxPoints: 100 }] },
      interviewTriggers: ['transfer', 'lacksEducationOrYears'],
      continuingEducation: { kind: 'recordsOnly', years: [2022] },
      annualAssessment: { scope: 'lastYears', years: [] },
    });
    const f = emptyFacts({
      educations: [{ id: 'e', level: 'juniorCollege', graduationDate: '2000-07-01', isEngineering: true, isHighest: true }],
      continuingEducation: [{ id: 'c', year: 2022, hours: 90, category: 'professional', registry: 'industry', channel: 'other' }],
      application: { selfScore: [{ itemKey: 'all', points: 85, evidenceIds: ['x'] }], recommenders: 2 },
    });
    const r = evaluate(plan, 'selfScore', 'senior', f);
    expect(r.eligible).toBe(true);
    expect(r.interviewRequired).toBe(true);
    expect(r.interviewReasons).toContain('学历或资历未达到常规条件');
    const normal = evaluate(plan, 'normal', 'senior', f);
    expect(normal.eligible).toBe(false);
    expect(evaluate(plan, 'directReport', 'senior', f).results[0]!.explanation).toContain('不接受');
  });
});

describe('per-level modes and continuing-education rules (seed 002 二(一), 五(二))', () => {
  it('自评分 is open to 工程师 only; the 270 h rule applies to 工程师 applicants only', () => {
    const plan = testPlan({
      levels: ['assistant', 'intermediate'],
      modes: [
        { mode: 'normal', label: '正常申报' },
        { mode: 'selfScore', label: '自评分申报', selfScoreThreshold: 60, levels: ['intermediate'], waivesEducationYears: true },
      ],
      scoring: { items: [{ key: 'x', name: '业绩', maxPoints: 100 }] },
      continuingEducation: {
        kind: 'total',
        appliesToLevels: ['intermediate'],
        years: [2019, 2020, 2021],
        totalMin: 270,
        currentYear: 2021,
        currentYearMin: 90,
        makeUpAllowed: true,
      },
      annualAssessment: { scope: 'lastYears', years: [] },
      eligibility: [],
    });
    const f = emptyFacts();
    expect(evaluate(plan, 'selfScore', 'assistant', f).results[0]!.explanation).toContain('只适用于申报工程师');
    expect(evaluate(plan, 'normal', 'assistant', f).results.some((r) => r.rule === 'continuingEducation')).toBe(false);
    expect(evaluate(plan, 'normal', 'intermediate', f).results.find((r) => r.rule === 'continuingEducation')?.status).toBe('fail');
  });
});
