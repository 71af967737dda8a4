/** The statistics workbook (exceljs): one sheet per dimension, Chinese headers, the scope and filter in each title. */
import ExcelJS from 'exceljs';
import { statisticsSheets } from '@zc/domain';
import type { StatisticsSummary } from './schemas';

export async function statisticsWorkbook(summary: StatisticsSummary, filter: string, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '职称申报评审平台';
  for (const sheet of statisticsSheets(summary.series, summary.total, {
    scopeTitle: summary.scope.title,
    filterText: filter,
    drafts: summary.drafts,
  })) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow([sheet.title]);
    ws.mergeCells(1, 1, 1, sheet.header.length);
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.addRow([`统计时间：${generatedAt}（已提交的申报，草稿不计入）`]);
    ws.mergeCells(2, 1, 2, sheet.header.length);
    const header = ws.addRow(sheet.header);
    header.font = { bold: true };
    for (const r of sheet.rows) ws.addRow(r);
    ws.getColumn(1).width = 36;
    ws.getColumn(2).width = 12;
    ws.getColumn(3).width = 10;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
