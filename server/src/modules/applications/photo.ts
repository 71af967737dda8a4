/** 证件照 against the plan's spec (SPEC §4): refused with the exact reason; a too-large photo can be fitted. */
import { Readable } from 'node:stream';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { checkPhoto, detectFileType, fitPhotoSize, type Plan } from '@zc/domain';
import { files } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';

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

/** Shrinks and recompresses to the spec: pixel size first, then JPEG quality until the byte bounds hold. */
export async function fitPhoto(spec: Plan['photo'], buf: Buffer): Promise<Buffer> {
  const facts = inspectPhoto(buf);
  const target = fitPhotoSize(spec, facts.width || 300, facts.height || 400);
  for (const quality of [90, 80, 70, 60, 50, 40, 30]) {
    const out = await sharp(buf).rotate().resize(target.width, target.height, { fit: 'cover', position: 'attention' }).flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
    if (checkPhoto(spec, inspectPhoto(out)).length === 0) return out;
    const max = spec.bytes.max;
    if (max !== undefined && out.length < max && spec.bytes.min !== undefined && out.length <= spec.bytes.min) return out;
  }
  return sharp(buf).resize(target.width, target.height, { fit: 'cover' }).jpeg({ quality: 30 }).toBuffer();
}

export async function storePhoto(ctx: AppContext, userId: string, buf: Buffer, name: string): Promise<string> {
  const stored = await ctx.store.put(Readable.from([buf]), { maxBytes: PHOTO_UPLOAD_MAX_BYTES, accept: ['image/jpeg', 'image/png'], filename: name });
  const [f] = await ctx.db.insert(files).values({ ...stored, originalName: name, purpose: 'idPhoto', ownerUserId: userId }).returning({ id: files.id });
  return f!.id;
}
