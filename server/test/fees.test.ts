/**
 * Fees (issue 10; SPEC §3 fee, §7): a fee falls due at the moment its plan names (seeds 000 六(五), 001 五(二),
 * 003 八(三), 004 附件1 二.6), a department's 推荐费 only when its switch is on (seed 004 附件2 二.2, default off);
 * online payment through the demo provider's pay page and its asynchronous signed callbacks — duplicated, out of
 * order, forged, with a wrong amount, after the order expired — pays a fee exactly once; refunds; bank transfer
 * (seed 003) confirmed by the collecting office only; an unpaid fee holds the application (unpaidFeesRefusal).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { QUALIFICATION_CHECKS, ZPlan, type Plan } from '@zc/domain';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import {
  auditEvents,
  applicationFees,
  applications,
  employmentBindings,
  organizations,
  paymentCallbacks,
  payments,
  plans,
  smsOutbox,
  users,
} from '../src/platform/db/schema';
import { feesFallDue, unpaidFeesRefusal, type FeeMoment } from '../src/modules/fees/due';
import { DemoPaymentProvider } from '../src/platform/adapters/demo-payment';
import { SIGNATURE_HEADERS, signFields } from '../src/platform/adapters/payment';
import { platformSecret } from '../src/platform/bootstrap';
import { forwardToOffice, submittedApplication } from './application-walk';
import { seedAccount, seedManagementOrg, seedOfficer, startDemoRoundApp, TEST_PASSWORD, type TestEnv } from './helper';

let env: TestEnv;
let zhangId: string;
let employerId: string;
let provider: DemoPaymentProvider;

async function planRow(key: string) {
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.key, key));
  return p!;
}

/** A copy of a seed plan with another fee (a plan row of its own, so zhang may hold one application per plan). */
let variant = 0;
async function planWithFee(baseKey: string, fee: Plan['fee']) {
  const base = await planRow(baseKey);
  variant += 1;
  const data = { ...ZPlan.parse(base.data), key: `${baseKey}-fee-${variant}`, fee };
  const [p] = await env.ctx.db
    .insert(plans)
    .values({
      key: data.key,
      officeOrgId: base.officeOrgId,
      status: 'published',
      data,
      year: base.year,
      name: `${base.name}（费用${variant}）`,
    })
    .returning();
  return p!;
}

async function applicationFor(plan: { id: string }, status = 'qualified') {
  const [a] = await env.ctx.db
    .insert(applications)
    .values({ applicantId: zhangId, planId: plan.id, employerId, regionPath: '330000/330100/330127', status })
    .returning();
  return a!;
}

async function fallDue(plan: typeof plans.$inferSelect, app: { id: string }, moment: FeeMoment, orgIds: string[] = []) {
  return env.ctx.db.transaction((tx) =>
    feesFallDue(tx, {
      app: { id: app.id, planId: plan.id, applicantId: zhangId, employerId },
      plan: ZPlan.parse(plan.data),
      officeOrgId: plan.officeOrgId,
      orgIds,
      moment,
      now: env.ctx.now(),
    }),
  );
}

const refusal = (appId: string) => env.ctx.db.transaction((tx) => unpaidFeesRefusal(tx, appId));
const feesOf = (appId: string) => env.ctx.db.select().from(applicationFees).where(eq(applicationFees.applicationId, appId));
const zhang = () => env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);

async function officerOf(orgId: string) {
  const u = await seedAccount(env.ctx, { role: 'officer', orgId });
  return env.client().login(u.username!, TEST_PASSWORD);
}

