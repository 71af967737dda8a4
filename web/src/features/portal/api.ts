/** Public portal and per-user home data: notices, pending-work counts, in-app notifications. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@shared/api-client';

export interface Notice {
  id: string;
  title: string;
  body: string;
  publisher: string;
  publishedAt: string;
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

export function useNotices(limit = 10) {
  return useQuery({ queryKey: ['notices', limit], queryFn: () => api<Notice[]>('/notices', { query: { limit } }), staleTime: 5 * 60_000 });
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
