/**
 * The explainable rule engine (SPEC §5): every rule is a pure function of (plan, mode, facts) that
 * returns pass / fail / needsReview with a Chinese explanation, the numbers it computed and the archive
 * entries it used. The same code runs in the browser (live check) and on the server (at submission).
 *
 * Issue 4 (100,000 applicants in < 1 s per plan): what depends on the plan alone is prepared once per
 * plan (compilePlan), and the per-applicant work allocates little besides the result itself — counts
 * before lists, strings only where the result shows them.
 */
import type { ApplicationMode, Plan } from '../plans/plan';
import { EDUCATION_LABEL, EDUCATION_ORDER, TITLE_LABEL, TITLE_ORDER, currentTitle, highestEducation, type Facts } from './facts';
import { ENGINEERING_PERIODS, fullYearsTo, monthIndex, monthsCoveredTo } from './time';
import { directReportRuleResult } from './direct-report';
import {
  bonusExplanation,
  bonusPoints,
  mountainCountyYears,
  pushMountainCountyEvidence,
  refusedMountainCountyClaims,
  refusedMountainCountyNote,
  selfScoreTotalWith,
} from './scoring';
import { skillsPathResult } from './skills';
import { compilePlan, type CompiledPlan, type CompiledRow } from './compile';

export type RuleStatus = 'pass' | 'fail' | 'needsReview';
export interface RuleResult {
  rule: string;
  title: string;
  status: RuleStatus;
  explanation: string;
  numbers: Record<string, number | string>;
  evidence: string[];
}

export interface Evaluation {
  eligible: boolean;
  results: RuleResult[];
  interviewRequired: boolean;
  interviewReasons: string[];
}

const ASSESSMENT_LABEL: Record<string, string> = {
  excellent: '优秀',
  qualified: '合格',
  competent: '称职',
  basicallyQualified: '基本合格',
  unqualified: '不合格',
};

export function professionalYears(f: Facts, cutoffDate: string): { years: number; evidence: string[] } {
  const evidence: string[] = [];
  for (const w of f.work) if (w.isEngineering) evidence.push(w.id);
  return { years: Math.floor(monthsCoveredTo(f.work, monthIndex(cutoffDate), ENGINEERING_PERIODS) / 12), evidence };
}

// ---- education + years matrix ----

/** How many conditions of the row are unmet, counted as its explanation lists them. */
function unmetCount(row: CompiledRow, eduOk: boolean, titleOk: boolean, tenureOk: boolean, yearsOk: boolean): number {
  let n = eduOk ? 0 : 1;
  if (!titleOk && row.requiredTitle) n += 1;
  else if (!tenureOk) n += 1;
  if (!yearsOk) n += 1;
  return n;
}

