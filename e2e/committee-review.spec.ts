/**
 * Issue 10, qualification review (资格审查, SPEC §7): four applications of 张伟 (one per published copy of the demo
 * round) are carried up the chain through the API (workflow-api.ts); in the browser the committee office
 * (浙江省软件行业协会, zsia) finds them from its home card, filters its inbox, opens one and sees the buttons the
 * workflow table gives it — 资格审查通过 with the qualification checks; returns another with what to fix (confirmed
 * once more) and 张伟 reads the reason in his progress and timeline; passes two at once with the batch action.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { QUALIFICATION_CHECKS } from '@zc/domain';
import { checkPage, choose, login, logout } from './support';
import { publishDemoRoundCopies, setClock, walkToCommittee, ZHANG_WEI } from './workflow-api';

// a loaded 2-core runner: a page reload with its lazy chunks can take more than the default 10 s
const expect = baseExpect.configure({ timeout: 30_000 });
const YEAR = new Date().getFullYear();
const PLANS = ['甲', '乙', '丙', '丁'].map((x) => `${YEAR}年度信息技术高级工程师评审（资格审查演示${x}）`);
const RETURN_REASON = '学历证书扫描件不清晰，请重新上传清晰的原件扫描件后再提交';

/** The office's inbox, filtered to one status (and one plan). */
async function inbox(page: Page, status: string, plan?: string) {
  await page.goto('/manage/applications');
  await expect(page.getByRole('heading', { level: 1, name: '资格审查' })).toBeVisible();
  await choose(page, '状态', status);
  if (plan) await choose(page, '评审计划', plan);
  await expect(page.locator('.ant-table .ant-spin-spinning')).toHaveCount(0);
}

