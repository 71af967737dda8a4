/**
 * Issue 4: each of the eight seed plans evaluates a typical passing and a typical failing applicant.
 * The applicants are built from the plan itself (its matrix row, CE years, assessment years), so the
 * test follows the plan data instead of repeating its numbers.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ApplicationMode, type Facts, type Plan } from '@zc/domain';
import { readPlanFiles } from '../src/modules/plans/seed-plans';

const plans = await readPlanFiles();

function year(plan: Plan, delta: number) {
  return Number(plan.cutoffDate.slice(0, 4)) + delta;
}

function passingFacts(plan: Plan, mode: ApplicationMode, level: string): Facts {
  const row = plan.eligibility.find((e) => e.level === level)?.rows[0];
  const f: Facts = {
    educations: [
      { id: 'edu', level: row?.education ?? 'bachelor', graduationDate: `${year(plan, -25)}-07-01`, isEngineering: true, isHighest: true },
    ],
    titles: row?.requiredTitle
      ? [
          {
            id: 'title',
            level: row.requiredTitle,
            grantedDate: `${year(plan, -(row.yearsInTitle + 1))}-06-01`,
            isCurrent: true,
            series: '工程',
          },
        ]
      : [],
    work: [{ id: 'work', startMonth: `${year(plan, -24)}-08`, endMonth: null, isEngineering: true, mountainCounty: false }],
    assessments: Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, year: year(plan, -i), result: 'competent' })),
    continuingEducation: [],
    achievements: [],
    fraudRoundYears: [],
  };
  const ce = plan.continuingEducation;
  const reg = ce.kind === 'total' && ce.currentYearRegistry ? ce.currentYearRegistry : 'provincialHr';
  for (const y of ce.years) {
    f.continuingEducation.push({ id: `p${y}`, year: y, hours: 72, category: 'professional', registry: reg, channel: 'other' });
    f.continuingEducation.push({ id: `g${y}`, year: y, hours: 18, category: 'generalPublic', registry: reg, channel: 'other' });
  }
  if (mode === 'directReport') {
    f.achievements.push(
      {
        id: 'pat',
        detail: {
          type: 'patent',
          name: '发明',
          patentType: 'invention',
          patentNumber: 'ZL1',
          grantDate: `${year(plan, -2)}-01-01`,
          inventorRank: 1,
        },
      },
      { id: 'r1', detail: { type: 'report', title: '技术报告一', reportKind: 'technicalReport', date: `${year(plan, -2)}-01-01` } },
      { id: 'r2', detail: { type: 'report', title: '技术报告二', reportKind: 'researchReport', date: `${year(plan, -1)}-01-01` } },
      { id: 'inn', detail: { type: 'innovationResult', name: '成果', year: year(plan, -1), profitWan: 600 } },
    );
  }
  return f;
}

describe('the eight seed plans evaluate typical applicants', () => {
  it('there are eight', () => expect(plans).toHaveLength(8));
  for (const { file, plan } of plans) {
    const mode = plan.modes.find((m) => m.mode === 'normal')?.mode ?? plan.modes[0]!.mode;
    const level = plan.levels.find((l) => plan.eligibility.some((e) => e.level === l)) ?? plan.levels[0]!;
    it(`${file}: a typical applicant in mode ${mode} passes every rule`, () => {
      const r = evaluate(plan, mode, level, passingFacts(plan, mode, level));
      const failed = r.results.filter((x) => x.status === 'fail').map((x) => `${x.rule}: ${x.explanation}`);
      expect(failed, JSON.stringify(plan.continuingEducation)).toEqual([]);
      expect(r.eligible).toBe(true);
      for (const x of r.results) expect(x.explanation).toMatch(/[\u4e00-\u9fa5]/);
    });
    it(`${file}: missing this round's continuing education and a failed assessment fail, explained`, () => {
      const f = passingFacts(plan, mode, level);
      const ce = plan.continuingEducation;
      const lastCeYear = ce.kind === 'total' ? ce.currentYear : ce.years.at(-1)!;
      f.continuingEducation = f.continuingEducation.filter((c) => c.year !== lastCeYear);
      f.assessments = f.assessments.map((a) => (a.year === year(plan, -1) ? { ...a, result: 'unqualified' } : a));
      const r = evaluate(plan, mode, level, f);
      expect(r.eligible).toBe(false);
      const ceResult = r.results.find((x) => x.rule === 'continuingEducation')!;
      expect(ceResult.status).toBe('fail');
      expect(ceResult.explanation).toContain(String(lastCeYear));
    });
  }
});
