/**
 * Evidence files: caps, de-duplication by content, and resumable uploads for large scans.
 * A resumable upload (POST /uploads, then PUT chunks at an offset) survives a dropped connection:
 * the client asks where it stopped and continues; a retry with the same client key never creates
 * a second file, and a file with the same content as one the applicant already has is reused.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable, type Readable } from 'node:stream';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { formatBytes, EVIDENCE_MAX_FILE_BYTES, EVIDENCE_MAX_TOTAL_BYTES, type AcceptedMime } from '@zc/domain';
import { files, uploads } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { AppError, fail } from '../../platform/http/errors';
import { InspectingStream, type StoredObject } from '../../platform/storage/storage';

export { EVIDENCE_MAX_FILE_BYTES };
export const EVIDENCE_ACCEPT: readonly AcceptedMime[] = ['application/pdf', 'image/jpeg', 'image/png'];

export async function usedBytes(q: Queryable, userId: string): Promise<number> {
  const [r] = await q
    .select({ n: sql<number>`coalesce(sum(${files.size}), 0)::bigint` })
    .from(files)
    .where(and(eq(files.ownerUserId, userId), eq(files.purpose, 'evidence')));
  return Number(r?.n ?? 0);
}

export async function assertEvidenceQuota(q: Queryable, userId: string, incoming: number) {
  const used = await usedBytes(q, userId);
  if (used + incoming > EVIDENCE_MAX_TOTAL_BYTES) {
    fail(
      'FILE_REJECTED',
      `佐证材料总量已达 ${formatBytes(used)}，上限为 ${formatBytes(EVIDENCE_MAX_TOTAL_BYTES)}。请删除不再需要的文件，或压缩扫描件后再上传`,
    );
  }
}

/** Records a stored object; when the applicant already has a file with the same content, that one is reused. */
export async function recordFile(ctx: AppContext, userId: string, stored: StoredObject, filename: string): Promise<string> {
  const [same] = await ctx.db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.ownerUserId, userId), eq(files.sha256, stored.sha256), eq(files.purpose, 'evidence')));
  if (same) {
    await ctx.store.remove(stored.storageKey);
    return same.id;
  }
  const [f] = await ctx.db
    .insert(files)
    .values({ ...stored, originalName: filename.slice(0, 200), purpose: 'evidence', ownerUserId: userId })
    .returning({ id: files.id });
  return f!.id;
}

function tmpPathOf(ctx: AppContext, uploadId: string) {
  return join(ctx.config.dataDir, 'uploads', `${uploadId}.part`);
}

export async function startUpload(ctx: AppContext, userId: string, input: { filename: string; size: number; clientKey: string }) {
  if (input.size <= 0) fail('FILE_REJECTED', '文件是空的，请重新选择文件');
  if (input.size > EVIDENCE_MAX_FILE_BYTES)
    fail('FILE_REJECTED', `文件超过 ${formatBytes(EVIDENCE_MAX_FILE_BYTES)} 的上限，请压缩或分拆后重新上传`);
  await assertEvidenceQuota(ctx.db, userId, input.size);
  const [existing] = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.ownerUserId, userId), eq(uploads.clientKey, input.clientKey)));
  if (existing) {
    if (existing.size !== input.size) fail('CONFLICT', '同一文件的大小与上次不同，请重新选择文件');
    return existing;
  }
  // the temp file exists before the row does, so a chunk never finds a row without its file
  const id = randomUUID();
  await mkdir(join(ctx.config.dataDir, 'uploads'), { recursive: true });
  await (await open(tmpPathOf(ctx, id), 'w')).close();
  const [u] = await ctx.db
    .insert(uploads)
    .values({ id, ownerUserId: userId, clientKey: input.clientKey, filename: input.filename.slice(0, 200), size: input.size })
    .onConflictDoNothing()
    .returning();
  if (u) return u;
  // the same file started at the same moment (two tabs, a retried request): both get the one upload
  await rm(tmpPathOf(ctx, id), { force: true });
  const [other] = await ctx.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.ownerUserId, userId), eq(uploads.clientKey, input.clientKey)));
  if (!other) fail('CONFLICT', '上传未能开始，请重试');
  if (other.size !== input.size) fail('CONFLICT', '同一文件的大小与上次不同，请重新选择文件');
  return other;
}

