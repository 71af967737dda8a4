/** 缴费 (SPEC §7): what is owed and paying it online, the receipt, the office's 缴费管理, a department's 收费设定. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeeMethod, FeeStatus } from '@zc/domain';
import { api } from '@shared/api-client';
import { FEE_POLL_MS, type PayerFee } from '@shared/fees';

export { awaitingCallback, FEE_POLL_MS, usePayFee, type PayerFee } from '@shared/fees';

export interface OfficeFee extends Omit<PayerFee, 'canPay' | 'howToPay'> {
  employerName: string;
  planId: string;
  note: string | null;
  canConfirm: boolean;
  canRefund: boolean;
}

export interface Receipt {
  receiptNo: string;
  kindLabel: string;
  planName: string;
  applicantName: string;
  employerName: string;
  payerLabel: string;
  collectorName: string;
  amountText: string;
  methodLabel: string;
  paidAt: string;
  reference: string;
  statusLabel: string;
}

export interface FeeSetting {
  orgId: string;
  orgName: string;
  feeEnabled: boolean;
  amountYuan: number | null;
  warning: string;
}

export interface OfficeFeeQuery {
  planId?: string;
  status?: FeeStatus;
  method?: FeeMethod;
  keyword?: string;
  page: number;
  pageSize: number;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useMyFees(poll: boolean) {
  return useQuery({
    queryKey: ['fees', 'mine'],
    queryFn: () => api<PayerFee[]>('/me/fees'),
    refetchInterval: poll ? FEE_POLL_MS : false,
  });
}

export function useReceipt(feeId: string | undefined) {
  return useQuery({ queryKey: ['fees', 'receipt', feeId], queryFn: () => api<Receipt>(`/fees/${feeId}/receipt`), enabled: !!feeId });
}

export function useOfficeFees(q: OfficeFeeQuery) {
  return useQuery({
    queryKey: ['fees', 'office', q],
    queryFn: () => api<Page<OfficeFee>>('/fees', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useConfirmFee() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; voucherNo: string; note?: string; amountYuan?: number }) => {
      const { id, ...body } = v;
      return api<{ ok: true }>(`/fees/${id}/confirm`, { method: 'POST', body });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['fees'] }),
  });
}

export function useRefundFee() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      api<{ state: 'refunded' | 'requested'; message: string }>(`/fees/${v.id}/refund`, { method: 'POST', body: { reason: v.reason } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['fees'] }),
  });
}

export function useFeeSetting(orgId: string | null) {
  return useQuery({
    queryKey: ['fee-setting', orgId],
    queryFn: () => api<FeeSetting>(`/organizations/${orgId}/fee-setting`),
    enabled: !!orgId,
  });
}

export function useSaveFeeSetting(orgId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { feeEnabled: boolean; amountYuan: number | null }) =>
      api<FeeSetting>(`/organizations/${orgId}/fee-setting`, { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(['fee-setting', orgId], data),
  });
}

/** The committee office's own plans, for the 评审计划 filter of 缴费管理. */
export function useOwnPlans(enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'mine', 'names'],
    queryFn: () => api<Array<{ id: string; name: string }>>('/plans/mine'),
    enabled,
  });
}
