/**
 * Payment callbacks (POST /payments/notify/:provider): verified, recorded once per (provider, notify id), and
 * applied through the order state machine (domain fees/payment-state.ts) in one transaction that locks the fee
 * row, then its order: whatever arrives, in whatever order and however often, a fee is paid exactly once. A
 * second paid order for a fee already paid is refunded automatically.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  FEE_KIND_LABELS,
  applyPaymentEvent,
  feeAmountText,
  receiptNumber,
  shanghaiDate,
  type CallbackOutcome,
  type FeeKind,
  type PaymentStatus,
} from '@zc/domain';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { applicationFees, paymentCallbacks, payments } from '../../platform/db/schema';
import type { Headers } from '../../platform/adapters/payment';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { fail } from '../../platform/http/errors';
import { lockFee, tellPayers } from './service';

export interface CallbackResult {
  outcome: CallbackOutcome;
  /** a reason for the record and the provider (rejected), never shown to a payer */
  reason?: string;
}

const systemAudit = (ip: string | null): AuditContext => ({ actorUserId: null, actorRole: 'paymentProvider', actorOrgId: null, ip });

export async function receiveCallback(
  ctx: AppContext,
  providerName: string,
  rawBody: string,
  headers: Headers,
  ip: string | null,
): Promise<CallbackResult> {
  const provider = ctx.payment;
  if (!provider || provider.name !== providerName) fail('NOT_FOUND', '支付渠道不存在或未开通');
  const verified = provider.verifyCallback(rawBody, headers, ctx.now());
  if (!verified.ok) {
    // kept for the record under an id of ours: a forged notice must not take the id a genuine one will use
    await ctx.db.insert(paymentCallbacks).values({
      provider: providerName,
      notifyId: `rejected:${randomUUID()}`,
      outTradeNo: verified.outTradeNo,
      event: verified.event ?? 'unknown',
      signatureOk: false,
      outcome: 'rejected',
      body: { claimedNotifyId: verified.notifyId, reason: verified.reason, raw: rawBody.slice(0, 2000) },
      receivedAt: ctx.now(),
    });
    return { outcome: 'rejected', reason: verified.reason };
  }
  const ev = verified.event;
  const sys = systemAudit(ip);
  const refundAfter: { outTradeNo: string; amountFen: number }[] = [];
  const result = await ctx.db.transaction(async (tx): Promise<CallbackResult> => {
    const [cb] = await tx
      .insert(paymentCallbacks)
      .values({
        provider: providerName,
        notifyId: ev.notifyId,
        outTradeNo: ev.outTradeNo,
        event: ev.event,
        signatureOk: true,
        outcome: 'applied',
        body: ev,
        receivedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ id: paymentCallbacks.id });
    // the same notice again (the provider did not see our answer): recorded once, nothing more to do
    if (!cb) return { outcome: 'duplicate' };
    const mark = async (outcome: CallbackOutcome, reason?: string) => {
      await tx.update(paymentCallbacks).set({ outcome }).where(eq(paymentCallbacks.id, cb.id));
      return { outcome, ...(reason ? { reason } : {}) };
    };
    const [found] = await tx
      .select({ feeId: payments.feeId, provider: payments.provider })
      .from(payments)
      .where(eq(payments.outTradeNo, ev.outTradeNo));
    if (!found || found.provider !== providerName) return mark('rejected', '订单不存在');
    // lock order: the fee row first, then its order (as the office's refund does)
    const r = await lockFee(tx, found.feeId);
    const [p] = await tx.select().from(payments).where(eq(payments.outTradeNo, ev.outTradeNo)).for('update');
    if (!r || !p) return mark('rejected', '订单不存在');
    if (ev.amountFen !== p.amountFen) {
      await writeAudit(tx, sys, {
        action: 'fee.callbackRejected',
        targetType: 'fee',
        targetId: r.fee.id,
        after: { outTradeNo: p.outTradeNo, orderAmountFen: p.amountFen, callbackAmountFen: ev.amountFen, event: ev.event },
      });
      return mark('rejected', '金额与订单不符');
    }
    const t = applyPaymentEvent(p.status as PaymentStatus, ev.event);
    if (t.outcome !== 'applied') return mark(t.outcome);
    const now = ctx.now();
    await tx
      .update(payments)
      .set({
        status: t.to,
        providerTradeNo: ev.providerTradeNo,
        updatedAt: now,
        ...(t.to === 'paid' ? { paidAt: new Date(ev.occurredAt) } : {}),
        ...(t.to === 'refunded' ? { refundedAt: new Date(ev.occurredAt) } : {}),
        ...(t.to === 'failed' ? { failureReason: '支付渠道通知支付失败' } : {}),
        ...(t.to === 'closed' ? { failureReason: '超时未支付，订单已关闭' } : {}),
      })
      .where(eq(payments.id, p.id));
    await applyToFee(ctx, tx, sys, r, p, t.to, t.late, refundAfter);
    return mark('applied');
  });
  // money for a fee already paid goes back (after commit: the provider is another system)
  for (const o of refundAfter) await provider.refund({ ...o, reason: '重复缴费，原路退回' }).catch(() => undefined);
  return result;
}

