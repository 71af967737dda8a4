/**
 * Reading plans (SPEC §3), shared by the features that show them: the office's pages, the open plans,
 * the application wizard and the review queues.
 */
import { useQuery } from '@tanstack/react-query';
import type { Plan } from '@zc/domain';
import { api } from './api-client';

export interface PlanSummary {
  id: string;
  key: string;
  name: string;
  year: number;
  status: 'draft' | 'published';
  version: number;
  officeName: string;
  committeeName: string;
  levels: string[];
  specialties: Array<{ code: string; name: string }>;
  timeline: Record<string, string | undefined>;
  phase: 'upcoming' | 'open' | 'closed';
  phaseLabel: string;
  publishedAt: string | null;
  updatedAt: string;
  allowed: Array<'edit' | 'publish' | 'unpublish' | 'export'>;
}

/** The plan document as the server validates it (packages/domain ZPlan); edited and saved as a whole. */
export type PlanDocument = Plan;

export interface EligibilityResult {
  eligible: boolean;
  interviewRequired: boolean;
  interviewReasons: string[];
  results: Array<{
    rule: string;
    title: string;
    status: 'pass' | 'fail' | 'needsReview';
    explanation: string;
    numbers: Record<string, number | string>;
    evidence: string[];
  }>;
}

export const planKeys = {
  published: ['plans', 'published'] as const,
  mine: ['plans', 'mine'] as const,
  one: (id: string) => ['plans', id] as const,
};

export const usePublishedPlans = () => useQuery({ queryKey: planKeys.published, queryFn: () => api<PlanSummary[]>('/plans') });
export const useMyPlans = () => useQuery({ queryKey: planKeys.mine, queryFn: () => api<PlanSummary[]>('/plans/mine') });
export const fetchPlan = (id: string) => api<{ summary: PlanSummary; plan: PlanDocument }>(`/plans/${id}`);
/** One plan with its document; waits until the id is known (a page may learn it from another query first). */
export const usePlan = (id: string) => useQuery({ queryKey: planKeys.one(id), queryFn: () => fetchPlan(id), enabled: id !== '' });
