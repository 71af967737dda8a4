/** 评审计划 (SPEC §3): the office's plans (import, preview, edit, publish) and the open plans applicants pick. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@shared/api-client';

export { planKeys, usePublishedPlans, useMyPlans, fetchPlan, usePlan, type PlanSummary, type PlanDocument, type EligibilityResult } from '@shared/plans';
import type { EligibilityResult, PlanDocument } from '@shared/plans';

function useInvalidatePlans() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['plans'] });
}

export function useImportPlan() {
  const done = useInvalidatePlans();
  return useMutation({ mutationFn: (text: string) => api<{ id: string }>('/plans/import', { method: 'POST', body: { text } }), onSuccess: done });
}

/** "新建计划": a blank template or a copy, sent as a JSON document; it starts as a draft. */
export function useCreatePlan() {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (plan: PlanDocument) => api<{ id: string }>('/plans', { method: 'POST', body: { plan } }),
    onSuccess: done,
  });
}

export function useUpdatePlan(id: string) {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (v: { plan: PlanDocument; version: number }) =>
      api<{ ok: true; version: number }>(`/plans/${id}`, { method: 'PUT', body: v }),
    onSuccess: done,
  });
}

/** "导入覆盖": a plan file replaces the draft's whole content, under the version read. */
export function useImportOverPlan(id: string) {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (v: { text: string; version: number }) =>
      api<{ ok: true; version: number }>(`/plans/${id}/import`, { method: 'POST', body: v }),
    onSuccess: done,
  });
}

export function usePublishPlan(id: string) {
  const done = useInvalidatePlans();
  return useMutation({ mutationFn: (publish: boolean) => api<{ ok: true }>(`/plans/${id}/${publish ? 'publish' : 'unpublish'}`, { method: 'POST', body: {} }), onSuccess: done });
}

export function useEligibility(planId: string) {
  return useMutation({ mutationFn: (v: { mode: string; level: string }) => api<EligibilityResult>(`/plans/${planId}/eligibility`, { method: 'POST', body: v }) });
}
