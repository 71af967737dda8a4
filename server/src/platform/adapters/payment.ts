/**
 * 网上支付 (SPEC §7): the payment provider as the platform sees it. A real provider (a bank's or a government
 * non-tax payment gateway) is plugged in by implementing PaymentProvider and naming it in PAYMENT_PROVIDER; the
 * built-in `demo` provider (demo-payment.ts, demo mode only) behaves like one: its own pay page, asynchronous signed
 * callbacks (sometimes twice, sometimes late and out of order), retries, order timeout and refunds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalString, callbackFreshnessProblem, ZPaymentEvent, type PaymentEvent, type SignedFields } from '@zc/domain';
import { z } from 'zod';

export interface CreateOrderRequest {
  /** our order number (payments.out_trade_no) */
  outTradeNo: string;
  amountFen: number;
  /** what the payer sees on the provider's page, e.g. 评审费（某某计划） */
  subject: string;
  /** where the provider sends the payer back after paying (our fee page) */
  returnUrl: string;
  /** where the provider posts its callbacks */
  notifyUrl: string;
  expiresAt: Date;
}

/** A callback, verified: what happened to which order. */
export interface PaymentCallbackEvent {
  notifyId: string;
  outTradeNo: string;
  providerTradeNo: string;
  event: PaymentEvent;
  amountFen: number;
  /** ISO time the provider says it happened */
  occurredAt: string;
}

export type VerifiedCallback =
  | { ok: true; event: PaymentCallbackEvent }
  /** refused (bad signature, stale timestamp, malformed): the parts that could be read are kept for the record */
  | { ok: false; reason: string; notifyId: string | null; outTradeNo: string | null; event: string | null };

export type Headers = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  /** the provider's name in PAYMENT_PROVIDER, in payments.provider and in the notify URL */
  readonly name: string;
  /** the merchant name the payer sees */
  readonly merchantName: string;
  /** registers the order with the provider; the payer is sent to payUrl */
  createOrder(req: CreateOrderRequest): Promise<{ payUrl: string }>;
  /** checks a callback's signature and freshness and reads it */
  verifyCallback(rawBody: string, headers: Headers, now: Date): VerifiedCallback;
  /** asks the provider to return a paid order's money; the outcome arrives as a 'refunded' callback */
  refund(req: { outTradeNo: string; amountFen: number; reason: string }): Promise<void>;
}

/** The callback body every signing provider of ours sends (the demo one; a real adapter maps its own format to it). */
export const ZCallbackBody = z.object({
  notifyId: z.string().min(1).max(64),
  outTradeNo: z.string().min(1).max(64),
  providerTradeNo: z.string().min(1).max(64),
  event: ZPaymentEvent,
  amountFen: z.number().int().min(0),
  occurredAt: z.string().max(40),
});

export const SIGNATURE_HEADERS = { timestamp: 'x-pay-timestamp', nonce: 'x-pay-nonce', signature: 'x-pay-signature' } as const;

export function signFields(secret: string, fields: SignedFields, timestamp: string, nonce: string): string {
  return createHmac('sha256', secret)
    .update(canonicalString(fields, timestamp, nonce), 'utf8')
    .digest('hex');
}

function header(h: Headers, name: string): string {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** Verifies an HMAC-SHA256 signed callback (domain fees/signature.ts) and reads its body. */
export function verifySignedCallback(secret: string, rawBody: string, headers: Headers, now: Date): VerifiedCallback {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: '通知内容不是有效的 JSON', notifyId: null, outTradeNo: null, event: null };
  }
  const loose = (parsed ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 64) : null);
  const partial = { notifyId: str(loose.notifyId), outTradeNo: str(loose.outTradeNo), event: str(loose.event) };
  const body = ZCallbackBody.safeParse(parsed);
  if (!body.success) return { ok: false, reason: '通知字段不完整或格式不正确', ...partial };
  const ts = header(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = header(headers, SIGNATURE_HEADERS.nonce);
  const fresh = callbackFreshnessProblem(ts, nonce, now);
  if (fresh) return { ok: false, reason: fresh, ...partial };
  const expected = Buffer.from(signFields(secret, body.data, ts, nonce), 'hex');
  const given = Buffer.from(header(headers, SIGNATURE_HEADERS.signature), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: '签名验证失败', ...partial };
  return { ok: true, event: body.data };
}
