/**
 * File type decided by content (magic bytes), never by name or the browser's claim.
 * Only PDF, JPEG and PNG are accepted anywhere on the platform (issue 3, SPEC §2).
 */
export type AcceptedMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export const ACCEPTED_FILE_LABEL = 'PDF、JPG、PNG';

export function detectFileType(head: Uint8Array): AcceptedMime | null {
  const b = (i: number) => head[i];
  if (head.length >= 5 && b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d) {
    return 'application/pdf'; // %PDF-
  }
  if (head.length >= 3 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((v, i) => b(i) === v)) return 'image/png';
  return null;
}

export function extensionFor(mime: AcceptedMime): string {
  return mime === 'application/pdf' ? 'pdf' : mime === 'image/jpeg' ? 'jpg' : 'png';
}

/** Human-readable size in Chinese UI style: 1.5 MB, 300 KB. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** Evidence files [ours]: a scanned book or contract fits in 50 MB; an applicant's archive in 500 MB. */
export const EVIDENCE_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const EVIDENCE_MAX_TOTAL_BYTES = 500 * 1024 * 1024;

const EXTENSIONS: Record<string, AcceptedMime> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const MIME_LABEL: Record<AcceptedMime, string> = { 'application/pdf': 'PDF 文档', 'image/jpeg': 'JPG 图片', 'image/png': 'PNG 图片' };

/**
 * The name must agree with the content: a PNG renamed .pdf is refused (it is usually the wrong file,
 * and a viewer trusting the name would mis-handle it). Returns a Chinese message, or null when fine.
 */
export function nameContentMismatch(filename: string, detected: AcceptedMime): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename.trim())?.[1]?.toLowerCase();
  if (!ext) return null;
  const claimed = EXTENSIONS[ext];
  if (!claimed) return `文件扩展名 .${ext} 不是允许的格式（${ACCEPTED_FILE_LABEL}），请上传原始的 PDF 或图片文件`;
  if (claimed !== detected) return `文件扩展名为 .${ext}，但内容是${MIME_LABEL[detected]}，请确认选择了正确的文件，不要只修改扩展名`;
  return null;
}

export * from './image-limits';
export * from './completeness';
