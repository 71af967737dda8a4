/**
 * Fees for their payers and their collectors (SPEC §7): what is owed and the receipt, paying online through the
 * payment provider, and the collecting office's list, bank-transfer confirmation and refunds. Every change runs in
 * one transaction that locks the fee row, with its audit row and the payer's inbox + SMS.
 */
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  FEE_KIND_LABELS,
  FEE_METHOD_LABELS,
  FEE_STATUS_LABELS,
  LABELS,
  PAYMENT_ORDER_TTL_MINUTES,
  PAYMENT_STATUS_LABELS,
  feeAmountText,
  isLiveOrder,
  receiptNumber,
  shanghaiDate,
  yuanToFen,
  type FeeKind,
  type FeeMethod,
  type FeeStatus,
  type PaymentStatus,
} from '@zc/domain';
import { canView } from '../applications/access';
import type { AppContext } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/client';
import { applicationFees, applications, organizations, payments, plans, users } from '../../platform/db/schema';
import { containsPattern } from '../../platform/db/jurisdiction';
import type { LoadedSession } from '../../platform/auth/session';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { fail } from '../../platform/http/errors';
import { notify, type InboxMessage } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import { feePageOf, howToPay } from './due';
import type { z } from 'zod';
import type { PayerFee, ZOfficeFeeQuery } from './schemas';

const employers = alias(organizations, 'employer');
const collectors = alias(organizations, 'collector');

/** The columns every view of a fee reads: the fee, its application, plan, applicant, employer and collector. */
const feeColumns = {
  fee: applicationFees,
  planId: plans.id,
  planName: plans.name,
  applicantId: applications.applicantId,
  applicantName: users.realName,
  applicantMobile: users.mobile,
  employerId: applications.employerId,
  employerName: employers.name,
  collectorName: collectors.name,
};

