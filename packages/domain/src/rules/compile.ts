/**
 * A plan prepared once for evaluation (issue 4): everything evaluate() derives from the plan alone —
 * mode specs by mode, the education/years matrix rows with their ranks and labels, continuing-education
 * year slots, keys and fixed explanations, assessment years, scoring items by key, interview triggers.
 * Cached per plan object in a WeakMap, so a plan must not be changed in place after it was evaluated
 * (the server reads a fresh plan object per request; an edited plan is a new object).
 */
import type { ApplicationMode, Plan } from '../plans/plan';
import { EDUCATION_LABEL, EDUCATION_ORDER, TITLE_LABEL, TITLE_ORDER, type EducationRank, type TitleRank } from './facts';
import { compileDirectReport, type CompiledDirectReport } from './direct-report';
import { scoringItemsByKey, type ScoringItem } from './scoring';
import { monthIndex } from './time';

export interface CompiledRow {
  education: EducationRank;
  /** EDUCATION_ORDER.indexOf(education) */
  eduRank: number;
  requiredTitle: TitleRank | null;
  /** TITLE_ORDER.indexOf(requiredTitle), when there is one */
  titleRank: number;
  yearsInTitle: number;
  professionalYears: number;
  /** "本科及以上学历" */
  passEducation: string;
  /** "学历须本科及以上" */
  missEducation: string;
  /** "取得工程师满 " / "须取得工程师" (empty without a required title) */
  passTitle: string;
  missTitle: string;
}

export interface CompiledMode {
  mode: ApplicationMode;
  spec: Plan['modes'][number];
  /** the levels the mode is open to; null: every level of the plan */
  levels: readonly string[] | null;
  /** the explanation when the level is not among them */
  levelsExplanation: string;
  /** the regular education/years shortfall becomes needsReview */
  waivesEducationYears: boolean;
  directReport: CompiledDirectReport | null;
  recommendersPrefix: string;
}

type CeRule = Plan['continuingEducation'];
export interface CompiledContinuingEducation {
  rule: CeRule;
  years: number[];
  /** "2019年学时" per year */
  yearKeys: string[];
  /** annual: the registry whose online courseware is not capped that year (the last exemption listed for it) */
  exemptRegistry: Array<string | undefined>;
  cap: number | undefined;
  yearsJoined: string;
  /** "2019–2021" */
  range: string;
  passExplanation: string;
  currentYearKey: string;
  /**
   * The result's numbers with every key in its order (annual: each year; total: each year, 合计学时, this
   * year's counted hours), to be copied and filled: a copy of an object keeps its shape, where adding
   * keys one by one from a variable would go through the slow path of a megamorphic store.
   */
  numbersTemplate: Record<string, number | string>;
}

export interface CompiledPlan {
  plan: Plan;
  cutoffDate: string;
  cutoffMonth: number;
  modes: Map<string, CompiledMode>;
  matrices: Map<string, CompiledRow[]>;
  continuingEducation: CompiledContinuingEducation;
  ceLevels: readonly string[] | undefined;
  assessmentYearsJoined: string;
  assessmentPassExplanation: string;
  /** results that count as passing: in the plan's passResults and ≥ 合格/称职 */
  assessmentPassing: ReadonlySet<string>;
  scoringItems: Map<string, ScoringItem>;
  triggers: {
    everyone: boolean;
    transfer: boolean;
    lacksEducationOrYears: boolean;
    landmarkAchievement: boolean;
    recentLaterDegree: boolean;
  };
}

const PASSING_ASSESSMENTS = new Set(['excellent', 'qualified', 'competent']);

/** The same string as it is stored as a property key, so keyed stores with it need no string-table lookup. */
const propertyKey = (k: string): string => Object.keys({ [k]: 0 })[0]!;

function compileRow(row: Plan['eligibility'][number]['rows'][number]): CompiledRow {
  const edu = EDUCATION_LABEL[row.education];
  const title = row.requiredTitle ? TITLE_LABEL[row.requiredTitle] : '';
  return {
    education: row.education,
    eduRank: EDUCATION_ORDER.indexOf(row.education),
    requiredTitle: row.requiredTitle,
    titleRank: row.requiredTitle === null ? -1 : TITLE_ORDER.indexOf(row.requiredTitle),
    yearsInTitle: row.yearsInTitle,
    professionalYears: row.professionalYears,
    passEducation: `${edu}及以上学历`,
    missEducation: `学历须${edu}及以上`,
    passTitle: `取得${title}满 `,
    missTitle: `须取得${title}`,
  };
}

