/**
 * Pre-review publicity (评前公示, SPEC §7) as the workflow sees it: publishing an application on the day's list of
 * its plan, handling an objection, and whether the period has ended (the `preReviewPublicityEnded` guard)
 * or an objection is pending (the `objectionPending` guard).
 * [interface agreed for issue 10: the publicity module fills these in]
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  mergeCalendar,
  preReviewListTitle,
  provisionalEndNote,
  publicEntry,
  publicityEnd,
  shanghaiDate,
  UnknownCalendarYearError,
  type CalendarData,
  type Plan,
} from '@zc/domain';
import type { Queryable, Tx } from '../../platform/db/client';
import { calendarYears, objections, organizations, publicityEntries, publicityLists } from '../../platform/db/schema';
import { fail } from '../../platform/http/errors';
import type { InboxMessage } from '../../platform/notifications/notify';
import { libraryCalendar } from '../calendar/service';
import { scheduleReminders } from '../calendar/reminders';

export interface PublishArgs {
  app: {
    id: string;
    planId: string;
    applicantId: string;
    employerId: string;
    specialtyCode: string | null;
    level: string | null;
    mode: string | null;
  };
  plan: Plan;
  officeOrgId: string;
  applicantName: string;
  publishedBy: string;
  now: Date;
}

/**
 * The working-day calendar read through the caller's transaction (on PGlite a query on ctx.db inside a
 * transaction never returns): the library's years merged with those the administrator entered.
 */
async function calendarIn(q: Queryable): Promise<CalendarData> {
  const rows = await q.select().from(calendarYears);
  return mergeCalendar(
    libraryCalendar(),
    rows.map((r) => ({ year: r.year, holidays: r.holidays as string[], workdays: r.workdays as string[] })),
  );
}

/** Puts the application on today's pre-review list of its plan (created on first use); returns the period. */
export async function publishPreReview(
  tx: Tx,
  args: PublishArgs,
): Promise<{ listId: string; start: string; end: string; provisional: boolean; messages: InboxMessage[] }> {
  const { app, plan, officeOrgId, now } = args;
  const start = shanghaiDate(now);
  let end: ReturnType<typeof publicityEnd>;
  try {
    // seed 001 一(一): 5 working days — the plan's committeeWorkingDays; a year without an entered schedule is provisional
    end = publicityEnd(await calendarIn(tx), start, plan.publicity.committeeWorkingDays);
  } catch (e) {
    if (e instanceof UnknownCalendarYearError) fail('STATE', e.message);
    throw e;
  }
  // one list per plan, office and day: a batch published item by item lands in one list (publicity_lists_day_uq)
  await tx
    .insert(publicityLists)
    .values({
      kind: 'preReview',
      planId: app.planId,
      orgId: officeOrgId,
      title: preReviewListTitle(plan.name),
      startDate: start,
      endDate: end.date,
      endProvisional: end.provisional,
      publishedBy: args.publishedBy,
      publishedAt: now,
    })
    .onConflictDoNothing();
  const [list] = await tx
    .select({ id: publicityLists.id, endDate: publicityLists.endDate, endProvisional: publicityLists.endProvisional })
    .from(publicityLists)
    .where(
      and(
        eq(publicityLists.kind, 'preReview'),
        eq(publicityLists.planId, app.planId),
        eq(publicityLists.orgId, officeOrgId),
        eq(publicityLists.startDate, start),
      ),
    );
  if (!list) throw new Error('pre-review list vanished after its insert');
  const [employer] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, app.employerId));
  const entry = publicEntry(
    { name: args.applicantName, employerName: employer?.name ?? '', specialtyCode: app.specialtyCode, level: app.level, mode: app.mode },
    plan,
  );
  await tx
    .insert(publicityEntries)
    .values({
      listId: list.id,
      applicationId: app.id,
      seq: sql`(select coalesce(max(${publicityEntries.seq}), 0) + 1 from ${publicityEntries} where ${publicityEntries.listId} = ${list.id})`,
      ...entry,
    })
    // published again on the same day after a return and resubmission: back on the list, as it is now
    .onConflictDoUpdate({
      target: [publicityEntries.listId, publicityEntries.applicationId],
      set: { ...entry, withdrawnAt: null },
    });
  const messages = list.endProvisional ? await scheduleReminders(tx, end.provisionalYears) : [];
  return { listId: list.id, start, end: list.endDate, provisional: list.endProvisional, messages };
}

/** The application's latest pre-review list (a resubmitted application may have been published twice). */
async function latestPreReviewList(q: Queryable, applicationId: string) {
  const [row] = await q
    .select({
      id: publicityLists.id,
      startDate: publicityLists.startDate,
      endDate: publicityLists.endDate,
      provisional: publicityLists.endProvisional,
    })
    .from(publicityEntries)
    .innerJoin(publicityLists, eq(publicityLists.id, publicityEntries.listId))
    .where(and(eq(publicityEntries.applicationId, applicationId), eq(publicityLists.kind, 'preReview')))
    .orderBy(desc(publicityLists.startDate))
    .limit(1);
  return row ?? null;
}

/** Why the pre-review period has not ended for the application, or null when it has. */
export async function preReviewNotEnded(tx: Tx, applicationId: string, today: string): Promise<string | null> {
  const list = await latestPreReviewList(tx, applicationId);
  if (!list) return '尚未发布评前公示，请先发布评前公示，公示期满后再提交评审';
  if (today <= list.endDate)
    return `评前公示期为 ${list.startDate} 至 ${list.endDate}${list.provisional ? `（${provisionalEndNote(list.endDate)}）` : ''}，公示期满后方可提交评审`;
  return null;
}

/**
 * Takes the application off every list it is on: the office returned it or cancelled its review (取消评审资格), so
 * the public no longer sees it and no objection can be lodged against it. Objections already lodged stay with it.
 */
export function withdrawFromPublicity(tx: Tx, applicationId: string, now: Date) {
  return tx
    .update(publicityEntries)
    .set({ withdrawnAt: now })
    .where(and(eq(publicityEntries.applicationId, applicationId), isNull(publicityEntries.withdrawnAt)));
}

/** Whether the application has an objection not yet handled. */
export async function pendingObjectionCount(tx: Tx, applicationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(objections)
    .where(and(eq(objections.applicationId, applicationId), eq(objections.status, 'pending')));
  return Number(row?.n ?? 0);
}

export interface HandleObjectionArgs {
  applicationId: string;
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  handling: string;
  handledBy: string;
  now: Date;
}

/** Records how the office handled an objection; the caller writes the timeline event and the audit row. */
export async function handleObjection(tx: Tx, args: HandleObjectionArgs): Promise<{ content: string }> {
  const [o] = await tx
    .select({ id: objections.id, status: objections.status, content: objections.content })
    .from(objections)
    .where(and(eq(objections.id, args.objectionId), eq(objections.applicationId, args.applicationId)))
    .for('update');
  if (!o) fail('NOT_FOUND', '未找到该申报的这条异议，请刷新后从待处理异议中选择');
  if (o.status !== 'pending') fail('CONFLICT', '该异议已处理过，请刷新后查看处理结果');
  const handling = args.handling.trim();
  if (handling.length < 2) fail('VALIDATION', '请填写处理情况（核实经过与结论）', { handling: '必填' });
  await tx
    .update(objections)
    .set({ status: args.outcome, handling, handledBy: args.handledBy, handledAt: args.now })
    .where(eq(objections.id, o.id));
  return { content: o.content };
}
