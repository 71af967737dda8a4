/**
 * The plan's conditions in words for the public portal (issue 10, SPEC §10). Each case carries the part of a
 * seed plan (config/plans/*.yaml) it renders and cites the clause; server/test/public-portal.test.ts walks
 * all eight seed files through GET /public/plans/:id.
 */
import { describe, expect, it } from 'vitest';
import { testPlan } from '../rules/fixtures';
import {
  deadlineCountdown,
  eligibilityRowText,
  feeText,
  modeText,
  planConditionSections,
  planTimelineLines,
  yearsText,
} from './plan-summary';
import type { Plan } from './plan';

/** Latin words left in a text, other than the photo formats and size units */
function codesIn(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['JPG', 'JPEG', 'PNG', 'KB', 'MB'].includes(w));
}
const allText = (p: Plan) =>
  planConditionSections(p)
    .flatMap((s) => [s.title, ...s.lines])
    .join('\n');

describe('plan conditions in words', () => {
  it('seed 000 六(五): the fee paid by the employer when it sends the materials, amount by the standard', () => {
    expect(feeText({ amountYuan: null, payer: 'employer', due: 'onMaterialsSent', method: null })).toBe(
      '评审费按有关规定标准收取，由用人单位缴纳，单位报送材料时缴纳',
    );
  });

  it('seed 003 八(三): 280 yuan per person, after qualification review, by bank transfer', () => {
    expect(feeText({ amountYuan: 280, payer: 'applicant', due: 'afterQualificationReview', method: 'bankTransfer' })).toBe(
      '评审费每人 280 元，由申报人缴纳，通过资格审查后缴纳，缴费方式：转账汇款（评委会办公室确认）',
    );
  });

  it('seed 002 is silent on fees: said so, not "free"', () => {
    expect(feeText({ amountYuan: null, payer: null, due: null, method: null })).toBe('通知未规定评审费用');
  });

  it('seed 001 二(四): 90 h a year, 60 professional, 18 public; online courseware capped at 36 except 2020 economy-IT courseware', () => {
    const p = testPlan({
      year: 2020,
      cutoffDate: '2020-12-31',
      continuingEducation: {
        kind: 'annual',
        years: [2018, 2019, 2020],
        hoursPerYear: 90,
        professionalMin: 60,
        publicMin: 18,
        onlineCapPerYear: 36,
        onlineCapExemptions: [{ year: 2020, registry: 'economyIt' }],
      },
      flags: { covidFrontlineRelaxation: '二(二)：疫情防控一线人员按人社厅发〔2020〕23号享受相关政策优惠' },
    });
    const ce = planConditionSections(p).find((s) => s.key === 'continuingEducation')!;
    expect(ce.lines).toEqual([
      '2018–2020 年每年参加继续教育不少于 90 学时，其中专业科目不少于 60 学时，行业公需和一般公需科目合计不少于 18 学时',
      '网络课件每年最多登记 36 学时',
      '2020 年在经信系统继续教育平台学习的网络课件按标定学时认定，不受上述上限限制',
    ]);
    expect(allText(p)).toContain('疫情防控一线人员');
    expect(codesIn(allText(p))).toEqual([]);
  });

  it('seed 002 五(二): 270 h over 2019–2021 with 90 h in 2021, make-up allowed, for 工程师 only; 自评分 60 only for 工程师', () => {
    const p = testPlan({
      year: 2021,
      cutoffDate: '2021-12-31',
      levels: ['intermediate', 'assistant'],
      continuingEducation: {
        kind: 'total',
        appliesToLevels: ['intermediate'],
        years: [2019, 2020, 2021],
        totalMin: 270,
        currentYear: 2021,
        currentYearMin: 90,
        makeUpAllowed: true,
      },
      modes: [
        { mode: 'normal', label: '正常申报' },
        { mode: 'selfScore', label: '自评分申报', selfScoreThreshold: 60, levels: ['intermediate'], waivesEducationYears: true },
      ],
      scoring: { items: [{ key: 'projects', name: '项目业绩', maxPoints: 100 }] },
      eligibility: [{ level: 'intermediate', rows: [{ education: 'master', requiredTitle: 'assistant', yearsInTitle: 2 }] }],
    });
    const sections = planConditionSections(p);
    expect(sections.find((s) => s.key === 'continuingEducation')!.lines).toEqual([
      '2019–2021 年累计参加继续教育不少于 270 学时，其中 2021 年不少于 90 学时（适用于申报工程师）',
      '往年学时不足的，可按规定补学',
    ]);
    expect(sections.find((s) => s.key === 'modes')!.lines[1]).toBe(
      '自评分申报：仅限申报工程师：适用于不具备规定学历或资历条件的人员：按量化赋分标准自评分须达到 60 分以上',
    );
    expect(sections.find((s) => s.key === 'levels')!.lines[0]).toBe('评审级别：工程师、助理工程师');
    expect(sections.find((s) => s.key === 'eligibility')!.lines).toEqual(['申报工程师，硕士研究生学历：取得助理工程师资格后满 2 年']);
    expect(codesIn(allText(p))).toEqual([]);
  });

  it('seed 003 四(二), 五(五): two 正高 recommenders, 80 points; mountain-county bonus in words', () => {
    const p = testPlan({
      modes: [
        {
          mode: 'selfScore',
          label: '自评分申报',
          selfScoreThreshold: 80,
          recommenders: { count: 2, qualification: '本专业或相近专业正高级专家' },
          attachments: [
            { key: 'recommendation', name: '专家推荐意见' },
            { key: 'extra', name: '其他佐证', required: false },
          ],
        },
      ],
      scoring: {
        items: [{ key: 'projects', name: '项目业绩', maxPoints: 100 }],
        mountainCountyBonus: { fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 },
      },
    });
    const m = modeText(p.modes[0]!);
    expect(m.lines).toContain('须由 2 名本专业或相近专业正高级专家推荐');
    expect(m.requiredAttachments).toEqual(['专家推荐意见']);
    expect(m.optionalAttachments).toEqual(['其他佐证']);
    expect(allText(p)).toContain('在山区 26 县工作满 15 年的加 4 分，满 20 年的加 6 分，此后每多 1 年加 1 分，最多 10 分');
    expect(codesIn(allText(p))).toEqual([]);
  });

  it('seed 004 二: 3 of the 7 conditions, each by its words; 七: records of continuing education only', () => {
    const p = testPlan({
      levels: ['intermediate'],
      modes: [
        {
          mode: 'directReport',
          label: '直报',
          directReport: {
            required: 3,
            conditions: ['incomeTax', 'innovationLead', 'patents', 'standards', 'reports', 'innovationSales', 'mentoring'],
          },
        },
      ],
      continuingEducation: { kind: 'recordsOnly', years: [2017, 2018, 2019] },
      eligibility: [],
    });
    const text = allText(p);
    expect(text).toContain('须具备下列 7 项条件中的 3 项：（一）连续两年个人所得税达到免征额 1 倍以上');
    expect(text).toContain('须提供 2017–2019 年的继续教育学时记录');
    expect(planConditionSections(p).some((s) => s.key === 'eligibility')).toBe(false);
    expect(codesIn(text)).toEqual([]);
  });

  it('annual assessment: the years and the passing results by their words', () => {
    const p = testPlan({ annualAssessment: { scope: 'lastYears', years: [2019, 2020, 2021] } });
    expect(planConditionSections(p).find((s) => s.key === 'annualAssessment')!.lines).toEqual([
      '2019–2021 年年度考核结果均为优秀、合格、称职（其中之一）',
    ]);
    const since = testPlan({ annualAssessment: { scope: 'sinceCurrentTitle', years: [], passResults: ['excellent', 'qualified'] } });
    expect(planConditionSections(since).find((s) => s.key === 'annualAssessment')!.lines[0]).toBe(
      '任现职以来每年年度考核结果均为优秀、合格（其中之一）',
    );
  });

  it('eligibility rows: direct, after a title, after working years', () => {
    expect(eligibilityRowText({ education: 'doctor', requiredTitle: null, yearsInTitle: 0, professionalYears: 0 })).toBe(
      '博士研究生学历：可直接申报',
    );
    expect(eligibilityRowText({ education: 'juniorCollege', requiredTitle: null, yearsInTitle: 0, professionalYears: 3 })).toBe(
      '大专学历：从事本专业技术工作满 3 年',
    );
  });

  it('authoring marks ([ours]) stay out of public text', () => {
    const p = testPlan({ specialties: [{ code: 'a', name: '信息技术', description: '[ours] 全市从事信息技术工作的人员' }] });
    expect(allText(p)).toContain('信息技术：全市从事信息技术工作的人员');
    expect(allText(p)).not.toContain('ours');
  });

  it('years: consecutive as a range, others listed', () => {
    expect(yearsText([2021, 2019, 2020])).toBe('2019–2021 年');
    expect(yearsText([2017, 2019])).toBe('2017、2019 年');
  });
});