function compileMode(spec: Plan['modes'][number]): CompiledMode {
  return {
    mode: spec.mode,
    spec,
    levels: spec.levels ?? null,
    levelsExplanation: spec.levels ? `"${spec.label}"只适用于申报${spec.levels.map((l) => TITLE_LABEL[l]).join('、')}` : '',
    waivesEducationYears: !!spec.waivesEducationYears || spec.mode === 'exceptional',
    directReport: spec.directReport ? compileDirectReport(spec.directReport) : null,
    recommendersPrefix: spec.recommenders ? `须 ${spec.recommenders.count} 名${spec.recommenders.qualification}推荐，已有 ` : '',
  };
}

function compileContinuingEducation(rule: CeRule): CompiledContinuingEducation {
  const years = rule.years;
  const yearsJoined = years.join('、');
  const range = `${years[0]}–${years.at(-1)}`;
  const exemptRegistry = years.map((y) => {
    let ex: string | undefined;
    if (rule.kind === 'annual') for (const e of rule.onlineCapExemptions) if (e.year === y) ex = e.registry;
    return ex;
  });
  let passExplanation = '';
  let currentYearKey = '';
  const yearKeys = years.map((y) => propertyKey(`${y}年学时`));
  const numbersTemplate: Record<string, number | string> = {};
  if (rule.kind === 'recordsOnly') passExplanation = `已提供 ${yearsJoined} 年的继续教育学时记录`;
  else if (rule.kind === 'annual')
    passExplanation = `${yearsJoined} 年每年均达到 ${rule.hoursPerYear} 学时（专业 ≥ ${rule.professionalMin}，公需 ≥ ${rule.publicMin}）`;
  else currentYearKey = propertyKey(`${rule.currentYear}年计入学时`);
  if (rule.kind !== 'recordsOnly') for (const k of yearKeys) numbersTemplate[k] = 0;
  if (rule.kind === 'total') {
    numbersTemplate['合计学时'] = 0;
    numbersTemplate[currentYearKey] = 0;
  }
  return {
    rule,
    years,
    yearKeys,
    exemptRegistry,
    cap: rule.kind === 'recordsOnly' ? undefined : rule.onlineCapPerYear,
    yearsJoined,
    range,
    passExplanation,
    currentYearKey,
    numbersTemplate,
  };
}

function compile(plan: Plan): CompiledPlan {
  const modes = new Map<string, CompiledMode>();
  for (const m of plan.modes) if (!modes.has(m.mode)) modes.set(m.mode, compileMode(m));
  const matrices = new Map<string, CompiledRow[]>();
  for (const e of plan.eligibility) if (!matrices.has(e.level)) matrices.set(e.level, e.rows.map(compileRow));
  const a = plan.annualAssessment;
  const assessmentYearsJoined = a.years.join('、');
  const t = plan.interviewTriggers;
  return {
    plan,
    cutoffDate: plan.cutoffDate,
    cutoffMonth: monthIndex(plan.cutoffDate),
    modes,
    matrices,
    continuingEducation: compileContinuingEducation(plan.continuingEducation),
    ceLevels: plan.continuingEducation.appliesToLevels,
    assessmentYearsJoined,
    assessmentPassExplanation: `${assessmentYearsJoined} 年度考核均为合格（称职）以上`,
    assessmentPassing: new Set(a.passResults.filter((r) => PASSING_ASSESSMENTS.has(r))),
    scoringItems: scoringItemsByKey(plan),
    triggers: {
      everyone: t.includes('everyone'),
      transfer: t.includes('transfer'),
      lacksEducationOrYears: t.includes('lacksEducationOrYears'),
      landmarkAchievement: t.includes('landmarkAchievement'),
      recentLaterDegree: t.includes('recentLaterDegree'),
    },
  };
}

const cache = new WeakMap<Plan, CompiledPlan>();

/** The plan prepared for evaluation, compiled on first use and cached per plan object. */
export function compilePlan(plan: Plan): CompiledPlan {
  let c = cache.get(plan);
  if (!c) {
    c = compile(plan);
    cache.set(plan, c);
  }
  return c;
}
