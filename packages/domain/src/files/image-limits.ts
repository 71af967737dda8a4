/**
 * Pixel ceiling for every image the platform reads or decodes (archive photo, application photo,
 * pledge signature, evidence scans) [ours — no seed notice sets it; the seeds' photo specs in
 * config/plans ask for a few hundred pixels per side]. A compressed file can declare an enormous
 * canvas (a 30000×30000 PNG fits in under 1 MB) whose decoding takes gigabytes of memory: the
 * header's dimensions are checked against these limits before any decoder sees the bytes.
 *
 * 40 megapixels covers an A3 page scanned at 600 dpi (7016×9921 ≈ 69.6 MP would not, A4 at 600 dpi
 * 4961×7016 ≈ 34.8 MP does) and every current phone camera's default resolution; 10000 px per side
 * covers an A4 page at 600 dpi on its long side and refuses thin strips with a huge area.
 */
export const IMAGE_MAX_PIXELS = 40_000_000;
export const IMAGE_MAX_SIDE = 10_000;

/** A Chinese message when an image's dimensions are over the ceiling (or unreadable), null when fine. */
export function imagePixelProblem(width: number, height: number): string | null {
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) {
    return '无法读取图片的尺寸，文件可能已损坏：请重新导出或拍摄后上传';
  }
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE || width * height > IMAGE_MAX_PIXELS) {
    return `图片尺寸过大（${width}×${height} 像素），请缩小到每边不超过 ${IMAGE_MAX_SIDE} 像素、总像素不超过 ${IMAGE_MAX_PIXELS / 10_000} 万以内后重新上传`;
  }
  return null;
}
