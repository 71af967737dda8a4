/**
 * 演示支付平台 (demo mode only): a payment provider inside the platform that behaves like a real one, so the fees
 * module is written and tested against the same interface a bank's gateway will implement:
 * - its own pay page (/demo-pay/:token, server-rendered, no script) with 确认支付 / 模拟支付失败 / 取消, then back to
 *   the return URL;
 * - asynchronous HMAC-signed callbacks after a delay, sometimes delivered twice, and (when asked) an earlier
 *   'failed' arriving after 'paid'; retries with back-off while our notify URL does not answer 2xx;
 * - orders that time out (closed) and refunds (a 'refunded' callback).
 * Orders live in this process's memory, as a remote provider's would live elsewhere: restarting the demo forgets them.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { feeAmountText, type PaymentEvent } from '@zc/domain';
import {
  SIGNATURE_HEADERS,
  signFields,
  verifySignedCallback,
  type CreateOrderRequest,
  type Headers,
  type PaymentCallbackEvent,
  type PaymentProvider,
  type VerifiedCallback,
} from './payment';

export interface DemoPaymentBehaviour {
  /** wait before the first callback, as real providers notify a moment after the payer pays */
  callbackDelayMs: number;
  /** chance that a callback is delivered a second time (same notify id) */
  duplicateRate: number;
  /** chance that a 'failed' notice of an earlier attempt arrives after 'paid' (out of order) */
  staleFailureRate: number;
  /** first retry after a non-2xx answer; doubles each time */
  retryBaseMs: number;
  maxAttempts: number;
  random: () => number;
}

export const DEFAULT_DEMO_PAYMENT: DemoPaymentBehaviour = {
  callbackDelayMs: 1500,
  duplicateRate: 0.3,
  staleFailureRate: 0.2,
  retryBaseMs: 2000,
  maxAttempts: 6,
  random: Math.random,
};

type DemoStatus = 'created' | 'paid' | 'failed' | 'closed' | 'refunded';
interface DemoOrder extends CreateOrderRequest {
  token: string;
  providerTradeNo: string;
  status: DemoStatus;
}

/** How the demo provider reaches our notify URL: in-process when the app is at hand, else over HTTP. */
export type NotifyTransport = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

const fetchTransport: NotifyTransport = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers });
  return res.status;
};

