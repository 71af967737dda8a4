/**
 * Warnings on a plan that validates but looks like last year's round (issue 9 item 3): they do not block
 * saving — an office may mean it — but each says what looks wrong and what the seeds do instead.
 *
 * What the seeds imply (config/plans cites each clause):
 * - annual assessments: the last completed years before the plan year — seed 000 附件4 四.9 (2019 round:
 *   2016–2018), seed 001 附件2.9 (2020: 2017–2019), seed 003 (2022: 2019–2021), seed 004 四(三) (2020:
 *   "近3年（2017-2019年）"): the assessed years end at year − 1;
 * - continuing education with hours to meet runs up to the plan year itself — seed 000 六(三) (2019: 2018–2019),
 *   seed 001 二(四) (2020: 2018–2020), seed 002 五(二) (2021: 2019–2021, 当年 2021), seed 003 五(二)
 *   (2022: 2019–2022, 2022 年度 ≥ 90 h); records only — seed 004 四(二) (2020: 2017–2019) — end at year − 1;
 * - seed 001 二(四): the courseware-cap exemption is for "今年" — a year of the rule;
 * - every seed's dates (notice, open, deadlines) lie in the plan year, and the review month comes after the
 *   last deadline (seed 000 附件1: materials by 09-30, review 11–12; seed 001 一: 10-10, 11–12; seed 003:
 *   11-30, 12); the lower committee recommends after the departments (seeds 001 一, 002 三: same day or later);
 *   applications open on or after the notice (seed 003: notice 07-01, open 07-08).
 */
import type { Plan } from './plan';

export interface PlanWarning {
  path: string;
  message: string;
}

const TIMELINE_LABELS = {
  openDate: '开始申报日期',
  personalDeadline: '个人申报截止日期',
  employerDeadline: '单位审核截止日期',
  departmentDeadline: '主管部门审核截止日期',
  lowerCommitteeDeadline: '下级评委会推荐截止日期',
} as const;
type TimelineDate = keyof typeof TIMELINE_LABELS;
const DEADLINES: TimelineDate[] = ['personalDeadline', 'employerDeadline', 'departmentDeadline', 'lowerCommitteeDeadline'];

/** "2016、2017、2018" → "2016–2018" when consecutive */
function yearsText(years: number[]): string {
  const s = [...years].sort((a, b) => a - b);
  const consecutive = s.every((y, i) => i === 0 || y === s[i - 1]! + 1);
  return s.length > 1 && consecutive ? `${s[0]}–${s[s.length - 1]}` : s.join('、');
}

/** n consecutive years ending at `last` */
const endingAt = (last: number, n: number) => Array.from({ length: n }, (_, i) => last - n + 1 + i);

export function planWarnings(plan: Plan): PlanWarning[] {
  const out: PlanWarning[] = [];
  const year = plan.year;
  const t = plan.timeline;

  // dates in another year than the plan's
  for (const k of Object.keys(TIMELINE_LABELS) as TimelineDate[]) {
    const d = t[k];
    if (d && Number(d.slice(0, 4)) !== year)
      out.push({ path: `timeline.${k}`, message: `${TIMELINE_LABELS[k]} ${d} 不在计划年度 ${year} 年内：请核对是否仍是上一轮的日期` });
  }

  // the review month before a deadline
  if (t.reviewMonth) {
    const latest = DEADLINES.filter((k) => t[k]).sort((a, b) => (t[a]! < t[b]! ? 1 : -1))[0];
    if (latest && t.reviewMonth < t[latest]!.slice(0, 7))
      out.push({
        path: 'timeline.reviewMonth',
        message: `评审月份 ${t.reviewMonth} 早于${TIMELINE_LABELS[latest]} ${t[latest]}：评审应在材料报送截止之后，请改为 ${t[latest]!.slice(0, 7)} 或以后`,
      });
  }

  // deadlines out of order (ZPlan already refuses open > personal > employer > department)
  const before = t.departmentDeadline ? 'departmentDeadline' : 'employerDeadline';
  if (t.lowerCommitteeDeadline && t.lowerCommitteeDeadline < t[before]!)
    out.push({
      path: 'timeline.lowerCommitteeDeadline',
      message: `下级评委会推荐截止日期 ${t.lowerCommitteeDeadline} 早于${TIMELINE_LABELS[before]} ${t[before]}：推荐在其后进行，请核对`,
    });
  if (plan.source.date && t.openDate < plan.source.date)
    out.push({ path: 'timeline.openDate', message: `开始申报日期 ${t.openDate} 早于通知发文日期 ${plan.source.date}：请核对` });

  // annual assessment: the completed years before the plan year
  const a = plan.annualAssessment;
  if (a.scope === 'lastYears') {
    if (a.years.length === 0) out.push({ path: 'annualAssessment.years', message: '年度考核范围为"指定年度"，但未填写考核年度' });
    else if (Math.max(...a.years) !== year - 1) {
      out.push({
        path: 'annualAssessment.years',
        message: `年度考核年度 ${yearsText(a.years)} 与计划年度 ${year} 不符：各通知考核的是计划年度之前的近 ${a.years.length} 年，应为 ${yearsText(endingAt(year - 1, a.years.length))}`,
      });
    }
  }

  // continuing education: up to the plan year (records only: up to the year before)
  const ce = plan.continuingEducation;
  const last = Math.max(...ce.years);
  const expectedLast = ce.kind === 'recordsOnly' ? [year - 1, year] : [year];
  if (!expectedLast.includes(last)) {
    const should = ce.kind === 'recordsOnly' ? year - 1 : year;
    out.push({
      path: 'continuingEducation.years',
      message: `继续教育考核年度 ${yearsText(ce.years)} 与计划年度 ${year} 不符：${ce.kind === 'recordsOnly' ? '只需学时记录的，通知要求的是计划年度之前的近几年' : '学时要求算到计划年度当年'}，应为 ${yearsText(endingAt(should, ce.years.length))}`,
    });
  }
  if (ce.kind === 'total' && ce.currentYear !== year)
    out.push({
      path: 'continuingEducation.currentYear',
      message: `继续教育"当年年度"为 ${ce.currentYear}，与计划年度 ${year} 不符，应为 ${year}`,
    });
  if (ce.kind === 'annual')
    ce.onlineCapExemptions.forEach((e, i) => {
      if (!ce.years.includes(e.year))
        out.push({
          path: `continuingEducation.onlineCapExemptions.${i}.year`,
          message: `网络课件上限例外的年度 ${e.year} 不在继续教育考核年度 ${yearsText(ce.years)} 内：请核对`,
        });
    });

  return out;
}