/** Education + years matrix for the target level, with title tenure to the cutoff. */
function educationYearsRule(cp: CompiledPlan, level: string, modeWaives: boolean, f: Facts): RuleResult {
  const rows = cp.matrices.get(level);
  const edu = highestEducation(f);
  const title = currentTitle(f);
  const py = Math.floor(monthsCoveredTo(f.work, cp.cutoffMonth, ENGINEERING_PERIODS) / 12);
  const tenure = title ? fullYearsTo(title.grantedDate, cp.cutoffMonth) : 0;
  const numbers: Record<string, number | string> = {
    学历: edu?.level ? EDUCATION_LABEL[edu.level] : '无',
    现职称: title ? TITLE_LABEL[title.level] : '无',
    任现职年限: tenure,
    专业工作年限: py,
    计算截止日期: cp.cutoffDate,
  };
  const evidence: string[] = [];
  if (edu) evidence.push(edu.id);
  if (title) evidence.push(title.id);
  for (const w of f.work) if (w.isEngineering) evidence.push(w.id);
  if (!rows) {
    return {
      rule: 'educationYears',
      title: '学历资历',
      status: 'needsReview',
      explanation: '本计划未设置学历资历条件表，由评委会办公室人工审查',
      numbers,
      evidence,
    };
  }
  const eduRank = edu?.level ? EDUCATION_ORDER.indexOf(edu.level) : -1;
  const titleRank = title ? TITLE_ORDER.indexOf(title.level) : -1;
  // the nearest row: fewest unmet conditions, then one whose education the applicant has, then the
  // lowest education; the first such row (as a stable sort of the rows would give)
  let nearest: CompiledRow | null = null;
  let nearestMiss = 0;
  let nearestEduOk = false;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const eduOk = !!edu?.level && eduRank >= row.eduRank;
    const titleOk = row.requiredTitle === null || (!!title && titleRank >= row.titleRank);
    const tenureOk = row.requiredTitle === null || tenure >= row.yearsInTitle;
    const yearsOk = py >= row.professionalYears;
    if (eduOk && titleOk && tenureOk && yearsOk) {
      let parts = row.passEducation;
      if (row.requiredTitle) parts += `、${row.passTitle}${row.yearsInTitle} 年（实际 ${tenure} 年）`;
      if (row.professionalYears) parts += `、专业工作满 ${row.professionalYears} 年（实际 ${py} 年）`;
      return {
        rule: 'educationYears',
        title: '学历资历',
        status: 'pass',
        explanation: `符合"${parts}"的条件，计算至 ${cp.cutoffDate}`,
        numbers,
        evidence,
      };
    }
    const miss = unmetCount(row, eduOk, titleOk, tenureOk, yearsOk);
    if (
      nearest === null ||
      miss < nearestMiss ||
      (miss === nearestMiss && ((eduOk && !nearestEduOk) || (eduOk === nearestEduOk && row.eduRank < nearest.eduRank)))
    ) {
      nearest = row;
      nearestMiss = miss;
      nearestEduOk = eduOk;
    }
  }
  let best = '';
  if (nearest) {
    const row = nearest;
    const titleOk = row.requiredTitle === null || (!!title && titleRank >= row.titleRank);
    const tenureOk = row.requiredTitle === null || tenure >= row.yearsInTitle;
    if (!nearestEduOk) best = row.missEducation;
    if (!titleOk && row.requiredTitle) best += `${best ? '，' : ''}${row.missTitle}`;
    else if (!tenureOk) best += `${best ? '，' : ''}任现职须满 ${row.yearsInTitle} 年，实际 ${tenure} 年`;
    if (!(py >= row.professionalYears)) best += `${best ? '，' : ''}专业工作须满 ${row.professionalYears} 年，实际 ${py} 年`;
  }
  if (modeWaives) {
    return {
      rule: 'educationYears',
      title: '学历资历',
      status: 'needsReview',
      explanation: `未达到常规学历资历条件（${best}），按所选申报方式申报，须满足该方式的条件并参加面试答辩`,
      numbers,
      evidence,
    };
  }
  return {
    rule: 'educationYears',
    title: '学历资历',
    status: 'fail',
    explanation: `未达到学历资历条件：${best}（计算至 ${cp.cutoffDate}）。可考虑自评分、破格等申报方式`,
    numbers,
    evidence,
  };
}

export function educationYearsResult(plan: Plan, level: string, modeWaives: boolean, f: Facts): RuleResult {
  return educationYearsRule(compilePlan(plan), level, modeWaives, f);
}

// ---- continuing education (SPEC §5; seeds 000, 001, 002, 003, 004) ----

const r1 = (n: number) => Math.round(n * 10) / 10;

// String(r1(n)) depends only on Math.round(n * 10): formatting a fraction is far slower than reading a
// memo of the strings for 0 … 999.9 hours (a pure function of the number, nothing about an applicant)
const TENTHS_MEMO = 10_000;
const tenthsText = new Array<string | undefined>(TENTHS_MEMO);
function text1(n: number): string {
  const t = Math.round(n * 10);
  if (!(t >= 0 && t < TENTHS_MEMO)) return String(t / 10);
  return (tenthsText[t] ??= String(t / 10));
}

// per year slot: online, online professional, counted (not capped), professional and public hours;
// these buffers are reused by every call (evaluation is synchronous)
const ONLINE = 0;
const ONLINE_PROFESSIONAL = 1;
const COUNTED = 2;
const PROFESSIONAL = 3;
const PUBLIC = 4;
const STRIDE = 5;
let acc = new Float64Array(8 * STRIDE);
/** the year slot of each record (-1: not a year of the rule) */
let slotOf = new Int32Array(64);
/** per year slot: the number of records, and where its records go next in the evidence */
let slotCount = new Int32Array(8);
let slotNext = new Int32Array(8);

function slotOfYear(years: readonly number[], y: number): number {
  for (let i = 0; i < years.length; i += 1) if (years[i] === y) return i;
  return -1;
}

