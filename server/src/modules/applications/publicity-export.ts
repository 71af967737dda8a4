/** The employer's publicity table (单位公示表, SPEC §6) as Excel: the ID number masked, codes in words. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { labelOf, maskIdNumber, provisionalEndNote, type Plan } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { requireAuth } from '../../platform/auth/plugin';
import { applications, organizations, plans, users } from '../../platform/db/schema';
import { getApplication } from './presentation';
import { ZId, tags } from './schemas';

export const publicityExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/applications/:id/publicity.xlsx', { schema: { tags, summary: '导出单位公示表（Excel）', params: ZId } }, async (req, reply) => {
    const auth = requireAuth(req, ['employer']);
    const detail = await getApplication(ctx, auth, req.params.id);
    const [row] = await ctx.db
      .select({ idNumber: users.idNumber, unit: organizations.name, plan: plans.data })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .innerJoin(organizations, eq(organizations.id, applications.employerId))
      .innerJoin(plans, eq(plans.id, applications.planId))
      .where(eq(applications.id, req.params.id));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公示表');
    ws.addRow([`${row?.unit ?? ''}职称申报人员公示表`]);
    ws.addRow([
      `公示期：${detail.publicityStart ?? ''} 至 ${detail.publicityEnd ?? ''}${detail.publicityEndProvisional && detail.publicityEnd ? `（${provisionalEndNote(detail.publicityEnd)}）` : ''}（不少于 ${(row?.plan as Plan | undefined)?.publicity.employerWorkingDays ?? ''} 个工作日）`,
    ]);
    ws.addRow(['姓名', '身份证号', '现从事专业', '申报计划', '申报级别', '申报方式', '代表作及主要业绩']);
    const entries = ((detail.draft.submittedEntries ?? []) as Array<{ summary: string }>).map((e) => e.summary).join('；');
    ws.addRow([
      detail.applicantName,
      row?.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', row.idNumber)) : '',
      detail.currentSpecialty ?? '',
      detail.planName,
      // words, never codes (issue 9 item 6): the plan's own name of the mode, else the domain's
      detail.level ? labelOf('titleLevel', detail.level) : '',
      detail.mode
        ? ((row?.plan as Plan | undefined)?.modes.find((m) => m.mode === detail.mode)?.label ?? labelOf('applicationMode', detail.mode))
        : '',
      entries,
    ]);
    ws.columns.forEach((c) => (c.width = 22));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="publicity.xlsx"; filename*=UTF-8''${encodeURIComponent(`${detail.applicantName}-公示表.xlsx`)}`,
      )
      .send(buf);
  });
};
