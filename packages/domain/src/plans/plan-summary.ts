/**
 * A plan as readable condition lines for the public portal (SPEC §10, issue 10 "open plans with their
 * conditions"): eligibility rows, continuing education, annual assessment, application modes with their
 * attachments, photo spec, fee and timeline — in words, never codes. Pure: the server renders it for
 * GET /public/plans/:id and the tests walk every seed plan through it.
 */
import { labelOf } from '../labels/labels';
import { CONDITION_LABELS } from '../rules/direct-report';
import { describePhotoSpec } from './photo';
import type { Plan } from './plan';

export interface PlanConditionSection {
  key: 'levels' | 'eligibility' | 'continuingEducation' | 'annualAssessment' | 'modes' | 'photo' | 'other';
  title: string;
  lines: string[];
}

export interface PlanModeText {
  label: string;
  lines: string[];
  requiredAttachments: string[];
  optionalAttachments: string[];
}

/** whole days from a to b (YYYY-MM-DD each) */
function dayDiff(a: string, b: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

const level = (l: string) => labelOf('titleLevel', l);
const levels = (ls: readonly string[]) => ls.map(level).join('、');
const education = (e: string) => labelOf('planEducationLevel', e);
/** 2019、2020、2021 → "2019–2021 年" when consecutive, else "2017、2019 年" */
export function yearsText(years: readonly number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  if (ys.length === 0) return '';
  if (ys.length === 1) return `${ys[0]} 年`;
  const consecutive = ys.every((y, i) => i === 0 || y === ys[i - 1]! + 1);
  return consecutive ? `${ys[0]}–${ys[ys.length - 1]} 年` : `${ys.join('、')} 年`;
}
const forLevels = (ls: readonly string[] | undefined) => (ls && ls.length ? `（适用于申报${levels(ls)}）` : '');
/** [ours] the public plan list shows plans closed at most this many days ago (and, on request, all of them) */
export const PUBLIC_PLAN_RECENT_DAYS = 90;

/** "[ours]" and similar authoring marks are for the plan's editors, not for the public */
export const publicText = (s: string) => s.replace(/\s*\[ours\]\s*/gi, '').trim();

/** One row of the education + years matrix in words, e.g. "本科学历，取得工程师资格后满 5 年". */
export function eligibilityRowText(row: Plan['eligibility'][number]['rows'][number]): string {
  const parts: string[] = [];
  if (row.requiredTitle) parts.push(`取得${level(row.requiredTitle)}资格后满 ${row.yearsInTitle} 年`);
  if (row.professionalYears > 0) parts.push(`从事本专业技术工作满 ${row.professionalYears} 年`);
  return `${education(row.education)}${row.education === 'secondBachelor' ? '' : '学历'}：${parts.length ? parts.join('，') : '可直接申报'}`;
}

function continuingEducationLines(ce: Plan['continuingEducation']): string[] {
  const scope = forLevels(ce.appliesToLevels);
  if (ce.kind === 'annual') {
    const lines = [
      `${yearsText(ce.years)}每年参加继续教育不少于 ${ce.hoursPerYear} 学时，其中专业科目不少于 ${ce.professionalMin} 学时，行业公需和一般公需科目合计不少于 ${ce.publicMin} 学时${scope}`,
    ];
    if (ce.onlineCapPerYear !== undefined) lines.push(`网络课件每年最多登记 ${ce.onlineCapPerYear} 学时`);
    for (const x of ce.onlineCapExemptions)
      lines.push(`${x.year} 年在${labelOf('hoursRegistry', x.registry)}学习的网络课件按标定学时认定，不受上述上限限制`);
    return lines;
  }
  if (ce.kind === 'total') {
    const lines = [
      `${yearsText(ce.years)}累计参加继续教育不少于 ${ce.totalMin} 学时，其中 ${ce.currentYear} 年不少于 ${ce.currentYearMin} 学时${scope}`,
    ];
    if (ce.makeUpAllowed) lines.push('往年学时不足的，可按规定补学');
    if (ce.currentYearRegistry)
      lines.push(`${ce.currentYear} 年的专业科目和行业公需学时须在${labelOf('hoursRegistry', ce.currentYearRegistry)}登记`);
    if (ce.onlineCapPerYear !== undefined) lines.push(`网络课件每年最多登记 ${ce.onlineCapPerYear} 学时`);
    return lines;
  }
  return [`须提供 ${yearsText(ce.years)}的继续教育学时记录${scope}`];
}

function assessmentLine(a: Plan['annualAssessment']): string {
  const results = a.passResults.map((r) => labelOf('assessmentResult', r)).join('、');
  const when = a.scope === 'sinceCurrentTitle' || a.years.length === 0 ? '任现职以来每年' : `${yearsText(a.years)}`;
  return `${when}年度考核结果均为${results}（其中之一）`;
}

/** A mode in words: what it is, its thresholds and the attachments to upload. */
export function modeText(m: Plan['modes'][number]): PlanModeText {
  const lines: string[] = [];
  if (m.description) lines.push(publicText(m.description));
  if (m.levels?.length) lines.push(`仅限申报${levels(m.levels)}`);
  if (m.waivesEducationYears) lines.push('适用于不具备规定学历或资历条件的人员');
  if (m.selfScoreThreshold !== undefined) lines.push(`按量化赋分标准自评分须达到 ${m.selfScoreThreshold} 分以上`);
  if (m.directReport)
    lines.push(
      `须具备下列 ${m.directReport.conditions.length} 项条件中的 ${m.directReport.required} 项：${m.directReport.conditions
        .map((c) => CONDITION_LABELS[c])
        .join('；')}`,
    );
  if (m.recommenders) lines.push(`须由 ${m.recommenders.count} 名${m.recommenders.qualification}推荐`);
  if (m.requiresApprovalForm) lines.push('须提交破格推荐审批表');
  const withNote = (a: Plan['modes'][number]['attachments'][number]) => a.name;
  return {
    label: m.label,
    lines,
    requiredAttachments: m.attachments.filter((a) => a.required).map(withNote),
    optionalAttachments: m.attachments.filter((a) => !a.required).map(withNote),
  };
}

function otherLines(p: Plan): string[] {
  const lines: string[] = [];
  const need = (required: boolean, what: string) => `${what}${required ? '为申报必备条件' : '不作为申报必备条件'}`;
  lines.push(need(p.flags.foreignLanguageRequired, '职称外语'));
  lines.push(need(p.flags.computerSkillsRequired, '计算机应用能力'));
  lines.push(need(p.flags.papersRequired, '论文'));
  if (p.flags.achievementsAfterCurrentTitleOnly) lines.push('业绩成果只计取得现职称以后的');
  if (p.flags.covidFrontlineRelaxation) lines.push(`疫情防控一线人员：${publicText(p.flags.covidFrontlineRelaxation)}`);
  const bonus = p.scoring?.mountainCountyBonus;
  if (bonus)
    lines.push(
      `在山区 26 县工作满 ${bonus.fromYears} 年的加 ${bonus.fromPoints} 分，满 ${bonus.fullYears} 年的加 ${bonus.fullPoints} 分，此后每多 1 年加 ${bonus.perExtraYear} 分，最多 ${bonus.maxPoints} 分`,
    );
  if (p.interviewTriggers.length)
    lines.push(`下列情形须参加面试答辩：${p.interviewTriggers.map((t) => labelOf('interviewTrigger', t)).join('、')}`);
  lines.push(`专业工作年限和任职年限计算截止到 ${p.cutoffDate}`);
  if (p.integrityBanYears > 0) lines.push(`弄虚作假的，记入诚信档案，${p.integrityBanYears} 年内不得申报`);
  return lines;
}

/** The plan's conditions, section by section, in words (the portal's plan page). */
export function planConditionSections(p: Plan): PlanConditionSection[] {
  const sections: PlanConditionSection[] = [
    {
      key: 'levels',
      title: '评审级别与专业',
      lines: [
        `评审级别：${levels(p.levels)}`,
        ...p.specialties.map((s) => (s.description ? `${s.name}：${publicText(s.description)}` : s.name)),
        ...(p.eligibleEmployers ? [`申报范围：${publicText(p.eligibleEmployers)}`] : []),
      ],
    },
  ];
  if (p.eligibility.length)
    sections.push({
      key: 'eligibility',
      title: '学历资历条件',
      lines: p.eligibility.flatMap((e) => e.rows.map((r) => `申报${level(e.level)}，${eligibilityRowText(r)}`)),
    });
  sections.push({ key: 'continuingEducation', title: '继续教育', lines: continuingEducationLines(p.continuingEducation) });
  sections.push({ key: 'annualAssessment', title: '年度考核', lines: [assessmentLine(p.annualAssessment)] });
  sections.push({
    key: 'modes',
    title: '申报方式',
    lines: p.modes.map((m) => {
      const t = modeText(m);
      return [t.label, ...t.lines].join('：');
    }),
  });
  sections.push({ key: 'photo', title: '证件照要求', lines: [describePhotoSpec(p.photo)] });
  sections.push({ key: 'other', title: '其他要求', lines: otherLines(p) });
  return sections;
}

/** The fee in words (plan.fee; issue 10 "fees, as each plan says"). */
export function feeText(fee: Plan['fee']): string {
  if (fee.amountYuan === null && fee.payer === null && fee.due === null && fee.method === null) return '通知未规定评审费用';
  const parts = [
    fee.amountYuan === null ? '评审费按有关规定标准收取' : fee.amountYuan === 0 ? '不收取评审费' : `评审费每人 ${fee.amountYuan} 元`,
  ];
  if (fee.payer) parts.push(`由${labelOf('feePayer', fee.payer)}缴纳`);
  if (fee.due) parts.push(labelOf('feeDue', fee.due));
  if (fee.method) parts.push(`缴费方式：${labelOf('feeMethod', fee.method)}`);
  return parts.join('，');
}

export interface TimelineLine {
  label: string;
  date: string;
}

/** The plan's dates in order, each with its Chinese name. */
export function planTimelineLines(p: Plan): TimelineLine[] {
  const t = p.timeline;
  const lines: TimelineLine[] = [
    { label: '开始受理', date: t.openDate },
    { label: '个人申报截止', date: t.personalDeadline },
    { label: '用人单位审核截止', date: t.employerDeadline },
  ];
  if (t.departmentDeadline) lines.push({ label: '主管部门审核截止', date: t.departmentDeadline });
  if (t.lowerCommitteeDeadline && t.lowerCommitteeDeadline !== t.departmentDeadline)
    lines.push({ label: '下级评委会推荐截止', date: t.lowerCommitteeDeadline });
  if (t.reviewMonth) lines.push({ label: '评审时间', date: `${t.reviewMonth.slice(0, 4)}年${Number(t.reviewMonth.slice(5, 7))}月` });
  return lines;
}

/**
 * The personal deadline as a countdown in words, for `today` (YYYY-MM-DD, Asia/Shanghai): before the open
 * date "尚未开始…", on the last day "今天截止", after it "已于…截止".
 */
export function deadlineCountdown(t: Plan['timeline'], today: string): string {
  if (today < t.openDate) return `尚未开始，${t.openDate} 起受理，还有 ${dayDiff(today, t.openDate)} 天`;
  if (today === t.personalDeadline) return '个人申报今天截止';
  if (today > t.personalDeadline) return `个人申报已于 ${t.personalDeadline} 截止`;
  return `距个人申报截止还有 ${dayDiff(today, t.personalDeadline)} 天（${t.personalDeadline}）`;
}
