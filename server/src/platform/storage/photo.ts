/** 证件照 bytes: read from an upload or the store, checked against a plan's spec, fitted, stored — shared by the archive (identity) and the application wizard (SPEC §2, §4). */
import { Readable } from 'node:stream';
import { imageSize } from 'image-size';
import type { FastifyRequest } from 'fastify';
import { checkPhoto, detectFileType, fitPhotoSize, formatBytes, imagePixelProblem, type Plan } from '@zc/domain';
import { files } from '../db/schema';
import type { AppContext } from '../context';
import { AppError, fail } from '../http/errors';
import { assertImageWithinLimits, guardedSharp, headerDimensions } from './image-guard';

export const PHOTO_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export function inspectPhoto(buf: Buffer) {
  const mime = detectFileType(buf.subarray(0, 16));
  const format: 'jpeg' | 'png' | 'other' = mime === 'image/jpeg' ? 'jpeg' : mime === 'image/png' ? 'png' : 'other';
  let width = 0;
  let height = 0;
  try {
    const d = imageSize(buf);
    width = d.width ?? 0;
    height = d.height ?? 0;
  } catch {
    // not an image: the format check reports it
  }
  return { format, bytes: buf.length, width, height };
}

/**
 * 400 when a photo's header declares more pixels than the ceiling (domain IMAGE_MAX_PIXELS): checked on
 * every photo as it arrives, before anything decodes it. A header that cannot be read is left to the
 * format check, which says "JPG or PNG".
 */
export function assertPhotoPixels(buf: Buffer): void {
  const d = headerDimensions(buf);
  const problem = d ? imagePixelProblem(d.width, d.height) : null;
  if (problem) fail('FILE_REJECTED', problem);
}

/** Shrinks and recompresses to the spec: pixel size first, then JPEG quality until the byte bounds hold. */
export async function fitPhoto(spec: Plan['photo'], buf: Buffer): Promise<Buffer> {
  const facts = inspectPhoto(buf);
  if (facts.format === 'other') fail('FILE_REJECTED', '照片须为 JPG 或 PNG 图片（按文件内容判断），请重新选择照片');
  assertImageWithinLimits(buf);
  const target = fitPhotoSize(spec, facts.width || 300, facts.height || 400);
  try {
    for (const quality of [90, 80, 70, 60, 50, 40, 30]) {
      const out = await guardedSharp(buf)
        .rotate()
        .resize(target.width, target.height, { fit: 'cover', position: 'attention' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality, mozjpeg: true })
        .toBuffer();
      if (checkPhoto(spec, inspectPhoto(out)).length === 0) return out;
      const max = spec.bytes.max;
      if (max !== undefined && out.length < max && spec.bytes.min !== undefined && out.length <= spec.bytes.min) return out;
    }
    return await guardedSharp(buf).resize(target.width, target.height, { fit: 'cover' }).jpeg({ quality: 30 }).toBuffer();
  } catch (e) {
    if (e instanceof AppError) throw e;
    // sharp refuses a truncated or corrupt image (and anything over its own pixel limit)
    fail('FILE_REJECTED', '照片无法读取（文件可能不完整或已损坏），请重新拍摄或导出后上传');
  }
}

/** Reads the one photo part of a multipart request (at most PHOTO_UPLOAD_MAX_BYTES). */
export async function readPhotoPart(req: FastifyRequest): Promise<{ buf: Buffer; filename: string }> {
  const part = await req.file({ limits: { fileSize: PHOTO_UPLOAD_MAX_BYTES } });
  if (!part) fail('FILE_REJECTED', '请选择照片');
  let buf: Buffer;
  try {
    buf = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      fail('FILE_REJECTED', `照片文件超过 ${formatBytes(PHOTO_UPLOAD_MAX_BYTES)}，请用手机或图片工具压缩后重新上传`);
    throw e;
  }
  assertPhotoPixels(buf);
  return { buf, filename: part.filename };
}

/** Reads a stored file's bytes (an archive photo reused by an application); refuses anything above maxBytes. */
export async function readStoredBytes(ctx: AppContext, storageKey: string, maxBytes = PHOTO_UPLOAD_MAX_BYTES): Promise<Buffer> {
  const stream = await ctx.store.get(storageKey);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) {
      stream.destroy();
      fail('FILE_REJECTED', `照片超过 ${formatBytes(maxBytes)}，请重新上传一张较小的照片`);
    }
    chunks.push(b);
  }
  const buf = Buffer.concat(chunks);
  assertPhotoPixels(buf); // stored before the ceiling existed: checked again before anything decodes it
  return buf;
}

export async function storePhoto(ctx: AppContext, userId: string, buf: Buffer, name: string): Promise<string> {
  const stored = await ctx.store.put(Readable.from([buf]), {
    maxBytes: PHOTO_UPLOAD_MAX_BYTES,
    accept: ['image/jpeg', 'image/png'],
    filename: name,
  });
  const [f] = await ctx.db
    .insert(files)
    .values({ ...stored, originalName: name, purpose: 'idPhoto', ownerUserId: userId })
    .returning({ id: files.id });
  return f!.id;
}