type Fee = NonNullable<Awaited<ReturnType<typeof lockFee>>>;

async function applyToFee(
  ctx: AppContext,
  tx: Tx,
  sys: AuditContext,
  r: Fee,
  p: typeof payments.$inferSelect,
  to: PaymentStatus,
  late: boolean,
  refundAfter: { outTradeNo: string; amountFen: number }[],
) {
  const f = r.fee;
  const what = `${r.planName}的${FEE_KIND_LABELS[f.kind as FeeKind]}（${feeAmountText(p.amountFen)}）`;
  const now = ctx.now();
  if (to === 'paid') {
    if (f.status === 'unpaid' || f.status === 'refunded') {
      const receiptNo = receiptNumber(f.id, shanghaiDate(now));
      await tx
        .update(applicationFees)
        .set({ status: 'paid', paymentId: p.id, receiptNo, paidAt: now, updatedAt: now })
        .where(eq(applicationFees.id, f.id));
      await writeAudit(tx, sys, {
        action: late ? 'fee.paidLate' : 'fee.paid',
        targetType: 'fee',
        targetId: f.id,
        before: { status: f.status },
        after: { status: 'paid', outTradeNo: p.outTradeNo, receiptNo, amountFen: p.amountFen },
      });
      await tellPayers(tx, r, '缴费成功', `您已缴纳${what}，缴费凭证号 ${receiptNo}，可在平台“缴费”页面查看和打印缴费凭证。`);
      return;
    }
    // paid already (another order, or confirmed by the office): this money goes back
    refundAfter.push({ outTradeNo: p.outTradeNo, amountFen: p.amountFen });
    await writeAudit(tx, sys, {
      action: 'fee.duplicateRefunded',
      targetType: 'fee',
      targetId: f.id,
      after: { outTradeNo: p.outTradeNo, amountFen: p.amountFen, feeReceiptNo: f.receiptNo },
    });
    await tellPayers(
      tx,
      r,
      '重复缴费将原路退回',
      `${what}此前已缴纳（缴费凭证号 ${f.receiptNo ?? '—'}），订单 ${p.outTradeNo} 的款项将原路退回。`,
    );
    return;
  }
  if (to === 'refunded' && f.paymentId === p.id && f.status === 'paid') {
    await tx.update(applicationFees).set({ status: 'refunded', updatedAt: now }).where(eq(applicationFees.id, f.id));
    await writeAudit(tx, sys, {
      action: 'fee.refunded',
      targetType: 'fee',
      targetId: f.id,
      before: { status: 'paid' },
      after: { status: 'refunded', outTradeNo: p.outTradeNo },
    });
    await tellPayers(tx, r, '费用已退还', `${what}已原路退回（订单 ${p.outTradeNo}）。${f.note ?? ''}`);
  }
  // failed / closed: the fee stays as it was; the payer's page shows the order's status and may start a new one
}