test('the committee office: inbox with filters, the table’s buttons, 资格审查通过 with checks, 退回修改 with a reason, batch 资格审查通过', async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(600_000); // four applications up the chain through the API, then four sign-ins and four checked pages (slow on a loaded 2-core runner)
  const planIds = await publishDemoRoundCopies(baseURL!, PLANS);
  const [approveId, returnId] = await walkToCommittee(baseURL!, planIds);
  try {
    // the office's home: its card leads to the 资格审查 inbox
    await login(page, 'zsia');
    const card = page.getByRole('link', { name: /待资格审查的申报/ });
    await expect(card).toContainText(/\d+\s*项/);
    expect(Number(/(\d+)\s*项/.exec((await card.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('menuitem', { name: '资格审查' })).toBeVisible();

    // its status filter offers the statuses it holds, and nothing before them
    await card.click();
    await page.getByRole('combobox', { name: '状态', exact: true }).click();
    const statuses = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect(statuses).toHaveText(['待资格审查', '资格审查通过', '评前公示中', '待专家评审']);
    await page.keyboard.press('Escape');
    await inbox(page, '待资格审查', PLANS[0]);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('张伟');
    await expect(rows.first()).toContainText('待资格审查');
    await checkPage(page, testInfo, '70-committee-inbox');

    // the application: the buttons are the table's for 待资格审查, by tone
    await rows.first().getByRole('link', { name: '张伟' }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/applications/${approveId}$`));
    const approve = page.getByRole('button', { name: '资格审查通过', exact: true });
    await expect(approve).toHaveClass(/ant-btn-primary/);
    await expect(page.getByRole('button', { name: '退回修改', exact: true })).toHaveClass(/ant-btn-dangerous/);
    await expect(page.getByRole('button', { name: '资格审查不通过', exact: true })).toHaveClass(/ant-btn-dangerous/);
    await expect(page.getByRole('button', { name: '审查通过', exact: true })).toHaveCount(0);
    await expect(page.getByText('当前：待资格审查')).toBeVisible();
    await checkPage(page, testInfo, '71-committee-review');

    // 资格审查通过: every qualification check offered (ticked), one left unticked is recorded as such
    await approve.click();
    const dialog = page.getByRole('dialog', { name: '资格审查通过' });
    for (const c of QUALIFICATION_CHECKS) await expect(dialog.getByRole('checkbox', { name: c.label })).toBeChecked();
    await dialog.getByRole('checkbox', { name: '单位及各级主管部门审核推荐意见齐全' }).uncheck();
    await dialog.getByLabel('意见', { exact: true }).fill('经资格审查，符合申报条件，专业对口');
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('资格审查通过：已完成')).toBeVisible();
    await expect(page.getByText('申报专业属本评委会评审范围（专业对口）：已核')).toBeVisible();
    await expect(page.getByText('单位及各级主管部门审核推荐意见齐全：未核')).toBeVisible();
    await expect(page.getByText('当前：资格审查通过')).toBeVisible();
    // the next stage's button comes from the table too
    await expect(page.getByRole('button', { name: '发布评前公示', exact: true })).toHaveClass(/ant-btn-primary/);

    // 退回修改 on another: a reason is required, and the way out is confirmed once more
    await inbox(page, '待资格审查', PLANS[1]);
    await rows.first().getByRole('link', { name: '张伟' }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/applications/${returnId}$`));
    await page.getByRole('button', { name: '退回修改', exact: true }).click();
    const back = page.getByRole('dialog', { name: '退回修改' });
    await back.getByRole('button', { name: '确定', exact: true }).click();
    await expect(back.getByText('请填写原因（至少 2 个字），告诉申报人如何修改')).toBeVisible();
    await back.getByLabel('原因', { exact: true }).fill(RETURN_REASON);
    await back.getByRole('button', { name: '确定', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '确定退回修改？' });
    await expect(confirm).toContainText('退回后申报人修改再提交');
    await confirm.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('退回修改：已完成')).toBeVisible();
    await expect(page.getByText('您暂无需办理的操作')).toBeVisible();
    await logout(page);

    // 张伟 reads what to fix, and where it was returned, in his progress and timeline
    await login(page, ZHANG_WEI);
    await page.goto(`/applicant/applications/${returnId}`);
    await expect(page.getByText(`意见：${RETURN_REASON}`).first()).toBeVisible();
    await expect(page.getByText('当前：退回修改')).toBeVisible();
    await expect(page.getByText(/退回修改 · 浙江省软件行业协会/)).toBeVisible();
    await checkPage(page, testInfo, '73-applicant-returned');
    // the one that passed: at the pre-review stage, with the office's opinion on the timeline
    await page.goto(`/applicant/applications/${approveId}`);
    await expect(page.getByText('当前：资格审查通过')).toBeVisible();
    await expect(page.getByText('意见：经资格审查，符合申报条件，专业对口')).toBeVisible();
    await logout(page);

    // the batch: the two left, passed at once
    await login(page, 'zsia');
    await inbox(page, '待资格审查');
    for (const plan of PLANS.slice(2)) await rows.filter({ hasText: plan }).getByRole('checkbox').check();
    await expect(page.getByText('已选 2 件')).toBeVisible();
    await page.getByRole('button', { name: '批量资格审查通过' }).click();
    const batch = page.getByRole('dialog', { name: '批量资格审查通过（2 件）' });
    await expect(batch.getByRole('checkbox', { name: QUALIFICATION_CHECKS[0].label })).toBeChecked();
    await batch.getByLabel('意见', { exact: true }).fill('经资格审查，符合申报条件');
    await batch.getByRole('button', { name: '确定', exact: true }).click();
    const done = page.getByRole('dialog', { name: '资格审查通过：成功 2 件' });
    await expect(done).toBeVisible();
    await done.getByRole('button').click();
    await inbox(page, '资格审查通过');
    for (const plan of [PLANS[0], PLANS[2], PLANS[3]]) await expect(rows.filter({ hasText: plan! })).toHaveCount(1);
    await expect(rows.filter({ hasText: PLANS[1]! })).toHaveCount(0);
    await checkPage(page, testInfo, '75-committee-qualified');
  } finally {
    // the clock back to today for the journeys after this one
    await setClock(baseURL!, 0);
  }
});
