/**
 * A demo round open today, so that `npm start` shows the whole application flow: the seed 000 plan
 * (2019 IT senior) moved to the current year with its deadlines ahead of today, published by the same
 * office, and an approved archive for the demo applicant 张伟 that meets it. The seed plans themselves
 * keep their real (past) dates.
 */
import { and, eq } from 'drizzle-orm';
import { nextDay, shanghaiDate, shiftPlanYears, summarizeArchiveEntry, ZArchiveEntryData, type Plan } from '@zc/domain';
import { archiveEntries, employmentBindings, organizations, plans, users } from '../../platform/db/schema';
import type { Db } from '../../platform/db/client';
import { readPlanFiles } from '../plans/seed-plans';
import { DEMO_ZHANG_WEI_SUBJECT } from './demo-data';

export const DEMO_ROUND_KEY = 'demo-it-senior';
const SOURCE_KEY = '2019-it-senior';
/** days from today: open a week ago, then each deadline three weeks after the one before ([ours]) */
const DEMO_DAYS = { open: -7, personal: 21, employer: 42, department: 63 } as const;

/** The seed plan moved by whole years (shiftPlanYears, as 复制为新年度 does), with its timeline relative to `today`. Pure, for tests. */
export function demoRoundPlan(source: Plan, today: string): Plan {
  const year = Number(today.slice(0, 4));
  const shifted = shiftPlanYears(source, year - source.year).plan;
  const reviewMonth = nextDay(today, DEMO_DAYS.department + 30).slice(0, 7);
  return {
    ...shifted,
    key: DEMO_ROUND_KEY,
    name: `${year}年度信息技术高级工程师评审（演示轮次）`,
    source: { ...source.source, title: `${source.source.title}（演示：按 ${year} 年度重排日期）`, date: nextDay(today, DEMO_DAYS.open) },
    timeline: {
      ...shifted.timeline,
      openDate: nextDay(today, DEMO_DAYS.open),
      personalDeadline: nextDay(today, DEMO_DAYS.personal),
      employerDeadline: nextDay(today, DEMO_DAYS.employer),
      departmentDeadline: nextDay(today, DEMO_DAYS.department),
      reviewMonth,
    },
    // [demo] seed 000 states no amount (六(五) 按有关规定标准缴纳, paid by the employer offline): the demo round charges
    // seed 003's 280 元, paid by the applicant online after qualification review, so a visitor can try the demo pay page
    fee: { amountYuan: 280, payer: 'applicant', due: 'afterQualificationReview', method: 'online' },
    citations: { ...shifted.citations, timeline: '[ours] 演示轮次：开始日期为今天前 7 天，其后每个截止日期相隔 3 周' },
  };
}

/** Idempotent: inserts the demo round and 张伟's approved archive once. */
export async function seedDemoRound(db: Db, now: Date): Promise<boolean> {
  const [exists] = await db.select({ id: plans.id }).from(plans).where(eq(plans.key, DEMO_ROUND_KEY));
  if (exists) return false;
  const source = (await readPlanFiles()).find((p) => p.plan.key === SOURCE_KEY)?.plan;
  if (!source) throw new Error(`找不到种子计划 ${SOURCE_KEY}`);
  const plan = demoRoundPlan(source, shanghaiDate(now));
  const [office] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, 'committeeOffice'), eq(organizations.name, plan.committee.office)));
  if (!office) throw new Error(`找不到评委会办公室"${plan.committee.office}"`);
  const [zhang] = await db
    .select({ id: users.id, employerId: employmentBindings.employerId })
    .from(users)
    .innerJoin(employmentBindings, and(eq(employmentBindings.applicantId, users.id), eq(employmentBindings.status, 'approved')))
    // by his 政务服务网 subject: the ID number is stored only encrypted (issue 8 item 7)
    .where(eq(users.govSubject, DEMO_ZHANG_WEI_SUBJECT));
  await db.transaction(async (tx) => {
    await tx.insert(plans).values({
      key: plan.key,
      officeOrgId: office.id,
      data: plan,
      year: plan.year,
      name: plan.name,
      status: 'published',
      publishedAt: now,
    });
    if (!zhang) return;
    const y = plan.year;
    const ce = plan.continuingEducation;
    const data: unknown[] = [
      {
        kind: 'education',
        level: 'bachelor',
        degree: 'bachelor',
        school: '浙江工业大学',
        major: '计算机科学与技术',
        graduationDate: '2007-06-30',
        studyMode: 'fullTime',
        origin: 'domestic',
        isEngineering: true,
        isHighest: true,
      },
      {
        kind: 'title',
        level: 'intermediate',
        series: '工程',
        specialty: '计算机应用',
        grantedDate: `${y - 7}-12-01`,
        grantMode: 'evaluation',
        issuer: '杭州市人力资源和社会保障局',
        isCurrent: true,
      },
      {
        kind: 'workExperience',
        employerName: '淳安县千岛湖水务有限公司',
        position: '信息中心工程师',
        duties: '供水调度与营收系统的开发和运维',
        startMonth: '2007-08',
        isEngineering: true,
      },
      ...ce.years.flatMap((cy) => [
        {
          kind: 'continuingEducation',
          year: cy,
          hours: 72,
          category: 'professional',
          registry: 'economyIt',
          channel: 'other',
          courseName: `${cy}年信息技术专业科目培训`,
          provider: '浙江省经济和信息化厅',
        },
        {
          kind: 'continuingEducation',
          year: cy,
          hours: 18,
          category: 'generalPublic',
          registry: 'provincialHr',
          channel: 'other',
          courseName: `${cy}年一般公需科目`,
          provider: '浙江省人力资源和社会保障厅',
        },
      ]),
      ...plan.annualAssessment.years.map((ay) => ({ kind: 'annualAssessment', year: ay, result: 'competent' })),
      {
        kind: 'achievement',
        detail: {
          type: 'softwareCopyright',
          name: '千岛湖供水智能调度系统',
          registrationNumber: `${y - 2}SR0123456`,
          date: `${y - 2}-05-01`,
          rank: 1,
        },
      },
      {
        kind: 'achievement',
        detail: {
          type: 'paper',
          title: '基于物联网的县域供水管网漏损监测方法',
          journal: '给水排水',
          issn: '1002-8471',
          cn: '11-4972/TU',
          publishedMonth: `${y - 1}-03`,
          issue: `${y - 1}年第3期`,
          authorRank: 1,
        },
      },
    ];
    await tx.insert(archiveEntries).values(
      data.map((raw) => {
        const d = ZArchiveEntryData.parse(raw);
        return {
          applicantId: zhang.id,
          kind: d.kind,
          data: d,
          summary: summarizeArchiveEntry(d),
          status: 'approved',
          employerId: zhang.employerId,
          submittedAt: now,
          reviewedAt: now,
        };
      }),
    );
  });
  return true;
}
