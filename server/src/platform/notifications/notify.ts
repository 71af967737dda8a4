/**
 * Notifications: the in-app inbox and text messages. Both are rows written in the caller's transaction
 * (an outbox), so a rolled-back change never notifies; the SMS adapter delivers queued rows afterwards.
 */
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SmsTemplate } from '@zc/domain';
import { notifications, smsOutbox } from '../db/schema';
import type { Db, Queryable } from '../db/client';
import { DEMO_SMS_LATENCY_MS } from '../config';
import { safeError } from '../http/db-errors';

export interface InboxMessage {
  userId: string;
  title: string;
  body: string;
  link?: string;
  /** when given, the same text also goes out as an SMS (12333-style) */
  /** template: a key of the domain's SMS_TEMPLATE_LABELS, so the outbox can name it in words */
  sms?: { mobile: string | null; template: SmsTemplate };
}

/** The INSERTs for the inbox and the SMS outbox, not yet run (none when there is nothing to say). */
export function notificationInserts(q: Queryable, messages: InboxMessage[]) {
  if (messages.length === 0) return [];
  const inbox = q
    .insert(notifications)
    .values(messages.map((m) => ({ userId: m.userId, title: m.title, body: m.body, link: m.link ?? null })));
  const sms = messages.filter((m) => m.sms?.mobile);
  if (sms.length === 0) return [inbox];
  return [
    inbox,
    q
      .insert(smsOutbox)
      .values(sms.map((m) => ({ mobile: m.sms!.mobile!, template: m.sms!.template, body: `【职称申报评审平台】${m.title}：${m.body}` }))),
  ];
}

export async function notify(q: Queryable, messages: InboxMessage[]): Promise<void> {
  for (const insert of notificationInserts(q, messages)) await insert;
}

/** The SMS gateway as the platform sees it. */
export interface SmsGateway {
  send(mobile: string, body: string): Promise<{ messageId: string }>;
}

/**
 * Demo gateway: behaves like a real one (latency, occasional failure) but delivers nowhere;
 * the administrator reads the outbox in the admin portal. Message ids name the process, so a
 * delivery can be traced to the node that made it.
 */
export class DemoSmsGateway implements SmsGateway {
  private seq = 0;
  constructor(
    private readonly failureRate = 0,
    private readonly latencyMs = DEMO_SMS_LATENCY_MS,
    private readonly random: () => number = Math.random,
  ) {}
  async send(mobile: string, body: string): Promise<{ messageId: string }> {
    await new Promise((r) => setTimeout(r, this.latencyMs));
    if (!/^1\d{10}$/.test(mobile)) throw new Error('号码格式不正确');
    if (body.length > 500) throw new Error('短信内容过长');
    if (this.random() < this.failureRate) throw new Error('短信网关暂时不可用');
    this.seq += 1;
    return { messageId: `demo-${process.pid}-${Date.now()}-${this.seq}` };
  }
}

/** Delivery policy (ours; a 12333-style notice is worth a few retries over about an hour, not more). */
export const SMS_POLICY = {
  /** gateway attempts before a message is marked 'failed' (the admin portal counts those) */
  maxAttempts: 5,
  /** first retry after this long; each further failure doubles it */
  retryBaseSeconds: 30,
  /** the longest wait between two attempts */
  retryMaxSeconds: 3600,
  /**
   * a claim older than this is taken over by another node: its node died mid-send. Far longer than
   * any gateway call, so a slow but live send is never repeated.
   */
  staleClaimSeconds: 300,
  /** messages one node claims per tick */
  batch: 50,
  /** how often each node's loop looks for due messages (main.ts) */
  loopIntervalMs: 2000,
} as const;

/** Seconds to wait before the next attempt after `attempts` failed ones. */
export function smsRetryDelaySeconds(attempts: number): number {
  return Math.min(SMS_POLICY.retryMaxSeconds, SMS_POLICY.retryBaseSeconds * 2 ** Math.max(0, attempts - 1));
}

