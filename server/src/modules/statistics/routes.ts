/** 统计分析 (F22): the summary for the page and the same numbers as an Excel workbook. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { requireAuth } from '../../platform/auth/plugin';
import { shanghaiDate } from '@zc/domain';
import { ZStatisticsQuery, ZStatisticsSummary } from './schemas';
import { filterText, statisticsSummary } from './service';
import { statisticsWorkbook } from './export';

const tags = ['统计分析'];
/** management bodies and administrators; the scope decides what they count (domain statisticsScopeOf) */
const ROLES = ['officer', 'admin'] as const;

export const statisticsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/statistics/summary',
    {
      schema: {
        tags,
        summary: '统计分析：按申报进度、地区、评审专业、单位性质、申报级别计数（限本辖区或本办公室的计划）',
        querystring: ZStatisticsQuery,
        response: { 200: ZStatisticsSummary },
      },
    },
    async (req) => statisticsSummary(ctx, requireAuth(req, ROLES), req.query),
  );

  app.get(
    '/statistics/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出统计表（Excel，每个维度一个工作表）',
        querystring: ZStatisticsQuery,
      },
    },
    async (req, reply) => {
      const summary = await statisticsSummary(ctx, requireAuth(req, ROLES), req.query);
      const buf = await statisticsWorkbook(summary, filterText(summary, req.query), shanghaiDate(ctx.now()));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(`职称申报统计-${summary.scope.title}.xlsx`)}`,
        )
        .send(buf);
    },
  );
};
