/**
 * Issue 10 journey, statistics (F22; SPEC §7 "Rosters and statistics by stage, region, specialty, unit nature"):
 * 张伟 starts an application (a draft: not counted, shown apart); the province's HR officer opens 统计分析 from
 * the menu, sees a chart and a table for every dimension — the tables carry the numbers the server counted —
 * drills from the province into 杭州市, filters by stage, downloads the workbook, and reads the page on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkPage, choose, login, logout } from './support';

const APPLICANT = '330127198503120513'; // 张伟, 淳安县千岛湖水务有限公司
const DIMENSIONS = ['stage', 'region', 'specialty', 'nature', 'level'] as const;

interface Summary {
  total: number;
  drafts: number;
  scope: { title: string };
  series: Record<(typeof DIMENSIONS)[number], Array<{ label: string; count: number }>>;
}

/** The rows of one dimension's table as label → count (the 合计 row is the table's summary, not a row). */
async function tableCounts(page: Page, dim: string): Promise<Record<string, number>> {
  const rows = page.getByTestId(`statistics-${dim}`).locator('tbody tr.ant-table-row');
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    out[(await cells.nth(0).innerText()).trim()] = Number((await cells.nth(1).innerText()).trim());
  }
  return out;
}

async function expectTablesMatch(page: Page, s: Summary) {
  for (const dim of DIMENSIONS) {
    expect(await tableCounts(page, dim), dim).toEqual(Object.fromEntries(s.series[dim].map((i) => [i.label, i.count])));
  }
}

test('an officer opens 统计分析: charts and tables for every dimension, drill-down, filter, export, phone', async ({ page }, testInfo) => {
  test.setTimeout(240_000); // two sign-ins and three checked pages on a loaded 2-core runner
  // a draft of 张伟's: drafts are not statistics, the page shows them apart
  await login(page, APPLICANT);
  const plans = (await (await page.request.get('/api/v1/plans')).json()) as Array<{ id: string; name: string }>;
  const round = plans.find((p) => p.name.includes('演示轮次'));
  expect(round, '演示轮次 is published').toBeTruthy();
  const csrf = (await page.context().cookies()).find((c) => c.name === 'zc_csrf')?.value ?? '';
  // 马上申报 by the API (the wizard is applications.spec.ts's journey); an existing draft is returned as it is
  const created = await page.request.post('/api/v1/applications', { data: { planId: round!.id }, headers: { 'x-csrf-token': csrf } });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto('/applicant/applications');
  await logout(page);

  await login(page, 'zjrst'); // 省人社厅职改处: the whole province
  await page.getByRole('link', { name: '统计分析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '统计分析' })).toBeVisible();
  const res = await page.request.get('/api/v1/statistics/summary');
  expect(res.ok()).toBe(true);
  const s = (await res.json()) as Summary;
  expect(s.scope.title).toBe('浙江省');
  expect(s.drafts).toBeGreaterThanOrEqual(1);
  await expect(page.getByText('草稿（未提交，不计入统计）')).toBeVisible();
  // every dimension with something to draw has its chart (a canvas), and its table says the same numbers
  for (const dim of ['stage', 'region', 'nature', 'level']) {
    await expect(page.getByTestId(`statistics-${dim}`).getByTestId('statistics-chart').locator('canvas').first()).toBeVisible();
  }
  await expectTablesMatch(page, s);
  await expect(page.getByTestId('statistics-region').getByRole('button', { name: '查看杭州市下级地区' })).toBeVisible();
  await checkPage(page, testInfo, '90-statistics-province');

  // drill-down: 杭州市 → its counties, with the way back
  await page.getByRole('button', { name: '查看杭州市下级地区' }).click();
  const region = page.getByTestId('statistics-region');
  await expect(region.getByRole('heading', { name: '按地区（杭州市）' })).toBeVisible();
  await expect(region.getByRole('cell', { name: '淳安县', exact: true })).toBeVisible();
  const hz = (await (await page.request.get('/api/v1/statistics/summary?regionId=330100')).json()) as Summary;
  expect(await tableCounts(page, 'region')).toEqual(Object.fromEntries(hz.series.region.map((i) => [i.label, i.count])));
  await region.getByRole('button', { name: '浙江省' }).click();
  await expect(region.getByRole('heading', { name: '按地区（浙江省）' })).toBeVisible();

  // a stage filter: 0 drafts under a stage, the tables follow the server
  await choose(page, '按申报进度筛选', '待资格审查');
  const filtered = (await (await page.request.get('/api/v1/statistics/summary?stage=atCommittee')).json()) as Summary;
  await expect(page.getByTestId('statistics-stage').locator('tbody tr.ant-table-row')).toHaveCount(filtered.series.stage.length);
  await expectTablesMatch(page, filtered);

  // the export: the same filter, a workbook
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出 Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

  // a phone: one column, nothing cut off sideways, charts still drawn
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('statistics-level').getByTestId('statistics-chart').locator('canvas').first()).toBeVisible();
  // the charts fit themselves to the new width once the resize settles
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await checkPage(page, testInfo, '91-statistics-phone');
});