/** The payer's choice on the demo pay page, as the browser posts it. */
async function choose(payUrl: string, choice: 'pay' | 'fail' | 'cancel') {
  const res = await env.app.inject({
    method: 'POST',
    url: new URL(payUrl).pathname,
    payload: `choice=${choice}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await provider.settle();
  return res;
}

/** A callback as a provider would send it, signed with `secret`. */
async function sendCallback(body: Record<string, string | number>, secret: string) {
  const ts = String(Math.floor(env.ctx.now().getTime() / 1000));
  const nonce = `n${Math.random().toString(36).slice(2, 12)}`;
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/payments/notify/demo',
    payload: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.timestamp]: ts,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signFields(secret, body, ts, nonce),
    },
  });
}

beforeAll(async () => {
  const s = await startDemoRoundApp();
  env = s.env;
  zhangId = s.zhangId;
  const [b] = await env.ctx.db
    .select()
    .from(employmentBindings)
    .where(and(eq(employmentBindings.applicantId, zhangId), eq(employmentBindings.status, 'approved')));
  employerId = b!.employerId;
  provider = env.ctx.payment as DemoPaymentProvider;
  expect(provider).toBeInstanceOf(DemoPaymentProvider);
  Object.assign(provider.behaviour, { callbackDelayMs: 1, retryBaseMs: 1, duplicateRate: 0, staleFailureRate: 0 });
}, 120_000);
afterAll(async () => env?.close());

describe('a fee falls due at the moment its plan names', () => {
  it('seed 003 八(三): 280 元 by bank transfer after qualification review, once, and the applicant is told by SMS', async () => {
    const plan = await planRow('2022-security-senior');
    const app = await applicationFor(plan);
    expect(await fallDue(plan, app, 'submitted')).toEqual([]);
    expect(await fallDue(plan, app, 'employerForwarded')).toEqual([]);
    const msgs = await fallDue(plan, app, 'qualified');
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ userId: zhangId, title: '缴费通知', sms: { template: 'feeNotice' } });
    expect(msgs[0]!.body).toContain('280.00 元');
    // the application came back and was qualified again: no second fee
    expect(await fallDue(plan, app, 'qualified')).toEqual([]);
    const rows = await feesOf(app.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'review',
      payer: 'applicant',
      amountFen: 28000,
      method: 'bankTransfer',
      status: 'unpaid',
      orgId: plan.officeOrgId,
    });
    // 2026-11-22 (Sunday) + 10 working days
    expect(rows[0]!.dueBy).toBe('2026-12-04');
    expect(await refusal(app.id)).toContain('评审费 280.00 元（缴费截止 2026-12-04）');
  });

  it('seed 004 附件1 二.6: after submission, online, no amount stated', async () => {
    const plan = await planRow('2020-huzhou-innovative-engineer');
    const app = await applicationFor(plan, 'submitted');
    expect(await fallDue(plan, app, 'qualified')).toEqual([]);
    await fallDue(plan, app, 'submitted');
    expect((await feesOf(app.id))[0]).toMatchObject({ method: 'online', amountFen: null, payer: 'applicant' });
  });

  it('seed 000 六(五): the employer pays when it sends the materials; its operators are told', async () => {
    const plan = await planRow('2019-it-senior');
    const app = await applicationFor(plan, 'inReview');
    const msgs = await fallDue(plan, app, 'employerForwarded');
    const operators = await env.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, employerId), eq(users.role, 'employer')));
    expect(msgs.map((m) => m.userId).sort()).toEqual(operators.map((o) => o.id).sort());
    expect((await feesOf(app.id))[0]).toMatchObject({ payer: 'employer', method: 'offline' });
  });

  it('seed 004 附件2 二.2: a department charges 推荐费 only with its switch on (default 不收费)', async () => {
    const plan = await planRow('2020-materials-senior');
    const app = await applicationFor(plan, 'inReview');
    // a bureau off 张伟's route (淳安 330127 → 杭州): a switched-on department there must not charge the workflow test below
    const dept = await seedManagementOrg(env.ctx, 'hrBureau', '330102');
    expect(dept.feeEnabled).toBe(false);
    expect(await fallDue(plan, app, 'atDepartment', [dept.id])).toEqual([]);
    await env.ctx.db.update(organizations).set({ feeEnabled: true, feeAmountFen: 15000 }).where(eq(organizations.id, dept.id));
    expect(await fallDue(plan, app, 'atDepartment', [dept.id])).toHaveLength(1);
    expect((await feesOf(app.id))[0]).toMatchObject({ kind: 'recommendation', orgId: dept.id, amountFen: 15000, method: 'online' });
  });
});

describe('paying online through the demo provider', () => {
  it('pay page → signed callbacks delivered twice and a stale failure after paid: paid exactly once, with a receipt', async () => {
    const plan = await planWithFee('2020-energy-senior', {
      amountYuan: 280,
      payer: 'applicant',
      due: 'afterQualificationReview',
      method: 'online',
    });
    const app = await applicationFor(plan);
    await fallDue(plan, app, 'qualified');
    const c = await zhang();
    const list = (await c.get(`/api/v1/applications/${app.id}/fees`)).json() as Array<{ id: string; canPay: boolean; amountText: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ canPay: true, amountText: '280.00 元' });
    const feeId = list[0]!.id;
    const pay = await c.post(`/api/v1/fees/${feeId}/pay`);
    expect(pay.statusCode, pay.body).toBe(200);
    const { payUrl } = pay.json() as { payUrl: string };
    // a second live order for the same fee is refused
    const again = await c.post(`/api/v1/fees/${feeId}/pay`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('待支付的订单');
    const page = await env.app.inject({ method: 'GET', url: new URL(payUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('演示支付平台（非真实支付）');
    expect(page.body).toContain('280.00 元');
    expect(page.body).not.toContain('<script');

    Object.assign(provider.behaviour, { duplicateRate: 1, staleFailureRate: 1 });
    const back = await choose(payUrl, 'pay');
    Object.assign(provider.behaviour, { duplicateRate: 0, staleFailureRate: 0 });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/applicant/fees?fee=${feeId}`);

    const [fee] = await env.ctx.db.select().from(applicationFees).where(eq(applicationFees.id, feeId));
    expect(fee).toMatchObject({ status: 'paid', amountFen: 28000 });
    expect(fee!.receiptNo).toMatch(/^JF20261122-[0-9A-F]{8}$/);
    const [order] = await env.ctx.db.select().from(payments).where(eq(payments.feeId, feeId));
    expect(order!.status).toBe('paid');
    const cbs = await env.ctx.db.select().from(paymentCallbacks).where(eq(paymentCallbacks.outTradeNo, order!.outTradeNo));
    // 'paid' recorded once although delivered twice; the earlier failure arrived after it and was stale
    expect(cbs.map((x) => `${x.event}:${x.outcome}`).sort()).toEqual(['failed:stale', 'paid:applied']);
    const paidAudits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'fee.paid'), eq(auditEvents.targetId, feeId)));
    expect(paidAudits).toHaveLength(1);
    const sms = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'feeNotice'));
    expect(sms.some((s) => s.body.includes('缴费成功'))).toBe(true);

    const receipt = await c.get(`/api/v1/fees/${feeId}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({ receiptNo: fee!.receiptNo, amountText: '280.00 元', applicantName: '张伟' });
    const twice = await c.post(`/api/v1/fees/${feeId}/pay`);
    expect(twice.statusCode).toBe(409);
    expect(await refusal(app.id)).toBeNull();
  });

  it('forged signature → 400 and a rejected record, nothing applied; a wrong amount likewise', async () => {
    const plan = await planWithFee('2020-energy-senior', {
      amountYuan: 100,
      payer: 'applicant',
      due: 'afterQualificationReview',
      method: 'online',
    });
    const app = await applicationFor(plan);
    await fallDue(plan, app, 'qualified');
    const [fee] = await feesOf(app.id);
    const c = await zhang();
    expect((await c.post(`/api/v1/fees/${fee!.id}/pay`)).statusCode).toBe(200);
    const [order] = await env.ctx.db.select().from(payments).where(eq(payments.feeId, fee!.id));
    const body = {
      notifyId: 'forged-1',
      outTradeNo: order!.outTradeNo,
      providerTradeNo: 'X1',
      event: 'paid',
      amountFen: 10000,
      occurredAt: env.ctx.now().toISOString(),
    };
    const forged = await sendCallback(body, 'not-the-secret');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().message).toContain('签名验证失败');
    const secret = await platformSecret(env.ctx.db, 'demoPayment');
    const cheap = await sendCallback({ ...body, notifyId: 'cheap-1', amountFen: 1 }, secret);
    expect(cheap.statusCode).toBe(400);
    expect(cheap.json().message).toContain('金额与订单不符');
    const cbs = await env.ctx.db.select().from(paymentCallbacks).where(eq(paymentCallbacks.outTradeNo, order!.outTradeNo));
    expect(cbs.map((x) => `${x.signatureOk}:${x.outcome}`).sort()).toEqual(['false:rejected', 'true:rejected']);
    expect((await feesOf(app.id))[0]!.status).toBe('unpaid');
    // a stale timestamp is refused too (replay)
    const ts = String(Math.floor(env.ctx.now().getTime() / 1000) - 3600);
    const replay = await env.app.inject({
      method: 'POST',
      url: '/api/v1/payments/notify/demo',
      payload: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADERS.timestamp]: ts,
        [SIGNATURE_HEADERS.nonce]: 'abcdefgh12',
        [SIGNATURE_HEADERS.signature]: signFields(secret, body, ts, 'abcdefgh12'),
      },
    });
    expect(replay.statusCode).toBe(400);
    expect((await feesOf(app.id))[0]!.status).toBe('unpaid');
  });

  it('a failed attempt, then paid on the same order; an expired order closes, a new one can be made; late money for a paid fee is refunded', async () => {
    const plan = await planWithFee('2020-energy-senior', {
      amountYuan: 50,
      payer: 'applicant',
      due: 'afterQualificationReview',
      method: 'online',
    });
    const app = await applicationFor(plan);
    await fallDue(plan, app, 'qualified');
    const [fee] = await feesOf(app.id);
    const c = await zhang();
    const first = (await c.post(`/api/v1/fees/${fee!.id}/pay`)).json() as { payUrl: string; outTradeNo: string };
    await choose(first.payUrl, 'fail');
    expect((await env.ctx.db.select().from(payments).where(eq(payments.outTradeNo, first.outTradeNo)))[0]!.status).toBe('failed');
    // the clock passes the order's 30 minutes: the provider closes it
    env.clock.advance(31 * 60_000);
    expect(provider.sweepExpired()).toBeGreaterThanOrEqual(1);
    await provider.settle();
    expect((await env.ctx.db.select().from(payments).where(eq(payments.outTradeNo, first.outTradeNo)))[0]!.status).toBe('closed');
    const gone = await choose(first.payUrl, 'pay');
    expect(gone.statusCode).toBe(303);
    expect((await feesOf(app.id))[0]!.status).toBe('unpaid');
    // a new order, paid (signed in again: the half hour also ended the session)
    const c2 = await zhang();
    const second = (await c2.post(`/api/v1/fees/${fee!.id}/pay`)).json() as { payUrl: string; outTradeNo: string };
    await choose(second.payUrl, 'pay');
    const paid = (await feesOf(app.id))[0]!;
    expect(paid.status).toBe('paid');
    // money for the first (closed) order arrives late: recorded, and refunded since the fee is paid already
    const refund = vi.spyOn(provider, 'refund').mockResolvedValue(undefined);
    const secret = await platformSecret(env.ctx.db, 'demoPayment');
    const late = await sendCallback(
      {
        notifyId: 'late-1',
        outTradeNo: first.outTradeNo,
        providerTradeNo: 'LATE1',
        event: 'paid',
        amountFen: 5000,
        occurredAt: env.ctx.now().toISOString(),
      },
      secret,
    );
    expect(late.statusCode).toBe(200);
    expect(refund).toHaveBeenCalledWith(expect.objectContaining({ outTradeNo: first.outTradeNo, amountFen: 5000 }));
    refund.mockRestore();
    const after = (await feesOf(app.id))[0]!;
    expect(after).toMatchObject({ status: 'paid', paymentId: paid.paymentId, receiptNo: paid.receiptNo });
    const dup = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'fee.duplicateRefunded'), eq(auditEvents.targetId, fee!.id)));
    expect(dup).toHaveLength(1);
  });

  it("the office refunds a paid fee: provider → 'refunded' callback → 已退费; the fee is owed again", async () => {
    const plan = await planWithFee('2020-energy-senior', {
      amountYuan: 80,
      payer: 'applicant',
      due: 'afterQualificationReview',
      method: 'online',
    });
    const app = await applicationFor(plan);
    await fallDue(plan, app, 'qualified');
    const [fee] = await feesOf(app.id);
    const c = await zhang();
    const o = (await c.post(`/api/v1/fees/${fee!.id}/pay`)).json() as { payUrl: string };
    await choose(o.payUrl, 'pay');
    const office = await officerOf(plan.officeOrgId);
    const list = (await office.get(`/api/v1/fees?planId=${plan.id}&status=paid`)).json() as {
      items: Array<{ id: string; canRefund: boolean }>;
    };
    expect(list.items.map((i) => i.id)).toEqual([fee!.id]);
    expect((await c.post(`/api/v1/fees/${fee!.id}/refund`, { reason: '申请人撤回' })).statusCode).toBe(403);
    const r = await office.post(`/api/v1/fees/${fee!.id}/refund`, { reason: '申请人撤回申报' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('requested');
    await provider.settle();
    expect((await feesOf(app.id))[0]!.status).toBe('refunded');
    expect(await refusal(app.id)).toContain('评审费 80.00 元');
  });
});

describe('bank transfer (seed 003 八(三)): confirmed by the collecting office only', () => {
  it('the applicant cannot pay online nor confirm; another office does not see it; the office confirms with a voucher number', async () => {
    const plan = await planRow('2022-security-senior');
    const app = await applicationFor(await planWithFee('2022-security-senior', ZPlan.parse(plan.data).fee));
    await fallDue({ ...plan, id: app.planId }, app, 'qualified');
    const [fee] = await feesOf(app.id);
    const c = await zhang();
    const pay = await c.post(`/api/v1/fees/${fee!.id}/pay`);
    expect(pay.statusCode).toBe(409);
    expect(pay.json().message).toContain('转账汇款');
    expect((await c.post(`/api/v1/fees/${fee!.id}/confirm`, { voucherNo: 'B001' })).statusCode).toBe(403);
    const other = await seedOfficer(env.ctx, 'committeeOffice', '330000');
    const stranger = await env.client().login(other.username);
    expect((await stranger.post(`/api/v1/fees/${fee!.id}/confirm`, { voucherNo: 'B001' })).statusCode).toBe(404);
    expect(((await stranger.get('/api/v1/fees')).json() as { total: number }).total).toBe(0);
    // nor the application's fee list: not found, as for an application that does not exist
    expect((await stranger.get(`/api/v1/applications/${app.id}/fees`)).statusCode).toBe(404);
    const office = await officerOf(plan.officeOrgId);
    const empty = await office.post(`/api/v1/fees/${fee!.id}/confirm`, { voucherNo: '' });
    expect(empty.statusCode).toBe(400);
    const ok = await office.post(`/api/v1/fees/${fee!.id}/confirm`, { voucherNo: 'ICBC20261122001', note: '工行回单' });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = (await feesOf(app.id))[0]!;
    expect(row).toMatchObject({ status: 'paid', amountFen: 28000 });
    expect(row.note).toContain('ICBC20261122001');
    expect(await refusal(app.id)).toBeNull();
    const again = await office.post(`/api/v1/fees/${fee!.id}/confirm`, { voucherNo: 'X' });
    expect(again.statusCode).toBe(409);
    expect((await c.get(`/api/v1/fees/${fee!.id}/receipt`)).json()).toMatchObject({
      receiptNo: row.receiptNo,
      reference: expect.stringContaining('ICBC20261122001'),
    });
  });
});

describe('收费设定 (seed 004 附件2 二.2)', () => {
  it('default 不收费; on needs an amount and is audited; only the department itself (or an admin over it) sets it', async () => {
    const dept = await seedOfficer(env.ctx, 'hrBureau', '330102');
    const c = await env.client().login(dept.username);
    const s = await c.get(`/api/v1/organizations/${dept.org.id}/fee-setting`);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ feeEnabled: false, amountYuan: null });
    expect(s.json().warning).toContain('中推高推荐费');
    const bad = await c.put(`/api/v1/organizations/${dept.org.id}/fee-setting`, { feeEnabled: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('金额');
    const on = await c.put(`/api/v1/organizations/${dept.org.id}/fee-setting`, { feeEnabled: true, amountYuan: 150 });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ feeEnabled: true, amountYuan: 150 });
    const audits = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'organization.feeSettingChanged'), eq(auditEvents.targetId, dept.org.id)));
    expect(audits).toHaveLength(1);
    const other = await seedOfficer(env.ctx, 'hrBureau', '330106');
    const o = await env.client().login(other.username);
    expect((await o.put(`/api/v1/organizations/${dept.org.id}/fee-setting`, { feeEnabled: false })).statusCode).toBe(404);
    const office = await seedOfficer(env.ctx, 'committeeOffice', '330000');
    const oc = await env.client().login(office.username);
    expect((await oc.get(`/api/v1/organizations/${office.org.id}/fee-setting`)).statusCode).toBe(409);
  });
});

describe('through the workflow: the demo round charges 280 元 online after 资格审查 [demo]; unpaid, it cannot go on to expert review', () => {
  it('资格审查通过 makes the fee fall due and tells 张伟; 公示期满，提交评审 is refused with what is owed until he pays', async () => {
    const [demo] = await env.ctx.db.select().from(plans).where(eq(plans.key, 'demo-it-senior'));
    const { id } = await submittedApplication(env, demo!.id, zhangId, await zhang());
    await forwardToOffice(env, id);
    expect(await feesOf(id)).toEqual([]);
    const office = await officerOf(demo!.officeOrgId);
    const ok = async (action: string, body: Record<string, unknown> = {}, c = office) => {
      const r = await c.post(`/api/v1/applications/${id}/actions/${action}`, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    };
    await ok('qualifyApprove', { opinion: '符合申报条件', checks: Object.fromEntries(QUALIFICATION_CHECKS.map((q) => [q.key, true])) });
    const [fee] = await feesOf(id);
    expect(fee).toMatchObject({ kind: 'review', amountFen: 28000, method: 'online', payer: 'applicant', status: 'unpaid' });
    const sms = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'feeNotice'));
    expect(sms.some((x) => x.body.includes('缴费通知') && x.body.includes('280.00 元'))).toBe(true);
    await ok('publishPrePublicity');
    // the publicity is over: only the fee holds it
    env.clock.advance(14 * 86_400_000);
    const office2 = await officerOf(demo!.officeOrgId);
    const held = await office2.post(`/api/v1/applications/${id}/actions/concludePrePublicity`, {});
    expect(held.statusCode).toBe(409);
    expect(held.json().message).toContain('评审费 280.00 元');
    const c = await zhang();
    const { payUrl } = (await c.post(`/api/v1/fees/${fee!.id}/pay`)).json() as { payUrl: string };
    await choose(payUrl, 'pay');
    expect((await feesOf(id))[0]!.status).toBe('paid');
    await ok('concludePrePublicity', {}, office2);
  });
});
