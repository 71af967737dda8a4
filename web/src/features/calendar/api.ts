/** 工作日历: which years' holiday schedules are known, the province administrator enters a missing year. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@shared/api-client';

export const useCalendarYears = () => useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api<{ library: number[]; entered: number[] }>('/calendar/years') });

export function useEnterYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number; holidays: string[]; workdays: string[] }) => api<{ year: number; workingDaysInYear: number }>(`/calendar/years/${v.year}`, { method: 'PUT', body: { holidays: v.holidays, workdays: v.workdays } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function usePublicityEnd() {
  return useMutation({ mutationFn: (v: { start: string; days: number }) => api<{ end: string }>('/calendar/publicity-end', { query: v }) });
}
