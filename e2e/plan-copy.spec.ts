/**
 * Issue 9 item 3: a copied plan is a new round. The IT committee office (zsia, seed 000) copies its 2019
 * plan "复制为新年度" to 2020: the dialog and then the editor list what moved (字段 / 原值 / 新值), the new
 * plan's year, cutoff date and assessed years are 2020's; a review month before the deadlines warns on save
 * (返回修改 / 仍要保存) without blocking it. The editor's tab switch is timed (the figure is logged; the
 * measured numbers are in docs/BENCHMARKS.md — the ceiling here only guards against a regression).
 */
import { expect, test, type Page } from '@playwright/test';
import { checkPage, login } from './support';

/** generous: the issue measured 2.2–3.2 s, the fix about 0.1 s; a loaded CI machine must not flake */
const TAB_SWITCH_CEILING_MS = 1500;

/** ms from the click on a tab until it is selected and the next frame is painted */
async function timeTabSwitch(page: Page, name: string): Promise<number> {
  return page.getByRole('tab', { name }).evaluate(async (el) => {
    const t0 = performance.now();
    (el as HTMLElement).click();
    await new Promise<void>((resolve) => {
      const check = () =>
        el.getAttribute('aria-selected') === 'true' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : requestAnimationFrame(check);
      check();
    });
    return performance.now() - t0;
  });
}

test('committee office copies its 2019 plan as a new round (2020): what moved is listed, rule years move, warnings do not block', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await login(page, 'zsia');
  await page.goto('/manage/plans');
  await expect(page.getByRole('heading', { level: 1, name: '评审计划' })).toBeVisible();
  await page.getByRole('button', { name: '复制为新年度：2019年度信息技术专业高级工程师职务任职资格评审' }).click();

  const dialog = page.getByRole('dialog', { name: '复制为新年度' });
  await expect(dialog.getByLabel('新年度')).toBeVisible();
  await dialog.getByLabel('新年度').fill('2020');
  await dialog.getByLabel('新年度').press('Tab');
  await expect(dialog.getByLabel('新计划名称')).toHaveValue('2020年度信息技术专业高级工程师职务任职资格评审');
  await expect(dialog.getByLabel('新计划代号')).toHaveValue('2020-it-senior');
  const preview = dialog.getByRole('table', { name: '将移动的字段' });
  await expect(preview.getByRole('row', { name: /年度考核年度 2016、2017、2018 2017、2018、2019/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /评审月份 2019-11 2020-11/ })).toBeVisible();
  await checkPage(page, testInfo, '70-plan-copy-dialog');
  await dialog.getByRole('button', { name: /复\s*制/ }).click();

  // the new draft opens with the list of what moved
  await expect(page).toHaveURL(/\/manage\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2020年度信息技术专业高级工程师职务任职资格评审');
  await expect(page.getByText(/已复制为 2020 年度的新计划（草稿）/)).toBeVisible();
  const moved = page.getByRole('table', { name: '已移动的字段' });
  for (const row of [
    /^年度 2019 2020$/,
    /计算截止日期 2019-12-31 2020-12-31/,
    /继续教育考核年度 2018、2019 2019、2020/,
    /年度考核年度 2016、2017、2018 2017、2018、2019/,
  ]) {
    await expect(moved.getByRole('row', { name: row })).toBeVisible();
  }
  await expect(page.getByText('草稿').first()).toBeVisible();
  const planPreview = page.locator('.ant-card').filter({ hasText: '计划预览' });
  await expect(planPreview).toContainText('2020-12-31');
  await expect(planPreview).toContainText('2020-09-30');
  await checkPage(page, testInfo, '71-plan-copy-moved');

  // the rules tab: the assessed years moved; the tab switch is timed
  const ms = await timeTabSwitch(page, '条件与评分');
  console.log(`plan editor tab switch (时间与收费 → 条件与评分 area): ${Math.round(ms)} ms`);
  testInfo.annotations.push({ type: 'tab-switch-ms', description: String(Math.round(ms)) });
  expect(ms).toBeLessThan(TAB_SWITCH_CEILING_MS);
  const assessed = page.locator('.ant-form-item').filter({ has: page.getByLabel('年度考核年度（指定年度时）') });
  for (const y of ['2017', '2018', '2019']) await expect(assessed.getByText(y, { exact: true })).toBeVisible();
  await expect(assessed.getByText('2016', { exact: true })).toHaveCount(0);

  // a review month before the deadlines warns; 返回修改 keeps the editor, 仍要保存 saves
  await timeTabSwitch(page, '时间与收费');
  await page.getByLabel('评审月份').click();
  await page.getByLabel('评审月份').fill('2020-08');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /保存计划/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '计划有 1 处可能有误' });
  await expect(confirm).toContainText('评审月份 2020-08 早于主管部门审核截止日期 2020-09-30');
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await expect(page.getByText('计划有 1 处可能有误（不影响保存，请核对）')).toBeVisible();
  await expect(page.getByText('版本 1')).toBeVisible();
  await page.getByRole('button', { name: /保存计划/ }).click();
  await page.getByRole('dialog').filter({ hasText: '计划有 1 处可能有误' }).getByRole('button', { name: '仍要保存' }).click();
  await expect(page.getByText('版本 2')).toBeVisible();
  await expect(page.getByText(/已保存/).first()).toBeVisible();
  await checkPage(page, testInfo, '72-plan-copy-saved-with-warning');
});