export class DemoPaymentProvider implements PaymentProvider {
  readonly name = 'demo';
  readonly merchantName = '职称评审收费（演示商户）';
  readonly behaviour: DemoPaymentBehaviour;
  private readonly orders = new Map<string, DemoOrder>();
  private readonly byTradeNo = new Map<string, DemoOrder>();
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private transport: NotifyTransport = fetchTransport;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly now: () => Date,
    behaviour: Partial<DemoPaymentBehaviour> = {},
  ) {
    this.behaviour = { ...DEFAULT_DEMO_PAYMENT, ...behaviour };
  }

  useTransport(t: NotifyTransport): void {
    this.transport = t;
  }

  async createOrder(req: CreateOrderRequest): Promise<{ payUrl: string }> {
    const token = randomBytes(18).toString('base64url');
    this.seq += 1;
    const order: DemoOrder = { ...req, token, providerTradeNo: `DEMO${Date.now()}${String(this.seq).padStart(4, '0')}`, status: 'created' };
    this.orders.set(token, order);
    this.byTradeNo.set(req.outTradeNo, order);
    return { payUrl: `${this.publicUrl}/demo-pay/${token}` };
  }

  verifyCallback(rawBody: string, headers: Headers, now: Date): VerifiedCallback {
    return verifySignedCallback(this.secret, rawBody, headers, now);
  }

  async refund(req: { outTradeNo: string; amountFen: number; reason: string }): Promise<void> {
    const o = this.byTradeNo.get(req.outTradeNo);
    if (!o) throw new Error('演示支付平台：订单不存在');
    if (o.status !== 'paid') throw new Error('演示支付平台：订单未支付，不能退款');
    if (req.amountFen !== o.amountFen) throw new Error('演示支付平台：退款金额与订单金额不符');
    o.status = 'refunded';
    this.notify(o, 'refunded');
  }

  /** The order behind a pay-page token (the page reads it). */
  order(token: string): Readonly<DemoOrder> | undefined {
    return this.orders.get(token);
  }

  /** Still waiting for the payer (a failed attempt may be retried until the order expires). */
  payable(o: Readonly<DemoOrder>): boolean {
    return (o.status === 'created' || o.status === 'failed') && o.expiresAt.getTime() > this.now().getTime();
  }

  /** The payer's choice on the pay page. */
  choose(token: string, choice: 'pay' | 'fail' | 'cancel'): { ok: boolean; message: string; returnTo: string | null } {
    const o = this.orders.get(token);
    if (!o) return { ok: false, message: '订单不存在或已失效', returnTo: null };
    const back = this.returnPath(o.returnUrl);
    if ((o.status === 'created' || o.status === 'failed') && !this.payable(o)) this.expire(o);
    // the payer gives up: the order is closed (as a merchant's close call would), so a new one can be made at once
    if (choice === 'cancel') {
      if (o.status === 'created' || o.status === 'failed') this.expire(o);
      return { ok: true, message: '已取消支付', returnTo: back };
    }
    if (o.status !== 'created' && o.status !== 'failed') return { ok: false, message: this.statusText(o.status), returnTo: back };
    if (choice === 'fail') {
      o.status = 'failed';
      this.notify(o, 'failed');
      return { ok: true, message: '支付失败（模拟）', returnTo: back };
    }
    const hadFailure = o.status === 'failed';
    o.status = 'paid';
    this.notify(o, 'paid');
    // an earlier attempt's failure notice overtaken by the success, as real networks deliver
    if (!hadFailure && this.behaviour.random() < this.behaviour.staleFailureRate)
      this.notify(o, 'failed', this.behaviour.callbackDelayMs * 2, -60_000);
    return { ok: true, message: '支付成功', returnTo: back };
  }

  /** Orders unpaid at their expiry are closed, with a 'closed' callback (the demo runs this every few seconds). */
  sweepExpired(): number {
    let n = 0;
    const t = this.now().getTime();
    for (const o of this.orders.values())
      if ((o.status === 'created' || o.status === 'failed') && o.expiresAt.getTime() <= t) {
        this.expire(o);
        n += 1;
      }
    return n;
  }

  /** Resolves when every callback scheduled so far has been delivered or given up (tests wait on it). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  statusText(s: DemoStatus): string {
    return {
      created: '待支付',
      paid: '该订单已支付',
      failed: '上次支付失败，可重新支付',
      closed: '订单已超时关闭，请回到平台重新发起缴费',
      refunded: '该订单已退款',
    }[s];
  }

  private expire(o: DemoOrder) {
    o.status = 'closed';
    this.notify(o, 'closed');
  }

  /** A path on our own site is sent back as a path, so the demo works whatever address the browser used. */
  private returnPath(url: string): string {
    return url.startsWith(`${this.publicUrl}/`) ? url.slice(this.publicUrl.length) : url;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private notify(o: DemoOrder, event: PaymentEvent, delayMs = this.behaviour.callbackDelayMs, occurredShiftMs = 0): void {
    this.seq += 1;
    const body: PaymentCallbackEvent = {
      notifyId: `N${o.providerTradeNo}${event}${this.seq}`,
      outTradeNo: o.outTradeNo,
      providerTradeNo: o.providerTradeNo,
      event,
      amountFen: o.amountFen,
      occurredAt: new Date(this.now().getTime() + occurredShiftMs).toISOString(),
    };
    const times = this.behaviour.random() < this.behaviour.duplicateRate ? 2 : 1;
    for (let i = 0; i < times; i += 1) {
      const p = this.deliver(o.notifyUrl, body, delayMs * (i + 1)).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  private async deliver(url: string, body: PaymentCallbackEvent, delayMs: number): Promise<void> {
    await this.sleep(delayMs);
    for (let attempt = 1; attempt <= this.behaviour.maxAttempts && !this.closed; attempt += 1) {
      const timestamp = String(Math.floor(this.now().getTime() / 1000));
      const nonce = randomBytes(12).toString('hex');
      const headers = {
        'content-type': 'application/json',
        [SIGNATURE_HEADERS.timestamp]: timestamp,
        [SIGNATURE_HEADERS.nonce]: nonce,
        [SIGNATURE_HEADERS.signature]: signFields(this.secret, { ...body }, timestamp, nonce),
      };
      const status = await this.transport(url, JSON.stringify(body), headers).catch(() => 0);
      if (status >= 200 && status < 300) return;
      await this.sleep(this.behaviour.retryBaseMs * 2 ** (attempt - 1));
    }
  }
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f5f7;margin:0;color:#1f1f1f}
header{background:#0b6b3a;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{max-width:520px;margin:24px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 4px #0002}
.warn{background:#fff7e6;border:1px solid #d48806;padding:8px 12px;border-radius:4px;color:#613400}
dl{display:grid;grid-template-columns:6em 1fr;gap:8px 12px}dt{color:#444}dd{margin:0}.amount{font-size:24px;font-weight:bold;color:#a8071a}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:20px}button{padding:10px 20px;font-size:16px;border-radius:4px;cursor:pointer;border:1px solid #595959;background:#fff;color:#1f1f1f}
button.primary{background:#0b6b3a;border-color:#0b6b3a;color:#fff}button:focus{outline:3px solid #1557b0;outline-offset:2px}`;

function page(title: string, content: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<header><h1>演示支付平台（非真实支付）</h1></header><main>${content}</main></body></html>`;
}

/** The demo provider's pay page (demo mode only; app.ts registers it with the provider). */
export const demoPayRoutes: FastifyPluginAsync<{ provider: DemoPaymentProvider }> = async (app, { provider }) => {
  await app.register(formbody);
  provider.useTransport(async (url, body, headers) => {
    const res = await app.inject({ method: 'POST', url: new URL(url).pathname, payload: body, headers });
    return res.statusCode;
  });
  const sweep = setInterval(() => provider.sweepExpired(), 5000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    provider.close();
  });

  app.get<{ Params: { token: string } }>('/demo-pay/:token', { schema: { hide: true } }, async (req, reply) => {
    const o = provider.order(req.params.token);
    reply.type('text/html; charset=utf-8');
    if (!o) return reply.status(404).send(page('订单不存在', '<h2>订单不存在或已失效</h2><p>请回到职称申报评审平台重新发起缴费。</p>'));
    const open = provider.payable(o);
    const action = `/demo-pay/${encodeURIComponent(req.params.token)}`;
    const buttons = open
      ? `<div class="actions">
<form method="post" action="${esc(action)}"><input type="hidden" name="choice" value="pay"><button class="primary" type="submit">确认支付</button></form>
<form method="post" action="${esc(action)}"><input type="hidden" name="choice" value="fail"><button type="submit">模拟支付失败</button></form>
<form method="post" action="${esc(action)}"><input type="hidden" name="choice" value="cancel"><button type="submit">取消</button></form></div>`
      : `<p>${esc(provider.statusText(o.status))}</p><form method="post" action="${esc(action)}"><input type="hidden" name="choice" value="cancel"><button type="submit">返回平台</button></form>`;
    return reply.send(
      page(
        '演示支付平台 — 收银台',
        `<p class="warn">这是平台内置的演示支付页面，不会发生真实扣款。正式环境由配置（PAYMENT_PROVIDER）接入真实支付渠道。</p>
<h2>订单信息</h2><dl><dt>收款商户</dt><dd>${esc(provider.merchantName)}</dd><dt>商品</dt><dd>${esc(o.subject)}</dd>
<dt>订单号</dt><dd>${esc(o.outTradeNo)}</dd><dt>应付金额</dt><dd class="amount">${esc(feeAmountText(o.amountFen))}</dd>
<dt>状态</dt><dd>${esc(o.status === 'created' ? '待支付' : provider.statusText(o.status))}</dd></dl>${buttons}`,
      ),
    );
  });

  app.post<{ Params: { token: string }; Body: { choice?: string } }>('/demo-pay/:token', { schema: { hide: true } }, async (req, reply) => {
    const choice = req.body?.choice;
    if (choice !== 'pay' && choice !== 'fail' && choice !== 'cancel')
      return reply.status(400).type('text/html; charset=utf-8').send(page('请求无效', '<h2>请求无效</h2><p>请在支付页面上选择操作。</p>'));
    const r = provider.choose(req.params.token, choice);
    if (!r.returnTo)
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(page('订单不存在', `<h2>${esc(r.message)}</h2>`));
    return reply.redirect(r.returnTo, 303);
  });
};