function continuingEducationRule(cp: CompiledPlan, f: Facts): RuleResult {
  const c = cp.continuingEducation;
  const rule = c.rule;
  const years = c.years;
  const ny = years.length;
  const rows = f.continuingEducation;
  const nr = rows.length;
  if (nr > slotOf.length) slotOf = new Int32Array(nr * 2);
  if (ny > slotCount.length) {
    acc = new Float64Array(ny * STRIDE * 2);
    slotCount = new Int32Array(ny * 2);
    slotNext = new Int32Array(ny * 2);
  }
  acc.fill(0, 0, ny * STRIDE);
  slotCount.fill(0, 0, ny);
  const recordsOnly = rule.kind === 'recordsOnly';
  const currentYear = rule.kind === 'total' ? rule.currentYear : NaN;
  const currentRegistry = rule.kind === 'total' ? rule.currentYearRegistry : undefined;
  // one pass: each record to its year; online courseware apart unless its registry is exempt that year (seed 001)
  let current = 0;
  for (let k = 0; k < nr; k += 1) {
    const r = rows[k]!;
    const i = slotOfYear(years, r.year);
    slotOf[k] = i;
    if (i < 0) continue;
    slotCount[i] = slotCount[i]! + 1;
    if (recordsOnly) continue;
    const o = i * STRIDE;
    const ex = c.exemptRegistry[i];
    if (r.channel === 'onlineCourseware' && !(ex && r.registry === ex)) {
      acc[o + ONLINE] = acc[o + ONLINE]! + r.hours;
      if (r.category === 'professional') acc[o + ONLINE_PROFESSIONAL] = acc[o + ONLINE_PROFESSIONAL]! + r.hours;
    } else {
      acc[o + COUNTED] = acc[o + COUNTED]! + r.hours;
      if (r.category === 'professional') acc[o + PROFESSIONAL] = acc[o + PROFESSIONAL]! + r.hours;
      else acc[o + PUBLIC] = acc[o + PUBLIC]! + r.hours;
    }
    if (years[i] === currentYear && (!currentRegistry || r.category === 'generalPublic' || r.registry === currentRegistry))
      current += r.hours;
  }
  // evidence: the records year by year in the rule's order of years, each year's in their own order
  let cited = 0;
  for (let i = 0; i < ny; i += 1) {
    slotNext[i] = cited;
    cited += slotCount[i]!;
  }
  const evidence = new Array<string>(cited);
  for (let k = 0; k < nr; k += 1) {
    const i = slotOf[k]!;
    if (i < 0) continue;
    evidence[slotNext[i]!] = rows[k]!.id;
    slotNext[i] = slotNext[i]! + 1;
  }

  if (rule.kind === 'recordsOnly') {
    let missing = '';
    for (let i = 0; i < ny; i += 1) if (slotCount[i] === 0) missing += missing ? `、${years[i]}` : `${years[i]}`;
    return missing
      ? {
          rule: 'continuingEducation',
          title: '继续教育',
          status: 'fail',
          explanation: `须提供 ${c.yearsJoined} 年的继续教育学时记录，缺少 ${missing} 年`,
          numbers: { 缺少年度: missing },
          evidence,
        }
      : { rule: 'continuingEducation', title: '继续教育', status: 'pass', explanation: c.passExplanation, numbers: {}, evidence };
  }
  const numbers = { ...c.numbersTemplate };
  const cap = c.cap;
  if (rule.kind === 'annual') {
    let problems = '';
    for (let i = 0; i < ny; i += 1) {
      const o = i * STRIDE;
      const online = acc[o + ONLINE]!;
      const onlineProfessional = acc[o + ONLINE_PROFESSIONAL]!;
      const cappedOnline = cap === undefined ? online : Math.min(online, cap);
      const scale = online > 0 ? cappedOnline / online : 1;
      const professional = acc[o + PROFESSIONAL]! + onlineProfessional * scale;
      const pub = acc[o + PUBLIC]! + (online - onlineProfessional) * scale;
      const total = acc[o + COUNTED]! + cappedOnline;
      const cappedAway = online - cappedOnline;
      numbers[c.yearKeys[i]!] = r1(total);
      const totalShort = total < rule.hoursPerYear;
      const professionalShort = professional < rule.professionalMin;
      const publicShort = pub < rule.publicMin;
      if (!totalShort && !professionalShort && !publicShort) continue;
      let miss = '';
      if (totalShort) miss = `共 ${text1(total)} 学时，须 ${rule.hoursPerYear}`;
      if (professionalShort) miss += `${miss ? '，' : ''}专业科目 ${text1(professional)}，须 ${rule.professionalMin}`;
      if (publicShort) miss += `${miss ? '，' : ''}公需科目 ${text1(pub)}，须 ${rule.publicMin}`;
      if (cappedAway > 0) miss += `，网络课件超出每年 ${rule.onlineCapPerYear} 学时上限的 ${text1(cappedAway)} 学时不计`;
      problems += `${problems ? '；' : ''}${years[i]} 年${miss}`;
    }
    return problems
      ? { rule: 'continuingEducation', title: '继续教育', status: 'fail', explanation: `继续教育未达标：${problems}`, numbers, evidence }
      : { rule: 'continuingEducation', title: '继续教育', status: 'pass', explanation: c.passExplanation, numbers, evidence };
  }
  // total over the years, with this year's minimum
  let total = 0;
  let professional = 0;
  let pub = 0;
  for (let i = 0; i < ny; i += 1) {
    const o = i * STRIDE;
    const online = acc[o + ONLINE]!;
    const onlineProfessional = acc[o + ONLINE_PROFESSIONAL]!;
    const cappedOnline = cap === undefined ? online : Math.min(online, cap);
    const scale = online > 0 ? cappedOnline / online : 1;
    const yearTotal = acc[o + COUNTED]! + cappedOnline;
    numbers[c.yearKeys[i]!] = r1(yearTotal);
    total += yearTotal;
    professional += acc[o + PROFESSIONAL]! + onlineProfessional * scale;
    pub += acc[o + PUBLIC]! + (online - onlineProfessional) * scale;
    acc[o + ONLINE] = yearTotal; // kept for the make-up check below
  }
  numbers['合计学时'] = r1(total);
  numbers[c.currentYearKey] = r1(current);
  let problems = '';
  if (total < rule.totalMin) problems = `${c.range} 年合计 ${text1(total)} 学时，须 ${rule.totalMin}`;
  if (current < rule.currentYearMin)
    problems += `${problems ? '；' : ''}${rule.currentYear} 年 ${text1(current)} 学时，须 ${rule.currentYearMin}${rule.currentYearRegistry ? '（行业公需和专业科目须在行业学时登记系统学习）' : ''}`;
  if (rule.professionalShare !== undefined && professional < rule.totalMin * rule.professionalShare)
    problems += `${problems ? '；' : ''}专业科目合计 ${text1(professional)}，按比例须 ${text1(rule.totalMin * rule.professionalShare)}`;
  if (rule.publicShare !== undefined && pub < rule.totalMin * rule.publicShare)
    problems += `${problems ? '；' : ''}公需科目合计 ${text1(pub)}，按比例须 ${text1(rule.totalMin * rule.publicShare)}`;
  if (problems)
    return {
      rule: 'continuingEducation',
      title: '继续教育',
      status: 'fail',
      explanation: `继续教育未达标：${problems}`,
      numbers,
      evidence,
    };
  let madeUp = '';
  if (rule.makeUpAllowed) {
    let earlierShort = '';
    for (let i = 0; i < ny; i += 1)
      if (years[i] !== rule.currentYear && acc[i * STRIDE + ONLINE]! < rule.currentYearMin)
        earlierShort += earlierShort ? `、${years[i]}` : `${years[i]}`;
    if (earlierShort) madeUp = `；${earlierShort} 年不足部分已在完成 ${rule.currentYear} 年学时的基础上补学`;
  }
  return {
    rule: 'continuingEducation',
    title: '继续教育',
    status: 'pass',
    explanation: `${c.range} 年合计 ${text1(total)} 学时（须 ${rule.totalMin}），${rule.currentYear} 年 ${text1(current)} 学时（须 ${rule.currentYearMin}）${madeUp}`,
    numbers,
    evidence,
  };
}

