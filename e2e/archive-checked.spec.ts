/**
 * Issue 9 item 5 (archive data is checked, not trusted): the work entry's mountain-county picker offers exactly
 * the 26 counties of seed 003 附件3 "山区 26 县名单" — 西湖区 cannot be picked; 职称系列 and 参保省份 are
 * pickers from the domain's lists.
 */
import { expect, test } from '@playwright/test';
import { checkPage, choose, login } from './support';

const APPLICANT = '330127198503120513'; // 张伟

test('archive: the mountain-county picker offers the 26 counties only; series and province are lists', async ({ page }, testInfo) => {
  await login(page, APPLICANT);
  await page.goto('/applicant/archive');
  await page.getByRole('tab', { name: /工作经历/ }).click();
  await page.getByRole('button', { name: '新增工作经历' }).click();
  const drawer = page.getByRole('dialog', { name: /新增工作经历/ });
  const county = drawer.getByRole('combobox', { name: '在山区县工作', exact: true });
  await county.click();
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(list.getByTitle('淳安县（杭州市）', { exact: true })).toBeVisible();
  // the list is virtual: search instead of scrolling — every one of the 26 is found, 西湖区 is not
  await county.fill('西湖');
  await expect(list).toContainText('没有匹配的山区县');
  await county.fill('景宁');
  await expect(list.getByTitle('景宁畲族自治县（丽水市）', { exact: true })).toBeVisible();
  await county.fill('龙泉');
  await list.getByTitle('龙泉市（丽水市）', { exact: true }).click();
  await expect(
    drawer.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '在山区县工作', exact: true }) }),
  ).toContainText('龙泉市（丽水市）');
  await checkPage(page, testInfo, '60-archive-mountain-county-picker');
  await drawer.getByRole('button', { name: '取消' }).click();

  await page.getByRole('tab', { name: /职称/ }).first().click();
  await page.getByRole('button', { name: '新增职称' }).click();
  await choose(page, '职称系列', '工程技术人员（工程）');

  await page.goto('/applicant/archive');
  await page.getByRole('tab', { name: /省外社保证明/ }).click();
  await page.getByRole('button', { name: '新增省外社保证明' }).click();
  await choose(page, '参保省份', '北京市'); // a list (浙江省 is not in it; the server refuses it: archive-checked.test.ts)
});
