/**
 * "新建计划" from a blank template: the smallest plan ZPlan accepts, filled with the SPEC's defaults,
 * for the office to complete in the editor before publishing (it is created as a draft).
 */
import type { Plan } from '@zc/domain';

/** SPEC §3: employer publicity ≥ 5 working days; committee 5 working days */
const PUBLICITY_WORKING_DAYS = 5;
/** SPEC §3: 本人述职 1000 characters */
const STATEMENT_MAX_CHARS = 1000;
/** the annual continuing-education rule of seeds 000, 001, 003: 90 h, ≥ 60 专业, ≥ 18 公需 */
const CE_ANNUAL = { hoursPerYear: 90, professionalMin: 60, publicMin: 18 };
/** the last three completed years are assessed (seeds 000, 003) */
const ASSESSED_YEARS = 3;
/** SPEC §3 photo spec of seeds 003/004: JPG, 30 KB < size < 1 MB, > 215 × 300 px, 0.65 ≤ w/h ≤ 0.8 */
const PHOTO = {
  formats: ['jpeg' as const],
  bytes: { min: 30 * 1024, max: 1024 * 1024, minInclusive: false, maxInclusive: false },
  width: { min: 215, minInclusive: false, maxInclusive: true },
  height: { min: 300, minInclusive: false, maxInclusive: true },
  aspect: { min: 0.65, max: 0.8 },
};
/** SPEC §8: a fraud bars applying for 3 years */
const INTEGRITY_BAN_YEARS = 3;
/** SPEC §3: 评审表 in 3 copies, exported only after payment */
const EVALUATION_FORM_COPIES = 3;
/** the zhejiang province region: the whole province accepts by default */
const PROVINCE_REGION = '330000';

export function blankPlan(opts: { key: string; name: string; year: number; office: string }): Plan {
  const { key, name, year, office } = opts;
  return {
    schemaVersion: 1,
    key,
    name,
    source: { issuer: office, title: name },
    committee: { name: `${office}评审委员会`, office, kind: 'senior' },
    year,
    levels: ['senior'],
    specialties: [{ code: 'specialty-1', name: '（请填写评审专业）' }],
    acceptedRegionIds: [PROVINCE_REGION],
    timeline: { openDate: `${year}-07-01`, personalDeadline: `${year}-09-30`, employerDeadline: `${year}-10-31` },
    cutoffDate: `${year}-12-31`,
    modes: [{ mode: 'normal', label: '正常申报', attachments: [], waivesEducationYears: false, requiresApprovalForm: false }],
    routes: [{ affiliation: 'any', steps: [{ kind: 'committeeOffice', paperOnly: false }] }],
    committeeRecommendation: false,
    publicity: { employerWorkingDays: PUBLICITY_WORKING_DAYS, committeeWorkingDays: PUBLICITY_WORKING_DAYS },
    fee: { amountYuan: null, payer: null, due: null, method: null },
    photo: PHOTO,
    personalStatementMaxChars: STATEMENT_MAX_CHARS,
    flags: {
      foreignLanguageRequired: false,
      computerSkillsRequired: false,
      papersRequired: false,
      achievementsAfterCurrentTitleOnly: false,
    },
    watermark: '浙江省专业技术职务任职资格申报评审',
    continuingEducation: { kind: 'annual', years: [year], ...CE_ANNUAL, onlineCapExemptions: [] },
    annualAssessment: {
      scope: 'lastYears',
      years: Array.from({ length: ASSESSED_YEARS }, (_, i) => year - ASSESSED_YEARS + i),
      passResults: ['excellent', 'qualified', 'competent'],
    },
    eligibility: [],
    interviewTriggers: [],
    integrityBanYears: INTEGRITY_BAN_YEARS,
    deliverables: { evaluationFormCopies: EVALUATION_FORM_COPIES, doubleSided: false, exportAfterPayment: true },
    citations: {},
  };
}

/** A copy of an existing plan under a new key and name, as a new draft. */
export function copyOf(plan: Plan, opts: { key: string; name: string }): Plan {
  return { ...structuredClone(plan), key: opts.key, name: opts.name };
}