export function continuingEducationResult(plan: Plan, f: Facts): RuleResult {
  return continuingEducationRule(compilePlan(plan), f);
}

// ---- annual assessments all ≥ 合格/称职 in the required years (seeds 003, 004) ----

function assessmentRule(cp: CompiledPlan, f: Facts): RuleResult {
  const rule = cp.plan.annualAssessment;
  let years = rule.years;
  let yearsJoined = cp.assessmentYearsJoined;
  let passExplanation = cp.assessmentPassExplanation;
  if (rule.scope === 'sinceCurrentTitle') {
    const t = currentTitle(f);
    const from = t ? Number(t.grantedDate.slice(0, 4)) + 1 : cp.plan.year - 2;
    years = [];
    for (let y = from; y < cp.plan.year; y += 1) years.push(y);
    yearsJoined = years.join('、');
    passExplanation = `${yearsJoined} 年度考核均为合格（称职）以上`;
  }
  const evidence: string[] = [];
  let missing = '';
  let failing = '';
  const all = f.assessments;
  for (const y of years) {
    let a: Facts['assessments'][number] | undefined;
    for (let k = 0; k < all.length; k += 1) {
      if (all[k]!.year === y) {
        a = all[k];
        break;
      }
    }
    if (!a) missing += missing ? `、${y}` : `${y}`;
    else {
      evidence.push(a.id);
      if (!cp.assessmentPassing.has(a.result)) failing += `${failing ? '，' : ''}${y} 年${ASSESSMENT_LABEL[a.result] ?? a.result}`;
    }
  }
  const numbers = { 考核年度: yearsJoined };
  if (failing)
    return {
      rule: 'annualAssessment',
      title: '年度考核',
      status: 'fail',
      explanation: `年度考核须均为合格（称职）以上：${failing}`,
      numbers,
      evidence,
    };
  if (missing)
    return {
      rule: 'annualAssessment',
      title: '年度考核',
      status: 'fail',
      explanation: `缺少 ${missing} 年度考核记录，请在档案中补充并由单位审核`,
      numbers,
      evidence,
    };
  return { rule: 'annualAssessment', title: '年度考核', status: 'pass', explanation: passExplanation, numbers, evidence };
}

