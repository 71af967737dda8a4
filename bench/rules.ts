/**
 * Issue 4 budget: evaluating every rule of a plan for 100,000 applicants' facts (aim < 1 s).
 *   npx tsx bench/rules.ts [N]
 * Facts are generated (seeded PRNG) in a realistic shape: 2 educations, 2 titles, 2 work periods,
 * 5 assessments, 24 continuing-education records and 8 achievements each. Generation is not timed.
 * Every result is consumed (eligibility, each rule's status, the length of each explanation and the
 * number of evidence entries are summed and printed), so no rule's work can be optimized away; nothing
 * is cached across applicants. Next to the wall time, the process's CPU time (all threads, GC helpers
 * included) is printed: on a shared machine it shows how much of the wall time was waiting for a core.
 */
import { evaluate, type Facts, type Plan, type ApplicationMode } from '@zc/domain';
import { readPlanFiles } from '../server/src/modules/plans/seed-plans';

const N = Number(process.argv[2] ?? 100_000);
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));

function facts(i: number): Facts {
  const start = int(1995, 2015);
  return {
    educations: [
      {
        id: `e${i}a`,
        level: pick(['juniorCollege', 'bachelor', 'master'] as const),
        graduationDate: `${start - 1}-07-01`,
        isEngineering: true,
        isHighest: true,
      },
      { id: `e${i}b`, level: 'secondary', graduationDate: `${start - 4}-07-01`, isEngineering: false, isHighest: false },
    ],
    titles: [
      { id: `t${i}a`, level: 'assistant', grantedDate: `${start + 2}-12-01`, isCurrent: false, series: '工程' },
      {
        id: `t${i}b`,
        level: pick(['intermediate', 'senior'] as const),
        grantedDate: `${start + int(5, 9)}-${String(int(1, 12)).padStart(2, '0')}-01`,
        isCurrent: true,
        series: '工程',
      },
    ],
    work: [
      { id: `w${i}a`, startMonth: `${start}-08`, endMonth: `${start + 5}-06`, isEngineering: true, mountainCounty: rnd() < 0.2 },
      { id: `w${i}b`, startMonth: `${start + 5}-07`, endMonth: null, isEngineering: true, mountainCounty: rnd() < 0.2 },
    ],
    assessments: [2017, 2018, 2019, 2020, 2021].map((y) => ({
      id: `a${i}${y}`,
      year: y,
      result: rnd() < 0.97 ? pick(['qualified', 'competent', 'excellent']) : 'basicallyQualified',
    })),
    continuingEducation: Array.from({ length: 24 }, (_, k) => ({
      id: `c${i}${k}`,
      year: 2017 + (k % 6),
      hours: int(12, 36),
      category: pick(['professional', 'professional', 'industryPublic', 'generalPublic'] as const),
      registry: pick(['provincialHr', 'economyIt', 'industry']),
      channel: pick(['onlineCourseware', 'other'] as const),
    })),
    achievements: Array.from({ length: 8 }, (_, k) => {
      const id = `x${i}${k}`;
      switch (k % 4) {
        case 0:
          return {
            id,
            detail: {
              type: 'patent' as const,
              name: 'p',
              patentType: pick(['invention', 'utilityModel', 'design'] as const),
              patentNumber: 'ZL',
              grantDate: '2019-01-01',
              inventorRank: int(1, 5),
            },
          };
        case 1:
          return {
            id,
            detail: {
              type: 'standard' as const,
              name: 's',
              number: 'n',
              level: pick(['national', 'industry', 'enterprise'] as const),
              role: pick(['led', 'participated'] as const),
              rank: int(1, 6),
              publishedDate: '2019-01-01',
            },
          };
        case 2:
          return { id, detail: { type: 'report' as const, title: 'r', reportKind: 'technicalReport' as const, date: '2019-01-01' } };
        default:
          return {
            id,
            detail: { type: 'innovationResult' as const, name: 'i', year: 2019, salesWan: int(0, 3000), profitWan: int(0, 800) },
          };
      }
    }),
    fraudRoundYears: rnd() < 0.01 ? [2020] : [],
    application: {
      selfScore: [{ itemKey: 'x', points: int(40, 100), evidenceIds: ['e'] }],
      recommenders: int(0, 4),
      incomeTaxMultiples: [
        { year: 2018, multiple: rnd() * 2 },
        { year: 2019, multiple: rnd() * 2 },
      ],
      mentoring: rnd() < 0.5,
    },
  };
}

const plans = await readPlanFiles();
const population = Array.from({ length: N }, (_, i) => facts(i));
console.log(`${N} applicants' facts generated; ${plans.length} plans`);
for (const { plan } of plans as Array<{ plan: Plan }>) {
  const modes = plan.modes.map((m) => m.mode) as ApplicationMode[];
  const level = plan.levels[0]!;
  // warm-up (JIT), not timed
  for (let i = 0; i < 2000; i += 1) evaluate(plan, modes[i % modes.length]!, level, population[i]!);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let eligible = 0;
  let pass = 0;
  let fail = 0;
  let review = 0;
  let chars = 0;
  let evidence = 0;
  for (let i = 0; i < N; i += 1) {
    const e = evaluate(plan, modes[i % modes.length]!, level, population[i]!);
    if (e.eligible) eligible += 1;
    for (const r of e.results) {
      if (r.status === 'pass') pass += 1;
      else if (r.status === 'fail') fail += 1;
      else review += 1;
      chars += r.explanation.length;
      evidence += r.evidence.length;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${plan.key.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms for ${N} evaluations (${((ms * 1000) / N).toFixed(1)} µs each; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), eligible ${eligible}, rules pass/fail/review ${pass}/${fail}/${review}, explanation chars ${chars}, evidence ${evidence}, modes ${modes.join('/')}`,
  );
}
