/** Account security: the second sign-in step, password change and reset, TOTP enrolment (issue 8 item 6). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@shared/api-client';
import { refreshSession } from '@shared/session';

export interface MfaChallenge {
  method: 'totp' | 'sms';
  mobileMasked: string | null;
  /** demo mode only */
  demoCode?: string;
}

export interface LoginResult {
  ok: true;
  stage: 'full' | 'mfa' | 'password';
  mfa?: MfaChallenge;
}

export interface MfaStatus {
  required: boolean;
  totpEnabled: boolean;
  totpEnabledAt: string | null;
  mobileMasked: string | null;
  recoveryCodesLeft: number;
}

export function useVerifySecondFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { code?: string; recoveryCode?: string }) => {
      await api<{ stage: 'full' | 'password' }>('/sessions/mfa/verify', { method: 'POST', body: input });
      return refreshSession(qc);
    },
  });
}

export function useResendSms() {
  return useMutation({ mutationFn: () => api<MfaChallenge>('/sessions/mfa/sms', { method: 'POST' }) });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) => {
      await api<{ ok: true }>('/me/password', { method: 'POST', body: input });
      return refreshSession(qc);
    },
  });
}

export function useSendResetCode() {
  return useMutation({
    mutationFn: (input: { idNumber: string; mobile: string }) =>
      api<{ ok: true; demoCode?: string }>('/password-reset/code', { method: 'POST', body: input }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { idNumber: string; mobile: string; code: string; newPassword: string }) =>
      api<{ ok: true }>('/password-reset', { method: 'POST', body: input }),
  });
}

const mfaKey = ['me', 'mfa'] as const;

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: () => api<MfaStatus>('/me/mfa') });
}

export function useBeginTotp() {
  return useMutation({ mutationFn: () => api<{ uri: string; secret: string }>('/me/mfa/totp', { method: 'POST' }) });
}

export function useConfirmTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/me/mfa/totp/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: mfaKey }),
  });
}

export function useRenewRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/me/mfa/recovery-codes', { method: 'POST', body: { code } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: mfaKey }),
  });
}