export function feeQuery(q: Queryable) {
  return q
    .select(feeColumns)
    .from(applicationFees)
    .innerJoin(applications, eq(applications.id, applicationFees.applicationId))
    .innerJoin(plans, eq(plans.id, applications.planId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .innerJoin(collectors, eq(collectors.id, applicationFees.orgId));
}
export type FeeRow = Awaited<ReturnType<typeof feeQuery>>[number];

/** The payer of a fee is the viewer: the applicant, or an operator of the employer when the employer pays. */
function isPayer(auth: LoadedSession, r: FeeRow): boolean {
  if (r.fee.payer === 'employer') return auth.user.role === 'employer' && auth.user.orgId === r.employerId;
  return auth.user.role === 'applicant' && auth.user.id === r.applicantId;
}

/** An officer of the collecting org (the committee office, or the department charging its 推荐费). */
export function isCollector(auth: LoadedSession, r: FeeRow): boolean {
  return auth.user.role === 'officer' && auth.user.orgId === r.fee.orgId;
}

async function lastOrders(q: Queryable, feeIds: string[]) {
  if (feeIds.length === 0) return new Map<string, typeof payments.$inferSelect>();
  const rows = await q.select().from(payments).where(inArray(payments.feeId, feeIds)).orderBy(desc(payments.createdAt));
  const out = new Map<string, typeof payments.$inferSelect>();
  for (const p of rows) if (!out.has(p.feeId)) out.set(p.feeId, p);
  return out;
}

function payable(r: FeeRow): boolean {
  return (r.fee.status === 'unpaid' || r.fee.status === 'refunded') && r.fee.method === 'online' && r.fee.amountFen != null;
}

function present(ctx: AppContext, auth: LoadedSession, r: FeeRow, order: typeof payments.$inferSelect | undefined): PayerFee {
  const f = r.fee;
  const method = f.method as FeeMethod;
  const status = f.status as FeeStatus;
  const today = shanghaiDate(ctx.now());
  return {
    id: f.id,
    applicationId: f.applicationId,
    planName: r.planName,
    kind: f.kind as FeeKind,
    kindLabel: FEE_KIND_LABELS[f.kind as FeeKind],
    collectorName: r.collectorName,
    payer: f.payer as 'applicant' | 'employer',
    payerLabel: LABELS.feePayer[f.payer as 'applicant' | 'employer'],
    applicantName: r.applicantName,
    amountFen: f.amountFen,
    amountText: feeAmountText(f.amountFen),
    method,
    methodLabel: FEE_METHOD_LABELS[method],
    howToPay: howToPay({ method, amountFen: f.amountFen }),
    status,
    statusLabel: FEE_STATUS_LABELS[status],
    dueBy: f.dueBy,
    overdue: status === 'unpaid' && f.dueBy != null && today > f.dueBy,
    receiptNo: f.receiptNo,
    paidAt: f.paidAt?.toISOString() ?? null,
    canPay: isPayer(auth, r) && payable(r) && ctx.payment != null && !(order && isLiveOrder(orderState(order), ctx.now())),
    lastOrder: order
      ? {
          outTradeNo: order.outTradeNo,
          status: order.status as PaymentStatus,
          statusLabel: PAYMENT_STATUS_LABELS[order.status as PaymentStatus],
          expiresAt: order.expiresAt.toISOString(),
        }
      : null,
  };
}

const orderState = (o: typeof payments.$inferSelect) => ({ status: o.status as PaymentStatus, expiresAt: o.expiresAt });

/** The fees of one application, for its applicant, its employer's operators, or an officer collecting one of them. */
export async function applicationFeesFor(ctx: AppContext, auth: LoadedSession, applicationId: string): Promise<PayerFee[]> {
  const [app] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId));
  const own =
    app &&
    ((auth.user.role === 'applicant' && app.applicantId === auth.user.id) ||
      (auth.user.role === 'employer' && app.employerId === auth.user.orgId));
  const rows = app ? await feeQuery(ctx.db).where(eq(applicationFees.applicationId, applicationId)).orderBy(applicationFees.createdAt) : [];
  const visible = own ? rows : rows.filter((r) => isCollector(auth, r));
  // someone else's application: not found, whether or not it exists (an officer who may see the application and
  // collects none of its fees sees an empty list)
  if (!app || (!own && visible.length === 0 && !(await canView(ctx.db, auth, app)))) fail('NOT_FOUND');
  const orders = await lastOrders(
    ctx.db,
    visible.map((r) => r.fee.id),
  );
  return visible.map((r) => present(ctx, auth, r, orders.get(r.fee.id)));
}

/** Every fee the viewer pays: the applicant's own, or (an employer's operator) those its unit pays. */
export async function myFees(ctx: AppContext, auth: LoadedSession): Promise<PayerFee[]> {
  const where =
    auth.user.role === 'employer'
      ? and(eq(applications.employerId, auth.user.orgId!), eq(applicationFees.payer, 'employer'))
      : and(eq(applications.applicantId, auth.user.id), eq(applicationFees.payer, 'applicant'));
  const rows = await feeQuery(ctx.db).where(where).orderBy(desc(applicationFees.createdAt)).limit(200);
  const orders = await lastOrders(
    ctx.db,
    rows.map((r) => r.fee.id),
  );
  return rows.map((r) => present(ctx, auth, r, orders.get(r.fee.id)));
}

export async function lockFee(tx: Tx, id: string): Promise<FeeRow | undefined> {
  await tx.select({ id: applicationFees.id }).from(applicationFees).where(eq(applicationFees.id, id)).for('update');
  const [r] = await feeQuery(tx).where(eq(applicationFees.id, id));
  return r;
}

