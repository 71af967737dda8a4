/** 单位绑定: an applicant asks to be bound to an employer; the employer approves or refuses (seed 003 附件2.2). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BindingStatus } from '@zc/domain';
import { api } from '@shared/api-client';

export interface EmployerSearchItem {
  id: string;
  name: string;
  regionName: string;
}

export interface MyBinding {
  id: string;
  employerId: string;
  employerName: string;
  regionName: string;
  status: BindingStatus;
  statusLabel: string;
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface EmployerBinding {
  id: string;
  applicantName: string;
  idNumberMasked: string;
  mobileMasked: string;
  sex: string | null;
  currentSpecialty: string | null;
  status: BindingStatus;
  statusLabel: string;
  reason: string | null;
  requestedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BindingQuery {
  status?: BindingStatus;
  page: number;
  pageSize: number;
}

const myBindingsKey = ['me', 'bindings'] as const;
const employerBindingsKey = ['bindings'] as const;

export function useEmployerSearch(keyword: string) {
  const kw = keyword.trim();
  return useQuery({
    queryKey: ['employers', 'search', kw],
    queryFn: () => api<EmployerSearchItem[]>('/employers/search', { query: { keyword: kw } }),
    enabled: [...kw].length >= 2,
  });
}

export function useMyBindings() {
  return useQuery({ queryKey: myBindingsKey, queryFn: () => api<MyBinding[]>('/me/bindings') });
}

export function useRequestBinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (employerId: string) => api<{ id: string }>('/bindings', { method: 'POST', body: { employerId } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: myBindingsKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useCancelBinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/bindings/${id}/cancel`, { method: 'POST', body: {} }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: myBindingsKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useEmployerBindings(q: BindingQuery) {
  return useQuery({
    queryKey: [...employerBindingsKey, q],
    queryFn: () => api<Page<EmployerBinding>>('/bindings', { query: { status: q.status, page: q.page, pageSize: q.pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideBinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; kind: 'approve' } | { id: string; kind: 'refuse'; reason: string }) =>
      d.kind === 'approve'
        ? api<{ ok: true }>(`/bindings/${d.id}/approve`, { method: 'POST', body: {} })
        : api<{ ok: true }>(`/bindings/${d.id}/refuse`, { method: 'POST', body: { reason: d.reason } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: employerBindingsKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
