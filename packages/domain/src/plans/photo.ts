/**
 * Photo check against the plan's spec (SPEC §3, §11): format by content, byte size, pixel size and
 * aspect ratio, each failure with the exact reason; and the size to shrink a too-large photo to.
 */
import type { Plan } from './plan';

type Bound = Plan['photo']['bytes'];

export interface PhotoFacts {
  format: 'jpeg' | 'png' | 'other';
  bytes: number;
  width: number;
  height: number;
}

function within(v: number, b: Bound): boolean {
  if (b.min !== undefined && (b.minInclusive ? v < b.min : v <= b.min)) return false;
  if (b.max !== undefined && (b.maxInclusive ? v > b.max : v >= b.max)) return false;
  return true;
}

function describe(b: Bound, unit: (n: number) => string): string {
  const parts: string[] = [];
  if (b.min !== undefined) parts.push(`${b.minInclusive ? '不小于' : '大于'} ${unit(b.min)}`);
  if (b.max !== undefined) parts.push(`${b.maxInclusive ? '不大于' : '小于'} ${unit(b.max)}`);
  return parts.join('且');
}

const kb = (n: number) =>
  n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MB` : `${Math.round((n / 1024) * 10) / 10} KB`;
const px = (n: number) => `${n} 像素`;

/** The spec in one Chinese sentence, for the upload page. */
export function describePhotoSpec(spec: Plan['photo']): string {
  const parts = [`格式 ${spec.formats.map((f) => (f === 'jpeg' ? 'JPG/JPEG' : 'PNG')).join('、')}`];
  if (spec.bytes.min !== undefined || spec.bytes.max !== undefined) parts.push(`文件大小${describe(spec.bytes, kb)}`);
  if (spec.width.min !== undefined || spec.width.max !== undefined) parts.push(`宽度${describe(spec.width, px)}`);
  if (spec.height.min !== undefined || spec.height.max !== undefined) parts.push(`高度${describe(spec.height, px)}`);
  if (spec.aspect) parts.push(`宽高比 ${spec.aspect.min}–${spec.aspect.max}`);
  return parts.join('；');
}

export function checkPhoto(spec: Plan['photo'], p: PhotoFacts): string[] {
  const problems: string[] = [];
  if (p.format === 'other' || !spec.formats.includes(p.format))
    problems.push(`照片格式须为 ${spec.formats.map((f) => (f === 'jpeg' ? 'JPG/JPEG' : 'PNG')).join('、')}（按文件内容判断）`);
  if (!within(p.bytes, spec.bytes)) problems.push(`照片文件大小须${describe(spec.bytes, kb)}，当前为 ${kb(p.bytes)}`);
  if (!within(p.width, spec.width)) problems.push(`照片宽度须${describe(spec.width, px)}，当前为 ${p.width} 像素`);
  if (!within(p.height, spec.height)) problems.push(`照片高度须${describe(spec.height, px)}，当前为 ${p.height} 像素`);
  if (spec.aspect) {
    const r = p.width / p.height;
    if (r < spec.aspect.min || r > spec.aspect.max)
      problems.push(`照片宽高比须在 ${spec.aspect.min}–${spec.aspect.max} 之间，当前为 ${r.toFixed(2)}`);
  }
  return problems;
}

/** A target pixel size that fits the spec (for the page's crop/resize offer), keeping the aspect inside its bounds. */
export function fitPhotoSize(spec: Plan['photo'], width: number, height: number): { width: number; height: number } {
  let ratio = width / height;
  if (spec.aspect) ratio = Math.min(Math.max(ratio, spec.aspect.min), spec.aspect.max);
  const maxW = spec.width.max !== undefined ? spec.width.max - (spec.width.maxInclusive ? 0 : 1) : width;
  const maxH = spec.height.max !== undefined ? spec.height.max - (spec.height.maxInclusive ? 0 : 1) : height;
  let h = Math.min(height, maxH, Math.floor(maxW / ratio));
  const minH = spec.height.min !== undefined ? spec.height.min + (spec.height.minInclusive ? 0 : 1) : 1;
  const minW = spec.width.min !== undefined ? spec.width.min + (spec.width.minInclusive ? 0 : 1) : 1;
  h = Math.max(h, minH, Math.ceil(minW / ratio));
  return { width: Math.round(h * ratio), height: h };
}

/**
 * The 证件照 kept in the personal archive (SPEC §2) and offered to every application. Its minimum pixel
 * size is ours, not from a seed: below 100×120 a face is not recognisable, and no plan's spec could be met
 * by enlarging it. Each plan's own spec (often stricter) is checked when the photo is used in an application.
 */
export const ARCHIVE_PHOTO_MIN_WIDTH = 100;
export const ARCHIVE_PHOTO_MIN_HEIGHT = 120;

/** Why a photo cannot go into the archive (Chinese, with what was found and what to do), or null. */
export function archivePhotoProblem(p: PhotoFacts): string | null {
  if (p.format === 'other')
    return '只能上传 JPG 或 PNG 格式的照片（按文件内容判断，修改扩展名无效）。请选择相机或扫描仪生成的原始照片，或用图片工具另存为 JPG 后重新上传';
  if (p.width === 0 || p.height === 0) return '无法读取照片的尺寸，文件可能已损坏。请重新拍摄或另存为 JPG 后再上传';
  if (p.width < ARCHIVE_PHOTO_MIN_WIDTH || p.height < ARCHIVE_PHOTO_MIN_HEIGHT) {
    return `照片尺寸过小：当前为 ${p.width}×${p.height} 像素（宽×高），至少需要 ${ARCHIVE_PHOTO_MIN_WIDTH}×${ARCHIVE_PHOTO_MIN_HEIGHT} 像素。请上传清晰的原始照片，不要使用截图或缩略图`;
  }
  return null;
}
