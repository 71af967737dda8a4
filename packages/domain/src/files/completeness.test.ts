import { describe, expect, it } from 'vitest';
import {
  FILE_TAIL_BYTES,
  FileTail,
  IMAGE_MAX_PIXELS,
  IMAGE_MAX_SIDE,
  imagePixelProblem,
  incompleteFileProblem,
  type AcceptedMime,
} from './file-type';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const text = (s: string) => new TextEncoder().encode(s);
/** a valid 1×1 PNG (signature, IHDR, IDAT, IEND) */
const PNG_1PX = hex(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
);
const PDF = text('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const fill = (n: number, v: number) => new Array<number>(n).fill(v);
/** SOI, an APP1 holding a thumbnail with its own SOI/EOI, a DQT, a scan with stuffed 0xFF and a restart marker, EOI */
const THUMB = [0xff, 0xd8, ...fill(10, 0x22), 0xff, 0xd9];
const APP1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...THUMB];
const JPEG = Uint8Array.from([
  0xff,
  0xd8,
  0xff,
  0xe1,
  0,
  APP1.length + 2,
  ...APP1,
  0xff,
  0xdb,
  0,
  4,
  0,
  1,
  0xff,
  0xda,
  0,
  8,
  1,
  1,
  0,
  0,
  0x3f,
  0,
  ...fill(50, 0x12),
  0xff,
  0x00,
  ...fill(20, 0x34),
  0xff,
  0xd0,
  ...fill(20, 0x56),
  0xff,
  0xd9,
]);

function problem(mime: AcceptedMime, ...chunks: Uint8Array[]) {
  const t = new FileTail();
  for (const c of chunks) t.push(c);
  return incompleteFileProblem(mime, t);
}

describe('incompleteFileProblem (a file must end as its format requires)', () => {
  it('accepts complete PDF, PNG and JPEG files, in one piece or in chunks', () => {
    expect(problem('application/pdf', PDF)).toBeNull();
    expect(problem('image/png', PNG_1PX)).toBeNull();
    expect(problem('image/jpeg', JPEG)).toBeNull();
    expect(problem('image/png', PNG_1PX.subarray(0, 30), PNG_1PX.subarray(30, 63), PNG_1PX.subarray(63))).toBeNull();
  });
  it('refuses an 8-byte "PNG", a truncated PNG and a PNG without IEND', () => {
    expect(problem('image/png', PNG_1PX.subarray(0, 8))).toContain('8 字节');
    expect(problem('image/png', PNG_1PX.subarray(0, PNG_1PX.length - 5))).toContain('不完整');
    const noEnd = Uint8Array.from([...PNG_1PX.subarray(0, PNG_1PX.length - 12), ...new Array<number>(12).fill(0)]);
    expect(problem('image/png', noEnd)).toContain('不完整');
  });
  it('refuses a JPEG cut before its EOI marker, even right after the EXIF thumbnail’s own EOI, and a tiny stub', () => {
    expect(problem('image/jpeg', JPEG.subarray(0, JPEG.length - 1))).toContain('不完整');
    expect(problem('image/jpeg', JPEG.subarray(0, JPEG.length - 30))).toContain('不完整');
    const afterThumbnail = 2 + 4 + APP1.length;
    expect(Array.from(JPEG.subarray(afterThumbnail - 2, afterThumbnail))).toEqual([0xff, 0xd9]);
    expect(problem('image/jpeg', JPEG.subarray(0, afterThumbnail), new Uint8Array(200).fill(0x20))).toContain('不完整');
    expect(problem('image/jpeg', JPEG.subarray(0, 60))).toContain('60 字节');
  });
  it('accepts a JPEG fed byte by byte, and one with a trailer after its EOI (as some phones append)', () => {
    expect(problem('image/jpeg', ...Array.from(JPEG, (b) => Uint8Array.of(b)))).toBeNull();
    expect(problem('image/jpeg', JPEG, text('SEFH'), Uint8Array.of(0xff, 0x00, 0x13, 0x37))).toBeNull();
  });
  it('refuses a PDF without %%EOF near its end; accepts megabytes of padding after it', () => {
    expect(problem('application/pdf', PDF.subarray(0, PDF.length - 8))).toContain('不完整');
    expect(problem('application/pdf', text('%PDF-1.4'))).toContain('8 字节');
    expect(problem('application/pdf', PDF, new Uint8Array(2048).fill(0x41))).toContain('不完整'); // junk after %%EOF
    const spaces = new Uint8Array(1024 * 1024).fill(0x20);
    expect(problem('application/pdf', PDF, spaces, spaces, text('\r\n'))).toBeNull();
  });
  it('keeps a bounded tail whatever the file size', () => {
    const t = new FileTail();
    for (let i = 0; i < 20; i++) t.push(new Uint8Array(16 * 1024).fill(i + 1));
    expect(t.raw.length).toBe(FILE_TAIL_BYTES);
    expect(t.size).toBe(20 * 16 * 1024);
    expect(t.raw[t.raw.length - 1]).toBe(20);
  });
});

describe('imagePixelProblem (the pixel ceiling, before any decoder)', () => {
  it('accepts photos and A4 scans at 600 dpi', () => {
    expect(imagePixelProblem(300, 400)).toBeNull();
    expect(imagePixelProblem(4961, 7016)).toBeNull();
    expect(imagePixelProblem(IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS / IMAGE_MAX_SIDE)).toBeNull();
  });
  it('refuses a huge canvas, a thin strip over the side limit and unreadable sizes, saying the size', () => {
    expect(imagePixelProblem(30000, 30000)).toContain('30000×30000');
    expect(imagePixelProblem(IMAGE_MAX_SIDE + 1, 10)).toContain('过大');
    expect(imagePixelProblem(8000, 8000)).toContain('过大'); // 64 MP
    expect(imagePixelProblem(0, 0)).toContain('无法读取');
  });
});
