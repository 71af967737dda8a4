/**
 * 职称申报 and 逐级审核 (SPEC §4, §6): the applicant's wizard and timeline, the phone signing page, and
 * the queues of employers, departments and committee offices.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDraft, ApplicationStatus, OfferedAction, WorkflowAction } from '@zc/domain';
import { api, apiUpload } from '@shared/api-client';
import type { EligibilityResult } from '@shared/plans';
import type { Page } from '@shared/archive-entries';

export type Draft = ApplicationDraft;

export interface ApplicationStep {
  seq: number;
  kind: string;
  label: string;
  status: string;
  opinion: string | null;
  joint: boolean;
  /** what this level checked: REVIEW_CHECKS for departments, QUALIFICATION_CHECKS for the committee office */
  checks: Record<string, boolean> | null;
  /** the office's step: its qualification checks, when the server sends them apart from `checks` */
  qualificationChecks?: Record<string, boolean> | null;
  originalsVerifiedBy: string | null;
  originalsVerifiedAt: string | null;
  actedAt: string | null;
}

export interface ApplicationEvent {
  at: string;
  actorOrgName: string | null;
  label: string;
  toStatus: string;
  toStatusLabel: string;
  opinion: string | null;
  /** 登记异议 only: the objection and the employer's handling (null: none recorded yet) */
  objection?: { content: string; handling: string | null } | null;
}

export interface Application {
  id: string;
  planId: string;
  planName: string;
  timeline: Record<string, string | undefined>;
  applicantName: string;
  idNumberMasked: string;
  currentSpecialty: string | null;
  employerName: string;
  status: ApplicationStatus;
  statusLabel: string;
  level: string | null;
  mode: string | null;
  specialtyCode: string | null;
  draft: Draft;
  files: Record<string, { name: string; mime: string; size: number }>;
  photoFileId: string | null;
  pledgeSignatureFileId: string | null;
  pledgeSignedAt: string | null;
  publicityStart: string | null;
  publicityEnd: string | null;
  /** the end rests on a year whose official holiday schedule is not entered yet */
  publicityEndProvisional: boolean;
  objections: Array<Record<string, string>>;
  submittedAt: string | null;
  version: number;
  currentStep: number;
  steps: ApplicationStep[];
  events: ApplicationEvent[];
  /** the workflow table's actions open to this user now, with their tone and the form they take */
  allowed: OfferedAction[];
}

export interface MyApplication {
  id: string;
  planId: string;
  planName: string;
  status: ApplicationStatus;
  statusLabel: string;
  submittedAt: string | null;
  updatedAt: string;
}

export interface QueueItem {
  id: string;
  planName: string;
  applicantName: string;
  idNumberMasked: string;
  employerName: string;
  specialtyCode: string | null;
  level: string | null;
  mode: string | null;
  status: ApplicationStatus;
  statusLabel: string;
  stepLabel: string;
  stepApproved: boolean;
  publicityEnd: string | null;
  /** the end rests on a year whose official holiday schedule is not entered yet */
  publicityEndProvisional: boolean;
  submittedAt: string | null;
}

export interface QueueQuery {
  planId?: string;
  specialtyCode?: string;
  status?: ApplicationStatus;
  regionId?: string;
  keyword?: string;
  sort: 'submittedAt' | '-submittedAt';
  page: number;
  pageSize: number;
}

export interface PhotoResult {
  ok: boolean;
  fileId: string | null;
  problems: string[];
  suggestedSize: { width: number; height: number } | null;
  photo: { format: string; bytes: number; width: number; height: number };
}

export interface ActInput {
  reason?: string;
  opinion?: string;
  checks?: Record<string, boolean>;
  originalsVerifiedBy?: string;
  objection?: { content: string; handling: string };
  /** 处理异议 (pre-review publicity): which objection, the outcome, and how it was handled */
  objectionHandling?: { objectionId: string; outcome: ObjectionOutcome; handling: string };
}

export type ObjectionOutcome = 'upheld' | 'dismissed';

/** An objection lodged against the application on the pre-review list (GET /applications/:id/objections, the office only). */
export interface LodgedObjection {
  id: string;
  lodgedAt: string;
  content: string;
  contactMasked: string | null;
  evidenceFileId: string | null;
  status: 'pending' | ObjectionOutcome;
  handling: string | null;
}

