/** Public portal (notices, plans, certificate verification) and per-user home data: pending-work counts, in-app notifications. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@shared/api-client';

export interface Notice {
  id: string;
  title: string;
  body: string;
  publisher: string;
  /** the date of the notice's own document (YYYY-MM-DD); null when entered without one */
  documentDate: string | null;
  /** 文号 */
  documentNumber: string | null;
  publishedAt: string;
  /** the published plans it announces */
  plans: Array<{ id: string; name: string; phaseLabel: string }>;
}

export interface PublicPlan {
  id: string;
  name: string;
  year: number;
  committeeName: string;
  officeName: string;
  issuer: string;
  documentNumber: string | null;
  documentDate: string | null;
  levels: string[];
  specialties: string[];
  openDate: string;
  personalDeadline: string;
  phase: 'upcoming' | 'open' | 'closed';
  phaseLabel: string;
  countdown: string;
  fee: string;
}

export interface PublicPlanDetail extends PublicPlan {
  committeeKind: string;
  sourceTitle: string;
  specialtyDetails: Array<{ name: string; description: string | null }>;
  timeline: Array<{ label: string; date: string }>;
  cutoffDate: string;
  sections: Array<{ key: string; title: string; lines: string[] }>;
  modes: Array<{ label: string; lines: string[]; requiredAttachments: string[]; optionalAttachments: string[] }>;
  photo: string;
}

export interface PublicCertificate {
  certificateNumber: string;
  status: 'valid' | 'revoked';
  statusLabel: string;
  holderName: string;
  idNumber: string;
  title: string;
  specialty: string;
  committee: string;
  issuedOn: string;
  revokedOn: string | null;
  revokedReason: string | null;
}

export interface PendingItem {
  key: string;
  label: string;
  count: number;
  link: string;
}

export interface HomeInfo {
  unreadNotifications: number;
  pending: PendingItem[];
}

export interface AppNotification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export const homeKey = ['home'] as const;
export const notificationsKey = ['notifications'] as const;

/** 通知公告, newest document first; `q` searches title and publisher */
export function useNotices(params: { q?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['notices', params],
    queryFn: () => api<{ items: Notice[]; total: number }>('/notices', { query: params }),
    staleTime: 5 * 60_000,
  });
}

export function useNotice(id: string) {
  return useQuery({ queryKey: ['notices', 'one', id], queryFn: () => api<Notice>(`/notices/${id}`), retry: false });
}

/** 申报计划 on the portal: open, upcoming or recently closed ones; `all` adds the earlier rounds */
export function usePublicPlans(params: { q?: string; all?: boolean }) {
  return useQuery({ queryKey: ['publicPlans', params], queryFn: () => api<PublicPlan[]>('/public/plans', { query: params }) });
}

export function usePublicPlan(id: string) {
  return useQuery({ queryKey: ['publicPlans', 'one', id], queryFn: () => api<PublicPlanDetail>(`/public/plans/${id}`), retry: false });
}

/**
 * 证书查验; runs once a number is entered. A 404 is an answer — "not found", with the server's words — shown
 * on the page, not a failure to toast or retry.
 */
export function useCertificate(no: string) {
  return useQuery({
    queryKey: ['certificate', no],
    queryFn: async (): Promise<{ found: PublicCertificate } | { notFound: string }> => {
      try {
        return { found: await api<PublicCertificate>(`/public/certificates/${encodeURIComponent(no)}`) };
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return { notFound: e.message };
        throw e;
      }
    },
    enabled: no !== '',
    retry: false,
  });
}

/** 我要申报: the applicant's draft for the plan (the server returns the existing one if there is one) */
export function useStartApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api<{ id: string }>('/applications', { method: 'POST', body: { planId } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['applications'] }),
  });
}

/**
 * Pending counts and the unread badge. Deliberately not polled: every request renews the session, so a
 * background poll would keep an unattended browser signed in past the idle timeout. It refreshes on
 * window focus and after each action instead.
 */
export function useHome() {
  return useQuery({ queryKey: homeKey, queryFn: () => api<HomeInfo>('/home'), staleTime: 15_000 });
}

export function useNotifications(limit = 50) {
  return useQuery({
    queryKey: [...notificationsKey, limit],
    queryFn: () => api<AppNotification[]>('/notifications', { query: { limit } }),
  });
}

export function useMarkNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    /** 'all': every unread message, not only the ones loaded on the page */
    mutationFn: (ids: string[] | 'all') =>
      api<{ ok: true }>('/notifications/read', { method: 'POST', body: ids === 'all' ? { all: true } : { ids: ids.slice(0, 100) } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: notificationsKey });
      void qc.invalidateQueries({ queryKey: homeKey });
    },
  });
}
