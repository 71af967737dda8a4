/**
 * The signed-in user (GET /session). Every portal and guard reads it, so it lives in shared/.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Role } from '@zc/domain';
import { api } from './api-client';

export interface SessionUser {
  id: string;
  role: Role;
  realName: string;
  username: string | null;
  orgId: string | null;
  orgName: string | null;
  orgKind: string | null;
  orgStatus: string | null;
  regionName: string | null;
  regionLevel: string | null;
  profileCompleted: boolean;
}

export interface SessionInfo {
  user: SessionUser | null;
  csrfToken: string;
  expired: boolean;
  /** null: signed out; 'mfa': the second factor is due; 'password': the initial password must be changed first */
  stage: 'full' | 'mfa' | 'password' | null;
  sso: { enabled: boolean };
}

export const sessionKey = ['session'] as const;

export function fetchSession(): Promise<SessionInfo> {
  return api<SessionInfo>('/session');
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 30_000 });
}

/** The signed-in user; only for components rendered behind a guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data?.user) throw new Error('useCurrentUser outside a signed-in route');
  return data.user;
}

/** Re-reads the session (after login, logout, registration, a decision that changes the org status). */
export function refreshSession(qc: QueryClient): Promise<SessionInfo> {
  return qc.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 });
}

/** Where each role lands after signing in. */
export function roleHome(role: Role): string {
  switch (role) {
    case 'applicant':
      return '/applicant';
    case 'employer':
      return '/employer';
    case 'officer':
    case 'expert':
      return '/manage';
    case 'admin':
      return '/admin';
  }
}

/** The employer may work only once its registration is approved (SPEC §1). */
export function employerApproved(user: SessionUser): boolean {
  return user.role === 'employer' && user.orgId !== null && user.orgStatus === 'approved';
}
