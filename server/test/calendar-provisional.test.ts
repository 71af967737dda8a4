/**
 * Issue 9 item 2, the calendar never blocks work: from 2026-12-28 the demo round's 通过并公示 reaches 2027, a
 * year neither chinese-days nor the administrator knows. The end date is computed provisionally from
 * 《全国年节及纪念日放假办法》, stored and shown as such, the province administrator is reminded, forwarding against
 * it is allowed and recorded, and entering 2027 recomputes the open publicity periods.
 */
import { submittedApplication } from './application-walk';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { provisionalYear, qingmingDate } from '@zc/domain';
import { applicationEvents, applications, auditEvents, notifications, plans, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoData } from '../src/modules/demo/demo-data';
import { seedPlans } from '../src/modules/plans/seed-plans';
import { DEMO_ROUND_KEY, seedDemoRound } from '../src/modules/demo/demo-round';
import { chineseDaysLunar } from '../src/modules/calendar/lunar';
import { scheduleReminders } from '../src/modules/calendar/reminders';
import { dbKind, seedOfficer, startTestApp, type TestClient, type TestEnv } from './helper';

const require = createRequire(import.meta.url);
const library = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
const chineseDays = require('chinese-days') as { getSolarTermDate: (y: number, m: number, term: string) => string };

describe('the statutory days against the official schedules chinese-days ships (2008–2026)', () => {
  /** a day off in the official schedule: a listed holiday, or a weekend that was not swapped into a working day */
  const off = (d: string) => !!library.holidays[d] || ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && !library.workdays[d]);

  it('every statutory day of the revision in force is off, for every year since 清明、端午、中秋 became holidays', () => {
    for (let year = 2008; year <= 2026; year += 1) {
      const y = provisionalYear(year, chineseDaysLunar);
      expect(
        y.statutory.filter((s) => !off(s.date)),
        String(year),
      ).toEqual([]);
    }
  });

  it('第六条 make-up days fall on official days off too, but where a schedule placed them otherwise', () => {
    // 2012 made 端午 (a Saturday) up on the Friday before; 2015 made 中秋 (a Sunday) up inside the National Day week
    for (let year = 2008; year <= 2026; year += 1) {
      if (year === 2012 || year === 2015) continue;
      expect(
        provisionalYear(year, chineseDaysLunar).makeUp.filter((s) => !off(s.date)),
        String(year),
      ).toEqual([]);
    }
  });

  it.skipIf(new Date(2027, 0, 1).getTimezoneOffset() > 0)("清明 by the domain's formula is chinese-days' solar term, 2004–2099", () => {
    // (chinese-days formats the term in local time: west of UTC it slips a day, hence the guard)
    for (let year = 2004; year <= 2099; year += 1)
      expect(qingmingDate(year), String(year)).toBe(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
  });
});

let env: TestEnv;
let planId: string;
let zhangId: string;

beforeAll(async () => {
  env = await startTestApp();
  // the round seeded on 2026-12-03 as `npm start` did: personal deadline 12-24, employer deadline 2027-01-14
  env.clock.now = new Date('2026-12-03T02:00:00Z');
  await seedDemoData(env.ctx.db, env.ctx.pii);
  await seedPlans(env.ctx.db, env.clock.now);
  await seedDemoRound(env.ctx.db, env.clock.now);
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.key, DEMO_ROUND_KEY));
  const [u] = await env.ctx.db
    .select()
    .from(users)
    .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', DEMO_PEOPLE.zhangWei.idNumber)));
  planId = p!.id;
  zhangId = u!.id;
});
afterAll(async () => env?.close());

const login = (u: string) => env.client().login(u, DEMO_PASSWORD);
const at = (iso: string) => (env.clock.now = new Date(iso));

async function submit(zhang: TestClient): Promise<string> {
  return (await submittedApplication(env, planId, zhangId, zhang)).id;
}