export function assessmentResult(plan: Plan, f: Facts): RuleResult {
  return assessmentRule(compilePlan(plan), f);
}

/** 诚信档案 (SPEC §8): fraud in round Y bars Y+1 … Y+banYears. */
export function integrityResult(plan: Plan, f: Facts): RuleResult {
  let barred = false;
  let y = 0;
  for (const x of f.fraudRoundYears) {
    if (plan.year > x && plan.year <= x + plan.integrityBanYears && (!barred || x > y)) {
      barred = true;
      y = x;
    }
  }
  if (barred) {
    return {
      rule: 'integrity',
      title: '诚信记录',
      status: 'fail',
      explanation: `因 ${y} 年度申报中弄虚作假，${y + 1}–${y + plan.integrityBanYears} 年不得申报高一级职称`,
      numbers: { 记录年度: y },
      evidence: [],
    };
  }
  return { rule: 'integrity', title: '诚信记录', status: 'pass', explanation: '无禁止申报的诚信记录', numbers: {}, evidence: [] };
}

function interviewReasonsFor(cp: CompiledPlan, mode: ApplicationMode, f: Facts, results: RuleResult[]): string[] {
  const t = cp.triggers;
  const out: string[] = [];
  if (t.everyone) out.push('本计划所有申报人均须参加面试答辩');
  if (t.transfer && f.application?.transfer) out.push('转评');
  if (t.lacksEducationOrYears) {
    for (const r of results) {
      if (r.rule === 'educationYears' && r.status !== 'pass') {
        out.push('学历或资历未达到常规条件');
        break;
      }
    }
  }
  if (t.landmarkAchievement && mode === 'landmarkAchievement') out.push('以标志性业绩申报');
  if (t.recentLaterDegree && f.educations.length > 1) {
    for (const e of f.educations) {
      if (e.isHighest && fullYearsTo(e.graduationDate, cp.cutoffMonth) < 2) {
        out.push('后学历取得不满 2 年');
        break;
      }
    }
  }
  return out;
}

export function interviewReasons(plan: Plan, mode: ApplicationMode, f: Facts, results: RuleResult[]): string[] {
  return interviewReasonsFor(compilePlan(plan), mode, f, results);
}

