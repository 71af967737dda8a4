/**
 * The signed-in applicant's own profile (GET /me): the 基本信息 page edits it, and the application wizard
 * reads the archive's 证件照 from it, so the query lives in shared/ (features do not import each other).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export interface MyProfile {
  id: string;
  role: string;
  realName: string;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  sex: string | null;
  birthDate: string | null;
  email: string | null;
  currentSpecialty: string | null;
  workStartMonth: string | null;
  profileCompleted: boolean;
  viaGovAccount: boolean;
  /** the archive's 证件照, or null */
  photoFileId: string | null;
}

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api<MyProfile>('/me') });
}
