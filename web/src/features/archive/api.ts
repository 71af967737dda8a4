/**
 * 个人业绩档案库 (SPEC §2): the applicant's entries and evidence, the social-security check, and the
 * employer's verification queue.
 */
import { useCallback } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveEntryData, ArchiveKind, ArchiveStatus } from '@zc/domain';
import { api } from '@shared/api-client';
import { entriesKey, type ArchiveEntry, type Page } from '@shared/archive-entries';

export {
  entriesKey,
  useArchiveEntries,
  type ArchiveEntry,
  type EntryAction,
  type Evidence,
  type Page,
  type Verification,
} from '@shared/archive-entries';

export interface QueueEntry extends ArchiveEntry {
  applicantName: string;
  idNumberMasked: string;
}

export interface SocialSecurity {
  available: boolean;
  periods: Array<{ startMonth: string; endMonth: string; province: string; employerName: string }>;
  check: {
    fromMonth: string;
    toMonth: string;
    inProvinceMonths: number;
    unprovenMonths: string[];
    missingMonths: string[];
    ok: boolean;
    explanation: string;
  } | null;
  message: string | null;
}

export interface QueueQuery {
  status?: ArchiveStatus;
  kind?: ArchiveKind;
  keyword?: string;
  page: number;
  pageSize: number;
}

const socialSecurityKey = ['archive', 'social-security'] as const;
const queueKey = ['archive', 'queue'] as const;

// ---- the applicant ----

export function useSocialSecurity() {
  return useQuery({ queryKey: socialSecurityKey, queryFn: () => api<SocialSecurity>('/archive/social-security'), staleTime: 5 * 60_000 });
}

/** After any change to the applicant's entries: the list, and the social-security check (approved proofs count). */
function useRefreshEntries() {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: entriesKey });
    void qc.invalidateQueries({ queryKey: socialSecurityKey });
    void qc.invalidateQueries({ queryKey: ['home'] });
  }, [qc]);
}

/** Puts a changed entry into the cached list at once (the refetch that follows confirms it). */
function useUpsertCached() {
  const qc = useQueryClient();
  return useCallback(
    (e: ArchiveEntry) =>
      qc.setQueryData<ArchiveEntry[]>(entriesKey, (old) =>
        old ? (old.some((x) => x.id === e.id) ? old.map((x) => (x.id === e.id ? e : x)) : [e, ...old]) : old,
      ),
    [qc],
  );
}

export function useSaveEntry() {
  const refresh = useRefreshEntries();
  const upsert = useUpsertCached();
  return useMutation({
    mutationFn: (d: { id: string | null; data: ArchiveEntryData }) =>
      d.id
        ? api<ArchiveEntry>(`/archive/entries/${d.id}`, { method: 'PUT', body: { data: d.data } })
        : api<ArchiveEntry>('/archive/entries', { method: 'POST', body: { data: d.data } }),
    onSuccess: upsert,
    onSettled: refresh,
  });
}

export function useDeleteEntry() {
  const refresh = useRefreshEntries();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/archive/entries/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
}

export function useSubmitEntries() {
  const refresh = useRefreshEntries();
  return useMutation({
    mutationFn: (ids: string[]) => api<{ ok: true }>('/archive/entries/submit', { method: 'POST', body: { ids } }),
    onSettled: refresh,
  });
}

export function useNewVersion() {
  const refresh = useRefreshEntries();
  const upsert = useUpsertCached();
  return useMutation({
    mutationFn: (id: string) => api<ArchiveEntry>(`/archive/entries/${id}/new-version`, { method: 'POST', body: {} }),
    onSuccess: upsert,
    onSettled: refresh,
  });
}

export function useReverify() {
  const refresh = useRefreshEntries();
  const upsert = useUpsertCached();
  return useMutation({
    mutationFn: (id: string) => api<ArchiveEntry>(`/archive/entries/${id}/verify`, { method: 'POST', body: {} }),
    onSuccess: upsert,
    onSettled: refresh,
  });
}

export function useRemoveEvidence() {
  const refresh = useRefreshEntries();
  return useMutation({
    mutationFn: (d: { entryId: string; fileId: string }) =>
      api<{ ok: true }>(`/archive/entries/${d.entryId}/evidence/${d.fileId}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
}

/** Re-reads the entries after an evidence upload (the upload itself is in evidence-upload.ts). */
export function useAfterEvidenceUpload() {
  return useRefreshEntries();
}

// ---- the employer ----

export function useReviewQueue(q: QueueQuery) {
  return useQuery({
    queryKey: [...queueKey, q],
    queryFn: () => api<Page<QueueEntry>>('/archive/review-queue', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; kind: 'approve' } | { id: string; kind: 'return'; reason: string }) =>
      d.kind === 'approve'
        ? api<{ ok: true }>(`/archive/entries/${d.id}/approve`, { method: 'POST', body: {} })
        : api<{ ok: true }>(`/archive/entries/${d.id}/return`, { method: 'POST', body: { reason: d.reason } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queueKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
