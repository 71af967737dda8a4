/**
 * Sending a file to the server (evidence, application attachments).
 * - the resumable protocol: POST /uploads, then PUT 4 MB slices at the offset the server reports,
 *   continuing from the server's offset after a conflict (409: the server writes one slice of a file at
 *   a time) or a dropped connection; the client key
 *   is derived from the file, so "继续上传" after a failure (or a reload with the same file) resumes;
 * - network failures are retried automatically a few times before the caller is told.
 */
import { ACCEPTED_FILE_LABEL, EVIDENCE_MAX_FILE_BYTES, formatBytes } from '@zc/domain';
import { api, apiUpload, ApiError } from './api-client';

/** Files up to this size go in one request; larger ones are sent in slices. */
export const DIRECT_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;
const RETRIES = 3;
/** after a 409 at the same offset, the slice in progress usually ends within seconds [ours] */
const CONFLICT_WAIT_MS = 2000;
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

interface Upload {
  id: string;
  filename: string;
  size: number;
  received: number;
  status: string;
  fileId: string | null;
}

/** What the browser can tell before sending: type by name or declared type, and size. Null when fine. */
export function checkEvidenceFile(file: File): string | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!byName && !ACCEPTED_TYPES.includes(file.type)) return `“${file.name}”不是允许的格式，佐证材料只支持 ${ACCEPTED_FILE_LABEL}`;
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`;
  if (file.size > EVIDENCE_MAX_FILE_BYTES) {
    return `“${file.name}”大小为 ${formatBytes(file.size)}，超过 ${formatBytes(EVIDENCE_MAX_FILE_BYTES)} 的上限，请压缩或分拆后重新上传`;
  }
  return null;
}

/** A dropped connection, a gateway hiccup or a busy server: worth trying again. */
function retryable(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 0 || e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('上传已取消', 'AbortError'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new DOMException('上传已取消', 'AbortError'));
      },
      { once: true },
    );
  });
}

export async function withRetry<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!retryable(e) || attempt >= RETRIES) throw e;
      await pause(1000 * 2 ** attempt, signal);
    }
  }
}

export interface UploadCallbacks {
  /** bytes of the file the server has (or is receiving) */
  onProgress: (sent: number) => void;
  signal?: AbortSignal;
}

function clientKeyOf(file: File): string {
  return `${file.size}:${file.lastModified}:${file.name}`.slice(0, 128);
}

/** Sends a file by the resumable protocol and resolves with the stored file's id (attachments use it directly). */
export async function sendResumable(file: File, { onProgress, signal }: UploadCallbacks): Promise<string> {
  let up = await withRetry(
    () => api<Upload>('/uploads', { method: 'POST', body: { filename: file.name, size: file.size, clientKey: clientKeyOf(file) }, signal }),
    signal,
  );
  let failures = 0;
  let conflicts = 0;
  while (up.status !== 'complete') {
    const offset = up.received;
    onProgress(offset);
    try {
      const next = await apiUpload<Upload>(`/uploads/${up.id}/content`, {
        method: 'PUT',
        body: file.slice(offset, Math.min(offset + CHUNK_BYTES, file.size)),
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
        onProgress: (n) => onProgress(offset + n),
        signal,
      });
      conflicts = 0;
      if (next.status !== 'complete' && next.received <= offset) {
        // the server kept nothing of this slice: count it as a failure, so a stuck upload ends
        failures += 1;
        if (failures > RETRIES) throw new ApiError('NETWORK', '上传没有进展，请检查网络后继续上传', undefined, 0);
      } else failures = 0;
      up = next;
    } catch (e) {
      // the server is elsewhere than we thought (a retried slice, another tab): continue from its offset
      const at = e instanceof ApiError && e.status === 409 ? Number(e.details?.offset) : NaN;
      if (Number.isInteger(at) && at >= 0 && conflicts < RETRIES) {
        conflicts += 1;
        // the same offset: another slice of this file is being written (another tab, a retry): wait for it
        if (at === offset) await pause(CONFLICT_WAIT_MS * conflicts, signal);
        up = { ...up, received: at };
        continue;
      }
      if (!retryable(e) || failures >= RETRIES) throw e;
      failures += 1;
      await pause(1000 * 2 ** (failures - 1), signal);
      const id = up.id;
      up = await withRetry(() => api<Upload>(`/uploads/${id}`, { signal }), signal);
    }
  }
  onProgress(file.size);
  if (!up.fileId) throw new ApiError('NETWORK', '上传已完成，但未收到文件编号，请重试', undefined, 0);
  return up.fileId;
}
