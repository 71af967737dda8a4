/** Test fixtures: a minimal valid plan and an empty applicant, to be varied per test. */
import { ZPlan, type Plan, type PlanInput } from '../plans/plan';
import type { Facts } from './facts';

export function testPlan(over: Partial<PlanInput> = {}): Plan {
  return ZPlan.parse({
    schemaVersion: 1,
    key: 'test-plan',
    name: '测试计划',
    source: { issuer: '测试', title: '测试通知' },
    committee: { name: '测试评委会', office: '测试办公室', kind: 'senior' },
    year: 2022,
    levels: ['senior'],
    specialties: [{ code: 'a', name: '专业A' }],
    acceptedRegionIds: ['330000'],
    timeline: { openDate: '2022-07-01', personalDeadline: '2022-08-31', employerDeadline: '2022-09-15' },
    cutoffDate: '2022-12-31',
    modes: [{ mode: 'normal', label: '正常申报' }],
    routes: [{ affiliation: 'any', steps: [{ kind: 'committeeOffice' }] }],
    publicity: { employerWorkingDays: 5, committeeWorkingDays: 5 },
    fee: { amountYuan: null, payer: null, due: null, method: null },
    photo: { formats: ['jpeg'], bytes: {}, width: {}, height: {} },
    flags: {},
    continuingEducation: { kind: 'annual', years: [2022], hoursPerYear: 90, professionalMin: 60, publicMin: 18 },
    annualAssessment: { scope: 'lastYears', years: [2019, 2020, 2021] },
    eligibility: [
      {
        level: 'senior',
        rows: [
          { education: 'doctor', requiredTitle: 'intermediate', yearsInTitle: 2 },
          { education: 'bachelor', requiredTitle: 'intermediate', yearsInTitle: 5 },
        ],
      },
    ],
    ...over,
  });
}

export function emptyFacts(over: Partial<Facts> = {}): Facts {
  return { educations: [], titles: [], work: [], assessments: [], continuingEducation: [], achievements: [], fraudRoundYears: [], ...over };
}
