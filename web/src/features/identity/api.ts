/** Identity and sessions: password login, logout, applicant registration, the applicant's own profile and 证件照. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '@shared/api-client';
import { meKey, type MyProfile } from '@shared/me';
import { refreshSession, sessionKey, type SessionInfo } from '@shared/session';
import type { LoginResult } from './account-api';

export { meKey, useMe, type MyProfile } from '@shared/me';

export interface LoginInput {
  username: string;
  password: string;
}

export interface ApplicantRegistration {
  realName: string;
  idNumber: string;
  mobile: string;
  password: string;
}

export interface ProfileInput {
  /** left out: the registered number stays */
  mobile?: string;
  email?: string | null;
  currentSpecialty: string;
  workStartMonth: string;
}

/** SSO entry points: full-page navigations to the server, which redirects to 浙江政务服务网. */
export const SSO_PERSONAL_URL = '/api/v1/auth/sso/personal/start';
export const SSO_LEGAL_PERSON_URL = '/api/v1/auth/sso/legalPerson/start';

/** A new identity: forget everything cached for the previous one, then read the new session. */
async function startFresh(qc: QueryClient): Promise<SessionInfo> {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== 'regions' && q.queryKey[0] !== 'notices' });
  return refreshSession(qc);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => {
      const result = await api<LoginResult>('/sessions', { method: 'POST', body: input });
      return { session: await startFresh(qc), result };
    },
  });
}

export function useRegisterApplicant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApplicantRegistration) => {
      await api<{ ok: true }>('/applicants', { method: 'POST', body: input });
      return startFresh(qc);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api<{ ok: true }>('/sessions/current', { method: 'DELETE' });
      return startFresh(qc);
    },
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api<MyProfile>('/me/profile', { method: 'PUT', body: input }),
    onSuccess: async (me) => {
      qc.setQueryData(meKey, me);
      void qc.invalidateQueries({ queryKey: ['home'] });
      await refreshSession(qc);
    },
  });
}

/** The archive's 证件照 (SPEC §2): JPG or PNG; the server answers with the updated profile. */
export function useUploadArchivePhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<MyProfile>('/me/photo', { body: form });
    },
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}

export function useRemoveArchivePhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<MyProfile>('/me/photo', { method: 'DELETE' }),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}
