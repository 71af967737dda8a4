/**
 * The payment order's state machine (SPEC §7 [ours]: how a real provider's asynchronous callbacks are applied).
 * Providers deliver callbacks at least once and in no guaranteed order, so each event is judged against the
 * order's current status: it moves the order, repeats what is known (duplicate), or is overtaken (stale).
 *
 *   created ── paid ──▶ paid ── refunded ──▶ refunded
 *      │  ╲── failed ─▶ failed ── paid ──▶ paid        (the payer tried again on the provider's page)
 *      │                  ╲── closed ─▶ closed
 *      ╰──── closed ──▶ closed ── paid ──▶ paid        (money received after the order expired: still recorded)
 *
 * Anything that would undo money received (failed / closed after paid) is stale; nothing follows refunded.
 */
import { z } from 'zod';

export const PAYMENT_STATUSES = ['created', 'paid', 'failed', 'closed', 'refunded'] as const;
export const ZPaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof ZPaymentStatus>;
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  created: '待支付',
  paid: '支付成功',
  failed: '支付失败',
  closed: '已关闭（超时未支付）',
  refunded: '已退款',
};

/** What a provider's callback says happened to an order. */
export const PAYMENT_EVENTS = ['paid', 'failed', 'closed', 'refunded'] as const;
export const ZPaymentEvent = z.enum(PAYMENT_EVENTS);
export type PaymentEvent = z.infer<typeof ZPaymentEvent>;
export const PAYMENT_EVENT_LABELS: Record<PaymentEvent, string> = {
  paid: '支付成功通知',
  failed: '支付失败通知',
  closed: '订单关闭通知',
  refunded: '退款成功通知',
};

/** What became of a callback: applied to the order, a repeat (same notify id, or a state already reached), overtaken, or refused. */
export const CALLBACK_OUTCOMES = ['applied', 'duplicate', 'stale', 'rejected'] as const;
export const ZCallbackOutcome = z.enum(CALLBACK_OUTCOMES);
export type CallbackOutcome = z.infer<typeof ZCallbackOutcome>;
export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  applied: '已处理',
  duplicate: '重复通知（未重复处理）',
  stale: '过期通知（已被后续状态覆盖）',
  rejected: '已拒绝（签名或金额不符）',
};

export type PaymentTransition =
  | { outcome: 'applied'; to: PaymentStatus; /** money arrived for an order already closed (timed out) */ late: boolean }
  | { outcome: 'duplicate' | 'stale'; to: PaymentStatus };

const EVENT_TARGET: Record<PaymentEvent, PaymentStatus> = { paid: 'paid', failed: 'failed', closed: 'closed', refunded: 'refunded' };

/** Which statuses each event may move an order from. */
const MOVES: Record<PaymentEvent, readonly PaymentStatus[]> = {
  paid: ['created', 'failed', 'closed'],
  failed: ['created'],
  closed: ['created', 'failed'],
  refunded: ['paid'],
};

/** The order's next status and the callback's outcome when `event` arrives for an order in `from`. */
export function applyPaymentEvent(from: PaymentStatus, event: PaymentEvent): PaymentTransition {
  const target = EVENT_TARGET[event];
  if (from === target) return { outcome: 'duplicate', to: from };
  if (MOVES[event].includes(from)) return { outcome: 'applied', to: target, late: event === 'paid' && from === 'closed' };
  return { outcome: 'stale', to: from };
}

/** An order still waiting for the payer (a second live order for the same fee is refused). */
export function isLiveOrder(o: { status: PaymentStatus; expiresAt: Date }, now: Date): boolean {
  return o.status === 'created' && o.expiresAt.getTime() > now.getTime();
}

/** [ours] How long a pay page stays valid: 30 minutes, as common providers' default order timeout. */
export const PAYMENT_ORDER_TTL_MINUTES = 30;
