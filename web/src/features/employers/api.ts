/** 用人单位注册: registration, the 授权委托书 upload, and the registration's review status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Affiliation, EmployerNature, OrganizationKind, OrganizationStatus } from '@zc/domain';
import { api } from '@shared/api-client';
import { refreshSession } from '@shared/session';

export interface EmployerRegistration {
  name: string;
  creditCode: string;
  regionId: string;
  nature: EmployerNature;
  natureRemark?: string | null;
  competentDepartment?: string | null;
  affiliation: Affiliation;
  industry?: string | null;
  filesAtAgency: boolean;
  contactName: string;
  contactPhone: string;
  /** only when not signed in with a legal-person account */
  account?: { username: string; password: string };
}

export interface EmployerDetail {
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
  nature: string | null;
  natureRemark: string | null;
  competentDepartment: string | null;
  industry: string | null;
  filesAtAgency: boolean;
  contactName: string | null;
  contactPhoneMasked: string | null;
  authorizationLetterFileId: string | null;
  refusalReason: string | null;
  decidedAt: string | null;
  allowed: Array<'approve' | 'refuse' | 'createAccount'>;
}

export interface SsoClaims {
  unitName: string | null;
  creditCode: string | null;
  agentName: string | null;
}

export interface UploadResult {
  fileId: string;
  sha256: string;
  size: number;
  mime: string;
}

export const currentEmployerKey = ['employers', 'current'] as const;

export function useCurrentEmployer(enabled: boolean) {
  return useQuery({ queryKey: currentEmployerKey, queryFn: () => api<EmployerDetail | null>('/employers/current'), enabled });
}

export function useSsoClaims(enabled: boolean) {
  return useQuery({ queryKey: ['sso', 'claims'], queryFn: () => api<SsoClaims>('/auth/sso/claims'), enabled, staleTime: Infinity });
}

export function useRegisterEmployer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EmployerRegistration) => api<{ id: string }>('/employers', { method: 'POST', body: input }),
    onSuccess: async () => {
      // a new account is signed in by the server; an SSO operator now has an organization
      await refreshSession(qc);
      await qc.invalidateQueries({ queryKey: currentEmployerKey });
      void qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function uploadAuthorizationLetter(file: File): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<UploadResult>('/employers/current/authorization-letter', { method: 'POST', form });
}

export function useAfterLetterUpload() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: currentEmployerKey });
    void qc.invalidateQueries({ queryKey: ['home'] });
    await refreshSession(qc);
  };
}
