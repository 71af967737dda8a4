/** Management of organizations: employer-registration review, management bodies and their accounts, experts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationKind, OrganizationStatus } from '@zc/domain';
import { api } from '@shared/api-client';

export type OrgAction = 'approve' | 'refuse' | 'createAccount';

export interface OrganizationSummary {
  id: string;
  kind: OrganizationKind;
  kindLabel: string;
  name: string;
  regionId: string;
  regionName: string;
  status: OrganizationStatus;
  creditCode: string | null;
  natureLabel: string | null;
  affiliation: string | null;
  createdAt: string;
  hasAuthorizationLetter: boolean;
}

export interface AuthorizationLetter {
  fileId: string;
  mime: string;
  name: string;
  size: number;
}

export interface OrganizationDetail extends OrganizationSummary {
  nature: string | null;
  natureRemark: string | null;
  competentDepartment: string | null;
  industry: string | null;
  filesAtAgency: boolean;
  contactName: string | null;
  contactPhoneMasked: string | null;
  authorizationLetterFileId: string | null;
  authorizationLetter: AuthorizationLetter | null;
  refusalReason: string | null;
  decidedAt: string | null;
  allowed: OrgAction[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrganizationQuery {
  kind?: OrganizationKind;
  /** every kind but employers (the 机构与账号 list) */
  managementOnly?: boolean;
  status?: OrganizationStatus;
  keyword?: string;
  regionId?: string;
  page: number;
  pageSize: number;
}

export interface Account {
  id: string;
  role: string;
  realName: string;
  username: string | null;
  mobile: string | null;
  status: string;
}

export interface AccountInput {
  realName: string;
  username: string;
  password: string;
  mobile: string;
}

export interface CreateOrganizationInput {
  kind: OrganizationKind;
  name: string;
  regionId: string;
}

const orgsKey = ['organizations'] as const;

export function useOrganizations(q: OrganizationQuery) {
  return useQuery({
    queryKey: [...orgsKey, 'list', q],
    queryFn: () => api<Page<OrganizationSummary>>('/organizations', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: [...orgsKey, 'detail', id],
    queryFn: () => api<OrganizationDetail>(`/organizations/${id ?? ''}`),
    enabled: id !== null,
  });
}

export function useDecideEmployer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; kind: 'approve'; opinion?: string } | { id: string; kind: 'refuse'; reason: string }) =>
      d.kind === 'approve'
        ? api<{ ok: true }>(`/organizations/${d.id}/approve`, { method: 'POST', body: d.opinion ? { opinion: d.opinion } : {} })
        : api<{ ok: true }>(`/organizations/${d.id}/refuse`, { method: 'POST', body: { reason: d.reason } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: orgsKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) => api<{ id: string }>('/organizations', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgsKey }),
  });
}

export function useAccounts(orgId: string | null) {
  return useQuery({
    queryKey: [...orgsKey, 'accounts', orgId],
    queryFn: () => api<Account[]>(`/organizations/${orgId ?? ''}/accounts`),
    enabled: orgId !== null,
  });
}

export function useCreateAccount(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) => api<{ id: string }>(`/organizations/${orgId}/accounts`, { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...orgsKey, 'accounts', orgId] }),
  });
}

export function useAddExpert(ownOrgId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) => api<{ id: string }>('/experts', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...orgsKey, 'accounts', ownOrgId] }),
  });
}
