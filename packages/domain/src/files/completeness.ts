/**
 * Is a file complete? The magic bytes say what a file claims to be; its end says whether all of it
 * arrived. A truncated scan (a dropped connection, a half-copied file) or an 8-byte "PNG" is refused as
 * evidence, because a reviewer could not open it. Checked on the file's last bytes, streamed: the
 * server keeps only a bounded tail (FileTail), never the whole file.
 */
import type { AcceptedMime } from './file-type';

/** How much of a file's end is kept for the check (the PDF window below, with room for padding). */
export const FILE_TAIL_BYTES = 64 * 1024;

/**
 * PDF: "%%EOF" must be within the last 1024 bytes (ISO 32000-1:2008 §7.5.5 puts it on the file's last
 * line; Adobe's implementation note accepts it anywhere in the last 1024 bytes, which readers follow).
 * Trailing whitespace and NUL padding after it are allowed (scanners pad files).
 */
export const PDF_EOF_WINDOW = 1024;
/** PNG: the IEND chunk within the file's last 1024 bytes [ours: the same window as PDF's %%EOF]. */
export const PNG_END_WINDOW = 1024;
/** "%PDF-1.x" + a line end + "%%EOF" already take 15 bytes; below 24 nothing fits between them [ours]. */
export const PDF_MIN_BYTES = 24;
/** PNG: signature 8 + IHDR chunk 25 + the shortest IDAT chunk 12 + IEND chunk 12 (PNG spec §5, §11.2). */
export const PNG_MIN_BYTES = 57;
/** JPEG: SOI, a quantization table, a frame header, a Huffman table, a scan header and EOI take over 100 bytes (ITU T.81 Annex B) [ours: the floor]. */
export const JPEG_MIN_BYTES = 100;

const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** PDF whitespace (ISO 32000-1 Table 1) — what may follow %%EOF. */
const isPdfSpace = (b: number) => b === 0x00 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;

function concatTail(a: Uint8Array, b: Uint8Array, max: number): Uint8Array {
  if (b.length >= max) return new Uint8Array(b.subarray(b.length - max)); // a copy, never a view of the caller's buffer
  const keep = Math.min(a.length, max - b.length);
  const out = new Uint8Array(keep + b.length);
  out.set(a.subarray(a.length - keep), 0);
  out.set(b, keep);
  return out;
}