export interface SmsDeliveryLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Claims due messages for this node, atomically (issue 8 item 9): one UPDATE over a
 * `SELECT … FOR UPDATE SKIP LOCKED`, so two nodes (or two ticks of one) never claim the same row.
 * Due: queued and past its retry time, or claimed by a node that died (stale claim). The claim
 * counts the attempt.
 */
export async function claimSmsBatch(db: Db, batch: number = SMS_POLICY.batch, staleClaimSeconds: number = SMS_POLICY.staleClaimSeconds) {
  const due = db
    .select({ id: smsOutbox.id })
    .from(smsOutbox)
    .where(
      or(
        and(eq(smsOutbox.status, 'queued'), or(isNull(smsOutbox.nextAttemptAt), lte(smsOutbox.nextAttemptAt, sql`now()`))),
        and(eq(smsOutbox.status, 'sending'), lt(smsOutbox.claimedAt, sql`now() - ${staleClaimSeconds}::int * interval '1 second'`)),
      ),
    )
    .orderBy(smsOutbox.createdAt)
    .limit(batch)
    .for('update', { skipLocked: true });
  return db
    .update(smsOutbox)
    .set({ status: 'sending', claimedAt: sql`now()`, attempts: sql`${smsOutbox.attempts} + 1` })
    .where(inArray(smsOutbox.id, due))
    .returning({ id: smsOutbox.id, mobile: smsOutbox.mobile, body: smsOutbox.body, attempts: smsOutbox.attempts });
}

/** The one place a message goes to the gateway (a stored mobile number is made sendable here). */
async function sendOne(gateway: SmsGateway, m: { mobile: string; body: string }): Promise<{ messageId: string }> {
  return gateway.send(m.mobile, m.body);
}

/**
 * Deliver due messages: claim a batch (short statement, no transaction held), call the gateway
 * outside any transaction, then record the outcome — sent, or queued again with a growing delay,
 * or failed after SMS_POLICY.maxAttempts. The outcome is written only while the claim is still
 * ours (same attempt number). Returns how many were sent. Logs carry the outbox id, never the number.
 */
export async function deliverSmsOutbox(db: Db, gateway: SmsGateway, opts: { batch?: number; log?: SmsDeliveryLog } = {}): Promise<number> {
  const claimed = await claimSmsBatch(db, opts.batch);
  let sent = 0;
  for (const m of claimed) {
    const ours = and(eq(smsOutbox.id, m.id), eq(smsOutbox.status, 'sending'), eq(smsOutbox.attempts, m.attempts));
    try {
      const { messageId } = await sendOne(gateway, m);
      await db
        .update(smsOutbox)
        .set({ status: 'sent', sentAt: sql`now()`, providerMessageId: messageId, lastError: null, claimedAt: null })
        .where(ours);
      opts.log?.info({ smsId: m.id, attempt: m.attempts, messageId }, 'sms sent');
      sent += 1;
    } catch (e) {
      const failed = m.attempts >= SMS_POLICY.maxAttempts;
      await db
        .update(smsOutbox)
        .set({
          status: failed ? 'failed' : 'queued',
          // the gateway's words may quote the number: scrubbed like every logged error
          lastError: safeError(e).message.slice(0, 200),
          claimedAt: null,
          nextAttemptAt: failed ? null : sql`now() + ${smsRetryDelaySeconds(m.attempts)}::int * interval '1 second'`,
        })
        .where(ours);
      opts.log?.warn({ smsId: m.id, attempt: m.attempts, failed }, 'sms not sent');
    }
  }
  return sent;
}

/**
 * Runs `tick` every `intervalMs`, never two at once in this process: a tick that is still running
 * when the next is due makes that one skip. Returns the timer (clearInterval stops it).
 */
export function nonOverlappingInterval(tick: () => Promise<unknown>, intervalMs: number, onError: (e: unknown) => void): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return timer;
}

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
  return row?.n ?? 0;
}

export async function markRead(q: Queryable, userId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids)));
}

export async function markAllRead(q: Queryable, userId: string): Promise<void> {
  await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
}
