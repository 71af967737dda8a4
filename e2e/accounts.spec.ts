/**
 * Issue 8 item 6 in the browser: the login's second step, 双因素认证 enrolment with an authenticator
 * (the code is computed here as an app would), sign-in with a recovery code, and 忘记密码 by SMS code
 * (the demo mode shows the code on the page). Every page is checked with axe.
 */
import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, checkPage, idNumber, logout } from './support';

async function password(page: import('@playwright/test').Page, username: string, pw = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(pw);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

test('a management account signs in with an SMS code, enrols TOTP, and later uses a recovery code', async ({ page }, testInfo) => {
  // hzjx (杭州市经信局) is used by no other journey: enrolling TOTP changes how it signs in
  await password(page, 'hzjx');
  const demo = page.getByText(/演示模式：短信验证码 \d{6}/);
  await expect(demo).toBeVisible();
  await checkPage(page, testInfo, 'acct-01-second-step-sms');
  await page.getByLabel('验证码', { exact: true }).fill(/\d{6}/.exec((await demo.textContent()) ?? '')![0]);
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).toHaveURL(/\/manage/);

  await page.getByRole('button', { name: '账号安全' }).click();
  await page.getByRole('menuitem', { name: '双因素认证' }).click();
  await expect(page).toHaveURL(/\/account\/security/);
  await page.getByRole('button', { name: '启用动态口令' }).click();
  await expect(page.getByRole('img', { name: '动态口令二维码' })).toBeVisible();
  const secret = /密钥：\s*([A-Z2-7]+)/.exec((await page.getByText(/密钥：/).textContent()) ?? '')![1]!;
  await checkPage(page, testInfo, 'acct-02-totp-qr');
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  await page.getByLabel('动态口令', { exact: true }).fill(totp.generate());
  await page.getByRole('button', { name: '确认启用' }).click();
  await expect(page.getByText('恢复码（仅显示这一次）')).toBeVisible();
  const recovery = /[A-Z2-9]{5}-[A-Z2-9]{5}/.exec(
    (await page
      .getByText(/[A-Z2-9]{5}-[A-Z2-9]{5}/)
      .first()
      .textContent()) ?? '',
  )![0];
  await checkPage(page, testInfo, 'acct-03-recovery-codes');
  await logout(page);

  await password(page, 'hzjx');
  await expect(page.getByText('请打开手机上的认证器 App')).toBeVisible();
  await page.getByRole('button', { name: '手机不在身边？使用恢复码' }).click();
  await page.getByLabel('恢复码', { exact: true }).fill(recovery);
  await checkPage(page, testInfo, 'acct-04-second-step-recovery');
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).toHaveURL(/\/manage/);

  await page.getByRole('button', { name: '账号安全' }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  await checkPage(page, testInfo, 'acct-05-change-password');
});

test('an applicant who forgot the password resets it with the SMS code', async ({ page }, testInfo) => {
  const id = idNumber(`33012719910203${String(Date.now() % 1000).padStart(3, '0')}`);
  await page.goto('/register');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('周敏');
  await page.getByRole('textbox', { name: '身份证号码', exact: true }).fill(id);
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13957100099');
  await page.getByLabel('密码', { exact: true }).fill('Zhicheng@2026');
  await page.getByLabel('确认密码', { exact: true }).fill('Zhicheng@2026');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/applicant/);
  await logout(page);

  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.getByRole('textbox', { name: '身份证号码', exact: true }).fill(id);
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13957100099');
  await page.getByRole('button', { name: '获取短信验证码' }).click();
  const demo = page.getByText(/演示模式：验证码 \d{6}/);
  await expect(demo).toBeVisible();
  await page.getByLabel('短信验证码', { exact: true }).fill(/\d{6}/.exec((await demo.textContent()) ?? '')![0]);
  await page.getByLabel('新密码', { exact: true }).fill('Renewed@2026');
  await page.getByLabel('确认新密码', { exact: true }).fill('Renewed@2026');
  await checkPage(page, testInfo, 'acct-06-forgot-password');
  await page.getByRole('button', { name: '重设密码' }).click();
  await expect(page.getByText('密码已重设')).toBeVisible();

  await password(page, id, 'Renewed@2026');
  await expect(page).toHaveURL(/\/applicant/);
});
