/**
 * Issue 10 "Public portal, without login" (SPEC §10): the home page shows notices with the dates of their own
 * documents (seed 003: 浙安协【2022】16号, 2022-07-01 — not the day the demo was seeded); an open plan shows its
 * conditions in words and 我要申报 leads to the login and then to that plan's wizard; certificate verification
 * answers "not found" for an unknown number. Every page axe-checked, on a desktop and on a phone.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { checkPage } from './support';

// the runner shares two cores with other work: give a freshly loaded page time to render before calling it broken
const expect = baseExpect.configure({ timeout: 30_000 });

const APPLICANT = '330127198503120513'; // 张伟 (demo data), bound to 淳安县千岛湖水务有限公司
const DEMO_ROUND = /信息技术高级工程师评审（演示轮次）/;

async function noSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(1);
}

test('without login: notices with their document dates, a plan with its conditions, 我要申报 → login → the wizard', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const notices = page.locator('li').filter({ hasText: '关于做好2022年度安全技术防范行业高级工程师职务任职资格评审工作的通知' });
  await expect(notices).toContainText('2022-07-01');
  await expect(notices).toContainText('浙安协【2022】16号');
  await expect(page.locator('li').filter({ hasText: '湖职指发〔2020〕2号' })).toContainText('2020-08-27');
  await checkPage(page, testInfo, '100-portal-home');

  // one notice, and the plans it announces
  await page.getByRole('link', { name: /浙江省经济和信息化厅关于开展2020年度高级工程师/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('浙江省经济和信息化厅');
  await expect(page.getByText('发文日期：2020-07-28')).toBeVisible();
  await expect(page.getByText('文号：浙经信人事〔2020〕84号')).toBeVisible();
  await expect(page.getByRole('link', { name: /能源|材料|轻纺|石化/ })).toHaveCount(4);
  await checkPage(page, testInfo, '101-portal-notice');

  // 申报计划 from the menu: the demo round is open
  await page.getByRole('navigation', { name: '公共服务' }).getByRole('link', { name: '申报计划' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申报计划' })).toBeVisible();
  await expect(page.getByRole('link', { name: DEMO_ROUND })).toBeVisible();
  await checkPage(page, testInfo, '102-portal-plans');
  await page.getByRole('link', { name: DEMO_ROUND }).click();
  await expect(page.getByText(/^距个人申报截止还有 \d+ 天/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '申报条件' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '继续教育' })).toBeVisible();
  await expect(page.getByText(/每年参加继续教育不少于 90 学时，其中专业科目不少于 60 学时/)).toBeVisible();
  await expect(page.getByText(/自评分须达到 80 分以上/)).toBeVisible(); // seed 000: 自评分达到80分以上
  // the fee in words (the demo round's own fee setting): amount or standard, who pays, when, how
  await expect(page.getByText(/^评审费(每人 \d+ 元|按有关规定标准收取)，由(申报人|用人单位)缴纳/)).toBeVisible();
  await expect(page.locator('.ant-layout-content')).not.toContainText(/\b(senior|normal|selfScore|applicant)\b/);
  await checkPage(page, testInfo, '103-portal-plan');

  const planUrl = page.url();
  await page.getByRole('button', { name: '我要申报' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('账号', { exact: true }).fill(APPLICANT);
  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}/);

  // signed in, the plan page's 我要申报 goes straight to the same draft
  const wizard = page.url().replace(/\?.*$/, '');
  await page.goto(planUrl);
  await page.getByRole('button', { name: '我要申报' }).click();
  await expect(page).toHaveURL(new RegExp(`^${wizard.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
});

test('certificate verification says not found for an unknown number, also from a QR link', async ({ page }, testInfo) => {
  await page.goto('/public/verify');
  await page.getByLabel('证书编号').fill('ZJ2026-000001');
  await page.getByRole('button', { name: '查验' }).click();
  await expect(page.getByText('未查询到该证书编号，请核对后重新输入')).toBeVisible();
  await checkPage(page, testInfo, '104-portal-verify');
  await page.goto('/public/verify?no=ZJ2026-000002');
  await expect(page.getByText('未查询到该证书编号，请核对后重新输入')).toBeVisible();
  await expect(page.getByText('查询的证书编号：ZJ2026-000002')).toBeVisible();
});

test('on a phone: home, plan list and plan page fit the screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByText('浙安协【2022】16号')).toBeVisible();
  await noSideScroll(page);
  await checkPage(page, testInfo, '105-portal-home-phone');
  await page.goto('/public/plans');
  await page.getByRole('link', { name: DEMO_ROUND }).click();
  await expect(page.getByRole('heading', { name: '申报条件' })).toBeVisible();
  await noSideScroll(page);
  await checkPage(page, testInfo, '106-portal-plan-phone');
});
