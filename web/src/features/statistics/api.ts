/** 统计分析 (F22): the summary of the actor's scope for a filter, and the workbook's address. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsDimension, StatisticsItem, StatisticsStage } from '@zc/domain';
import { api, apiUrl } from '@shared/api-client';

export interface StatisticsFilter {
  planId?: string;
  year?: number;
  stage?: StatisticsStage;
  /** drill-down: the region whose next level the region chart shows */
  regionId?: string;
}

export interface StatisticsSummary {
  scope: {
    kind: 'region' | 'office';
    title: string;
    region: { regionId: string; name: string };
    trail: Array<{ regionId: string; name: string }>;
  };
  total: number;
  drafts: number;
  series: Record<StatisticsDimension, StatisticsItem[]>;
  plans: Array<{ id: string; name: string; year: number }>;
  years: number[];
}

const query = (f: StatisticsFilter) => ({ planId: f.planId, year: f.year, stage: f.stage, regionId: f.regionId });

export function useStatisticsSummary(filter: StatisticsFilter) {
  return useQuery({
    queryKey: ['statistics', 'summary', query(filter)],
    queryFn: () => api<StatisticsSummary>('/statistics/summary', { query: query(filter) }),
    placeholderData: keepPreviousData,
  });
}

/** The Excel workbook of the same filter (a plain link: the browser downloads it with the session cookie). */
export function statisticsExportUrl(filter: StatisticsFilter): string {
  return apiUrl('/statistics/export.xlsx', query(filter));
}
