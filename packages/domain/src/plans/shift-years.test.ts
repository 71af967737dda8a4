/**
 * Issue 9 item 3: "复制为新年度". The fixture is seed 000's plan (config/plans/2019-it-senior.yaml) in its
 * year-relative parts; server/test/plan-copy.test.ts walks all eight seed files.
 */
import { describe, expect, it } from 'vitest';
import { testPlan } from '../rules/fixtures';
import { defaultTargetYear, planFieldLabel, shiftDateYears, shiftPlanYears } from './shift-years';
import { planWarnings } from './plan-warnings';
import { validatePlan, type Plan } from './plan';

/** seed 000 浙软协[2019]024号: 落款 2019-07-15; 附件1 接收材料截止 2019-09-30, 评审 2019 年 11–12 月; 四(一) 计算到 2019-12-31;
 * 六(三) 自 2018 年起每年 90 学时; 附件4 四.9 近 3 年考核 (2016–2018) */
function seed000(): Plan {
  return testPlan({
    key: '2019-it-senior',
    name: '2019年度信息技术专业高级工程师职务任职资格评审',
    source: {
      issuer: '浙江省软件行业协会',
      documentNumber: '浙软协[2019]024号',
      title: '浙江省软件行业协会关于开展2019年度信息技术专业高级工程师职务任职资格评审工作的通知',
      date: '2019-07-15',
    },
    year: 2019,
    timeline: {
      openDate: '2019-07-15',
      personalDeadline: '2019-09-10',
      employerDeadline: '2019-09-20',
      departmentDeadline: '2019-09-30',
      reviewMonth: '2019-11',
    },
    cutoffDate: '2019-12-31',
    modes: [
      {
        mode: 'normal',
        label: '正常申报',
        description: '符合《浙江省信息技术专业高级工程师任职资格评价条件（试行）》（浙人社发〔2017〕93号）的人员。',
        attachments: [
          { key: 'identity', name: '学历学位证书', note: '2001 年以后的学历须核对电子注册备案表' },
          { key: 'assessments', name: '任期考核材料（2016–2018年）' },
        ],
      },
    ],
    continuingEducation: { kind: 'annual', years: [2018, 2019], hoursPerYear: 90, professionalMin: 60, publicMin: 18 },
    annualAssessment: { scope: 'lastYears', years: [2016, 2017, 2018] },
    citations: { cutoffDate: 'seed 000 四(一)：计算到 2019 年 12 月 31 日' },
  });
}

