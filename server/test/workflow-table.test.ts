/**
 * Issue 10, "the workflow table becomes the only source of behaviour": every action of the table has one
 * handler and every guard one check (a table action without a handler fails here, and does not compile); the
 * committee office's qualification review (资格审查, SPEC §7) on the demo round: its queue, 通过 with the checks
 * it records (QUALIFICATION_CHECKS) on the timeline, 退回修改 to the applicant and back up the same chain, 不通过;
 * a department or another plan's office cannot act; an unknown action is a 400 in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { QUALIFICATION_CHECKS, WORKFLOW_ACTIONS, WORKFLOW_BRANCHES, WORKFLOW_GUARDS } from '@zc/domain';
import { applicationEvents, applicationSteps, archiveEntries, notifications, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { HANDLERS } from '../src/modules/applications/transitions/handlers';
import { BRANCHES, GUARDS } from '../src/modules/applications/transitions/guards';
import { dbKind, startDemoRoundApp, type TestClient, type TestEnv } from './helper';
import { forwardToOffice, submittedApplication } from './application-walk';

describe('the table and the server agree', () => {
  it('HANDLERS has exactly the actions of the table, GUARDS its guards, BRANCHES its branches', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
    expect(Object.keys(GUARDS).sort()).toEqual(Object.keys(WORKFLOW_GUARDS).sort());
    expect(Object.keys(BRANCHES).sort()).toEqual(Object.keys(WORKFLOW_BRANCHES).sort());
  });
});

let env: TestEnv;
let planId: string;
let zhangId: string;
let id: string;

beforeAll(async () => {
  ({ env, planId, zhangId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

const login = (u: string) => env.client().login(u, DEMO_PASSWORD);
const detail = async (c: TestClient) => (await c.get(`/api/v1/applications/${id}`)).json();
const titlesOf = async (username: string) => {
  const [u] = await env.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return titlesOfUser(u!.id);
};
const titlesOfUser = async (userId: string) =>
  (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.title);
const allChecks = Object.fromEntries(QUALIFICATION_CHECKS.map((c) => [c.key, true]));

describe(`the committee office's qualification review (${dbKind})`, () => {
  it('forwarded by the last department, the application is in the office’s queue with its three buttons', async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    ({ id } = await submittedApplication(env, planId, zhangId, zhang));
    await forwardToOffice(env, id);
    const office = await login('zsia');
    const queue = (await office.get('/api/v1/review/queue?status=atCommittee')).json();
    expect(queue.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'atCommittee', statusLabel: '待资格审查' });
    expect((await detail(office)).allowed).toEqual([
      { action: 'qualifyApprove', label: '资格审查通过', needsReason: false, tone: 'primary', input: 'qualificationChecks' },
      { action: 'officeReturn', label: '退回修改', needsReason: true, tone: 'danger', input: null },
      { action: 'officeReject', label: '资格审查不通过', needsReason: true, tone: 'danger', input: null },
    ]);
    // the office's officers were told when it arrived
    expect(await titlesOf('zsia')).toContain('新的申报材料已报送评委会');
  });

  it('an unknown action is a 400 in Chinese; a department cannot take the office’s action; another plan’s office sees nothing', async () => {
    const office = await login('zsia');
    const unknown = await office.post(`/api/v1/applications/${id}/actions/approveEverything`, {});
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('未知的操作');
    // a batch of an action the queue does not batch
    expect((await office.post('/api/v1/review/batch', { ids: [id], action: 'withdraw' })).statusCode).toBe(400);
    // the city bureau that sent it on still sees it, but it is no longer its to act on
    const city = await login('hzjx');
    expect((await city.get(`/api/v1/applications/${id}`)).statusCode).toBe(200);
    const dept = await city.post(`/api/v1/applications/${id}/actions/qualifyApprove`, { checks: allChecks });
    expect([403, 409]).toContain(dept.statusCode);
    expect((await detail(city)).allowed).toEqual([]);
    // the office of the 经信厅's plans (seed 001) is not on this application's chain
    const other = await login('jxtgpw');
    expect((await other.get(`/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/applications/${id}/actions/qualifyApprove`, { checks: allChecks })).statusCode).toBe(404);
    expect((await other.post('/api/v1/review/batch', { ids: [id], action: 'officeReject', reason: '不符合' })).json()).toEqual([
      { id, ok: false, message: '记录不存在或已被删除' },
    ]);
    expect((await other.get('/api/v1/review/queue')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await detail(office)).status).toBe('atCommittee');
  });

  it('资格审查通过 records the opinion and the checks on the office’s step; the timeline shows it; the applicant is told', async () => {
    const office = await login('zsia');
    // a department's check is not one the office records
    const wrong = await office.post(`/api/v1/applications/${id}/actions/qualifyApprove`, { checks: { education: true } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('审查事项不正确');
    const res = await office.post('/api/v1/review/batch', {
      ids: [id],
      action: 'qualifyApprove',
      opinion: '申报专业对口，材料齐全',
      checks: allChecks,
    });
    expect(res.json()).toEqual([{ id, ok: true, message: '成功' }]);
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const d = await detail(zhang);
    expect(d).toMatchObject({ status: 'qualified', statusLabel: '资格审查通过' });
    const step = d.steps.at(-1);
    expect(step).toMatchObject({ kind: 'committeeOffice', status: 'approved', checks: null, qualificationChecks: allChecks });
    expect(step.opinion).toContain('申报专业对口，材料齐全');
    expect(d.events.at(-1)).toMatchObject({ label: '资格审查通过', toStatus: 'qualified', opinion: '申报专业对口，材料齐全' });
    expect(await titlesOfUser(zhangId)).toContain('资格审查通过');
    // the office's next buttons
    expect((await detail(office)).allowed.map((a: { action: string }) => a.action)).toEqual([
      'publishPrePublicity',
      'officeReturn',
      'officeReject',
    ]);
  });

  it('退回修改 needs a reason; then the applicant is told what to fix, the employer and the last department too; entries unfreeze', async () => {
    const office = await login('zsia');
    const bare = await office.post(`/api/v1/applications/${id}/actions/officeReturn`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('请填写意见或原因');
    const reason = '继续教育学时证明不清晰，请重新上传';
    const ret = await office.post(`/api/v1/applications/${id}/actions/officeReturn`, { reason });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().status).toBe('returned');
    const told = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, zhangId));
    expect(told.some((m) => m.title === '申报被退回修改' && m.body.includes(reason))).toBe(true);
    expect(await titlesOf('qdhsw')).toContain('申报被上级退回');
    expect(await titlesOf('hzjx')).toContain('申报被上级退回');
    // the county, two levels down, is not told by the office
    expect(await titlesOf('cahr')).not.toContain('申报被上级退回');
    const entries = await env.ctx.db.select().from(archiveEntries).where(eq(archiveEntries.applicantId, zhangId));
    expect(entries.every((e) => e.frozenAt === null)).toBe(true);
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const d = await detail(zhang);
    expect(d.events.at(-1)).toMatchObject({ label: '退回修改', toStatus: 'returned', opinion: reason });
    expect(d.steps.at(-1)).toMatchObject({ status: 'returned', opinion: reason });
  });

  it('the resubmission climbs the same chain back to the office, which can then refuse it (不通过, with a reason)', async () => {
    const zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    expect((await zhang.post(`/api/v1/applications/${id}/actions/submit`, {})).statusCode).toBe(200);
    await forwardToOffice(env, id);
    const steps = await env.ctx.db.select().from(applicationSteps).where(eq(applicationSteps.applicationId, id));
    expect(steps.sort((a, b) => a.seq - b.seq).map((s) => [s.kind, s.status])).toEqual([
      ['countyHr', 'forwarded'],
      ['cityEconomyOrHr', 'forwarded'],
      ['committeeOffice', 'pending'],
    ]);
    const office = await login('zsia');
    expect((await office.get('/api/v1/review/queue')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await office.post(`/api/v1/applications/${id}/actions/officeReject`, { reason: '' })).statusCode).toBe(400);
    const rej = await office.post(`/api/v1/applications/${id}/actions/officeReject`, { reason: '申报专业不属本评委会评审范围' });
    expect(rej.statusCode, rej.body).toBe(200);
    expect(rej.json().status).toBe('rejected');
    const d = await detail(zhang);
    expect(d).toMatchObject({ status: 'rejected', allowed: [] });
    expect(d.steps.at(-1)).toMatchObject({ status: 'rejected', opinion: '申报专业不属本评委会评审范围' });
    const events = await env.ctx.db
      .select({ action: applicationEvents.action })
      .from(applicationEvents)
      .where(
        and(eq(applicationEvents.applicationId, id), inArray(applicationEvents.action, ['qualifyApprove', 'officeReturn', 'officeReject'])),
      );
    expect(events.map((e) => e.action).sort()).toEqual(['officeReject', 'officeReturn', 'qualifyApprove']);
    // nothing further: the office's queue no longer holds it
    expect((await office.get('/api/v1/review/queue')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });
});
