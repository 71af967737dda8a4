/**
 * Issue 10's required journey (SPEC §6, §7, §10): the committee office's part of a round, in the browser where each
 * user acts. Two applications of 张伟 (published copies of the demo round, which charges 280 元 online after
 * qualification review) are carried up the chain through the API (workflow-api.ts). Then, in the browser:
 * 浙江省软件行业协会 (zsia) filters its 资格审查 inbox, opens the first and passes it with its checks and an opinion;
 * 张伟 sees it on his timeline, sees what to pay and by when, 去支付 takes him to the demo provider's pay page, he
 * pays and comes back to 已缴费 and a receipt (the asynchronous callback awaited by watching the page); the office
 * publishes the pre-review list; a visitor WITHOUT login finds 张伟 on the portal (name, employer, specialty, level,
 * mode — no ID number, no phone) and lodges an objection with evidence, receiving a receipt number; the office
 * handles it (异议不成立) from the application page and 张伟 reads the outcome, not who lodged it. The platform's
 * clock then passes the end of the publicity: the second application, qualified and published but unpaid, is
 * refused 公示期满，提交评审 with what is owed; the paid one goes on to 待专家评审. Every page axe-checked.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { feeAmountText, QUALIFICATION_CHECKS } from '@zc/domain';
import { checkPage, choose, login, logout, pdf } from './support';
import { ApiUser, publishDemoRoundCopies, setClock, walkToCommittee, ZHANG_WEI } from './workflow-api';

// a loaded 2-core runner: a page with its lazy chunks and queries can take more than half a minute
const expect = baseExpect.configure({ timeout: 60_000 });
const YEAR = new Date().getFullYear();
const PLAN = `${YEAR}年度信息技术高级工程师评审（委员会办理演示）`;
const UNPAID_PLAN = `${YEAR}年度信息技术高级工程师评审（未缴费演示）`;
/** the demo round's fee (server/src/modules/demo/demo-round.ts: seed 003's 280 元, online, after qualification) */
const FEE = feeAmountText(280_00);
const OPINION = '经资格审查，学历、资历、业绩符合申报条件，专业对口';
const CONTENT = '该申报人所报千岛湖供水智能调度系统项目中的本人职责与实际承担的工作不一致，请核实。';
const CONTACT = 'jubao-e2e@example.com';
const OBJECTOR = '赵六';
const HANDLING = '经向所在单位核实并查阅项目验收材料，申报人为该项目负责人，所反映问题与事实不符';
/** 张伟's mobile in the demo data (server/src/modules/demo/demo-data.ts) */
const ZHANG_WEI_MOBILE = '13857100001';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The office's application page, opened from its inbox filtered to one plan (and, the first time, one status:
 * each plan here holds one application, and a filter less is a dropdown less to wait for on a loaded runner).
 */