describe('timeline and countdown', () => {
  // seed 002 三: 个人 10月31日，单位 11月11日，下级评委会 11月19日
  const t = {
    openDate: '2021-09-18',
    personalDeadline: '2021-10-31',
    employerDeadline: '2021-11-11',
    departmentDeadline: '2021-11-19',
    lowerCommitteeDeadline: '2021-11-19',
  };
  it('lists the dates in order with their names, the same department and lower-committee date once', () => {
    expect(planTimelineLines(testPlan({ timeline: { ...t, reviewMonth: '2021-12' } }))).toEqual([
      { label: '开始受理', date: '2021-09-18' },
      { label: '个人申报截止', date: '2021-10-31' },
      { label: '用人单位审核截止', date: '2021-11-11' },
      { label: '主管部门审核截止', date: '2021-11-19' },
      { label: '评审时间', date: '2021年12月' },
    ]);
  });
  it('counts down in words: before, during, on the day, after', () => {
    expect(deadlineCountdown(t, '2021-09-10')).toBe('尚未开始，2021-09-18 起受理，还有 8 天');
    expect(deadlineCountdown(t, '2021-10-01')).toBe('距个人申报截止还有 30 天（2021-10-31）');
    expect(deadlineCountdown(t, '2021-10-31')).toBe('个人申报今天截止');
    expect(deadlineCountdown(t, '2021-11-01')).toBe('个人申报已于 2021-10-31 截止');
  });
});
