/**
 * 技能人才申报 (seed 002 二(二)): 高级工 + 2 years → 助理工程师; 技师 + 3 years → 工程师; named awards
 * allow front-line workers to apply directly.
 */
import type { Facts } from './facts';
import type { RuleResult } from './engine';
import { fullYearsOfPeriods } from './time';

/** seed 002: honours that allow a direct application, by target level */
export const DIRECT_HONOURS = {
  assistant: ['浙江省技术能手', '优秀技能人才'],
  intermediate: ['省级技能大师工作室领办人', '省首席技师', '全国技术能手', '拔尖技能人才'],
} as const;

const ASSISTANT_HONOURS: readonly string[] = [...DIRECT_HONOURS.assistant, ...DIRECT_HONOURS.intermediate];
const ASSISTANT_GRADES: readonly string[] = ['seniorWorker', 'masterWorker', 'seniorMasterWorker'];
const INTERMEDIATE_GRADES: readonly string[] = ['masterWorker', 'seniorMasterWorker'];

function directAward(level: 'assistant' | 'intermediate', f: Facts): { id: string; why: string } | null {
  for (const a of f.achievements) {
    const d = a.detail;
    if (d.type === 'honour' || d.type === 'award') {
      const names: readonly string[] = level === 'assistant' ? ASSISTANT_HONOURS : DIRECT_HONOURS.intermediate;
      const hit = names.find((n) => d.name.includes(n));
      if (hit) return { id: a.id, why: hit };
    }
    if (d.type === 'competition') {
      const cls = d.competitionClass;
      const provincialOk = d.level === 'provincial' && ((cls === 'class1' && d.placing <= 5) || (cls === 'class2' && d.placing <= 3));
      const nationalOk = d.level === 'national' && ((cls === 'class1' && d.placing <= 5) || (cls === 'class2' && d.placing <= 3));
      if (d.level === 'worldSkills') return { id: a.id, why: '世界技能大赛获奖' };
      if (nationalOk) return { id: a.id, why: `国家级${cls === 'class1' ? '一' : '二'}类竞赛第 ${d.placing} 名` };
      if (level === 'assistant' && provincialOk) return { id: a.id, why: `省级${cls === 'class1' ? '一' : '二'}类竞赛第 ${d.placing} 名` };
    }
  }
  return null;
}

export function skillsPathResult(level: string, f: Facts, cutoffDate: string): RuleResult {
  if (level !== 'assistant' && level !== 'intermediate') {
    return {
      rule: 'skillsPath',
      title: '技能人才贯通',
      status: 'fail',
      explanation: '技能人才贯通只适用于申报助理工程师和工程师',
      numbers: {},
      evidence: [],
    };
  }
  const award = directAward(level, f);
  if (award)
    return {
      rule: 'skillsPath',
      title: '技能人才贯通',
      status: 'pass',
      explanation: `${award.why}，可直接申报${level === 'assistant' ? '助理工程师' : '工程师'}`,
      numbers: {},
      evidence: [award.id],
    };
  const need =
    level === 'assistant'
      ? { grade: ASSISTANT_GRADES, years: 2, label: '高级工' }
      : { grade: INTERMEDIATE_GRADES, years: 3, label: '技师' };
  const certs = f.achievements.filter((a) => a.detail.type === 'skillCertificate' && need.grade.includes(a.detail.grade));
  let best: { id: string; years: number } | null = null;
  for (const c of certs) {
    if (c.detail.type !== 'skillCertificate') continue;
    const from = c.detail.date.slice(0, 7);
    const after = f.work
      .map((w) => ({ startMonth: w.startMonth > from ? w.startMonth : from, endMonth: w.endMonth }))
      .filter((w) => !w.endMonth || w.endMonth >= w.startMonth);
    const years = fullYearsOfPeriods(after, cutoffDate);
    if (!best || years > best.years) best = { id: c.id, years };
  }
  if (!best)
    return {
      rule: 'skillsPath',
      title: '技能人才贯通',
      status: 'fail',
      explanation: `须取得${need.label}及以上职业资格（技能等级），或获得可直接申报的竞赛名次、荣誉`,
      numbers: {},
      evidence: [],
    };
  const ok = best.years >= need.years;
  return {
    rule: 'skillsPath',
    title: '技能人才贯通',
    status: ok ? 'pass' : 'fail',
    explanation: `取得${need.label}后从事技术技能工作 ${best.years} 年，须满 ${need.years} 年（计算至 ${cutoffDate}）`,
    numbers: { 取证后工作年限: best.years, 要求年限: need.years },
    evidence: [best.id],
  };
}
