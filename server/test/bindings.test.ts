import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, employmentBindings, notifications, smsOutbox } from '../src/platform/db/schema';
import { dbKind, registerApplicant, seedApprovedEmployer, seedProfiledApplicant, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

describe(`binding an applicant to an employer (${dbKind}; seed 003 附件2.2)`, () => {
  it('search → request → the employer approves → the applicant is bound and told so', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127', { name: '淳安县绑定测试水务有限公司' });
    const a = await seedProfiledApplicant(env);
    const found = (await a.client.get(`/api/v1/employers/search?keyword=${encodeURIComponent('绑定测试')}`)).json();
    expect(found).toEqual([{ id: emp.org.id, name: '淳安县绑定测试水务有限公司', regionName: '淳安县' }]);
    const req = await a.client.post('/api/v1/bindings', { employerId: emp.org.id });
    expect(req.statusCode).toBe(201);
    const bindingId = req.json().id;

    const unit = await env.client().login(emp.username);
    expect((await unit.get('/api/v1/home')).json().pending).toContainEqual(expect.objectContaining({ key: 'bindings', count: 1 }));
    const queue = (await unit.get('/api/v1/bindings?status=pending')).json();
    expect(queue.total).toBe(1);
    expect(queue.items[0].idNumberMasked).toContain('*');
    expect(queue.items[0].idNumberMasked).not.toBe(a.idNumber);
    expect((await unit.post(`/api/v1/bindings/${bindingId}/approve`, {})).statusCode).toBe(200);

    const mine = (await a.client.get('/api/v1/me/bindings')).json();
    expect(mine[0]).toMatchObject({ employerId: emp.org.id, status: 'approved', statusLabel: '已绑定' });
    const inbox = (await a.client.get('/api/v1/notifications')).json();
    expect(inbox[0].title).toBe('单位绑定成功');
    expect((await a.client.get('/api/v1/home')).json().pending.map((p: { key: string }) => p.key)).not.toContain('binding');
    const audit = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, bindingId));
    expect(audit.map((x) => x.action).sort()).toEqual(['binding.approved', 'binding.requested']);
  });

  it('refusal carries the reason to the applicant (inbox and SMS), who may then ask another unit', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330106');
    const other = await seedApprovedEmployer(env.ctx, '330106');
    const a = await seedProfiledApplicant(env);
    const id = (await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).json().id;
    const unit = await env.client().login(emp.username);
    expect((await unit.post(`/api/v1/bindings/${id}/refuse`, { reason: '查无此人，请核对工作单位' })).statusCode).toBe(200);
    const mine = (await a.client.get('/api/v1/me/bindings')).json();
    expect(mine[0]).toMatchObject({ status: 'refused', reason: '查无此人，请核对工作单位' });
    const [b] = await env.ctx.db.select().from(employmentBindings).where(eq(employmentBindings.id, id));
    const sms = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'bindingRefused'));
    expect(sms.some((m) => m.body.includes('查无此人'))).toBe(true);
    expect(b?.decidedBy).toBe(emp.operator.id);
    expect((await a.client.post('/api/v1/bindings', { employerId: other.org.id })).statusCode).toBe(201);
  });

  it('refuses binding before the basic info is complete, to a unit not yet approved, and a second pending request', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const pending = await seedApprovedEmployer(env.ctx, '330127', { status: 'pending' });
    const fresh = await registerApplicant(env);
    const early = await fresh.client.post('/api/v1/bindings', { employerId: emp.org.id });
    expect(early.statusCode).toBe(403);
    expect(early.json().message).toContain('基本信息');
    const a = await seedProfiledApplicant(env);
    const notApproved = await a.client.post('/api/v1/bindings', { employerId: pending.org.id });
    expect(notApproved.statusCode).toBe(409);
    expect((await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).statusCode).toBe(201);
    const twice = await a.client.post('/api/v1/bindings', { employerId: emp.org.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('待单位确认');
    // a pending unit does not show up in the search
    const search = (await a.client.get(`/api/v1/employers/search?keyword=${encodeURIComponent(pending.org.name)}`)).json();
    expect(search).toEqual([]);
  });

  it("one unit cannot see or decide another unit's requests", async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const intruder = await seedApprovedEmployer(env.ctx, '330127');
    const a = await seedProfiledApplicant(env);
    const id = (await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).json().id;
    const other = await env.client().login(intruder.username);
    expect((await other.get('/api/v1/bindings')).json().total).toBe(0);
    expect((await other.post(`/api/v1/bindings/${id}/approve`, {})).statusCode).toBe(404);
    const [b] = await env.ctx.db.select().from(employmentBindings).where(eq(employmentBindings.id, id));
    expect(b?.status).toBe('pending');
  });

  it('the applicant may withdraw a pending request; a decided one can no longer be withdrawn', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const a = await seedProfiledApplicant(env);
    const id = (await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).json().id;
    expect((await a.client.post(`/api/v1/bindings/${id}/cancel`, {})).statusCode).toBe(200);
    const id2 = (await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).json().id;
    await (await env.client().login(emp.username)).post(`/api/v1/bindings/${id2}/approve`, {});
    const late = await a.client.post(`/api/v1/bindings/${id2}/cancel`, {});
    expect(late.statusCode).toBe(409);
    const unitInbox = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, emp.operator.id), eq(notifications.title, '新的单位绑定申请')));
    expect(unitInbox).toHaveLength(2);
  });
});
