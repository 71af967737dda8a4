/**
 * Issue 10, pre-review publicity (评前公示, SPEC §7, §10; seed 001 一(一)): 张伟's application is carried to the
 * committee office through the API (workflow-api.ts), passes qualification review and is published. In a fresh
 * browser WITHOUT login the portal lists the pre-review list, shows him on it (no ID number, no phone), and an
 * objection is lodged there with evidence: confirmed once more, answered with a receipt number. The office then
 * finds it in 异议处理 with the contact and the evidence. Both public pages are axe-checked, on a phone too.
 */
import { expect, test } from '@playwright/test';
import { QUALIFICATION_CHECKS } from '@zc/domain';
import { checkPage, login, pdf } from './support';
import { ApiUser, publishDemoRoundCopies, setClock, walkToCommittee, ZHANG_WEI } from './workflow-api';

const YEAR = new Date().getFullYear();
const PLAN = `${YEAR}年度信息技术高级工程师评审（评前公示演示）`;
const CONTENT = '该申报人所报千岛湖供水智能调度系统项目中的本人职责与实际承担的工作不一致，请核实。';
const CONTACT = '13957100099';

test('pre-review publicity on the portal without login; an objection lodged there with evidence; the office sees it', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000); // an application up the chain through the API, then two browsers and five checked pages
  const [planId] = await publishDemoRoundCopies(baseURL!, [PLAN]);
  const [appId] = await walkToCommittee(baseURL!, [planId!]);
  try {
    const office = await ApiUser.login(baseURL!, 'zsia');
    await office.call('POST', `/api/v1/applications/${appId}/actions/qualifyApprove`, {
      opinion: '符合申报条件',
      checks: Object.fromEntries(QUALIFICATION_CHECKS.map((c) => [c.key, true])),
    });
    await office.call('POST', `/api/v1/applications/${appId}/actions/publishPrePublicity`, {});
    await office.close();

    // a visitor without any session: the portal's 公示公告
    const context = await browser.newContext();
    const anon = await context.newPage();
    await anon.goto('/public/publicity');
    // the public portal's chunk on a loaded runner
    await expect(anon.getByRole('heading', { level: 1, name: '公示公告' })).toBeVisible({ timeout: 30_000 });
    const link = anon.getByRole('link', { name: `${PLAN}评审对象基本情况和资格审查情况公示` });
    await expect(link).toBeVisible();
    await checkPage(anon, testInfo, 'publicity-01-portal-lists');
    await link.click();
    await expect(anon.getByRole('heading', { level: 1 })).toContainText(PLAN);
    const row = anon.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '张伟' });
    await expect(row).toContainText('淳安县千岛湖水务有限公司');
    await expect(row).toContainText('高级工程师');
    const text = (await anon.locator('main').textContent()) ?? '';
    expect(text).not.toContain(ZHANG_WEI);
    expect(text).not.toContain('13857100001');
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    await checkPage(anon, testInfo, 'publicity-02-portal-list');

    // 提出异议: the rules, the form, one more confirmation, the receipt number
    await row.getByRole('button', { name: '对张伟提出异议' }).click();
    const dialog = anon.getByRole('dialog', { name: '对“张伟”提出异议' });
    await expect(dialog).toContainText('实名、据实反映');
    await dialog.getByLabel('异议内容').fill(CONTENT);
    await dialog.getByLabel('联系方式（手机号码或电子邮箱）').fill(CONTACT);
    await dialog.getByLabel('姓名（提倡实名反映）').fill('王五');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: pdf('objection evidence') });
    await expect(dialog.getByText('证明材料.pdf')).toBeVisible();
    await checkPage(anon, testInfo, 'publicity-03-objection-form');
    await dialog.getByRole('button', { name: '提交异议' }).click();
    const confirm = anon.getByRole('dialog', { name: '确认提交异议？' });
    await expect(confirm).toContainText('张伟');
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await expect(anon.getByText(/受理编号：YY\d{8}-[0-9A-F]{8}/)).toBeVisible();
    await anon.getByRole('button', { name: '完成' }).click();

    // on a phone: the same list as cards
    await anon.setViewportSize({ width: 390, height: 844 });
    await anon.reload();
    const card = anon.locator('.ant-card-small').filter({ hasText: '张伟' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('申报专业');
    await checkPage(anon, testInfo, 'publicity-04-portal-list-phone');
    await context.close();

    // the office: 异议处理 with the content, the contact and the evidence
    await login(page, 'zsia');
    await page.getByRole('menuitem', { name: '异议处理' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '异议处理' })).toBeVisible();
    const objection = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: CONTENT });
    await expect(objection).toContainText(CONTACT);
    await expect(objection).toContainText('王五');
    await expect(objection).toContainText('待处理');
    await expect(objection.getByRole('link', { name: '查看材料' })).toBeVisible();
    await checkPage(page, testInfo, 'publicity-05-office-objections');
  } finally {
    await setClock(baseURL!, 0);
  }
});
