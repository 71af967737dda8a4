/**
 * Notifications: the in-app inbox and text messages. Both are rows written in the caller's transaction
 * (an outbox), so a rolled-back change never notifies; the SMS adapter delivers queued rows afterwards.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { notifications, smsOutbox } from '../db/schema';
import type { Db, Queryable } from '../db/client';

export interface InboxMessage {
  userId: string;
  title: string;
  body: string;
  link?: string;
  /** when given, the same text also goes out as an SMS (12333-style) */
  sms?: { mobile: string | null; template: string };
}

/** The INSERTs for the inbox and the SMS outbox, not yet run (none when there is nothing to say). */
export function notificationInserts(q: Queryable, messages: InboxMessage[]) {
  if (messages.length === 0) return [];
  const inbox = q.insert(notifications).values(messages.map((m) => ({ userId: m.userId, title: m.title, body: m.body, link: m.link ?? null })));
  const sms = messages.filter((m) => m.sms?.mobile);
  if (sms.length === 0) return [inbox];
  return [inbox, q.insert(smsOutbox).values(sms.map((m) => ({ mobile: m.sms!.mobile!, template: m.sms!.template, body: `【职称申报评审平台】${m.title}：${m.body}` })))];
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
 * the administrator reads the outbox in the admin portal.
 */
export class DemoSmsGateway implements SmsGateway {
  private seq = 0;
  constructor(
    private readonly failureRate = 0,
    private readonly latencyMs = 20,
    private readonly random: () => number = Math.random,
  ) {}
  async send(mobile: string, body: string): Promise<{ messageId: string }> {
    await new Promise((r) => setTimeout(r, this.latencyMs));
    if (!/^1\d{10}$/.test(mobile)) throw new Error('号码格式不正确');
    if (body.length > 500) throw new Error('短信内容过长');
    if (this.random() < this.failureRate) throw new Error('短信网关暂时不可用');
    this.seq += 1;
    return { messageId: `demo-${Date.now()}-${this.seq}` };
  }
}

const MAX_ATTEMPTS = 5;

/** Deliver queued messages; failed ones stay queued until MAX_ATTEMPTS. Returns how many were sent. */
export async function deliverSmsOutbox(db: Db, gateway: SmsGateway, batch = 50): Promise<number> {
  const queued = await db
    .select()
    .from(smsOutbox)
    .where(and(eq(smsOutbox.status, 'queued')))
    .orderBy(smsOutbox.createdAt)
    .limit(batch);
  let sent = 0;
  for (const m of queued) {
    try {
      const { messageId } = await gateway.send(m.mobile, m.body);
      await db
        .update(smsOutbox)
        .set({ status: 'sent', sentAt: new Date(), providerMessageId: messageId, attempts: m.attempts + 1 })
        .where(eq(smsOutbox.id, m.id));
      sent += 1;
    } catch (e) {
      const attempts = m.attempts + 1;
      await db
        .update(smsOutbox)
        .set({ attempts, lastError: (e as Error).message, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued' })
        .where(eq(smsOutbox.id, m.id));
    }
  }
  return sent;
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
  await q.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
}
