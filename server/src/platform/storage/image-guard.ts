/**
 * The pixel ceiling (domain IMAGE_MAX_PIXELS / IMAGE_MAX_SIDE), enforced on the header before sharp
 * sees an image, and sharp's own limit as a second guard. Every image input goes through here:
 * archive photo, application photo (and its ?fit=true path), pledge signature, evidence images.
 */
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { IMAGE_MAX_PIXELS, imagePixelProblem } from '@zc/domain';
import { fail } from '../http/errors';

/**
 * How much of an image's start is kept to read its dimensions from a stream: a JPEG's frame header
 * follows its EXIF / ICC / XMP segments (each at most 64 KB, rarely more than a few) [ours].
 */
export const IMAGE_HEADER_BYTES = 512 * 1024;

/** Dimensions from the header only (no decoding), or null when the header cannot be read. */
export function headerDimensions(head: Uint8Array): { width: number; height: number } | null {
  try {
    const d = imageSize(head);
    return d.width && d.height ? { width: d.width, height: d.height } : null;
  } catch {
    return null;
  }
}

/** The Chinese reason an image (its first bytes) is over the ceiling or unreadable; null when fine. */
export function imageHeaderProblem(head: Uint8Array): string | null {
  const d = headerDimensions(head);
  return d ? imagePixelProblem(d.width, d.height) : imagePixelProblem(0, 0);
}

/** 400 unless the image's header declares a size within the ceiling. */
export function assertImageWithinLimits(buf: Uint8Array): { width: number; height: number } {
  const problem = imageHeaderProblem(buf);
  if (problem) fail('FILE_REJECTED', problem);
  return headerDimensions(buf)!;
}

/**
 * sharp with the ceiling as a second guard. sharp's default failOn ('warning', stricter than
 * 'truncated') stays: a truncated or corrupt image throws instead of decoding garbage.
 */
export function guardedSharp(buf: Buffer) {
  return sharp(buf, { limitInputPixels: IMAGE_MAX_PIXELS });
}