/** Our order number: ZC + Shanghai date-time to the second + 8 random hex (unique by index). */
function newOutTradeNo(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `ZC${t}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Starts an online payment: one live order per fee; the payer is sent to the provider's pay page. */
export async function payFee(ctx: AppContext, auth: LoadedSession, feeId: string, audit: AuditContext) {
  const provider = ctx.payment;
  const now = ctx.now();
  const order = await ctx.db.transaction(async (tx) => {
    const r = await lockFee(tx, feeId);
    if (!r || !isPayer(auth, r)) fail('NOT_FOUND');
    const f = r.fee;
    if (f.status === 'paid') fail('STATE', `该费用已缴纳（缴费凭证 ${f.receiptNo ?? ''}），无需重复缴费`);
    if (f.status === 'waived') fail('STATE', '该费用已免缴，无需缴费');
    if (f.method !== 'online')
      fail(
        'STATE',
        `该费用的缴费方式为“${FEE_METHOD_LABELS[f.method as FeeMethod]}”：${howToPay({ method: f.method as FeeMethod, amountFen: f.amountFen })}`,
      );
    if (f.amountFen == null) fail('STATE', '评审计划未载明该费用的金额，暂不能网上支付：请按收费单位的通知缴纳');
    if (!provider) fail('STATE', '平台尚未开通网上支付渠道，请联系评委会办公室');
    const [live] = (await lastOrders(tx, [f.id])).values();
    if (live && isLiveOrder(orderState(live), now))
      fail(
        'CONFLICT',
        `已有一笔待支付的订单（${live.outTradeNo}），请在支付页面完成支付；如已关闭支付页面，请于 ${shanghaiTime(live.expiresAt)} 订单超时后重新发起`,
      );
    const [p] = await tx
      .insert(payments)
      .values({
        feeId: f.id,
        provider: provider.name,
        outTradeNo: newOutTradeNo(now),
        amountFen: f.amountFen,
        payerUserId: auth.user.id,
        expiresAt: new Date(now.getTime() + PAYMENT_ORDER_TTL_MINUTES * 60_000),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, audit, {
      action: 'fee.orderCreated',
      targetType: 'fee',
      targetId: f.id,
      after: { outTradeNo: p!.outTradeNo, amountFen: f.amountFen, provider: provider.name },
    });
    return { ...p!, subject: `${r.planName} ${FEE_KIND_LABELS[f.kind as FeeKind]}`, payer: f.payer };
  });
  try {
    const { payUrl } = await provider!.createOrder({
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen,
      subject: order.subject,
      returnUrl: `${ctx.config.publicUrl}${feePageOf(order.payer)}?fee=${feeId}`,
      notifyUrl: `${ctx.config.publicUrl}/api/v1/payments/notify/${provider!.name}`,
      expiresAt: order.expiresAt,
    });
    return { payUrl, outTradeNo: order.outTradeNo, expiresAt: order.expiresAt.toISOString() };
  } catch {
    // the provider did not take the order: it can never be paid, so it does not block a new attempt
    await ctx.db
      .update(payments)
      .set({ status: 'closed', failureReason: '支付渠道下单失败', updatedAt: ctx.now() })
      .where(eq(payments.id, order.id));
    fail('STATE', '支付渠道暂时无法下单，请稍后重试');
  }
}

function shanghaiTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The data of the printable receipt (缴费凭证): the payer or the collector; only for a paid fee. */
export async function feeReceipt(ctx: AppContext, auth: LoadedSession, feeId: string) {
  const [r] = await feeQuery(ctx.db).where(eq(applicationFees.id, feeId));
  if (!r || !(isPayer(auth, r) || isCollector(auth, r) || (r.fee.payer === 'applicant' && auth.user.id === r.applicantId)))
    fail('NOT_FOUND');
  const f = r.fee;
  if (f.status !== 'paid' || !f.receiptNo || !f.paidAt) fail('STATE', `该费用${FEE_STATUS_LABELS[f.status as FeeStatus]}，没有缴费凭证`);
  const [p] = f.paymentId ? await ctx.db.select().from(payments).where(eq(payments.id, f.paymentId)) : [];
  return {
    receiptNo: f.receiptNo,
    kindLabel: FEE_KIND_LABELS[f.kind as FeeKind],
    planName: r.planName,
    applicantName: r.applicantName,
    employerName: r.employerName,
    payerLabel: LABELS.feePayer[f.payer as 'applicant' | 'employer'],
    collectorName: r.collectorName,
    amountText: feeAmountText(f.amountFen),
    methodLabel: p ? FEE_METHOD_LABELS.online : FEE_METHOD_LABELS[f.method as FeeMethod],
    paidAt: f.paidAt.toISOString(),
    reference: p ? `平台订单号 ${p.outTradeNo}；支付渠道流水号 ${p.providerTradeNo ?? '—'}` : (f.note ?? '—'),
    statusLabel: FEE_STATUS_LABELS.paid,
  };
}

/** Who is told about a fee: the applicant, or the employer's operators when the employer pays. */
export async function payersOf(
  q: Queryable,
  r: Pick<FeeRow, 'applicantId' | 'applicantMobile' | 'employerId'> & { fee: { payer: string } },
) {
  return r.fee.payer === 'employer'
    ? unitOperators(q, r.employerId, { activeOnly: true })
    : [{ id: r.applicantId, mobile: r.applicantMobile }];
}

export async function tellPayers(q: Tx, r: FeeRow, title: string, body: string) {
  const to = await payersOf(q, r);
  const msgs: InboxMessage[] = to.map((u) => ({
    userId: u.id,
    title,
    body,
    link: feePageOf(r.fee.payer),
    sms: { mobile: u.mobile, template: 'feeNotice' },
  }));
  await notify(q, msgs);
}

// ---- the collecting office ----

export async function officeFees(ctx: AppContext, auth: LoadedSession, q: z.infer<typeof ZOfficeFeeQuery>) {
  if (auth.user.role !== 'officer' || !auth.user.orgId) fail('FORBIDDEN');
  const conds: SQL[] = [eq(applicationFees.orgId, auth.user.orgId)];
  if (q.status) conds.push(eq(applicationFees.status, q.status));
  if (q.method) conds.push(eq(applicationFees.method, q.method));
  if (q.planId) conds.push(eq(plans.id, q.planId));
  if (q.keyword)
    conds.push(
      or(
        ilike(users.realName, containsPattern(q.keyword)),
        ilike(employers.name, containsPattern(q.keyword)),
        ilike(applicationFees.receiptNo, containsPattern(q.keyword)),
      )!,
    );
  const where = and(...conds);
  const rows = await feeQuery(ctx.db)
    .where(where)
    .orderBy(desc(applicationFees.createdAt), applicationFees.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(applicationFees)
    .innerJoin(applications, eq(applications.id, applicationFees.applicationId))
    .innerJoin(plans, eq(plans.id, applications.planId))
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(employers, eq(employers.id, applications.employerId))
    .where(where);
  const orders = await lastOrders(
    ctx.db,
    rows.map((r) => r.fee.id),
  );
  return {
    items: rows.map((r) => {
      const { canPay: _c, howToPay: _h, ...view } = present(ctx, auth, r, orders.get(r.fee.id));
      return {
        ...view,
        employerName: r.employerName,
        planId: r.planId,
        note: r.fee.note,
        canConfirm: confirmable(r.fee),
        canRefund: r.fee.status === 'paid',
      };
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Bank transfer (seed 003 八(三)), a fee paid as the plan's notice says, or one without a stated amount: the office confirms. */
function confirmable(f: { status: string; method: string; amountFen: number | null }): boolean {
  return (f.status === 'unpaid' || f.status === 'refunded') && (f.method !== 'online' || f.amountFen == null);
}

export async function confirmFee(
  ctx: AppContext,
  auth: LoadedSession,
  feeId: string,
  body: { voucherNo: string; note?: string | undefined; amountYuan?: number | undefined },
  audit: AuditContext,
) {
  await ctx.db.transaction(async (tx) => {
    const r = await lockFee(tx, feeId);
    if (!r || !isCollector(auth, r)) fail('NOT_FOUND');
    const f = r.fee;
    if (f.status === 'paid') fail('CONFLICT', `该费用已确认缴纳（缴费凭证 ${f.receiptNo ?? ''}），请刷新列表`);
    if (!confirmable(f)) fail('STATE', '该费用为网上支付，由支付渠道通知到账，无需人工确认');
    if (f.amountFen == null && body.amountYuan == null)
      fail('VALIDATION', '评审计划未载明金额：请填写实际收款金额', { amountYuan: '请填写实际收款金额' });
    const now = ctx.now();
    const amountFen = f.amountFen ?? yuanToFen(body.amountYuan!);
    const receiptNo = receiptNumber(f.id, shanghaiDate(now));
    const note = `转账凭证号 ${body.voucherNo}${body.note ? `；${body.note}` : ''}`;
    await tx
      .update(applicationFees)
      .set({ status: 'paid', amountFen, receiptNo, paidAt: now, confirmedBy: auth.user.id, note, updatedAt: now })
      .where(eq(applicationFees.id, f.id));
    await writeAudit(tx, audit, {
      action: 'fee.confirmed',
      targetType: 'fee',
      targetId: f.id,
      before: { status: f.status },
      after: { status: 'paid', amountFen, receiptNo, voucherNo: body.voucherNo },
    });
    await tellPayers(
      tx,
      r,
      '缴费已确认',
      `${r.collectorName}已确认收到${r.planName}的${FEE_KIND_LABELS[f.kind as FeeKind]}（${feeAmountText(amountFen)}），缴费凭证号 ${receiptNo}。`,
    );
  });
}

/**
 * The office refunds a paid fee: paid online → the provider is asked and its 'refunded' callback completes it;
 * paid offline → recorded as refunded at once (the money went back outside the platform).
 */
export async function refundFee(ctx: AppContext, auth: LoadedSession, feeId: string, reason: string, audit: AuditContext) {
  const online = await ctx.db.transaction(async (tx) => {
    const r = await lockFee(tx, feeId);
    if (!r || !isCollector(auth, r)) fail('NOT_FOUND');
    const f = r.fee;
    if (f.status !== 'paid') fail('STATE', `该费用${FEE_STATUS_LABELS[f.status as FeeStatus]}，只有已缴费的费用可以退费`);
    const [p] = f.paymentId ? await tx.select().from(payments).where(eq(payments.id, f.paymentId)).for('update') : [];
    const now = ctx.now();
    if (p) {
      if (p.status !== 'paid') fail('CONFLICT', '退款已在处理中，请等待支付渠道的退款通知');
      await tx
        .update(applicationFees)
        .set({ note: `退费申请：${reason}`, updatedAt: now })
        .where(eq(applicationFees.id, f.id));
      await writeAudit(tx, audit, {
        action: 'fee.refundRequested',
        targetType: 'fee',
        targetId: f.id,
        after: { outTradeNo: p.outTradeNo, reason },
      });
      return p;
    }
    await tx
      .update(applicationFees)
      .set({ status: 'refunded', note: `已退费：${reason}`, updatedAt: now })
      .where(eq(applicationFees.id, f.id));
    await writeAudit(tx, audit, {
      action: 'fee.refunded',
      targetType: 'fee',
      targetId: f.id,
      before: { status: 'paid' },
      after: { status: 'refunded', reason },
    });
    await tellPayers(
      tx,
      r,
      '费用已退还',
      `${r.collectorName}已退还${r.planName}的${FEE_KIND_LABELS[f.kind as FeeKind]}（${feeAmountText(f.amountFen)}），原因：${reason}。`,
    );
    return null;
  });
  if (!online) return { state: 'refunded' as const, message: '已记录退费' };
  const provider = ctx.payment;
  if (!provider || provider.name !== online.provider) fail('STATE', '原支付渠道已不可用，请线下退费后联系管理员处理');
  try {
    await provider.refund({ outTradeNo: online.outTradeNo, amountFen: online.amountFen, reason });
  } catch {
    fail('STATE', '支付渠道未受理退款，请稍后重试');
  }
  return { state: 'requested' as const, message: '已向支付渠道提交退款，到账通知送达后状态变为“已退费”' };
}
