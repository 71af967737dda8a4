/**
 * Issue 9 items 4 and 7 journeys: messages tell the truth, and the phone can reach the signing link.
 * - 张伟 (bound to 千岛湖水务) records a degree the registry does not confirm: the archive page names the degree
 *   and how to fix it (核对/修改, 重新核验, or upload), never "尚未绑定工作单位" with 去绑定. The entry is removed
 *   afterwards, so his archive stays as the other journeys expect.
 * - 李娜 (her binding to 嘉兴智联软件 confirmed here, as wizard-autosave.spec.ts does) opens the 诚信承诺 step on a
 *   platform reached by 127.0.0.1: the page says a phone cannot open that address and still offers the link; she
 *   signs on a phone-sized page; the desktop stops "正在等待手机签名……", shows 已签名 with the time, and stops
 *   asking the server.
 */
import { expect, test } from '@playwright/test';
import { approveLiNaBinding, checkPage, choose, drawSignature, idNumber, login, logout } from './support';

const ZHANG = '330127198503120513';
const LI_NA = idNumber('33040219900807062');
const PLAN = /演示轮次/;
const school = `宁波测试大学${String(Date.now() % 100000)}`;

test.describe.configure({ mode: 'serial' });

test('archive: a degree the registry did not confirm is named as such, not as a missing binding', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await login(page, ZHANG);
  await page.goto('/applicant/archive');
  await expect(page.getByRole('heading', { level: 1, name: '个人业绩档案' })).toBeVisible();
  await page.getByRole('tab', { name: /学历学位/ }).click();
  await page.getByRole('button', { name: '新增学历学位' }).click();
  const drawer = page.getByRole('dialog', { name: /新增/ });
  await choose(page, '学历', '本科');
  await drawer.getByRole('textbox', { name: '毕业院校' }).fill(school);
  await drawer.getByRole('textbox', { name: '所学专业' }).fill('计算机科学与技术');
  const date = drawer.getByRole('textbox', { name: '毕业时间', exact: true });
  await date.click();
  await date.fill('2010-06-30');
  await date.press('Enter');
  await choose(page, '学习形式', '全日制');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/archive/entries') && r.request().method() === 'POST');
  await drawer.getByRole('button', { name: '保存' }).click();
  expect((await created).status()).toBe(201);
  // the evidence dialog opens for the new entry: not now
  const evidence = page.getByRole('dialog', { name: /佐证材料/ });
  await evidence.getByRole('button', { name: '完成' }).click();
  await expect(evidence).toBeHidden();

  // the page says what is wrong with the degree and how to fix it — and nothing about binding
  await expect(page.getByText('1 项学历尚未通过核验，暂不能提交单位审核')).toBeVisible();
  const row = page
    .getByRole('listitem')
    .filter({ hasText: school })
    .filter({ has: page.getByRole('button') });
  await expect(row.getByTestId('entry-blocker')).toContainText('未通过学信数据自动核验');
  await expect(row.getByTestId('entry-blocker')).toContainText('或上传');
  await expect(row.getByRole('button', { name: '重新核验' })).toBeVisible();
  await expect(page.getByText(/尚未绑定工作单位/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: '去绑定' })).toHaveCount(0);
  await checkPage(page, testInfo, '90-archive-degree-not-verified');

  // tidy up: his archive as the other journeys know it
  await row.getByRole('button', { name: /删除/ }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByText(school)).toHaveCount(0);
  await logout(page);
});

test('pledge: a loopback link is explained; after the phone signs, the wait ends with 已签名 and polling stops', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await approveLiNaBinding(page);
  await login(page, LI_NA);
  await page.goto('/applicant/applications');
  const plan = page.getByRole('listitem').filter({ hasText: PLAN });
  const start = plan.getByRole('button', { name: /马上申报/ });
  const open = plan.getByRole('link', { name: '已申报，查看' });
  await expect(start.or(open)).toBeVisible();
  await ((await start.isVisible()) ? start : open).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}/);
  const wizard = page.url().replace(/\?.*$/, '');
  const appPath = new URL(wizard).pathname.replace('/applicant', '/api/v1');
  await page.goto(`${wizard}?step=1`);
  await expect(page.getByRole('heading', { level: 2, name: '诚信承诺' })).toBeVisible();

  await page.getByRole('button', { name: /生成手机签名二维码|重新生成二维码/ }).click();
  await expect(page.getByRole('img', { name: '手机签名二维码' })).toBeVisible();
  // the journeys reach the platform by 127.0.0.1 without PUBLIC_URL: the page says so and still offers the link
  await expect(page.getByText('手机无法访问 127.0.0.1 等本机地址，扫码后可能打不开')).toBeVisible();
  await expect(page.getByText(/请管理员设置 PUBLIC_URL/)).toBeVisible();
  const link = (await page.getByTestId('pledge-link').textContent())!.trim();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sign\//);
  await expect(page.getByTestId('pledge-waiting')).toContainText('正在等待手机签名');
  await checkPage(page, testInfo, '91-pledge-loopback-note');

  // the phone signs
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await phoneContext.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: '专业技术资格申报材料真实性保证书' })).toBeVisible();
  await drawSignature(phone);
  await phone.getByRole('button', { name: '确认签名' }).click();
  await expect(phone.getByText('签名成功')).toBeVisible();
  await phoneContext.close();

  // the desktop: 已签名 with the time, no spinner, and no more requests for the application
  await expect(page.getByTestId('pledge-signed')).toContainText(/已签名（\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, { timeout: 15_000 });
  await expect(page.getByTestId('pledge-waiting')).toHaveCount(0);
  await expect(page.getByText(/在手机上签名/)).toBeVisible();
  let polls = 0;
  page.on('request', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === appPath) polls += 1;
  });
  await page.waitForTimeout(5_000); // two and a half polling periods: none may come
  expect(polls).toBe(0);
  await checkPage(page, testInfo, '92-pledge-signed');
  await logout(page);
});
