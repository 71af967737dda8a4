/** The applicant's archive entries as the API describes them: read by the archive pages and the application wizard. */
import { useQuery } from '@tanstack/react-query';
import type { ArchiveEntryData, ArchiveKind, ArchiveStatus, SubmitBlocker } from '@zc/domain';
import { api } from './api-client';
import type { StoredFile } from './components/file-view';

export type EntryAction = 'edit' | 'delete' | 'submit' | 'newVersion' | 'addEvidence' | 'approve' | 'return';

export interface Evidence extends StoredFile {
  size: number;
  label: string | null;
}

/** Education only: the degree registry's answer, or the documents to upload instead (SPEC §2). */
export interface Verification {
  status: 'verified' | 'needsUpload' | 'unavailable' | string;
  explanation?: string;
  documents?: string[];
  certificateNumber?: string;
}

export interface ArchiveEntry {
  id: string;
  kind: ArchiveKind;
  kindLabel: string;
  data: ArchiveEntryData;
  summary: string;
  status: ArchiveStatus;
  statusLabel: string;
  returnReason: string | null;
  version: number;
  supersedesId: string | null;
  frozen: boolean;
  verification: Verification | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
  evidence: Evidence[];
  allowed: EntryAction[];
  /** fields to correct: the stored data checked again against the domain's lists (issue 9 item 5); {} when none */
  problems?: Record<string, string>;
  /** the owner's draft only: why 提交单位审核 is not offered, from the server — the entry's own reason (degree not verified …) first, then unbound / binding pending */
  submitBlockers: SubmitBlocker[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const entriesKey = ['archive', 'entries'] as const;

export function useArchiveEntries() {
  return useQuery({ queryKey: entriesKey, queryFn: () => api<ArchiveEntry[]>('/archive/entries') });
}
