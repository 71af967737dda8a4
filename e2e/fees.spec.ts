/**
 * Issue 10, fees (SPEC §7): 张伟's application to a copy of the demo round (280 元, online, after qualification
 * review [demo]) is carried to the committee office and passes 资格审查 through the API (workflow-api.ts). In the
 * browser he sees the fee on his application and on 缴费, presses 去支付, lands on the demo provider's own pay page
 * (演示支付平台（非真实支付）), pays, comes back, and the page — polling until the signed callback lands — says
 * 缴费成功; the printable 缴费凭证 follows. The office then finds the fee 已缴费 in 缴费管理. Every page axe-checked.
 */
import { expect, test } from '@playwright/test';
import { QUALIFICATION_CHECKS } from '@zc/domain';
import { checkPage, login, logout } from './support';
import { ApiUser, publishDemoRoundCopies, setClock, walkToCommittee } from './workflow-api';

const YEAR = new Date().getFullYear();
const PLAN = `${YEAR}年度信息技术高级工程师评审（缴费演示）`;

test('the applicant pays online through the demo provider’s pay page, comes back to 已缴费 and prints the receipt', async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000); // an application up the chain through the API, then the pay round trip
  const [planId] = await publishDemoRoundCopies(baseURL!, [PLAN]);
  const [appId] = await walkToCommittee(baseURL!, [planId!]);
  try {
    const office = await ApiUser.login(baseURL!, 'zsia');
    await office.call('POST', `/api/v1/applications/${appId}/actions/qualifyApprove`, {
      opinion: '符合申报条件',
      checks: Object.fromEntries(QUALIFICATION_CHECKS.map((c) => [c.key, true])),
    });
    await office.close();

    // his application shows what to pay, how much and by when
    await login(page, '330127198503120513');
    await page.goto(`/applicant/applications/${appId}`);
    const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '缴费', exact: true }) });
    // the card asks for the fees once the application has loaded (a busy test machine has taken over 10 s)
    await expect(card).toContainText('评审费', { timeout: 30_000 });
    await expect(card).toContainText('280.00 元');
    await expect(card).toContainText('待缴费');
    await expect(card).toContainText('缴费截止');

    // 缴费 in the menu: the same fee, and 去支付 goes to the provider's page
    await page.getByRole('menuitem', { name: '缴费' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
    const item = page.locator('.ant-list-item').filter({ hasText: PLAN });
    await expect(item).toContainText('280.00 元');
    await checkPage(page, testInfo, 'fees-01-to-pay');
    await item.getByRole('button', { name: '去支付' }).click();
    await expect(page).toHaveURL(/\/demo-pay\//);
    await expect(page.getByRole('heading', { level: 1, name: '演示支付平台（非真实支付）' })).toBeVisible();
    await expect(page.locator('main')).toContainText('280.00 元');
    await expect(page.locator('main')).toContainText(PLAN);
    await checkPage(page, testInfo, 'fees-02-demo-pay-page');
    await page.getByRole('button', { name: '确认支付' }).click();

    // back on 缴费: polling until the provider's callback has landed
    await expect(page).toHaveURL(/\/applicant\/fees\?fee=/);
    await expect(page.getByText('缴费成功', { exact: true })).toBeVisible({ timeout: 30_000 });
    const paid = page.locator('.ant-list-item').filter({ hasText: PLAN });
    await expect(paid).toContainText('已缴费');
    await expect(paid).toContainText(/JF\d{8}-[0-9A-F]{8}/);
    await checkPage(page, testInfo, 'fees-03-paid');

    // the printable receipt
    await paid.getByRole('link', { name: '查看缴费凭证' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '缴费凭证' })).toBeVisible();
    await expect(page.locator('.fee-receipt')).toContainText('280.00 元');
    await expect(page.locator('.fee-receipt')).toContainText('张伟');
    await expect(page.locator('.fee-receipt')).toContainText('平台订单号 ZC');
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
    await checkPage(page, testInfo, 'fees-04-receipt');
    await logout(page);

    // the office's 缴费管理: the fee, paid
    await login(page, 'zsia');
    await page.getByRole('menuitem', { name: '缴费管理' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '缴费管理' })).toBeVisible();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: PLAN });
    await expect(row).toContainText('张伟');
    await expect(row).toContainText('已缴费');
    await expect(row.getByRole('button', { name: '退费' })).toBeVisible();
    await checkPage(page, testInfo, 'fees-05-office-list');
  } finally {
    await setClock(baseURL!, 0);
  }
});
