/**
 * 直报 (seed 004 二): "具备下列七项条件中的3项，可直接申报工程师资格". Each condition is a pure check
 * over the archive, with the entries it counted.
 */
import type { DirectReportCondition } from '../plans/plan';
import type { Facts } from './facts';
import type { RuleResult } from './engine';
import { ENGINEERING_PERIODS, monthIndex, monthsCoveredTo } from './time';

type Check = { met: boolean; detail: string; evidence: string[] };
const RANKED = (r: number | null | undefined) => r !== null && r !== undefined && r <= 3;
const LEVEL_ORDER = ['enterprise', 'county', 'city', 'provincial', 'ministerial', 'national'];
const atLeast = (level: string, min: string) => LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(min);

export const CONDITION_LABELS: Record<DirectReportCondition, string> = {
  incomeTax: '（一）连续两年个人所得税达到免征额 1 倍以上',
  innovationLead: '（二）市级以上技术创新项目主要承担者或新产品主要设计者，或受县级以上人民政府表彰',
  patents: '（三）授权发明专利 1 项或实用新型 2 项或外观设计 3 项以上（排名前三）',
  standards: '（四）参与国家/行业标准 2 项以上（排名前三）或主导企业标准 2 项以上',
  reports: '（五）研究成果、技术报告、工程方案或工作总结 2 篇以上',
  innovationSales: '（六）技术创新成果销售收入 2000 万元以上或经济效益 500 万元以上',
  mentoring: '（七）专业工作满 10 年、指导培养初级人员成效显著并有 3 位以上高级专家推荐',
};

type Achievement = Facts['achievements'][number];

function isLeadHit(x: Achievement): boolean {
  const d = x.detail;
  return (
    (d.type === 'project' && atLeast(d.level, 'city') && (d.role === 'leader' || d.role === 'mainParticipant')) ||
    ((d.type === 'honour' || d.type === 'award') && atLeast(d.level, 'county') && d.issuer.includes('人民政府'))
  );
}
const isRankedPatent = (x: Achievement) => x.detail.type === 'patent' && RANKED(x.detail.inventorRank);
const isNatIndStandard = (x: Achievement) =>
  x.detail.type === 'standard' && (x.detail.level === 'national' || x.detail.level === 'industry') && RANKED(x.detail.rank);
const isLedEnterpriseStandard = (x: Achievement) =>
  x.detail.type === 'standard' && x.detail.level === 'enterprise' && x.detail.role === 'led';
const isReport = (x: Achievement) => x.detail.type === 'report' && x.detail.reportKind !== 'feasibilityReport';
const isBigInnovation = (x: Achievement) =>
  x.detail.type === 'innovationResult' && ((x.detail.salesWan ?? 0) >= 2000 || (x.detail.profitWan ?? 0) >= 500);

function pushIds(a: readonly Achievement[], test: (x: Achievement) => boolean, out: string[]): void {
  for (let i = 0; i < a.length; i += 1) if (test(a[i]!)) out.push(a[i]!.id);
}

/** whether the condition checked last by `runCondition` is met (a second return value without allocating a pair) */
let lastMet = false;

/**
 * Checks one condition and returns its detail (sets `lastMet`). The entries it counted are pushed to
 * `evidence` when the condition is met, or in any case when `always` — counting first, so the lists of
 * unmet conditions are not built in a batch evaluation.
 */
