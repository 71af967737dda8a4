import { describe, expect, it } from 'vitest';
import { detectFileType, formatBytes } from './file-type';

describe('detectFileType (by content, not by name)', () => {
  it('recognizes PDF, JPEG and PNG by magic bytes', () => {
    expect(detectFileType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectFileType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(detectFileType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });
  it('refuses everything else, including truncated headers and look-alikes', () => {
    expect(detectFileType(new TextEncoder().encode('%PDF'))).toBeNull();
    expect(detectFileType(new TextEncoder().encode('<html>'))).toBeNull();
    expect(detectFileType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull(); // zip / docx
    expect(detectFileType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
  it('formats sizes for messages', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(12)).toBe('12 字节');
  });
});

import { nameContentMismatch } from './file-type';
describe('nameContentMismatch', () => {
  it('refuses a PNG named .pdf and an unknown extension; accepts agreeing names and no extension', () => {
    expect(nameContentMismatch('证书.pdf', 'image/png')).toContain('PNG');
    expect(nameContentMismatch('scan.tif', 'image/png')).toContain('.tif');
    expect(nameContentMismatch('photo.JPEG', 'image/jpeg')).toBeNull();
    expect(nameContentMismatch('letter', 'application/pdf')).toBeNull();
  });
});
