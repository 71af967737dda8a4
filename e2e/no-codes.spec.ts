/**
 * Issue 9 item 6, "no codes where words belong", in the browser:
 * - the audit log names each object (评审计划 …, 用户 …) instead of "plan d2f138e2" / "user 1a2b3c4d", and
 *   the full id is still one click away (copy button, tooltip);
 * - the SMS outbox names each message's template (登录验证码 …) instead of its key (loginCode …);
 * - in the review queue the status tag never runs into the 当前环节 column, at 1280 px and at phone width.
 */
import { expect, request, test, type Page } from '@playwright/test';
import { SMS_TEMPLATE_LABELS } from '@zc/domain';
import { checkPage, DEMO_PASSWORD, login, logout } from './support';

// a kind (code or word) followed by the first 8 hex digits of an id: "plan d2f138e2", "用户 1a2b3c4d" (the space
// between them is a CSS margin, so innerText has none)
const RAW_REF =
  /(plan|application|user|organization|binding|notice|file|archiveEntry|calendar|用户|机构\/单位|单位绑定|通知公告|文件)\s*[0-9a-f]{8}(?![0-9a-f-])/;
const TEMPLATE_KEYS = Object.keys(SMS_TEMPLATE_LABELS);

/** A management account's API session (second factor with the demo code), for preparing data. */
async function apiAs(baseURL: string, username: string) {
  const api = await request.newContext({ baseURL });
  await api.get('/api/v1/session');
  const csrf = async () => (await api.storageState()).cookies.find((c) => c.name === 'zc_csrf')?.value ?? '';
  const post = async (url: string, data: unknown) => api.post(url, { data, headers: { 'x-csrf-token': await csrf() } });
  const res = await post('/api/v1/sessions', { username, password: DEMO_PASSWORD });
  expect(res.ok(), await res.text()).toBe(true);
  const body = (await res.json()) as { stage: string; mfa?: { demoCode?: string } };
  if (body.stage === 'mfa') expect((await post('/api/v1/sessions/mfa/verify', { code: body.mfa!.demoCode })).ok()).toBe(true);
  return { api, post };
}

/** The committee office 软件行业协会评审办 copies one of its plans as a new draft: a 'plan.created' audit row. */
async function createDraftPlan(baseURL: string): Promise<string> {
  const { api, post } = await apiAs(baseURL, 'zsia');
  const mine = (await (await api.get('/api/v1/plans/mine')).json()) as Array<{ id: string }>;
  const file = await (await api.get(`/api/v1/plans/${mine[0]!.id}/export?format=json`)).json();
  const name = `审计日志用例计划${Date.now() % 100000}`;
  const res = await post('/api/v1/plans', { plan: { ...file, key: `no-codes-${Date.now()}`, name } });
  expect(res.status(), await res.text()).toBe(201);
  await api.dispose();
  return name;
}

test('the audit log and the SMS outbox show words, not codes', async ({ page, baseURL }, testInfo) => {
  const planName = await createDraftPlan(baseURL!);
  await login(page, 'admin'); // a management sign-in: its login code goes through the SMS outbox

  await page.goto('/admin/audit');
  const table = page.getByRole('region', { name: '审计日志列表' });
  await expect(table.getByRole('row').filter({ hasText: '创建评审计划' })).toBeVisible();
  expect(await table.innerText()).not.toMatch(RAW_REF);
  const planRow = table.getByRole('row').filter({ hasText: planName });
  await expect(planRow).toContainText('评审计划');
  await expect(planRow).toContainText('创建评审计划');
  await expect(table.getByRole('row').filter({ hasText: '登录' }).first()).toContainText(/用户\s*\S\*+（/);
  // the id is still there for investigators: in the tooltip and behind the copy button
  await planRow.getByText(planName).hover();
  await expect(page.getByRole('tooltip')).toContainText(/对象编号：[0-9a-f-]{36}/);
  await expect(planRow.getByRole('button', { name: /复制/ })).toBeVisible();
  await checkPage(page, testInfo, '90-audit-log-words');

  await page.goto('/admin/sms');
  const sms = page.getByRole('region', { name: '短信列表' });
  await expect(sms.getByRole('row').filter({ hasText: '登录验证码' }).first()).toBeVisible();
  const text = await sms.innerText();
  for (const key of TEMPLATE_KEYS) expect(text, key).not.toContain(key);
  await checkPage(page, testInfo, '91-sms-outbox-words');
  await logout(page);
});

/** The queue's 状态 cell and the next column's cell, side by side, never overlap. */
async function expectNoOverlap(page: Page) {
  const row = page.getByRole('region', { name: '申报列表' }).getByRole('row').filter({ hasText: '欧阳娜娜' });
  const tag = row.getByText('主管部门审核中（本级已审查通过）', { exact: true });
  await expect(tag).toBeVisible();
  const cells = row.getByRole('cell');
  const headers = await page.getByRole('region', { name: '申报列表' }).getByRole('columnheader').allInnerTexts();
  const next = cells.nth(headers.findIndex((h) => h.includes('当前环节')));
  const [t, n] = [(await tag.boundingBox())!, (await next.boundingBox())!];
  expect(t.x + t.width, `status tag ends at ${t.x + t.width}, 当前环节 starts at ${n.x}`).toBeLessThanOrEqual(n.x + 0.5);
  await expect(next).toContainText('杭州市经信局或人力社保局');
}

test('in the review queue the status tag does not run into 当前环节 (1280 px and phone width)', async ({ page }, testInfo) => {
  // one held application with the longest status the queue shows (the row's data is fixed here; the layout is the page's)
  await page.route('**/api/v1/review/queue**', (route) =>
    route.fulfill({
      json: {
        items: [
          {
            id: '00000000-0000-4000-8000-000000000001',
            planName: '2026年度信息技术高级工程师评审（演示轮次）',
            applicantName: '欧阳娜娜',
            idNumberMasked: '330127********0513',
            employerName: '淳安县千岛湖水务有限公司',
            specialtyCode: 'it-development',
            level: 'senior',
            mode: 'normal',
            status: 'inReview',
            statusLabel: '主管部门审核中',
            stepLabel: '杭州市经信局或人力社保局',
            stepApproved: true,
            publicityEnd: null,
            publicityEndProvisional: false,
            submittedAt: '2026-11-20T02:00:00.000Z',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      },
    }),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, 'cahr');
  await page.goto('/manage/applications');
  await expectNoOverlap(page);
  await checkPage(page, testInfo, '92-queue-status-column');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoOverlap(page);
  await checkPage(page, testInfo, '93-queue-status-column-phone');
});
