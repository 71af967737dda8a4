/**
 * The archive's 证件照 (SPEC §2, "basic information and photo"): a new applicant uploads an ID photo on
 * 基本信息 and sees it; a PDF renamed .jpg is refused with the reason; the photo can be deleted after a
 * confirmation. Then the wizard's photo step takes the archive photo: refused against the demo round's
 * spec (seed 000: JPG only), fitted on request. Pages are checked with axe and photographed
 * (e2e/artifacts/screens). Fresh applicants each time, so the other journeys' people are untouched.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, checkPage, idNumber, pdf, png } from './support';

const PASSWORD = 'Zhicheng@2026';

async function csrf(api: APIRequestContext): Promise<string> {
  return (await api.storageState()).cookies.find((c) => c.name === 'zc_csrf')?.value ?? '';
}

/** One API call with the CSRF header the platform asks of every state-changing request. */
async function call<T>(api: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  if (!(await csrf(api))) await api.get('/api/v1/session');
  const r = await api.fetch(url, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': await csrf(api) } });
  expect(r.ok(), `${method} ${url}: ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

async function register(page: Page, name: string, birth: string, mobile: string): Promise<string> {
  const id = idNumber(`330106${birth}${String(Date.now() % 1000).padStart(3, '0')}`);
  await page.goto('/register');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill(name);
  await page.getByRole('textbox', { name: '身份证号码', exact: true }).fill(id);
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill(mobile);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/applicant/);
  return id;
}

test('an applicant uploads an ID photo on 基本信息, sees it, and can delete it', async ({ page }, testInfo) => {
  await register(page, '周雅琴', '19910303', '13957100166');

  await page.goto('/applicant/profile');
  const card = page.locator('.ant-card').filter({ has: page.getByText('证件照', { exact: true }) });
  await expect(card.getByText('近期免冠正面证件照，JPG 或 PNG，用于职称申报')).toBeVisible();
  await expect(card.getByText('尚未上传')).toBeVisible();

  // a PDF renamed .jpg: refused by content, with the reason
  await card.locator('input[type=file]').setInputFiles({ name: '证件照.jpg', mimeType: 'image/jpeg', buffer: pdf('not a photo') });
  await expect(page.getByText(/只能上传 JPG 或 PNG 格式的照片/)).toBeVisible();
  await expect(card.getByText('尚未上传')).toBeVisible();

  // a real photo: saved to the archive and previewed
  await card.locator('input[type=file]').setInputFiles({ name: '证件照.png', mimeType: 'image/png', buffer: png(300, 400) });
  await expect(page.getByText('证件照已保存到个人档案')).toBeVisible();
  const preview = card.getByRole('img', { name: '档案中的证件照' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  await expect(card.getByRole('button', { name: /更换证件照/ })).toBeVisible();
  await checkPage(page, testInfo, '06-applicant-profile-photo');

  // deleting asks first
  await card.getByRole('button', { name: /删除证件照/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '删除档案中的证件照？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.getByText('证件照已删除')).toBeVisible();
  await expect(card.getByText('尚未上传')).toBeVisible();
  await expect(card.getByRole('img', { name: '档案中的证件照' })).toHaveCount(0);
});

test("the wizard's photo step uses the archive photo, checked against the plan like an upload", async ({ page, playwright }, testInfo) => {
  const name = '吴嘉怡';
  await register(page, name, '19890615', '13957100177');
  // setup through the API (the profile, binding and upload pages have their own journeys)
  await call(page.request, 'PUT', '/api/v1/me/profile', { currentSpecialty: '给排水工程', workStartMonth: '2012-07' });
  const [employer] = await call<Array<{ id: string; name: string }>>(
    page.request,
    'GET',
    `/api/v1/employers/search?keyword=${encodeURIComponent('千岛湖水务')}`,
  );
  await call(page.request, 'POST', '/api/v1/bindings', { employerId: employer!.id });
  const operator = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  await call(operator, 'POST', '/api/v1/sessions', { username: 'qdhsw', password: DEMO_PASSWORD });
  const pending = await call<{ items: Array<{ id: string; applicantName: string }> }>(
    operator,
    'GET',
    '/api/v1/bindings?status=pending&pageSize=100',
  );
  await call(operator, 'POST', `/api/v1/bindings/${pending.items.find((b) => b.applicantName === name)!.id}/approve`);
  await operator.dispose();
  // the demo round is open at the platform's real date (another journey may have moved the clock)
  await call(page.request, 'PUT', '/api/test/clock', { offsetDays: 0 });

  // the archive photo: a PNG, while the demo round (seed 000) takes JPG only
  await page.goto('/applicant/profile');
  const card = page.locator('.ant-card').filter({ has: page.getByText('证件照', { exact: true }) });
  await card.locator('input[type=file]').setInputFiles({ name: '证件照.png', mimeType: 'image/png', buffer: png(300, 400) });
  await expect(card.getByRole('img', { name: '档案中的证件照' })).toBeVisible();

  await page.goto('/applicant/applications');
  await page
    .getByRole('listitem')
    .filter({ hasText: /演示轮次/ })
    .getByRole('button', { name: /马上申报/ })
    .click();
  await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}/);
  await expect(page.getByText(/本计划要求：格式 JPG/)).toBeVisible();
  await expect(page.getByText('档案中已有证件照，可直接使用；同样按本计划要求检查。')).toBeVisible();
  await page.getByRole('button', { name: /使用档案中的证件照/ }).click();
  await expect(page.getByText('档案中的证件照不符合本计划要求')).toBeVisible();
  await expect(page.getByText(/照片格式须为 JPG/)).toBeVisible();
  await checkPage(page, testInfo, '52-wizard-photo-from-archive-refused');
  await page.getByRole('button', { name: /自动裁剪压缩为 300×400 像素并使用/ }).click();
  await expect(page.getByText(/照片符合要求（300×400 像素/)).toBeVisible();
  const used = page.getByRole('img', { name: '已上传的证件照' });
  await expect(used).toBeVisible();
  await expect.poll(() => used.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
});