export function evaluate(plan: Plan, mode: ApplicationMode, level: string, f: Facts): Evaluation {
  const cp = compilePlan(plan);
  const m = cp.modes.get(mode);
  if (!m) {
    const r: RuleResult = {
      rule: 'mode',
      title: '申报方式',
      status: 'fail',
      explanation: '本计划不接受该申报方式',
      numbers: {},
      evidence: [],
    };
    return { eligible: false, results: [r], interviewRequired: false, interviewReasons: [] };
  }
  if (m.levels && !m.levels.includes(level)) {
    const r: RuleResult = { rule: 'mode', title: '申报方式', status: 'fail', explanation: m.levelsExplanation, numbers: {}, evidence: [] };
    return { eligible: false, results: [r], interviewRequired: false, interviewReasons: [] };
  }
  const spec = m.spec;
  const results: RuleResult[] = [integrityResult(plan, f)];
  if (mode === 'skilledTalent') results.push(skillsPathResult(level, f, cp.cutoffDate));
  else if (mode !== 'directReport') results.push(educationYearsRule(cp, level, m.waivesEducationYears, f));
  const ceLevels = cp.ceLevels;
  if (!ceLevels || ceLevels.includes(level as (typeof ceLevels)[number])) results.push(continuingEducationRule(cp, f));
  results.push(assessmentRule(cp, f));
  if (m.directReport) results.push(directReportRuleResult(m.directReport, f, cp.cutoffMonth));
  const scoring = plan.scoring;
  if (spec.selfScoreThreshold !== undefined && scoring) {
    const threshold = spec.selfScoreThreshold;
    const s = selfScoreTotalWith(cp.scoringItems, scoring.mountainCountyBonus, f, cp.cutoffMonth);
    const filled = !!f.application?.selfScore;
    results.push({
      rule: 'selfScore',
      title: '自评分',
      status: filled ? (s.total >= threshold ? 'pass' : 'fail') : 'needsReview',
      explanation: filled
        ? `自评分 ${s.total} 分（其中山区县加分 ${s.bonus} 分），须达到 ${threshold} 分${s.unsupported ? `；${s.unsupported.join('、')} 无证明材料，不予计分` : ''}`
        : `尚未填写自评分，须达到 ${threshold} 分`,
      numbers: { 自评分: s.total, 分数线: threshold, 山区县加分: s.bonus },
      evidence: s.evidence,
    });
  } else if (scoring?.mountainCountyBonus) {
    const b = scoring.mountainCountyBonus;
    const years = mountainCountyYears(f, cp.cutoffMonth);
    const points = bonusPoints(b, years);
    if (points > 0) {
      const evidence: string[] = [];
      pushMountainCountyEvidence(f, evidence);
      results.push({
        rule: 'mountainCounty',
        title: '山区 26 县加分',
        status: 'pass',
        explanation: bonusExplanation(b, years, points),
        numbers: { 山区县工作年限: years, 加分: points },
        evidence,
      });
    }
  }
  if (scoring?.mountainCountyBonus) {
    // a work entry naming a region that is no mountain county earns nothing; the applicant is told which to correct
    const refused = refusedMountainCountyClaims(f);
    if (refused.length > 0)
      results.push({
        rule: 'mountainCountyRegion',
        title: '山区 26 县工作经历',
        status: 'needsReview',
        explanation: refusedMountainCountyNote(f),
        numbers: { 不计加分的条目: refused.length },
        evidence: refused.map((r) => r.id),
      });
  }
  if (spec.recommenders) {
    const n = f.application?.recommenders ?? 0;
    results.push({
      rule: 'recommenders',
      title: '专家推荐',
      status: n >= spec.recommenders.count ? 'pass' : f.application ? 'fail' : 'needsReview',
      explanation: `${m.recommendersPrefix}${n} 名`,
      numbers: { 推荐人数: n, 要求: spec.recommenders.count },
      evidence: [],
    });
  }
  if (spec.requiresApprovalForm) {
    const has = !!f.application?.hasApprovalForm;
    results.push({
      rule: 'approvalForm',
      title: '破格审批表',
      status: has ? 'pass' : f.application ? 'fail' : 'needsReview',
      explanation: has ? '已上传破格推荐审批表' : '破格申报须上传《破格推荐审批表》并写明符合的破格条件',
      numbers: {},
      evidence: [],
    });
  }
  const reasons = interviewReasonsFor(cp, mode, f, results);
  let eligible = true;
  for (const r of results) if (r.status === 'fail') eligible = false;
  return { eligible, results, interviewRequired: reasons.length > 0, interviewReasons: reasons };
}
