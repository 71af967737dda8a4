import { describe, expect, it } from 'vitest';
import { archivePhotoProblem, checkPhoto, fitPhotoSize } from './photo';
import type { Plan } from './plan';

// seeds 003/004 with the §11 readings: 30K < size < 1M (30×1024, 1024²), width > 215, height > 300, 0.65 ≤ w/h ≤ 0.8
const strict: Plan['photo'] = {
  formats: ['jpeg'],
  bytes: { min: 30 * 1024, max: 1024 * 1024, minInclusive: false, maxInclusive: false },
  width: { min: 215, minInclusive: false, maxInclusive: true },
  height: { min: 300, minInclusive: false, maxInclusive: true },
  aspect: { min: 0.65, max: 0.8 },
};
// seed 000: JPG, ≤ 50 KB, between 200×280 and 300×420 inclusive
const seed000: Plan['photo'] = {
  formats: ['jpeg'],
  bytes: { max: 50 * 1024, minInclusive: true, maxInclusive: true },
  width: { min: 200, max: 300, minInclusive: true, maxInclusive: true },
  height: { min: 280, max: 420, minInclusive: true, maxInclusive: true },
};

describe('photo spec (SPEC §3; §11 readings)', () => {
  it('seeds 003/004: the bounds are strict', () => {
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 30 * 1024 + 1, width: 216, height: 301 })).toEqual([]);
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 30 * 1024, width: 216, height: 301 })[0]).toContain('大于 30 KB');
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 1024 * 1024, width: 216, height: 301 })[0]).toContain('小于 1 MB');
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 40000, width: 215, height: 301 }).join()).toContain('宽度');
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 40000, width: 240, height: 300 }).join()).toContain('高度');
  });
  it('seeds 003/004: the aspect bounds are inclusive', () => {
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 40000, width: 260, height: 400 })).toEqual([]); // 0.65
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 40000, width: 320, height: 400 })).toEqual([]); // 0.8
    expect(checkPhoto(strict, { format: 'jpeg', bytes: 40000, width: 259, height: 400 }).join()).toContain('宽高比');
  });
  it('seed 000: ≤ 50 KB and 200×280 … 300×420 inclusive; PNG refused', () => {
    expect(checkPhoto(seed000, { format: 'jpeg', bytes: 50 * 1024, width: 200, height: 280 })).toEqual([]);
    expect(checkPhoto(seed000, { format: 'jpeg', bytes: 50 * 1024 + 1, width: 300, height: 420 })[0]).toContain('不大于 50 KB');
    expect(checkPhoto(seed000, { format: 'png', bytes: 1000, width: 250, height: 350 })[0]).toContain('JPG');
  });
  it('offers a size that fits: a 600×800 photo for seed 000 becomes 300×400', () => {
    const s = fitPhotoSize(seed000, 600, 800);
    expect(s).toEqual({ width: 300, height: 400 });
    expect(checkPhoto(seed000, { format: 'jpeg', bytes: 40000, ...s })).toEqual([]);
  });
});

describe('the archive photo (SPEC §2; minimum size ours)', () => {
  it('takes JPG or PNG of at least 100×120 pixels, boundary included', () => {
    expect(archivePhotoProblem({ format: 'png', bytes: 900, width: 100, height: 120 })).toBeNull();
    expect(archivePhotoProblem({ format: 'jpeg', bytes: 90000, width: 600, height: 800 })).toBeNull();
  });
  it('refuses other content and says what was found', () => {
    expect(archivePhotoProblem({ format: 'other', bytes: 900, width: 0, height: 0 })).toContain('只能上传 JPG 或 PNG 格式的照片');
    expect(archivePhotoProblem({ format: 'png', bytes: 900, width: 99, height: 120 })).toContain('当前为 99×120 像素');
    expect(archivePhotoProblem({ format: 'jpeg', bytes: 900, width: 100, height: 119 })).toContain('至少需要 100×120 像素');
    expect(archivePhotoProblem({ format: 'jpeg', bytes: 900, width: 0, height: 0 })).toContain('无法读取照片的尺寸');
  });
});