describe(`a publicity reaching a year without an entered schedule (${dbKind})`, () => {
  let id: string;
  let admin: TestClient;
  let adminName: string;
  let otherId: string;

  it('通过并公示 on 2026-12-28 succeeds: the end 2027-01-04 is stored and shown as provisional', async () => {
    id = await submit(await login(DEMO_PEOPLE.zhangWei.idNumber));
    at('2026-12-28T02:00:00Z');
    admin = await env.client().login((adminName = (await seedOfficer(env.ctx, 'administration', '330000')).username));
    const unit = await login('qdhsw');
    const res = await unit.post(`/api/v1/applications/${id}/actions/employerApprove`, { opinion: '同意推荐' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await unit.get(`/api/v1/applications/${id}`)).json();
    // 12-28..12-31 are 4 working days; 2027-01-01 元旦 (《办法》第二条), then the weekend: the fifth is Monday 01-04
    expect(detail).toMatchObject({ publicityStart: '2026-12-28', publicityEnd: '2027-01-04', publicityEndProvisional: true });
    const queue = (await unit.get('/api/v1/review/queue')).json();
    expect(queue.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      publicityEnd: '2027-01-04',
      publicityEndProvisional: true,
    });
    const [told] = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, zhangId), eq(notifications.title, '单位审核通过')));
    expect(told!.body).toContain('2027-01-04（暂定，待录入 2027 年放假安排后确定）');
    const events = await env.ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events.find((e) => e.action === 'employerApprove')!.label).toContain('暂定');
  });

  it('the province administrators are reminded once, in the inbox and on the calendar status', async () => {
    const adminIds = (await env.ctx.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'))).map((u) => u.id);
    const reminders = await env.ctx.db.select().from(notifications).where(eq(notifications.title, '2027 年放假调休安排尚未录入'));
    expect(reminders.length).toBeGreaterThanOrEqual(2); // the demo 省平台管理员 and the test's province administrator
    expect(reminders.every((r) => adminIds.includes(r.userId) && r.link === '/admin/calendar')).toBe(true);
    // a city administrator is not told: the province enters the schedule
    const [jx] = await env.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'jxadmin'));
    expect(reminders.some((r) => r.userId === jx!.id)).toBe(false);
    expect(await scheduleReminders(env.ctx.db, [2027])).toEqual([]);
    const status = (await admin.get('/api/v1/calendar/status')).json();
    expect(status.awaiting).toEqual([{ year: 2027, openPublicity: 1 }]);
    const end = (await admin.get('/api/v1/calendar/publicity-end?start=2026-12-28&days=5')).json();
    expect(end).toMatchObject({ end: '2027-01-04', provisional: true, provisionalYears: [2027] });
  });

  it('forwarding waits for the provisional end, then is allowed and recorded as resting on it', async () => {
    at('2027-01-04T02:00:00Z');
    const unit = await login('qdhsw');
    const early = await unit.post(`/api/v1/applications/${id}/actions/employerForward`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('公示期至 2027-01-04（暂定，待录入 2027 年放假安排后确定） 结束，公示期满后方可报送');
    at('2027-01-05T02:00:00Z');
    const ok = await (await login('qdhsw')).post(`/api/v1/applications/${id}/actions/employerForward`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    const events = await env.ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events.find((e) => e.action === 'employerForward')!.label).toBe(
      '报送主管部门（按暂定公示截止日 2027-01-04 报送，该日期尚未按正式放假安排确定）',
    );
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'application.transition')));
    const forward = audit.find((a) => (a.after as { action?: string }).action === 'employerForward')!;
    expect(forward.after).toMatchObject({ publicityEnd: '2027-01-04', publicityEndProvisional: true });
  });

  it('entering 2027 recomputes the open publicity periods from their start and makes them final', async () => {
    // a second application still in its publicity (started the same day, same employer)
    const [zhangApp] = await env.ctx.db.select().from(applications).where(eq(applications.id, id));
    const [other] = await env.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'applicant')))
      .limit(2)
      .then((rows) => rows.filter((r) => r.id !== zhangId));
    const [row] = await env.ctx.db
      .insert(applications)
      .values({
        applicantId: other!.id,
        planId,
        employerId: zhangApp!.employerId,
        regionPath: zhangApp!.regionPath,
        status: 'employerPublicity',
        publicityStart: '2026-12-28',
        publicityEnd: '2027-01-04',
        publicityEndProvisional: true,
      })
      .returning({ id: applications.id });
    otherId = row!.id;
    admin = await env.client().login(adminName);
    // an official schedule in which 元旦 runs to Monday 01-04 (a made-up example; the real one comes from the notice)
    const put = await admin.put('/api/v1/calendar/years/2027', { holidays: ['2027-01-01', '2027-01-04'], workdays: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().recomputed).toEqual([{ id: otherId, before: '2027-01-04', after: '2027-01-05', provisional: false }]);
    const [after] = await env.ctx.db.select().from(applications).where(eq(applications.id, otherId));
    expect(after).toMatchObject({ publicityEnd: '2027-01-05', publicityEndProvisional: false });
    // the forwarded one keeps its record
    const [forwarded] = await env.ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(forwarded).toMatchObject({ publicityEnd: '2027-01-04', publicityEndProvisional: true });
    const [event] = await env.ctx.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, otherId));
    expect(event).toMatchObject({
      action: 'publicityRecomputed',
      opinion: '2027 年放假调休安排已录入，公示截止日由 2027-01-04（暂定）改为 2027-01-05',
    });
    const [audited] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, otherId), eq(auditEvents.action, 'application.publicityRecomputed')));
    expect(audited!.after).toMatchObject({ publicityEnd: '2027-01-05', publicityEndProvisional: false });
    const told = await env.ctx.db.select().from(notifications).where(eq(notifications.title, '公示截止日已确定'));
    expect(told.map((n) => n.userId)).toContain(other!.id);
    expect(told.length).toBeGreaterThanOrEqual(2); // the applicant and the employer's operator
    expect((await admin.get('/api/v1/calendar/status')).json().awaiting).toEqual([]);
  });
});