async function openFromInbox(page: Page, status: string, plan: string, id: string, filterStatus = false) {
  // from the menu, as the office goes there (a client-side navigation: no reload of the whole app)
  await page.getByRole('menuitem', { name: '资格审查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '资格审查' })).toBeVisible();
  if (filterStatus) await choose(page, '状态', status);
  await choose(page, '评审计划', plan);
  await expect(page.locator('.ant-table .ant-spin-spinning')).toHaveCount(0);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('张伟');
  await expect(rows.first()).toContainText(status);
  await rows.first().getByRole('link', { name: '张伟' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/applications/${id}$`));
  await expect(page.getByText(`当前：${status}`)).toBeVisible();
}

test('the committee office’s round: qualification review, payment on the demo pay page, pre-review publicity on the portal, an objection handled, on to expert review', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(600_000); // two applications up the chain through the API, three browsers, six sign-ins and ten checked pages
  const planIds = await publishDemoRoundCopies(baseURL!, [PLAN, UNPAID_PLAN]);
  const [appId, unpaidId] = await walkToCommittee(baseURL!, planIds);
  try {
    // ---- 1. the office's inbox: 资格审查, filtered; the application; 资格审查通过 with its checks and an opinion ----
    await login(page, 'zsia');
    await openFromInbox(page, '待资格审查', PLAN, appId!, true);
    await page.goBack();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: PLAN })).toHaveCount(1);
    await checkPage(page, testInfo, 'journey-01-office-inbox');
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: PLAN }).getByRole('link', { name: '张伟' }).click();
    await expect(page.getByText('当前：待资格审查')).toBeVisible();
    await checkPage(page, testInfo, 'journey-02-office-review');
    await page.getByRole('button', { name: '资格审查通过', exact: true }).click();
    const qualify = page.getByRole('dialog', { name: '资格审查通过' });
    for (const c of QUALIFICATION_CHECKS) await expect(qualify.getByRole('checkbox', { name: c.label })).toBeChecked();
    await qualify.getByLabel('意见', { exact: true }).fill(OPINION);
    await qualify.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('资格审查通过：已完成')).toBeVisible();
    await expect(page.getByText('当前：资格审查通过')).toBeVisible();
    for (const c of QUALIFICATION_CHECKS) await expect(page.getByText(`${c.label}：已核`)).toBeVisible();
    await logout(page);

    // the second application: qualified and published through the API; its fee stays unpaid
    const office = await ApiUser.login(baseURL!, 'zsia');
    await office.call('POST', `/api/v1/applications/${unpaidId}/actions/qualifyApprove`, {
      opinion: '符合申报条件',
      checks: Object.fromEntries(QUALIFICATION_CHECKS.map((c) => [c.key, true])),
    });
    await office.call('POST', `/api/v1/applications/${unpaidId}/actions/publishPrePublicity`, {});
    // what the portal will show for specialty and mode: the plan's own words
    const { plan } = await office.call<{
      plan: { specialties: Array<{ code: string; name: string }>; modes: Array<{ mode: string; label: string }> };
    }>('GET', `/api/v1/plans/${planIds[0]}`);
    const specialty = plan.specialties.find((s) => s.code === 'it-development')!.name;
    const mode = plan.modes.find((m) => m.mode === 'normal')!.label;
    await office.close();

    // ---- 2. 张伟: the office's opinion on his timeline; what to pay, by when; the demo pay page; 已缴费 and the receipt ----
    await login(page, ZHANG_WEI);
    await page.goto(`/applicant/applications/${appId}`);
    await expect(page.getByText('当前：资格审查通过')).toBeVisible();
    await expect(page.getByText(`意见：${OPINION}`)).toBeVisible();
    await expect(page.getByText(/资格审查通过 · 浙江省软件行业协会/)).toBeVisible();
    await page.getByRole('menuitem', { name: '缴费' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
    const fee = page.locator('.ant-list-item').filter({ hasText: PLAN });
    await expect(fee).toContainText(FEE);
    await expect(fee).toContainText('待缴费');
    await expect(fee).toContainText('浙江省软件行业协会');
    await expect(fee.locator('.ant-descriptions-item').filter({ hasText: '缴费截止' })).toContainText(/\d{4}-\d{2}-\d{2}/);
    await checkPage(page, testInfo, 'journey-03-applicant-fees');
    await fee.getByRole('button', { name: '去支付' }).click();
    await page.waitForURL(/\/demo-pay\//);
    await expect(page.getByRole('heading', { level: 1, name: '演示支付平台（非真实支付）' })).toBeVisible();
    await expect(page.locator('dd.amount')).toHaveText(FEE);
    await checkPage(page, testInfo, 'journey-04-demo-pay-page');
    await page.getByRole('button', { name: '确认支付' }).click();
    // back on the platform: the page polls until the provider's signed callback has landed
    await page.waitForURL(/\/applicant\/fees\?fee=/);
    await expect(page.getByText('缴费成功', { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(fee).toContainText('已缴费');
    const receiptNo = (await fee
      .locator('.ant-descriptions-item')
      .filter({ hasText: '缴费凭证号' })
      .locator('.ant-descriptions-item-content')
      .textContent())!;
    expect(receiptNo.trim()).not.toBe('');
    await fee.getByRole('link', { name: '查看缴费凭证' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '缴费凭证' })).toBeVisible();
    await expect(page.getByText(receiptNo.trim())).toBeVisible();
    await expect(page.locator('.fee-receipt')).toContainText(FEE);
    await expect(page.locator('.fee-receipt')).toContainText('已缴费');
    await expect(page.locator('.fee-receipt')).toContainText('张伟');
    await checkPage(page, testInfo, 'journey-05-applicant-receipt');
    await logout(page);

    // ---- 3. the office publishes the pre-review list ----
    await login(page, 'zsia');
    await openFromInbox(page, '资格审查通过', PLAN, appId!);
    await page.getByRole('button', { name: '发布评前公示', exact: true }).click();
    const publish = page.getByRole('dialog', { name: '发布评前公示' });
    await expect(publish).toContainText('在门户网站向社会公示');
    await publish.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('发布评前公示：已完成')).toBeVisible();
    await expect(page.getByText('当前：评前公示中')).toBeVisible();
    await logout(page);

    // ---- 4. a visitor without any session: the list on the portal, no ID number or phone; an objection with evidence ----
    const reader = await ApiUser.anonymous(baseURL!);
    const visitor = await browser.newContext();
    const anon = await visitor.newPage();
    await anon.goto('/public/publicity');
    await expect(anon.getByRole('heading', { level: 1, name: '公示公告' })).toBeVisible();
    await anon.getByRole('link', { name: `${PLAN}评审对象基本情况和资格审查情况公示` }).click();
    await expect(anon.getByRole('heading', { level: 1 })).toContainText(PLAN);
    const listId = /\/public\/publicity\/([0-9a-f-]{36})/.exec(anon.url())![1]!;
    const row = anon.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '张伟' });
    for (const text of ['淳安县千岛湖水务有限公司', specialty, '高级工程师', mode]) await expect(row).toContainText(text);
    const text = (await anon.locator('main').textContent()) ?? '';
    expect(text).not.toContain(ZHANG_WEI);
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toContain(ZHANG_WEI_MOBILE);
    await checkPage(anon, testInfo, 'journey-06-portal-list');
    await row.getByRole('button', { name: '对张伟提出异议' }).click();
    const objection = anon.getByRole('dialog', { name: '对“张伟”提出异议' });
    await objection.getByLabel('异议内容').fill(CONTENT);
    await objection.getByLabel('联系方式（手机号码或电子邮箱）').fill(CONTACT);
    await objection.getByLabel('姓名（提倡实名反映）').fill(OBJECTOR);
    await objection
      .locator('input[type=file]')
      .setInputFiles({ name: '项目验收材料.pdf', mimeType: 'application/pdf', buffer: pdf('objection evidence') });
    await expect(objection.getByText('项目验收材料.pdf')).toBeVisible();
    await checkPage(anon, testInfo, 'journey-07-portal-objection-form');
    await objection.getByRole('button', { name: '提交异议' }).click();
    await anon.getByRole('dialog', { name: '确认提交异议？' }).getByRole('button', { name: '确认提交' }).click();
    await expect(anon.getByText(/受理编号：YY\d{8}-[0-9A-F]{8}/)).toBeVisible();
    await anon.getByRole('button', { name: '完成' }).click();
    // the period, as the portal publishes it: the clock will pass its end
    const { list } = await reader.call<{ list: { endDate: string } }>('GET', `/api/v1/public/publicity/${listId}`);
    await reader.close();
    await visitor.close();

    // ---- 5. the office handles the objection from the application page: 异议不成立, with what it found ----
    await login(page, 'zsia');
    await openFromInbox(page, '评前公示中', PLAN, appId!);
    const lodged = page.locator('.ant-list').filter({ hasText: '评前公示异议' });
    await expect(lodged).toContainText(CONTENT);
    await expect(lodged).toContainText('待处理');
    await page.getByRole('button', { name: '处理异议', exact: true }).click();
    const handle = page.getByRole('dialog', { name: '处理异议' });
    // the one pending objection is chosen already
    await expect(handle).toContainText(CONTENT.slice(0, 20));
    await handle.getByRole('radio', { name: '异议不成立' }).check();
    await handle.getByLabel('处理情况', { exact: true }).fill(HANDLING);
    await handle.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('处理异议：已完成')).toBeVisible();
    await expect(lodged).toContainText('异议不成立');
    await expect(lodged).toContainText(`处理：${HANDLING}`);
    await logout(page);

    // 张伟 reads the outcome and the handling — not who lodged the objection nor how to reach them
    await login(page, ZHANG_WEI);
    await page.goto(`/applicant/applications/${appId}`);
    await expect(page.getByText('处理异议（异议不成立） · 浙江省软件行业协会')).toBeVisible();
    await expect(page.getByText(`意见：${HANDLING}`)).toBeVisible();
    const applicantView = (await page.locator('main').textContent()) ?? '';
    expect(applicantView).not.toContain(OBJECTOR);
    expect(applicantView).not.toContain(CONTACT);
    await logout(page);

    // ---- 6. past the publicity's end (the clock moves; sessions idle out): unpaid refused, paid on to 待专家评审 ----
    await setClock(baseURL!, daysFrom(shanghaiToday(), list.endDate) + 1);
    await login(page, 'zsia');
    await openFromInbox(page, '评前公示中', UNPAID_PLAN, unpaidId!);
    await page.getByRole('button', { name: '公示期满，提交评审', exact: true }).click();
    await page.getByRole('dialog', { name: '公示期满，提交评审' }).getByRole('button', { name: '确定', exact: true }).click();
    const refusal = page.locator('.ant-message-notice').filter({ hasText: '尚有费用未缴清' });
    await expect(refusal).toContainText(FEE);
    await expect(refusal).toContainText('未缴纳评审费的人员不予评审');
    await page
      .getByRole('dialog', { name: '公示期满，提交评审' })
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.reload();
    await expect(page.getByText('当前：评前公示中')).toBeVisible();

    await openFromInbox(page, '评前公示中', PLAN, appId!);
    await page.getByRole('button', { name: '公示期满，提交评审', exact: true }).click();
    const conclude = page.getByRole('dialog', { name: '公示期满，提交评审' });
    await conclude.getByLabel('意见', { exact: true }).fill('评前公示期满，异议已核实处理，提交评委会评审');
    await conclude.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('公示期满，提交评审：已完成')).toBeVisible();
    await expect(page.getByText('当前：待专家评审')).toBeVisible();
    await expect(page.getByText(/公示期满，提交评审 · 浙江省软件行业协会/)).toBeVisible();
  } finally {
    // the clock back to today for the journeys after this one
    await setClock(baseURL!, 0);
  }
});
