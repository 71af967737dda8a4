/**
 * Uploading one evidence file to an archive entry: small files in one multipart request, larger ones by
 * the resumable protocol (web/src/shared/upload.ts), then attached by id.
 */
import { apiUpload, api } from '@shared/api-client';
import { DIRECT_UPLOAD_MAX_BYTES, sendResumable, withRetry, type UploadCallbacks } from '@shared/upload';
import type { ArchiveEntry } from './api';

export {
  CHUNK_BYTES,
  DIRECT_UPLOAD_MAX_BYTES,
  EVIDENCE_ACCEPT,
  checkEvidenceFile,
  sendResumable,
  type UploadCallbacks,
} from '@shared/upload';

/** Uploads `file` and attaches it to the entry; resolves with the updated entry. */
export async function uploadEvidence(entryId: string, file: File, label: string | null, cb: UploadCallbacks): Promise<ArchiveEntry> {
  const path = `/archive/entries/${entryId}/evidence`;
  if (file.size <= DIRECT_UPLOAD_MAX_BYTES) {
    return withRetry(() => {
      const form = new FormData();
      if (label) form.append('label', label);
      form.append('file', file, file.name);
      cb.onProgress(0);
      return apiUpload<ArchiveEntry>(path, { body: form, onProgress: (n) => cb.onProgress(Math.min(n, file.size)), signal: cb.signal });
    }, cb.signal);
  }
  const fileId = await sendResumable(file, cb);
  return withRetry(
    () => api<ArchiveEntry>(path, { method: 'POST', body: label ? { fileId, label } : { fileId }, signal: cb.signal }),
    cb.signal,
  );
}
