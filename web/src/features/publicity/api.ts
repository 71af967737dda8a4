/** Publicity (公示): the public portal's lists and objection form, the committee office's lists, exports and objections. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectionStatus, PublicityKind } from '@zc/domain';
import { api, apiUrl } from '@shared/api-client';

export interface PublicityList {
  id: string;
  kind: PublicityKind;
  planId: string;
  planName: string;
  publisher: string;
  title: string;
  startDate: string;
  endDate: string;
  endProvisional: boolean;
  /** objections accepted today (the end day included) */
  open: boolean;
  entryCount: number;
}

/** One person on a list: public fields only. */
export interface PublicityEntry {
  id: string;
  seq: number;
  name: string;
  employerName: string;
  specialty: string;
  level: string;
  mode: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OfficeObjection {
  id: string;
  receiptNo: string;
  applicationId: string;
  listId: string;
  listTitle: string;
  planName: string;
  personName: string;
  employerName: string;
  content: string;
  contactName: string | null;
  contact: string;
  evidenceFileId: string | null;
  status: ObjectionStatus;
  handling: string | null;
  handledAt: string | null;
  lodgedAt: string;
}

/** The review page's objections of one application (contact masked). */
export interface ApplicationObjection {
  id: string;
  lodgedAt: string;
  content: string;
  contactMasked: string;
  evidenceFileId: string | null;
  status: ObjectionStatus;
  handling: string | null;
}

export function usePublicityLists(params: { page: number; pageSize: number; kind?: PublicityKind }) {
  return useQuery({
    queryKey: ['publicity', 'public', params],
    queryFn: () => api<Page<PublicityList>>('/public/publicity', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicityList(listId: string, params: { page: number; pageSize: number; keyword?: string }) {
  return useQuery({
    queryKey: ['publicity', 'public', listId, params],
    queryFn: () => api<{ list: PublicityList; entries: Page<PublicityEntry> }>(`/public/publicity/${listId}`, { query: params }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface ObjectionForm {
  entryId: string;
  content: string;
  contact: string;
  contactName?: string;
  evidence?: File | null;
}

/** 提出异议: a multipart form (the evidence file last, after the fields); answers with the receipt number. */
export function useLodgeObjection(listId: string) {
  return useMutation({
    mutationFn: (f: ObjectionForm) => {
      const form = new FormData();
      form.set('entryId', f.entryId);
      form.set('content', f.content);
      form.set('contact', f.contact);
      if (f.contactName) form.set('contactName', f.contactName);
      if (f.evidence) form.set('file', f.evidence, f.evidence.name);
      return api<{ receiptNo: string; lodgedAt: string }>(`/public/publicity/${listId}/objections`, { method: 'POST', form });
    },
  });
}

export function useOfficePublicityLists(params: { page: number; pageSize: number; planId?: string }) {
  return useQuery({
    queryKey: ['publicity', 'office', 'lists', params],
    queryFn: () => api<Page<PublicityList>>('/publicity/lists', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function exportUrl(listId: string, format: 'xlsx' | 'csv'): string {
  return apiUrl(`/publicity/lists/${listId}/export.${format}`);
}

export function useOfficeObjections(params: { page: number; pageSize: number; status?: ObjectionStatus; planId?: string }) {
  return useQuery({
    queryKey: ['publicity', 'office', 'objections', params],
    queryFn: () => api<Page<OfficeObjection>>('/publicity/objections', { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** For the review page's 处理异议 form: the application's objections (office of its plan only). */
export function useApplicationObjections(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: ['publicity', 'application', applicationId],
    queryFn: () => api<ApplicationObjection[]>(`/applications/${applicationId}/objections`),
    enabled,
  });
}

/** After the office handled an objection through the workflow: refresh the objection lists. */
export function useInvalidateObjections() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['publicity'] });
}