const keys = {
  mine: ['applications', 'mine'] as const,
  one: (id: string) => ['applications', id] as const,
  queue: (q: QueueQuery) => ['applications', 'queue', q] as const,
};

export const useMyApplications = () => useQuery({ queryKey: keys.mine, queryFn: () => api<MyApplication[]>('/applications/mine') });

/** One application; `poll` refreshes it every few seconds (the desktop waiting for the phone signature). */
export function useApplication(id: string, poll = false) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api<Application>(`/applications/${id}`), refetchInterval: poll ? 2000 : false });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['applications'] });
}

export function useCreateApplication() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (planId: string) => api<{ id: string }>('/applications', { method: 'POST', body: { planId } }),
    onSuccess: done,
  });
}

export interface DraftSave {
  level?: string | null;
  mode?: string | null;
  specialtyCode?: string | null;
  draft: Draft;
}

/**
 * Saves the wizard's draft (the whole state each time: the last save wins). The wizard calls it on every
 * upload and choice (use-autosave.ts); keepalive lets a save sent while the page closes still arrive.
 */
export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DraftSave) => api<{ ok: true }>(`/applications/${id}/draft`, { method: 'PUT', body: v, keepalive: true }),
    // not awaited: the next save need not wait for the refetch
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.one(id) });
      void qc.invalidateQueries({ queryKey: keys.mine });
    },
  });
}

export function useLiveEligibility(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', id, 'eligibility'],
    queryFn: () => api<EligibilityResult>(`/applications/${id}/eligibility`),
    enabled,
    staleTime: 0,
  });
}

export function useUploadPhoto(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, fit }: { file: File; fit: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<PhotoResult>(`/applications/${id}/photo${fit ? '?fit=true' : ''}`, { body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

/** The archive's 证件照, checked (and with `fit`, fitted) against the plan exactly as an upload. */
export function useArchivePhoto(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fit }: { fit: boolean }) =>
      api<PhotoResult>(`/applications/${id}/photo/from-archive`, { method: 'POST', query: { fit: fit || undefined } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

/**
 * The phone's signing link. The page tells the server the address it was reached by; `url` is what the QR
 * code carries, `phoneReachable` false when that is a loopback address a phone cannot open (issue 9 item 7).
 */
export function usePledgeToken(id: string) {
  return useMutation({
    mutationFn: () =>
      api<{ token: string; path: string; expiresAt: string; url: string; phoneReachable: boolean }>(`/applications/${id}/pledge-token`, {
        method: 'POST',
        body: { origin: window.location.origin },
      }),
  });
}

export function useAct(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ action, input }: { action: string; input: ActInput }) =>
      api<{ status: ApplicationStatus; warning?: string }>(`/applications/${id}/actions/${action}`, { method: 'POST', body: input }),
    onSuccess: done,
  });
}

/** The pre-review objections of one application, for the office's 处理异议 form. */
export function useApplicationObjections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', id, 'objections'],
    queryFn: () => api<LodgedObjection[]>(`/applications/${id}/objections`),
    enabled,
  });
}

export function useQueue(q: QueueQuery) {
  return useQuery({
    queryKey: keys.queue(q),
    queryFn: () => api<Page<QueueItem>>('/review/queue', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useBatch() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: ActInput & { ids: string[]; action: WorkflowAction }) =>
      api<Array<{ id: string; ok: boolean; message: string }>>('/review/batch', { method: 'POST', body: v }),
    onSuccess: done,
  });
}

/** The phone page: no login, the short-lived token is the key. */
export const usePledgeView = (token: string) =>
  useQuery({
    queryKey: ['pledge', token],
    queryFn: () =>
      api<{ title: string; applicantName: string; planName: string; text: string[]; signed: boolean }>(
        `/pledge/${encodeURIComponent(token)}`,
      ),
    retry: false,
  });

export function useSignPledge(token: string) {
  return useMutation({
    mutationFn: (signature: string) => api<{ ok: true }>(`/pledge/${encodeURIComponent(token)}`, { method: 'POST', body: { signature } }),
  });
}
