import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnknownCalendarYearError, mergeCalendar, publicityEnd, shanghaiDate, workingDaysBetween, zDate } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { calendarYears } from '../../platform/db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { calendarFor, invalidateCalendar, libraryCalendar } from './service';
import { awaitingSchedule } from './reminders';
import { recomputeProvisionalPublicity, type Recomputed } from './recompute';

const tags = ['工作日历'];
// a date that exists: start=2026-00-10 is a 400 with a Chinese message (issue 8 item 4)
const day = zDate();

export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        summary: '已知放假安排的年度',
        response: { 200: z.object({ library: z.array(z.number()), entered: z.array(z.number()) }) },
      },
    },
    async () => {
      const entered = await ctx.db.select({ year: calendarYears.year }).from(calendarYears);
      return { library: [...libraryCalendar().knownYears].sort(), entered: entered.map((e) => e.year).sort() };
    },
  );

  app.get(
    '/calendar/publicity-end',
    {
      schema: {
        tags,
        summary: '公示截止日（N 个工作日）',
        querystring: z.object({ start: day, days: z.coerce.number().int().min(1).max(60) }),
        response: {
          200: z.object({ start: day, days: z.number(), end: day, provisional: z.boolean(), provisionalYears: z.array(z.number()) }),
          409: z.object({ code: z.string(), message: z.string() }),
        },
      },
    },
    async (req) => {
      try {
        const end = publicityEnd(await calendarFor(ctx.db), req.query.start, req.query.days);
        return {
          start: req.query.start,
          days: req.query.days,
          end: end.date,
          provisional: end.provisional,
          provisionalYears: end.provisionalYears,
        };
      } catch (e) {
        if (e instanceof UnknownCalendarYearError) fail('STATE', e.message);
        throw e;
      }
    },
  );

  app.get(
    '/calendar/status',
    {
      schema: {
        tags,
        summary: '待录入放假安排的年度（暂定计算中）',
        response: {
          200: z.object({
            awaiting: z.array(z.object({ year: z.number(), openPublicity: z.number() })),
            reminderFrom: z.string(),
          }),
        },
      },
    },
    async (req) => {
      requireAuth(req, ['admin']);
      const awaiting = await awaitingSchedule(ctx.db, await calendarFor(ctx.db), shanghaiDate(ctx.now()));
      return { awaiting, reminderFrom: '每年 12 月 1 日起提醒录入下一年度' };
    },
  );

  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入某年度的放假调休安排（省级管理员）',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({ holidays: z.array(day).max(60), workdays: z.array(day).max(20) }),
        response: {
          200: z.object({
            year: z.number(),
            workingDaysInYear: z.number(),
            /** open publicity periods whose provisional end was recomputed on the entered schedule */
            recomputed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string(), provisional: z.boolean() })),
          }),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['admin']);
      if (auth.actor.regionLevel !== 'province') fail('FORBIDDEN', '放假调休安排由省级管理员录入');
      const { year } = req.params;
      const wrong = [...req.body.holidays, ...req.body.workdays].find((d) => Number(d.slice(0, 4)) !== year);
      if (wrong) fail('VALIDATION', `日期 ${wrong} 不属于 ${year} 年`);
      let recomputed: Recomputed[] = [];
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(calendarYears)
          .values({ year, holidays: req.body.holidays, workdays: req.body.workdays, enteredBy: auth.user.id })
          .onConflictDoUpdate({
            target: calendarYears.year,
            set: { holidays: req.body.holidays, workdays: req.body.workdays, enteredBy: auth.user.id, enteredAt: ctx.now() },
          });
        await writeAudit(tx, auditContextOf(req), {
          action: 'calendar.entered',
          targetType: 'calendar',
          targetId: String(year),
          after: req.body,
        });
        // the calendar with this entry, read in the transaction (the cached one does not have it yet)
        const rows = await tx.select().from(calendarYears);
        const cal = mergeCalendar(
          libraryCalendar(),
          rows.map((r) => ({ year: r.year, holidays: r.holidays as string[], workdays: r.workdays as string[] })),
        );
        recomputed = await recomputeProvisionalPublicity(
          tx,
          cal,
          year,
          { userId: auth.user.id, orgName: auth.user.orgName ?? auth.user.realName },
          auditContextOf(req),
          ctx.now(),
        );
      });
      invalidateCalendar(ctx.db);
      return { year, workingDaysInYear: workingDaysBetween(await calendarFor(ctx.db), `${year}-01-01`, `${year}-12-31`), recomputed };
    },
  );
};