function indexOf(hay: Uint8Array, needle: readonly number[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Follows a JPEG's structure as it streams (ITU T.81 Annex B): SOI, then segments with their lengths,
 * the entropy-coded data after each SOS (where 0xFF is always followed by 0x00 or a restart marker),
 * until the EOI that ends the image. An EXIF thumbnail's own EOI sits inside an APP1 segment and is
 * skipped; bytes after the real EOI (the trailers some phones append) are ignored. `ended` is true only
 * when the image's own EOI arrived.
 */
export class JpegEndScanner {
  ended = false;
  broken = false;
  private sawScan = false;
  private state: 'soi0' | 'soi1' | 'marker' | 'code' | 'len0' | 'len1' | 'skip' | 'entropy' | 'entropyFF' = 'soi0';
  private code = 0;
  private len = 0;
  private skip = 0;

  push(c: Uint8Array): void {
    let i = 0;
    while (i < c.length && !this.ended && !this.broken) {
      switch (this.state) {
        case 'soi0':
          if (c[i++] === 0xff) this.state = 'soi1';
          else this.broken = true;
          break;
        case 'soi1':
          if (c[i++] === 0xd8) this.state = 'marker';
          else this.broken = true;
          break;
        case 'marker':
          if (c[i++] === 0xff) this.state = 'code';
          else this.broken = true;
          break;
        case 'code':
          this.onMarker(c[i++]!);
          break;
        case 'len0':
          this.len = c[i++]! << 8;
          this.state = 'len1';
          break;
        case 'len1':
          this.len |= c[i++]!;
          if (this.len < 2) this.broken = true;
          else {
            this.skip = this.len - 2;
            this.state = 'skip';
          }
          break;
        case 'skip': {
          const n = Math.min(this.skip, c.length - i);
          i += n;
          this.skip -= n;
          if (this.skip === 0) this.state = this.code === 0xda ? 'entropy' : 'marker';
          break;
        }
        case 'entropy': {
          const j = c.indexOf(0xff, i);
          if (j < 0) i = c.length;
          else {
            i = j + 1;
            this.state = 'entropyFF';
          }
          break;
        }
        case 'entropyFF': {
          const m = c[i++]!;
          if (m === 0x00 || (m >= 0xd0 && m <= 0xd7)) this.state = 'entropy';
          else if (m !== 0xff) this.onMarker(m);
          break;
        }
      }
    }
  }

  private onMarker(m: number): void {
    if (m === 0xff) return; // fill byte before a marker
    if (m === 0xd9) {
      if (this.sawScan) this.ended = true;
      else this.broken = true; // an EOI before any image data
      return;
    }
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) {
      this.state = 'marker'; // markers without a length
      return;
    }
    if (m === 0x00 || m === 0xd8) {
      this.broken = true;
      return;
    }
    if (m === 0xda) this.sawScan = true;
    this.code = m;
    this.state = 'len0';
  }
}

/**
 * The last FILE_TAIL_BYTES of a stream (`raw`), and the last FILE_TAIL_BYTES up to its last
 * non-whitespace byte (`content`): a PDF padded with megabytes of spaces after %%EOF still shows it.
 */
export class FileTail {
  raw: Uint8Array = new Uint8Array(0);
  content: Uint8Array = new Uint8Array(0);
  size = 0;
  /** for a JPEG: whether the image's own EOI arrived (a non-JPEG stream is "broken" at its first byte, at no cost) */
  readonly jpeg = new JpegEndScanner();

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    this.jpeg.push(chunk);
    this.raw = concatTail(this.raw, chunk, FILE_TAIL_BYTES);
    let last = chunk.length - 1;
    while (last >= 0 && isPdfSpace(chunk[last]!)) last--;
    if (last >= 0) this.content = concatTail(this.content, chunk.subarray(0, last + 1), FILE_TAIL_BYTES);
  }
}

const INCOMPLETE = '文件不完整（可能只上传或复制了一部分），请重新导出或扫描后再上传';

/** A Chinese message when the file (of the type detected by content) is truncated or a stub; null when it ends as its format requires. */
export function incompleteFileProblem(mime: AcceptedMime, tail: Pick<FileTail, 'raw' | 'content' | 'size' | 'jpeg'>): string | null {
  if (mime === 'application/pdf') {
    if (tail.size < PDF_MIN_BYTES) return `PDF 文件只有 ${tail.size} 字节，不是完整的文档，请重新导出或扫描后再上传`;
    const window = tail.content.subarray(Math.max(0, tail.content.length - PDF_EOF_WINDOW));
    return indexOf(window, PDF_EOF) >= 0 ? null : `PDF ${INCOMPLETE}`;
  }
  if (mime === 'image/png') {
    if (tail.size < PNG_MIN_BYTES) return `PNG 图片只有 ${tail.size} 字节，不是完整的图片，请重新导出或拍摄后再上传`;
    // IEND is the last chunk; tolerate a little padding after it (PNG_END_WINDOW), not a missing one
    const window = tail.raw.subarray(Math.max(0, tail.raw.length - PNG_END_WINDOW));
    return indexOf(window, PNG_IEND) >= 0 ? null : `PNG 图片${INCOMPLETE}`;
  }
  if (tail.size < JPEG_MIN_BYTES) return `JPG 图片只有 ${tail.size} 字节，不是完整的图片，请重新导出或拍摄后再上传`;
  // the image's own EOI (FF D9), found by following its structure; what a phone appends after it is ignored
  return tail.jpeg.ended ? null : `JPG 图片${INCOMPLETE}`;
}
