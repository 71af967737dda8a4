/**
 * Issue 9 item 2 journey: the calendar never blocks work. From 1 December the province administrator is
 * reminded on the home page that next year's official holiday schedule is not entered; the calendar page lists
 * the year as computed provisionally, and a publicity reaching into it gets a provisional end date, labelled so.
 * (The employer's and applicant's side — 通过并公示 on 12-28, the label, forwarding recorded — is in
 * applications.spec.ts.) The platform's clock is moved, never slept on, and put back at the end.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkPage, login } from './support';

async function moveClock(page: Page, offsetDays: number) {
  await page.request.get('/api/v1/plans');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'zc_csrf')?.value ?? '';
  const r = await page.request.put('/api/test/clock', { data: { offsetDays }, headers: { 'x-csrf-token': csrf } });
  expect(r.ok(), await r.text()).toBe(true);
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

test('the province administrator is reminded of a year without an entered schedule; dates in it are provisional', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000); // two sign-ins and two checked pages on a loaded 2-core runner
  await login(page, 'admin');
  const years = (await (await page.request.get('/api/v1/calendar/years')).json()) as { library: number[] };
  const last = Math.max(...years.library);
  const year = last + 1;
  // 1 December of the last year the calendar knows, or today if that is later
  const offset = Math.max(0, daysFrom(shanghaiToday(), `${last}-12-01`));
  try {
    if (offset > 0) {
      // the clock moves; sessions expire, so sign in again
      await moveClock(page, offset);
      await login(page, 'admin');
    } else await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: '系统管理' })).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: `${year} 年放假调休安排尚未录入` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('《全国年节及纪念日放假办法》');
    await checkPage(page, testInfo, '38-admin-home-schedule-reminder');
    await alert.getByRole('link', { name: '去录入' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '工作日历' })).toBeVisible();
    await expect(page.getByText(`${year}（暂定计算，待录入）`)).toBeVisible();
    // a publicity of 5 working days from 12-28 reaches into the year: computed, and labelled provisional
    await page.getByLabel('公示开始日').click();
    await page.getByLabel('公示开始日').fill(`${last}-12-28`);
    await page.keyboard.press('Enter');
    await expect(page.getByText(new RegExp(`公示期至 ${year}-01-\\d{2}（暂定，待录入 ${year} 年放假安排后确定） 结束`))).toBeVisible();
    await checkPage(page, testInfo, '39-admin-calendar-provisional');
  } finally {
    await moveClock(page, 0);
  }
});
