/** 评审计划 (SPEC §3): the office's plans (import, preview, edit, publish) and the open plans applicants pick. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MovedField, PlanWarning, TextToCheck } from '@zc/domain';
import { api } from '@shared/api-client';

export {
  planKeys,
  usePublishedPlans,
  useMyPlans,
  fetchPlan,
  usePlan,
  type PlanSummary,
  type PlanDocument,
  type EligibilityResult,
} from '@shared/plans';
import { planKeys, type EligibilityResult, type PlanDocument, type PlanSummary } from '@shared/plans';

function useInvalidatePlans() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['plans'] });
}

export function useImportPlan() {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (text: string) => api<{ id: string }>('/plans/import', { method: 'POST', body: { text } }),
    onSuccess: done,
  });
}

/** "新建计划": a blank template or a copy, sent as a JSON document; it starts as a draft. */
export function useCreatePlan() {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (plan: PlanDocument) => api<{ id: string }>('/plans', { method: 'POST', body: { plan } }),
    onSuccess: done,
  });
}

/**
 * Saving the editor: the answer carries the new version, so the plan's cached copy is updated in place and
 * the lists are refreshed in the background — the save does not wait for a refetch (issue 9 item 3).
 */
export function useUpdatePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { plan: PlanDocument; version: number }) =>
      api<{ ok: true; version: number; warnings: PlanWarning[] }>(`/plans/${id}`, { method: 'PUT', body: v }),
    onSuccess: (r, v) => {
      qc.setQueryData<{ summary: PlanSummary; plan: PlanDocument }>(planKeys.one(id), (old) =>
        old
          ? {
              summary: { ...old.summary, version: r.version, name: v.plan.name, year: v.plan.year, timeline: v.plan.timeline },
              plan: v.plan,
            }
          : old,
      );
      void qc.invalidateQueries({ queryKey: ['plans'], refetchType: 'none' });
      void qc.invalidateQueries({ queryKey: planKeys.mine });
    },
  });
}

export interface CopiedPlan {
  id: string;
  plan: PlanDocument;
  moved: MovedField[];
  toCheck: TextToCheck[];
  warnings: PlanWarning[];
}

/** "复制为新年度": a new draft with every year-relative value moved to the target year (POST /plans/:id/copy). */
export function useCopyPlan() {
  const done = useInvalidatePlans();
  return useMutation({
    mutationFn: (v: { sourceId: string; targetYear: number; key: string; name: string }) =>
      api<CopiedPlan>(`/plans/${v.sourceId}/copy`, {
        method: 'POST',
        body: { asNewYear: true, targetYear: v.targetYear, key: v.key, name: v.name },
      }),
    onSuccess: () => void done(),
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
  return useMutation({
    mutationFn: (publish: boolean) => api<{ ok: true }>(`/plans/${id}/${publish ? 'publish' : 'unpublish'}`, { method: 'POST', body: {} }),
    onSuccess: done,
  });
}

export function useEligibility(planId: string) {
  return useMutation({
    mutationFn: (v: { mode: string; level: string }) => api<EligibilityResult>(`/plans/${planId}/eligibility`, { method: 'POST', body: v }),
  });
}
