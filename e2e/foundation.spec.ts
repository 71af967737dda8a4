/**
 * Issue 2 journey: a new applicant registers and asks to be bound to a demo employer; the employer's
 * operator signs in and approves; the applicant sees it. Every page is checked with axe and
 * photographed (e2e/artifacts/screens).
 */
import { expect, test } from '@playwright/test';
import { checkPage, choose, idNumber, login, logout } from './support';

test('public home shows the platform, notices and the login entry', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('职称申报评审平台');
  await expect(page.getByText('通知公告').first()).toBeVisible();
  await expect(page.getByText('关于做好2022年度安全技术防范行业高级工程师职务任职资格评审工作的通知')).toBeVisible();
  await checkPage(page, testInfo, '01-public-home');
});

test('applicant registers, completes basic info and binds to an employer; the employer approves', async ({ page }, testInfo) => {
  const suffix = String(Date.now() % 1000).padStart(3, '0');
  const id = idNumber(`33012719880512${suffix}`);
  const name = '林晓峰';

  // registration, with a live check of the ID number first
  await page.goto('/register');
  await page.getByRole('textbox', { name: '身份证号码', exact: true }).fill(id.slice(0, 17) + (id.endsWith('1') ? '2' : '1'));
  await page.getByRole('textbox', { name: '姓名', exact: true }).click();
  await expect(page.getByText(/校验/).first()).toBeVisible();
  await checkPage(page, testInfo, '02-register-invalid-id');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill(name);
  await page.getByRole('textbox', { name: '身份证号码', exact: true }).fill(id);
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13957100088');
  await page.getByLabel('密码', { exact: true }).fill('Zhicheng@2026');
  await page.getByLabel('确认密码', { exact: true }).fill('Zhicheng@2026');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/applicant/);
  await expect(page.getByText('完善基本信息').first()).toBeVisible();
  await checkPage(page, testInfo, '03-applicant-home-first-login');

  // first login: basic info
  await page.goto('/applicant/profile');
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13957100088');
  await page.getByRole('textbox', { name: '现从事专业', exact: true }).fill('给排水工程');
  await page.getByLabel('参加工作时间').click();
  await page.locator('.ant-picker-cell-in-view').filter({ hasText: /^1月$/ }).click();
  await expect(page.getByLabel('参加工作时间')).toHaveValue(/年01月$/);
  await checkPage(page, testInfo, '04-applicant-profile');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存|保存成功/).first()).toBeVisible();

  // bind to the demo employer 淳安县千岛湖水务有限公司
  await page.goto('/applicant/binding');
  await page.getByLabel('单位名称或统一社会信用代码').fill('千岛湖');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page.getByText('淳安县千岛湖水务有限公司')).toBeVisible();
  await page.getByRole('button', { name: '申请绑定', exact: true }).click();
  await page.getByRole('button', { name: '确定', exact: true }).click();
  await expect(page.getByText(/等待单位确认/).first()).toBeVisible();
  await checkPage(page, testInfo, '05-applicant-binding-requested');
  await logout(page);

  // the employer's operator approves
  await login(page, 'qdhsw');
  await expect(page).toHaveURL(/\/employer/);
  await expect(page.getByText('待确认的人员绑定申请')).toBeVisible();
  await checkPage(page, testInfo, '06-employer-home');
  await page.goto('/employer/bindings');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(id); // ID numbers are masked
  await checkPage(page, testInfo, '07-employer-bindings');
  await row.getByRole('button', { name: '同意', exact: true }).click();
  await page.getByRole('button', { name: '确定', exact: true }).click();
  await expect(page.getByText(`已同意 ${name} 的绑定申请`)).toBeVisible();
  await logout(page);

  // the applicant sees the binding and the message
  await login(page, id, 'Zhicheng@2026');
  await page.goto('/applicant/binding');
  await expect(page.getByText('您已绑定工作单位：淳安县千岛湖水务有限公司')).toBeVisible();
  await page.goto('/notifications');
  await expect(page.getByText('单位绑定成功').first()).toBeVisible();
  await checkPage(page, testInfo, '08-applicant-notifications');
});

test('each management role lands on its own home page with pending counts', async ({ page }, testInfo) => {
  await login(page, 'cahr');
  await expect(page).toHaveURL(/\/manage/);
  await expect(page.getByText('待审核的单位注册')).toBeVisible();
  await checkPage(page, testInfo, '09-county-hr-home');
  await page.goto('/manage/employers');
  await checkPage(page, testInfo, '10-county-hr-employer-queue');
  await logout(page);

  await login(page, 'admin');
  await expect(page).toHaveURL(/\/admin/);
  await checkPage(page, testInfo, '11-admin-home');
  await page.goto('/admin/organizations');
  await checkPage(page, testInfo, '12-admin-organizations');
});

test('a county officer sees the employers of its county, not of another county', async ({ page }) => {
  const allStatuses = async () => {
    await page.goto('/manage/employers');
    await choose(page, '筛选审核状态', '全部状态');
  };
  await login(page, 'cahr');
  await allStatuses();
  await expect(page.getByText('淳安县千岛湖水务有限公司')).toBeVisible();
  await logout(page);
  await login(page, 'tlhr');
  await allStatuses();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByText('淳安县千岛湖水务有限公司')).toHaveCount(0);
});

test('sign-in through the demo 浙江政务服务网 provider', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('link', { name: /个人用户/ }).click();
  await expect(page).toHaveURL(/\/idp\/authorize/);
  await checkPage(page, testInfo, '13-demo-idp');
  await page.getByRole('button', { name: /张伟/ }).click();
  await expect(page).toHaveURL(/\/applicant/);
  await expect(page.getByText('张伟').first()).toBeVisible();
});
