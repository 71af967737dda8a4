/** Administrators: the SMS outbox of the demo gateway and the audit trail of their jurisdiction. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@shared/api-client';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SmsMessage {
  id: string;
  mobileMasked: string;
  template: string;
  /** the template's name in words (申报进度通知 …) */
  templateLabel: string;
  body: string;
  status: string;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  actorRoleLabel: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  targetType: string;
  /** 评审计划, 职称申报, 用户 … */
  targetLabel: string;
  /** the object's name (people masked); null when it no longer exists */
  targetName: string | null;
  targetId: string;
  before: unknown;
  after: unknown;
}

export function useSmsOutbox(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['admin', 'sms', page, pageSize],
    queryFn: () => api<Page<SmsMessage>>('/admin/sms-outbox', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(page: number, pageSize: number, targetId?: string) {
  return useQuery({
    queryKey: ['admin', 'audit', page, pageSize, targetId ?? ''],
    queryFn: () => api<Page<AuditEvent>>('/audit-events', { query: { page, pageSize, targetId } }),
    placeholderData: keepPreviousData,
  });
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  unsealed: number;
  head: { seq: number; hash: string } | null;
  firstBroken?: { id: number; seq: number | null; reason: string };
  /** the result in Chinese, as the audit:verify command prints it */
  summary: string;
}

/** Verifies the audit hash chain (province administrators); runs when asked (refetch), not on page load. */
export function useAuditChainCheck() {
  return useQuery({
    queryKey: ['admin', 'audit', 'verify'],
    queryFn: () => api<AuditChainReport>('/admin/audit/verify'),
    enabled: false,
    retry: false,
  });
}
