/** 工作日历: which years' holiday schedules are known, the province administrator enters a missing year. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@shared/api-client';

export const useCalendarYears = () =>
  useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api<{ library: number[]; entered: number[] }>('/calendar/years') });

export function useEnterYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number; holidays: string[]; workdays: string[] }) =>
      api<{
        year: number;
        workingDaysInYear: number;
        recomputed: Array<{ id: string; before: string; after: string; provisional: boolean }>;
      }>(`/calendar/years/${v.year}`, { method: 'PUT', body: { holidays: v.holidays, workdays: v.workdays } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      // recomputed publicity ends show on the application pages
      void qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function usePublicityEnd() {
  return useMutation({
    mutationFn: (v: { start: string; days: number }) =>
      api<{ end: string; provisional: boolean; provisionalYears: number[] }>('/calendar/publicity-end', { query: v }),
  });
}

export interface CalendarStatus {
  /** years to enter now: from 1 December of the year before, or because open publicity periods are provisional in them */
  awaiting: Array<{ year: number; openPublicity: number }>;
  reminderFrom: string;
}

/** The province administrator's reminder (admins only: the server refuses anyone else). */
export const useCalendarStatus = (enabled = true) =>
  useQuery({ queryKey: ['calendar', 'status'], queryFn: () => api<CalendarStatus>('/calendar/status'), enabled });
