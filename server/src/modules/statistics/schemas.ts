/** Statistics (F22): the filter and the summary, as zod schemas (request and response). */
import { z } from 'zod';
import { STATISTICS_STAGES } from '@zc/domain';

export const ZStatisticsQuery = z.object({
  planId: z.uuid('评审计划参数有误，请从列表中选择').optional(),
  year: z.coerce
    .number('年度应为四位数字，如 2026')
    .int('年度应为四位数字，如 2026')
    .min(2000, '年度应在 2000–2100 之间')
    .max(2100, '年度应在 2000–2100 之间')
    .optional(),
  stage: z.enum(STATISTICS_STAGES, { error: '申报进度参数有误，请从列表中选择（草稿不计入统计）' }).optional(),
  /** drill-down: count this region's applications, by the regions one level below it */
  regionId: z.string().min(1).max(40, '地区参数有误，请从列表中选择').optional(),
});
export type StatisticsQuery = z.infer<typeof ZStatisticsQuery>;

const ZItem = z.object({
  key: z.string().nullable(),
  label: z.string(),
  count: z.number().int(),
  drillable: z.boolean().optional(),
});

export const ZStatisticsSummary = z.object({
  scope: z.object({
    kind: z.enum(['region', 'office']),
    /** 杭州市 / 淳安县 / 浙江省软件行业协会评审办 · 杭州市: named in the page and the workbook */
    title: z.string(),
    /** the region the region dimension is broken down under, and the way back up to the actor's own root */
    region: z.object({ regionId: z.string(), name: z.string() }),
    trail: z.array(z.object({ regionId: z.string(), name: z.string() })),
  }),
  /** applications counted: submitted and later (drafts are not statistics) */
  total: z.number().int(),
  /** drafts of the same scope and filter, apart */
  drafts: z.number().int(),
  series: z.object({
    stage: z.array(ZItem),
    region: z.array(ZItem),
    specialty: z.array(ZItem),
    nature: z.array(ZItem),
    level: z.array(ZItem),
  }),
  /** the filter's choices: the plans this actor may count, and their years */
  plans: z.array(z.object({ id: z.uuid(), name: z.string(), year: z.number().int() })),
  years: z.array(z.number().int()),
});
export type StatisticsSummary = z.infer<typeof ZStatisticsSummary>;