describe('shiftPlanYears: a copy is a new round (issue 9 item 3)', () => {
  it('moves year, cutoff date, every timeline date, the review month and the rule years of seed 000 by one year', () => {
    const { plan, moved } = shiftPlanYears(seed000(), 1);
    expect(plan.year).toBe(2020);
    expect(plan.cutoffDate).toBe('2020-12-31');
    expect(plan.timeline).toEqual({
      openDate: '2020-07-15',
      personalDeadline: '2020-09-10',
      employerDeadline: '2020-09-20',
      departmentDeadline: '2020-09-30',
      reviewMonth: '2020-11',
    });
    expect(plan.source.date).toBe('2020-07-15');
    expect(plan.continuingEducation.years).toEqual([2019, 2020]);
    expect(plan.annualAssessment.years).toEqual([2017, 2018, 2019]);
    expect(plan.key).toBe('2020-it-senior');
    expect(plan.name).toBe('2020年度信息技术专业高级工程师职务任职资格评审');
    expect(plan.source.title).toContain('开展2020年度信息技术');
    // the notice's document number and the clauses cited do not move
    expect(plan.source.documentNumber).toBe('浙软协[2019]024号');
    expect(plan.citations).toEqual(seed000().citations);
    expect(moved).toContainEqual({
      path: 'annualAssessment.years',
      label: '年度考核年度',
      from: '2016、2017、2018',
      to: '2017、2018、2019',
    });
    expect(moved).toContainEqual({ path: 'timeline.reviewMonth', label: '评审月份', from: '2019-11', to: '2020-11' });
    expect(moved).toContainEqual({ path: 'year', label: '年度', from: '2019', to: '2020' });
    expect(validatePlan(plan).ok).toBe(true);
    // the applicant failed for "缺少 2016–2018 年度考核": the copy asks for 2017–2019, and warns about nothing
    expect(planWarnings(plan)).toEqual([]);
  });

  it('lists the texts that still mention a moved year, but not a document number in 〔〕 nor an unrelated year', () => {
    const { toCheck } = shiftPlanYears(seed000(), 1);
    const paths = toCheck.map((c) => c.path);
    expect(paths).toContain('source.documentNumber');
    expect(paths).toContain('modes.0.attachments.1.name'); // "任期考核材料（2016–2018年）"
    expect(paths).not.toContain('modes.0.description'); // 〔2017〕 is another document's number
    expect(paths).not.toContain('modes.0.attachments.0.note'); // 2001 is a fixed policy year
    expect(toCheck.find((c) => c.path === 'modes.0.attachments.1.name')?.label).toBe('申报方式 1 附件 2 名称');
  });

  it('moves the years of a "total" rule and of a courseware-cap exemption (seeds 001 二(四), 002 五(二), 003 五(二))', () => {
    const total = testPlan({
      year: 2022,
      continuingEducation: { kind: 'total', years: [2019, 2020, 2021, 2022], totalMin: 270, currentYear: 2022, currentYearMin: 90 },
    });
    const t = shiftPlanYears(total, 3).plan.continuingEducation;
    expect(t).toMatchObject({ years: [2022, 2023, 2024, 2025], currentYear: 2025 });
    const annual = testPlan({
      year: 2020,
      timeline: { openDate: '2020-07-28', personalDeadline: '2020-09-15', employerDeadline: '2020-09-25' },
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
    });
    const r = shiftPlanYears(annual, 1);
    expect(r.plan.continuingEducation).toMatchObject({ onlineCapExemptions: [{ year: 2021, registry: 'economyIt' }] });
    expect(r.moved).toContainEqual({
      path: 'continuingEducation.onlineCapExemptions.0.year',
      label: '网络课件上限例外 1 年度',
      from: '2020',
      to: '2021',
    });
  });

  it('moves a date field it was never told about: the walk goes by value, not by a list of fields', () => {
    const plan = { ...seed000(), timeline: { ...seed000().timeline, someNewDeadline: '2019-10-08' } } as unknown as Plan;
    const r = shiftPlanYears(plan, 1);
    expect((r.plan.timeline as Record<string, string>).someNewDeadline).toBe('2020-10-08');
    expect(r.moved.map((m) => m.path)).toContain('timeline.someNewDeadline');
  });

  it('keeps the last day of February and moves backwards too', () => {
    expect(shiftDateYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(shiftDateYears('2021-02-28', -1)).toBe('2020-02-28');
    expect(shiftPlanYears(seed000(), -1).plan.annualAssessment.years).toEqual([2015, 2016, 2017]);
  });

  it('leaves the source plan untouched and moves nothing for 0 years', () => {
    const src = seed000();
    const copy = structuredClone(src);
    const r = shiftPlanYears(src, 0);
    expect(src).toEqual(copy);
    expect(r.moved).toEqual([]);
    expect(r.plan).toEqual(src);
  });

  it('labels paths in Chinese and defaults the target year to the year after the source, not a past year', () => {
    expect(planFieldLabel('timeline.departmentDeadline')).toBe('主管部门审核截止日期');
    expect(planFieldLabel('continuingEducation.years')).toBe('继续教育考核年度');
    expect(defaultTargetYear(2019, 2026)).toBe(2026);
    expect(defaultTargetYear(2026, 2026)).toBe(2027);
  });
});

describe("planWarnings: a plan that looks like last year's round (issue 9 item 3)", () => {
  it("the issue's case: seed 000 copied with only the dates changed warns about year, review month and rule years", () => {
    const p = seed000();
    const dates = shiftPlanYears(p, 1).plan;
    // only the timeline and the cutoff date were retyped; everything else is 2019's
    const half: Plan = { ...p, timeline: dates.timeline, source: { ...p.source } };
    const w = planWarnings(half);
    const paths = w.map((x) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['timeline.openDate', 'timeline.personalDeadline', 'timeline.departmentDeadline']));
    expect(w.find((x) => x.path === 'timeline.personalDeadline')?.message).toContain('不在计划年度 2019 年内');

    // the year changed too, the rule years and review month did not
    const stale: Plan = { ...p, year: 2020, cutoffDate: '2020-12-31', timeline: { ...dates.timeline, reviewMonth: '2019-11' } };
    const sw = planWarnings(stale);
    expect(sw.find((x) => x.path === 'timeline.reviewMonth')?.message).toBe(
      '评审月份 2019-11 早于主管部门审核截止日期 2020-09-30：评审应在材料报送截止之后，请改为 2020-09 或以后',
    );
    expect(sw.find((x) => x.path === 'annualAssessment.years')?.message).toBe(
      '年度考核年度 2016–2018 与计划年度 2020 不符：各通知考核的是计划年度之前的近 3 年，应为 2017–2019',
    );
    expect(sw.find((x) => x.path === 'continuingEducation.years')?.message).toContain('应为 2019–2020');
  });

  it('seed 004 四(二): records-only continuing education may end at the year before; seed 002 五(二): 当年 is the plan year', () => {
    const records = testPlan({
      year: 2020,
      timeline: { openDate: '2020-08-31', personalDeadline: '2020-10-10', employerDeadline: '2020-10-10' },
      cutoffDate: '2020-12-31',
      continuingEducation: { kind: 'recordsOnly', years: [2017, 2018, 2019] },
      annualAssessment: { scope: 'lastYears', years: [2017, 2018, 2019] },
    });
    expect(planWarnings(records)).toEqual([]);
    const total = testPlan({
      year: 2021,
      timeline: {
        openDate: '2021-09-18',
        personalDeadline: '2021-10-31',
        employerDeadline: '2021-11-11',
        departmentDeadline: '2021-11-19',
        lowerCommitteeDeadline: '2021-11-19',
      },
      cutoffDate: '2021-12-31',
      continuingEducation: { kind: 'total', years: [2019, 2020, 2021], totalMin: 270, currentYear: 2020, currentYearMin: 90 },
      annualAssessment: { scope: 'lastYears', years: [2018, 2019, 2020] },
    });
    expect(planWarnings(total)).toEqual([
      { path: 'continuingEducation.currentYear', message: '继续教育"当年年度"为 2020，与计划年度 2021 不符，应为 2021' },
    ]);
  });

  it('deadlines out of order: the lower committee before the departments, opening before the notice (seeds 001 一, 003)', () => {
    const p = testPlan({
      source: { issuer: '测试', title: '测试通知', date: '2022-07-01' },
      timeline: {
        openDate: '2022-06-20',
        personalDeadline: '2022-08-31',
        employerDeadline: '2022-09-15',
        departmentDeadline: '2022-10-10',
        lowerCommitteeDeadline: '2022-10-01',
      },
    });
    expect(planWarnings(p).map((w) => w.path)).toEqual(['timeline.lowerCommitteeDeadline', 'timeline.openDate']);
  });

  it('an exemption year outside the rule years (seed 001 二(四): the exemption is for this year)', () => {
    const p = testPlan({
      continuingEducation: {
        kind: 'annual',
        years: [2022],
        hoursPerYear: 90,
        professionalMin: 60,
        publicMin: 18,
        onlineCapExemptions: [{ year: 2020, registry: 'economyIt' }],
      },
    });
    expect(planWarnings(p)).toEqual([
      {
        path: 'continuingEducation.onlineCapExemptions.0.year',
        message: '网络课件上限例外的年度 2020 不在继续教育考核年度 2022 内：请核对',
      },
    ]);
  });
});
