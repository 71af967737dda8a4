/**
 * One self-score total (issue 9 item 4): the wizard's 自评分 step showed the typed sum ("合计 20 分") while
 * 资格检查 counted 0. Both now read selfScoreBreakdown, which says per item why points do not count.
 * Seeds 000 二(二) and 003 五(二): "所提供的评分依据必须真实，并提供证明材料，无证明材料的不予评分";
 * seed 003 五(五): the mountain-county bonus.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from './engine';
import { planSelfScore } from './scoring';
import { emptyFacts, testPlan } from './fixtures';
import type { Facts } from './facts';

const plan = testPlan({
  modes: [{ mode: 'selfScore', label: '自评分申报', selfScoreThreshold: 10, waivesEducationYears: true }],
  scoring: {
    items: [
      { key: 'paper', name: '论文', maxPoints: 20 },
      { key: 'project', name: '项目', maxPoints: 30 },
      { key: 'years', name: '工作年限', maxPoints: 5, evidenceRequired: false },
    ],
  },
});
const withScore = (selfScore: NonNullable<Facts['application']>['selfScore'], entryIds?: string[]) =>
  emptyFacts({ application: { selfScore, ...(entryIds ? { entryIds } : {}) } });

describe('self-score: one total, with the reason for every point that does not count', () => {
  it('the reported case: 20 typed on an item without evidence counts 0, and says why (seed 000 二(二))', () => {
    const b = planSelfScore(plan, withScore([{ itemKey: 'paper', points: 20, evidenceIds: [] }]));
    expect(b).toMatchObject({ claimed: 20, total: 0, unsupported: ['论文'] });
    expect(b.lines).toEqual([
      {
        itemKey: 'paper',
        name: '论文',
        claimed: 20,
        counted: 0,
        shortfall: 'noEvidence',
        reason: expect.stringContaining('无证明材料的不予评分'),
      },
    ]);
    // the eligibility check reads the same count
    const r = evaluate(plan, 'selfScore', 'senior', withScore([{ itemKey: 'paper', points: 20, evidenceIds: [] }])).results.find(
      (x) => x.rule === 'selfScore',
    );
    expect(r?.numbers['自评分']).toBe(b.total);
  });

  it('evidence must be one of the achievements chosen for the application (reviewers see only those)', () => {
    const b = planSelfScore(plan, withScore([{ itemKey: 'paper', points: 10, evidenceIds: ['gone'] }], ['a1']));
    expect(b.total).toBe(0);
    expect(b.lines[0]).toMatchObject({ shortfall: 'evidenceNotChosen', counted: 0 });
    expect(b.lines[0]!.reason).toContain('业绩成果');
    // chosen evidence counts
    expect(planSelfScore(plan, withScore([{ itemKey: 'paper', points: 10, evidenceIds: ['a1'] }], ['a1'])).total).toBe(10);
  });

  it('points over the item maximum count as the maximum; an item without the evidence rule counts as typed', () => {
    const b = planSelfScore(
      plan,
      withScore([
        { itemKey: 'project', points: 35, evidenceIds: ['p'] },
        { itemKey: 'years', points: 3, evidenceIds: [] },
      ]),
    );
    expect(b).toMatchObject({ claimed: 38, total: 33 });
    expect(b.lines.map((l) => [l.shortfall, l.counted])).toEqual([
      ['overMax', 30],
      [null, 3],
    ]);
    expect(b.lines[0]!.reason).toBe('超过本项满分 30 分，按 30 分计');
  });

  it('an item the plan no longer has is named, not silently dropped', () => {
    const b = planSelfScore(plan, withScore([{ itemKey: 'old', points: 4, evidenceIds: ['x'] }]));
    expect(b).toMatchObject({ claimed: 4, total: 0 });
    expect(b.lines[0]).toMatchObject({ shortfall: 'unknownItem' });
  });

  it('property: total = Σ counted + bonus, and every line with counted < claimed has a reason', () => {
    const row = fc.record({
      itemKey: fc.constantFrom('paper', 'project', 'years', 'old'),
      points: fc.integer({ min: 0, max: 50 }),
      evidenceIds: fc.subarray(['a1', 'a2', 'x']),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.itemKey }), fc.boolean(), (rows, named) => {
        const b = planSelfScore(plan, withScore(rows, named ? ['a1', 'a2'] : undefined));
        const sum = b.lines.reduce((n, l) => n + l.counted, 0);
        return Math.abs(b.total - (sum + b.bonus)) < 1e-9 && b.lines.every((l) => (l.counted < l.claimed ? !!l.reason : l.reason === null));
      }),
    );
  });
});
