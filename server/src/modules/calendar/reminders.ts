/**
 * The province administrator's reminders about years whose official schedule is not entered (issue 9 item 2):
 * an inbox message the first time a date in such a year is computed provisionally, and the status the
 * calendar and home pages show (yearsAwaitingSchedule: from 1 December of the year before).
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { yearsAwaitingSchedule, type CalendarData } from '@zc/domain';
import { applications, notifications, organizations, regions, users } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import type { InboxMessage } from '../../platform/notifications/notify';

export const CALENDAR_PAGE = '/admin/calendar';

export function reminderTitle(year: number): string {
  return `${year} 年放假调休安排尚未录入`;
}

function reminderBody(year: number): string {
  return (
    `已有公示截止日落在 ${year} 年，目前按《全国年节及纪念日放假办法》暂定计算（周末和法定节假日，未含调休）。` +
    `国务院办公厅公布 ${year} 年放假安排后，请在"工作日历"中录入，未结束的公示期将按正式安排重新计算。`
  );
}

async function provinceAdministrators(q: Queryable): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), eq(regions.level, 'province')));
  return rows.map((r) => r.id);
}

/** Inbox messages for the province administrators about `years`, each year once per administrator. */
export async function scheduleReminders(q: Queryable, years: number[]): Promise<InboxMessage[]> {
  if (years.length === 0) return [];
  const admins = await provinceAdministrators(q);
  if (admins.length === 0) return [];
  const sent = await q
    .select({ userId: notifications.userId, title: notifications.title })
    .from(notifications)
    .where(and(inArray(notifications.userId, admins), inArray(notifications.title, years.map(reminderTitle))));
  const done = new Set(sent.map((s) => `${s.userId}|${s.title}`));
  return years.flatMap((year) =>
    admins
      .filter((userId) => !done.has(`${userId}|${reminderTitle(year)}`))
      .map((userId) => ({ userId, title: reminderTitle(year), body: reminderBody(year), link: CALENDAR_PAGE })),
  );
}

export interface AwaitingYear {
  year: number;
  /** open employer publicity periods whose end in this year is provisional */
  openPublicity: number;
}

/** The years the province administrator should enter now: by the date, or because open publicity depends on them. */
export async function awaitingSchedule(q: Queryable, cal: CalendarData, today: string): Promise<AwaitingYear[]> {
  const open = await q
    .select({ year: sql<number>`cast(substr(${applications.publicityEnd}, 1, 4) as integer)`, n: count() })
    .from(applications)
    .where(and(eq(applications.status, 'employerPublicity'), eq(applications.publicityEndProvisional, true)))
    .groupBy(sql`1`);
  const byYear = new Map(open.map((o) => [Number(o.year), Number(o.n)]));
  const years = new Set([...yearsAwaitingSchedule(cal, today), ...[...byYear.keys()].filter((y) => !cal.knownYears.has(y))]);
  return [...years].sort().map((year) => ({ year, openPublicity: byYear.get(year) ?? 0 }));
}