export async function getUpload(ctx: AppContext, userId: string, id: string) {
  const [u] = await ctx.db.select().from(uploads).where(eq(uploads.id, id));
  if (!u || u.ownerUserId !== userId) fail('NOT_FOUND');
  return u;
}

/**
 * A chunk holds its upload for at most this long [ours]: a 4 MB slice (web/src/shared/upload.ts
 * CHUNK_BYTES) at 40 KB/s takes 100 s. After CHUNK_WRITE_MS the server stops reading the chunk, keeps
 * what arrived, and releases the upload, so no writer outlives its claim; a process that died
 * mid-chunk holds the upload until CHUNK_CLAIM_MS has passed.
 */
export const CHUNK_CLAIM_MS = 120_000;
export const CHUNK_WRITE_MS = 110_000;

/**
 * Counts a chunk's bytes; past the limit it passes nothing more on and drains the rest, so the request
 * ends normally and the client receives the 400 (destroying the request would drop the connection).
 */
class Counter extends Transform {
  n = 0;
  over = false;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: (err?: Error | null, d?: Buffer) => void) {
    this.n += chunk.length;
    if (this.n > this.limit) this.over = true;
    if (this.over) return cb();
    cb(null, chunk);
  }
}
class TooSlow extends Error {}

function beyondSize(u: { size: number }, offset: number): never {
  fail(
    'FILE_REJECTED',
    `这一段数据超出了声明的文件大小（${u.size} 字节）：从第 ${offset} 字节起只差 ${u.size - offset} 字节。请重新选择文件后上传`,
  );
}

/** 409 with the server's offset: the client continues from there. */
async function conflict(ctx: AppContext, id: string, offset: number): Promise<never> {
  const [now] = await ctx.db.select().from(uploads).where(eq(uploads.id, id));
  const at = now?.received ?? 0;
  if (now && now.status !== 'open') fail('CONFLICT', '该文件已上传完成或已失败，请刷新后查看', { offset: String(at) });
  if (at !== offset) fail('CONFLICT', `续传位置不一致：服务器已收到 ${at} 字节，请从第 ${at} 字节继续上传`, { offset: String(at) });
  fail('CONFLICT', `该文件的另一段数据正在上传（可能在另一个窗口），请稍后从第 ${at} 字节继续`, { offset: String(at) });
}

/**
 * Appends a chunk at `offset`. Exactly one chunk per upload is written at a time: it claims the upload
 * in one conditional UPDATE (received = offset, open, not held by a live claim); anything else gets 409
 * with the server's offset (a replayed chunk is not written twice, a parallel one not at all). The
 * bytes go to the temp file at exactly `offset` (after cutting off whatever a crashed chunk left past
 * it), and `received` moves only under the same claim. A chunk longer than what remains of the declared
 * size is refused with 400 and leaves the upload as it was.
 */
