/**
 * Issue 9 item 1 journey: nothing a user uploads is lost. On the demo round, 李娜 (bound to 嘉兴智联软件 once
 * its operator agrees) opens the wizard: 下一步 on 申报信息 with nothing chosen stays there and says what is
 * missing; on 附件材料 an uploaded PDF is saved at once — it is still 已上传 after a reload, and after a trip
 * to 我的申报 and back, without any 下一步; the statement typed just before leaving is kept too.
 * (李娜, not 张伟: the issue 5 journey submits 张伟's application to the same round.)
 */
import { expect, test, type Page } from '@playwright/test';
import { approveLiNaBinding, checkPage, choose, idNumber, login, pdf } from './support';

const APPLICANT = idNumber('33040219900807062'); // 李娜, asking to be bound to 嘉兴智联软件有限公司
const PLAN = /演示轮次/;

/** 李娜's application to the demo round (started with 马上申报 the first time); returns the wizard's address. */
async function openWizard(page: Page): Promise<string> {
  await login(page, APPLICANT);
  await page.goto('/applicant/applications');
  const plan = page.getByRole('listitem').filter({ hasText: PLAN });
  const start = plan.getByRole('button', { name: /马上申报/ });
  const open = plan.getByRole('link', { name: '已申报，查看' });
  await expect(start.or(open)).toBeVisible();
  await ((await start.isVisible()) ? start : open).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}/);
  return page.url().replace(/\?.*$/, '');
}

const saved = (page: Page) => expect(page.getByTestId('save-state')).toContainText(/已自动保存 \d{2}:\d{2}:\d{2}/);

// serial: the second journey continues 李娜's application of the first; generous time for a loaded 2-core runner
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('申报信息: 下一步 with no mode or specialty chosen stays on the step, marks both and focuses the first', async ({
  page,
}, testInfo) => {
  await approveLiNaBinding(page);
  const wizard = await openWizard(page);
  await page.goto(`${wizard}?step=2`);
  await expect(page.getByRole('heading', { level: 2, name: '申报信息' })).toBeVisible();
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  // still on 申报信息, each missing choice says what to do, and the first one has the focus
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
  const errors = page.locator('.ant-form-item-explain-error');
  await expect(errors.filter({ hasText: '请选择申报方式' })).toBeVisible();
  await expect(errors.filter({ hasText: '请选择申报专业' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '申报方式', exact: true })).toBeFocused();
  await checkPage(page, testInfo, '59-wizard-info-missing');
  // the step bar cannot skip it either
  await page
    .getByRole('button', { name: /附件材料/ })
    .first()
    .click();
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
  // once chosen (each choice saved as made), the messages go and 下一步 goes on
  await choose(page, '申报方式', '正常申报');
  await choose(page, '申报专业', '技术开发');
  await expect(errors).toHaveCount(0);
  await saved(page);
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(page).toHaveURL(/[?&]step=3(&|$)/);
  // the choices were saved as they were made: a reload of 申报信息 shows them
  await page.goto(`${wizard}?step=2`);
  await expect(page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '申报方式', exact: true }) })).toContainText(
    '正常申报',
  );
  await expect(page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '申报专业', exact: true }) })).toContainText(
    '技术开发',
  );
});

test('附件材料: an upload is saved at once — still 已上传 after a reload and after 我的申报 and back, without 下一步', async ({
  page,
}, testInfo) => {
  const wizard = await openWizard(page);
  await page.goto(`${wizard}?step=4`);
  await expect(page.getByRole('heading', { level: 2, name: '附件材料' })).toBeVisible();
  const items = page.getByRole('listitem').filter({ hasText: '必交，缺少' });
  const first = (await items.first().locator('strong').textContent())!;
  const second = (await items.nth(1).locator('strong').textContent())!;
  const item = (name: string) => page.getByRole('listitem').filter({ hasText: name });

  await item(first)
    .locator('input[type=file]')
    .setInputFiles({ name: '附件一.pdf', mimeType: 'application/pdf', buffer: pdf('attachment one') });
  await expect(item(first).getByText('已上传')).toBeVisible();
  await saved(page);
  await checkPage(page, testInfo, '60-wizard-attachment-autosaved');

  // a reload (no 下一步 was pressed): the file is still there
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '附件材料' })).toBeVisible();
  await expect(item(first).getByText('已上传')).toBeVisible();

  // another upload, then straight to 我的申报 (the save may still be under way: leaving waits for it) and back
  await item(second)
    .locator('input[type=file]')
    .setInputFiles({ name: '附件二.pdf', mimeType: 'application/pdf', buffer: pdf('attachment two') });
  await expect(item(second).getByText('已上传')).toBeVisible();
  await page.getByRole('link', { name: '我的申报' }).first().click();
  await expect(page).toHaveURL(/\/applicant\/applications$/);
  await page.getByRole('link', { name: '继续填写' }).first().click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}/);
  await page.goto(`${wizard}?step=4`);
  await expect(item(first).getByText('已上传')).toBeVisible();
  await expect(item(second).getByText('已上传')).toBeVisible();

  // the statement typed just before leaving is kept too (typing is saved after a pause, or when leaving)
  await page.goto(`${wizard}?step=2`);
  const statement = '本人自2012年起从事软件开发工作，主持企业物联网平台的设计。';
  await page.getByLabel('本人述职').fill(statement);
  await page.getByRole('link', { name: '我的申报' }).first().click();
  await expect(page).toHaveURL(/\/applicant\/applications$/);
  await page.goto(`${wizard}?step=2`);
  await expect(page.getByLabel('本人述职')).toHaveValue(statement);
});
