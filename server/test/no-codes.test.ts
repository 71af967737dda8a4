/**
 * Issue 9 item 6, "no codes where words belong": the employer's publicity .xlsx carries 高级工程师 and
 * 正常申报 (not `senior` and `normal`); the SMS outbox names the template (申报进度通知, not
 * `applicationStatus`); the audit log names the object (评审计划 2026…, 职称申报 张*（…）, not
 * `plan d2f138e2`) and the action in words, with the id still there for investigators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { LABELS } from '@zc/domain';
import { applications, plans, users } from '../src/platform/db/schema';
import { writeAudit } from '../src/platform/audit/audit';
import { notify } from '../src/platform/notifications/notify';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-data';
import { dbKind, seedBoundApplicant, startDemoRoundApp, type TestEnv } from './helper';

let env: TestEnv;
let planId: string;
let planName: string;

/** every code of every vocabulary the domain labels (senior, normal, applicationStatus …) */
const CODES = new Set(Object.values(LABELS).flatMap((m) => Object.keys(m)));
const HEX_REF = /\b(plan|application|user|organization|binding|file|notice|archiveEntry) [0-9a-f]{8}\b/;

beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.id, planId));
  planName = p!.name;
});
afterAll(async () => env?.close());

/** An application of a fresh 淳安 applicant at its employer's publicity, as 高级工程师 by 正常申报. */
async function atPublicity() {
  const a = await seedBoundApplicant(env, '330127');
  const id = (await a.client.post('/api/v1/applications', { planId })).json().id as string;
  await env.ctx.db
    .update(applications)
    .set({
      status: 'employerPublicity',
      level: 'senior',
      mode: 'normal',
      submittedAt: env.clock.now,
      currentOrgIds: [a.employer.org.id],
    })
    .where(eq(applications.id, id));
  return { id, applicant: a, employer: await env.client().login(a.employer.username) };
}

describe(`no codes where words belong (${dbKind})`, () => {
  it('the publicity .xlsx has 高级工程师 and 正常申报, and no cell holds a code', async () => {
    const { id, employer } = await atPublicity();
    const res = await employer.get(`/api/v1/applications/${id}/publicity.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    const header = cells.indexOf('申报级别');
    expect(header).toBeGreaterThan(0);
    expect(cells).toContain('高级工程师');
    expect(cells.some((c) => c === '正常申报' || c.includes('正常'))).toBe(true);
    expect(cells.filter((c) => CODES.has(c.trim()))).toEqual([]);
    expect(cells.filter((c) => /\b(senior|normal|intermediate|professor)\b/.test(c))).toEqual([]);
  });

  it('the SMS outbox names the template in words', async () => {
    const { applicant } = await atPublicity();
    const [u] = await env.ctx.db.select().from(users).where(eq(users.id, applicant.userId));
    await notify(env.ctx.db, [
      { userId: u!.id, title: '申报被退回修改', body: '请补充材料后重新提交', sms: { mobile: u!.mobile, template: 'applicationStatus' } },
    ]);
    const admin = await env.client().login('admin', DEMO_PASSWORD);
    const list = (await admin.get('/api/v1/admin/sms-outbox?pageSize=100')).json();
    const msg = list.items.find((m: { template: string }) => m.template === 'applicationStatus');
    expect(msg).toMatchObject({ templateLabel: '申报进度通知', statusLabel: '待发送' });
    expect(msg.body).toContain('申报被退回修改');
    for (const m of list.items) expect(m.templateLabel, m.template).not.toBe(m.template);
  });

  it('the audit log names each object and action in words, with the id kept', async () => {
    const { id, applicant } = await atPublicity();
    const audit = { actorUserId: applicant.userId, actorRole: 'applicant', actorOrgId: null, ip: '127.0.0.1' };
    await writeAudit(env.ctx.db, audit, { action: 'plan.updated', targetType: 'plan', targetId: planId });
    await writeAudit(env.ctx.db, audit, {
      action: 'application.transition',
      targetType: 'application',
      targetId: id,
      before: { status: 'submitted', step: -1 },
      after: { status: 'employerPublicity', step: -1, action: 'employerApprove', reason: null },
    });
    await writeAudit(env.ctx.db, audit, { action: 'calendar.entered', targetType: 'calendar', targetId: '2026' });
    // an object that no longer exists, and an id that is not a uuid: still words, no error
    await writeAudit(env.ctx.db, audit, { action: 'file.read', targetType: 'file', targetId: '00000000-0000-4000-8000-000000000000' });
    await writeAudit(env.ctx.db, audit, { action: 'notice.published', targetType: 'notice', targetId: 'not-a-uuid' });

    const admin = await env.client().login('admin', DEMO_PASSWORD);
    const res = await admin.get('/api/v1/audit-events?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    type Ev = {
      action: string;
      actionLabel: string;
      targetType: string;
      targetLabel: string;
      targetName: string | null;
      targetId: string;
      actorRoleLabel: string | null;
    };
    const items = res.json().items as Ev[];
    const byTarget = (t: string, tid: string) => items.filter((e) => e.targetType === t && e.targetId === tid);

    const plan = byTarget('plan', planId)[0]!;
    expect(plan).toMatchObject({ targetLabel: '评审计划', targetName: planName, actionLabel: '修改评审计划', actorRoleLabel: '申报人' });

    const app = byTarget('application', id);
    expect(app.map((e) => e.targetLabel)).toEqual(['职称申报', '职称申报']);
    expect(app[0]!.targetName).toBe(`测**（${planName}）`); // 测试人, masked
    expect(app.map((e) => e.actionLabel)).toContain('申报流转：通过并公示');
    expect(app.map((e) => e.actionLabel)).toContain('开始申报');

    expect(byTarget('calendar', '2026')[0]).toMatchObject({ targetLabel: '工作日历', targetName: '2026 年' });
    expect(byTarget('file', '00000000-0000-4000-8000-000000000000')[0]).toMatchObject({ targetLabel: '文件', targetName: null });
    expect(byTarget('notice', 'not-a-uuid')[0]).toMatchObject({ targetLabel: '通知公告', targetName: null });

    for (const e of items) {
      expect(e.targetLabel, e.targetType).not.toBe(e.targetType);
      expect(e.actionLabel, e.action).not.toBe(e.action);
      expect(`${e.targetLabel} ${e.targetName ?? ''} ${e.actionLabel}`).not.toMatch(HEX_REF);
    }
  });
});
