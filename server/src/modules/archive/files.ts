/**
 * Evidence files: caps, de-duplication by content, and resumable uploads for large scans.
 * A resumable upload (POST /uploads, then PUT chunks at an offset) survives a dropped connection:
 * the client asks where it stopped and continues; a retry with the same client key never creates
 * a second file, and a file with the same content as one the applicant already has is reused.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { detectFileType, formatBytes, nameContentMismatch, ACCEPTED_FILE_LABEL, EVIDENCE_MAX_FILE_BYTES, EVIDENCE_MAX_TOTAL_BYTES, type AcceptedMime } from '@zc/domain';
import { files, uploads } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import type { StoredObject } from '../../platform/storage/storage';

export { EVIDENCE_MAX_FILE_BYTES };
export const EVIDENCE_ACCEPT: readonly AcceptedMime[] = ['application/pdf', 'image/jpeg', 'image/png'];

export async function usedBytes(q: Queryable, userId: string): Promise<number> {
  const [r] = await q.select({ n: sql<number>`coalesce(sum(${files.size}), 0)::bigint` }).from(files).where(and(eq(files.ownerUserId, userId), eq(files.purpose, 'evidence')));
  return Number(r?.n ?? 0);
}

export async function assertEvidenceQuota(q: Queryable, userId: string, incoming: number) {
  const used = await usedBytes(q, userId);
  if (used + incoming > EVIDENCE_MAX_TOTAL_BYTES) {
    fail('FILE_REJECTED', `佐证材料总量已达 ${formatBytes(used)}，上限为 ${formatBytes(EVIDENCE_MAX_TOTAL_BYTES)}。请删除不再需要的文件，或压缩扫描件后再上传`);
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
  if (input.size > EVIDENCE_MAX_FILE_BYTES) fail('FILE_REJECTED', `文件超过 ${formatBytes(EVIDENCE_MAX_FILE_BYTES)} 的上限，请压缩或分拆后重新上传`);
  await assertEvidenceQuota(ctx.db, userId, input.size);
  const [existing] = await ctx.db.select().from(uploads).where(and(eq(uploads.ownerUserId, userId), eq(uploads.clientKey, input.clientKey)));
  if (existing) {
    if (existing.size !== input.size) fail('CONFLICT', '同一文件的大小与上次不同，请重新选择文件');
    return existing;
  }
  const [u] = await ctx.db.insert(uploads).values({ ownerUserId: userId, clientKey: input.clientKey, filename: input.filename.slice(0, 200), size: input.size }).returning();
  await mkdir(join(ctx.config.dataDir, 'uploads'), { recursive: true });
  await (await open(tmpPathOf(ctx, u!.id), 'w')).close();
  return u!;
}

export async function getUpload(ctx: AppContext, userId: string, id: string) {
  const [u] = await ctx.db.select().from(uploads).where(eq(uploads.id, id));
  if (!u || u.ownerUserId !== userId) fail('NOT_FOUND');
  return u;
}

class Counter extends Transform {
  n = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: (err?: Error | null, d?: Buffer) => void) {
    this.n += chunk.length;
    if (this.n > this.limit) return cb(new Error('beyond declared size'));
    cb(null, chunk);
  }
}

/**
 * Appends a chunk at `offset`. The offset must be where the server stopped (a retry of a chunk the
 * server already has is answered with the current offset, not written twice).
 */
export async function appendChunk(ctx: AppContext, userId: string, id: string, offset: number, body: Readable) {
  const u = await getUpload(ctx, userId, id);
  if (u.status === 'complete') {
    body.resume();
    return u;
  }
  const path = tmpPathOf(ctx, id);
  const onDisk = (await stat(path).catch(() => null))?.size ?? 0;
  if (offset !== onDisk) {
    body.resume();
    fail('CONFLICT', `续传位置不一致：服务器已收到 ${onDisk} 字节`, { offset: String(onDisk) });
  }
  const counter = new Counter(u.size - onDisk);
  try {
    await pipeline(body, counter, createWriteStream(path, { flags: 'a' }));
  } catch {
    // keep what arrived: the client resumes from the new offset
  }
  const received = (await stat(path)).size;
  if (received > u.size) {
    await rm(path, { force: true });
    await ctx.db.update(uploads).set({ status: 'failed', received: 0 }).where(eq(uploads.id, id));
    fail('FILE_REJECTED', '收到的数据超过声明的文件大小，请重新上传');
  }
  await ctx.db.update(uploads).set({ received, updatedAt: ctx.now() }).where(eq(uploads.id, id));
  if (received < u.size) return { ...u, received };
  return finishUpload(ctx, userId, { ...u, received });
}

async function finishUpload(ctx: AppContext, userId: string, u: typeof uploads.$inferSelect) {
  const path = tmpPathOf(ctx, u.id);
  const fh = await open(path, 'r');
  const head = Buffer.alloc(16);
  await fh.read(head, 0, 16, 0);
  await fh.close();
  const mime = detectFileType(head);
  if (!mime || !EVIDENCE_ACCEPT.includes(mime)) {
    await rm(path, { force: true });
    await ctx.db.update(uploads).set({ status: 'failed' }).where(eq(uploads.id, u.id));
    fail('FILE_REJECTED', `文件内容不是允许的格式（${ACCEPTED_FILE_LABEL}），请上传原始的扫描件或照片，不要只修改扩展名`);
  }
  const mismatch = nameContentMismatch(u.filename, mime);
  if (mismatch) {
    await rm(path, { force: true });
    await ctx.db.update(uploads).set({ status: 'failed' }).where(eq(uploads.id, u.id));
    fail('FILE_REJECTED', mismatch);
  }
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  const sha256 = hash.digest('hex');
  const storageKey = await ctx.store.adopt(path);
  const fileId = await recordFile(ctx, userId, { storageKey, sha256, size: u.size, mime }, u.filename);
  const [done] = await ctx.db.update(uploads).set({ status: 'complete', fileId, received: u.size, updatedAt: ctx.now() }).where(eq(uploads.id, u.id)).returning();
  return done!;
}