export async function appendChunk(ctx: AppContext, userId: string, id: string, offset: number, body: Readable, contentLength?: number) {
  const u = await getUpload(ctx, userId, id);
  if (u.status === 'complete') {
    body.resume();
    return u;
  }
  if (contentLength !== undefined && offset + contentLength > u.size) {
    body.resume();
    beyondSize(u, offset);
  }
  const claim = new Date(ctx.now().getTime() + CHUNK_CLAIM_MS);
  const [held] = await ctx.db
    .update(uploads)
    .set({ busyUntil: claim })
    .where(
      and(
        eq(uploads.id, id),
        eq(uploads.ownerUserId, userId),
        eq(uploads.received, offset),
        eq(uploads.status, 'open'),
        or(isNull(uploads.busyUntil), lt(uploads.busyUntil, ctx.now())),
      ),
    )
    .returning();
  if (!held) {
    body.resume();
    return conflict(ctx, id, offset);
  }
  const ours = and(eq(uploads.id, id), eq(uploads.received, offset), eq(uploads.busyUntil, claim));
  const release = () => ctx.db.update(uploads).set({ busyUntil: null }).where(ours);

  const path = tmpPathOf(ctx, id);
  let written = 0;
  try {
    const onDisk = (await stat(path).catch(() => null))?.size;
    if (onDisk === undefined || onDisk < offset) {
      // the temp file lost bytes the server had acknowledged (a crash before they reached the disk): start over
      body.resume();
      await mkdir(join(ctx.config.dataDir, 'uploads'), { recursive: true });
      await (await open(path, 'w')).close();
      await ctx.db.update(uploads).set({ received: 0, busyUntil: null, updatedAt: ctx.now() }).where(ours);
      fail('CONFLICT', '服务器上的临时数据已丢失，请从头重新上传该文件', { offset: '0' });
    }
    if (onDisk > offset) await truncate(path, offset); // what a crashed or refused chunk left behind
    const counter = new Counter(u.size - offset);
    const slow = setTimeout(() => body.destroy(new TooSlow()), CHUNK_WRITE_MS);
    try {
      await pipeline(body, counter, createWriteStream(path, { flags: 'r+', start: offset, flush: true }));
    } catch {
      // a dropped connection or a slow chunk: keep the bytes that reached the file, the client resumes after them
    } finally {
      clearTimeout(slow);
    }
    if (counter.over) {
      await truncate(path, offset);
      beyondSize(u, offset);
    }
    written = Math.max(0, Math.min((await stat(path)).size - offset, u.size - offset));
    if ((await stat(path)).size !== offset + written) await truncate(path, offset + written);
  } catch (e) {
    await release();
    throw e;
  }
  const received = offset + written;
  const complete = received === u.size;
  // the last chunk keeps the claim while the file is checked and stored
  const [moved] = await ctx.db
    .update(uploads)
    .set({ received, busyUntil: complete ? new Date(ctx.now().getTime() + CHUNK_CLAIM_MS) : null, updatedAt: ctx.now() })
    .where(ours)
    .returning();
  if (!moved) return conflict(ctx, id, offset); // the claim expired meanwhile (a stalled process): nothing moved
  if (!complete) return moved;
  return finishUpload(ctx, userId, moved);
}

async function failUpload(ctx: AppContext, u: typeof uploads.$inferSelect, message: string): Promise<never> {
  await rm(tmpPathOf(ctx, u.id), { force: true });
  await ctx.db.update(uploads).set({ status: 'failed', busyUntil: null, updatedAt: ctx.now() }).where(eq(uploads.id, u.id));
  fail('FILE_REJECTED', message);
}

/**
 * The assembled file is checked as a whole, like a direct upload (InspectingStream: type by content,
 * name agreement, complete file, pixel ceiling), and its SHA-256 is computed over exactly these bytes.
 */
async function finishUpload(ctx: AppContext, userId: string, u: typeof uploads.$inferSelect) {
  const path = tmpPathOf(ctx, u.id);
  const inspector = new InspectingStream(u.size, EVIDENCE_ACCEPT, u.filename);
  try {
    await pipeline(createReadStream(path), inspector, new Writable({ write: (_c, _e, cb) => cb() }));
  } catch (e) {
    return failUpload(ctx, u, e instanceof AppError ? e.message : '文件无法读取，请重新上传');
  }
  if (inspector.size !== u.size) return failUpload(ctx, u, '收到的数据与声明的文件大小不一致，请重新上传');
  const storageKey = await ctx.store.adopt(path);
  const fileId = await recordFile(
    ctx,
    userId,
    { storageKey, sha256: inspector.hash.digest('hex'), size: u.size, mime: inspector.mime! },
    u.filename,
  );
  const [done] = await ctx.db
    .update(uploads)
    .set({ status: 'complete', fileId, received: u.size, busyUntil: null, updatedAt: ctx.now() })
    .where(eq(uploads.id, u.id))
    .returning();
  return done!;
}