function runCondition(c: DirectReportCondition, f: Facts, cutoffMonth: number, evidence: string[], always: boolean): string {
  const a = f.achievements;
  switch (c) {
    case 'incomeTax': {
      const years = (f.application?.incomeTaxMultiples ?? [])
        .filter((x) => x.multiple >= 1)
        .map((x) => x.year)
        .sort();
      lastMet = years.some((y, i) => years[i + 1] === y + 1);
      return years.length ? `达到 1 倍的年度：${years.join('、')}` : '未填写个人所得税缴纳情况';
    }
    case 'innovationLead': {
      let hits = 0;
      for (let i = 0; i < a.length; i += 1) if (isLeadHit(a[i]!)) hits += 1;
      lastMet = hits > 0;
      if (lastMet || always) pushIds(a, isLeadHit, evidence);
      return `符合的项目或表彰 ${hits} 项`;
    }
    case 'patents': {
      let inv = 0;
      let util = 0;
      let des = 0;
      for (let i = 0; i < a.length; i += 1) {
        const d = a[i]!.detail;
        if (d.type !== 'patent' || !RANKED(d.inventorRank)) continue;
        if (d.patentType === 'invention') inv += 1;
        else if (d.patentType === 'utilityModel') util += 1;
        else if (d.patentType === 'design') des += 1;
      }
      lastMet = inv >= 1 || util >= 2 || des >= 3;
      if (lastMet || always) pushIds(a, isRankedPatent, evidence);
      return `排名前三的发明 ${inv} 项、实用新型 ${util} 项、外观设计 ${des} 项`;
    }
    case 'standards': {
      let natInd = 0;
      let ledEnt = 0;
      for (let i = 0; i < a.length; i += 1) {
        if (isNatIndStandard(a[i]!)) natInd += 1;
        if (isLedEnterpriseStandard(a[i]!)) ledEnt += 1;
      }
      lastMet = natInd >= 2 || ledEnt >= 2;
      if (lastMet || always) {
        pushIds(a, isNatIndStandard, evidence);
        pushIds(a, isLedEnterpriseStandard, evidence);
      }
      return `国家/行业标准（前三）${natInd} 项，主导企业标准 ${ledEnt} 项`;
    }
    case 'reports': {
      let n = 0;
      for (let i = 0; i < a.length; i += 1) if (isReport(a[i]!)) n += 1;
      lastMet = n >= 2;
      if (lastMet || always) pushIds(a, isReport, evidence);
      return `研究成果/技术报告/工程方案/工作总结 ${n} 篇`;
    }
    case 'innovationSales': {
      let n = 0;
      for (let i = 0; i < a.length; i += 1) if (isBigInnovation(a[i]!)) n += 1;
      lastMet = n > 0;
      if (lastMet || always) pushIds(a, isBigInnovation, evidence);
      return n ? `达到标准的成果 ${n} 项` : '无销售收入 2000 万元或经济效益 500 万元以上的成果';
    }
    case 'mentoring': {
      const years = Math.floor(monthsCoveredTo(f.work, cutoffMonth, ENGINEERING_PERIODS) / 12);
      const recs = f.application?.recommenders ?? 0;
      lastMet = years >= 10 && !!f.application?.mentoring && recs >= 3;
      if (lastMet || always) for (const w of f.work) evidence.push(w.id);
      return `专业工作 ${years} 年（须满 10 年），${f.application?.mentoring ? '有' : '无'}指导培养成效，专家推荐 ${recs} 位（须 3 位以上）`;
    }
  }
}

export function checkCondition(c: DirectReportCondition, f: Facts, cutoffDate: string): Check {
  const evidence: string[] = [];
  const detail = runCondition(c, f, monthIndex(cutoffDate), evidence, true);
  return { met: lastMet, detail, evidence };
}

/** A direct-report spec prepared once per plan (see compilePlan). */
export interface CompiledDirectReport {
  required: number;
  conditions: DirectReportCondition[];
  labels: string[];
  /** "（一）" … : the first three characters of each label */
  prefixes: string[];
  title: string;
  /** 满足项数, 要求项数 and each condition's label, in order, to be copied and filled (see CompiledContinuingEducation) */
  numbersTemplate: Record<string, number | string>;
}

export function compileDirectReport(spec: { required: number; conditions: DirectReportCondition[] }): CompiledDirectReport {
  const labels = spec.conditions.map((c) => CONDITION_LABELS[c]);
  const numbersTemplate: Record<string, number | string> = { 满足项数: 0, 要求项数: spec.required };
  for (const l of labels) numbersTemplate[l] = '';
  return {
    required: spec.required,
    conditions: spec.conditions,
    labels,
    prefixes: labels.map((l) => l.slice(0, 3)),
    title: `直报条件（${spec.conditions.length} 项中满足 ${spec.required} 项）`,
    numbersTemplate,
  };
}

export function directReportRuleResult(spec: CompiledDirectReport, f: Facts, cutoffMonth: number): RuleResult {
  const numbers = { ...spec.numbersTemplate };
  const evidence: string[] = [];
  let met = 0;
  let metPrefixes = '';
  let unmet = '';
  for (let i = 0; i < spec.conditions.length; i += 1) {
    const detail = runCondition(spec.conditions[i]!, f, cutoffMonth, evidence, false);
    if (lastMet) {
      met += 1;
      metPrefixes += spec.prefixes[i]!;
      numbers[spec.labels[i]!] = `满足：${detail}`;
    } else {
      unmet += `${unmet ? '；' : ''}${spec.prefixes[i]!}${detail}`;
      numbers[spec.labels[i]!] = `不满足：${detail}`;
    }
  }
  numbers['满足项数'] = met;
  const ok = met >= spec.required;
  return {
    rule: 'directReport',
    title: spec.title,
    status: ok ? 'pass' : 'fail',
    explanation: ok ? `满足 ${met} 项：${metPrefixes}` : `仅满足 ${met} 项，须满足 ${spec.required} 项。未满足：${unmet}`,
    numbers,
    evidence,
  };
}

export function directReportResult(
  spec: { required: number; conditions: DirectReportCondition[] },
  f: Facts,
  cutoffDate: string,
): RuleResult {
  return directReportRuleResult(compileDirectReport(spec), f, monthIndex(cutoffDate));
}
