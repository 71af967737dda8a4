/**
 * Issue 3 journey (SPEC §2): the demo applicant 张伟 records a paper and a continuing-education record in
 * the personal archive, each with evidence, and submits both to his employer; the employer's operator
 * previews the evidence, approves the paper and returns the CE record with a reason; 张伟 sees both
 * results. A second journey sends a large scan through the resumable upload, across a dropped
 * connection. Every page is checked with axe and photographed (e2e/artifacts/screens).
 */
import { expect, test, type Page } from '@playwright/test';
import { checkPage, choose, login, logout, pdf, png } from './support';

const APPLICANT = '330127198503120513'; // 张伟, bound to 淳安县千岛湖水务有限公司
const EMPLOYER = 'qdhsw';
const run = String(Date.now() % 100000);

/** Types a date into the antd DatePicker labelled `label` ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY'). */
async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/** The archive entry (list item) whose summary contains `text`. */
const entryRow = (page: Page, text: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByText(text, { exact: false }) })
    .filter({ has: page.getByRole('button') });

test('archive: a paper and a CE record go to the employer; one approved, one returned with a reason', async ({ page }, testInfo) => {
  test.setTimeout(300_000); // three sign-ins and eleven checked pages
  const paperTitle = `千岛湖供水管网分区计量与漏损控制研究 ${run}`;
  const course = `给排水工程新技术专题培训 ${run}`;
  const lastYear = String(new Date().getFullYear() - 1);
  const reason = '学时证明不清晰，请上传学时登记平台的完整截图';

  // ---- the applicant records a paper with its PDF ----
  await login(page, APPLICANT);
  await page.getByRole('link', { name: '个人业绩档案' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '个人业绩档案' })).toBeVisible();
  await expect(page.getByText(/社保齐全/)).toBeVisible();
  await checkPage(page, testInfo, '20-archive-applicant');

  await page.getByRole('tab', { name: /业绩成果/ }).click();
  await page.getByRole('button', { name: '新增业绩成果' }).click();
  const drawer = page.getByRole('dialog', { name: /新增/ });
  await choose(page, '成果类型', '论文');
  await expect(drawer.getByRole('textbox', { name: '论文题目' })).toBeVisible();
  await drawer.getByRole('textbox', { name: '论文题目' }).fill(paperTitle);
  await drawer.getByRole('textbox', { name: '刊物名称' }).fill('给水排水');
  await typeDate(page, '发表时间', `${lastYear}-05`);
  await drawer.getByRole('textbox', { name: '期号' }).fill(`${lastYear}年第5期`);
  await drawer.getByRole('spinbutton', { name: '作者排名' }).fill('1');
  // neither ISSN nor CN: the domain rule answers in the browser, on the ISSN field
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('请至少填写 ISSN 或 CN 刊号之一')).toBeVisible();
  await checkPage(page, testInfo, '22-archive-paper-form');
  await drawer.getByRole('textbox', { name: 'ISSN' }).fill('1002-8471');
  await drawer.getByRole('textbox', { name: 'CN 刊号' }).fill('11-4972/tu');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/archive/entries') && r.request().method() === 'POST');
  await drawer.getByRole('button', { name: '保存' }).click();
  expect((await created).status()).toBe(201);

  // the evidence dialog opens for the new entry
  const evidence = page.getByRole('dialog', { name: /佐证材料/ });
  await expect(evidence).toContainText(`论文：${paperTitle}`);
  await evidence.getByRole('textbox', { name: '材料说明（选填）' }).fill('封面、目录页和正文');
  await evidence
    .locator('input[type=file]')
    .setInputFiles({ name: '论文-封面目录正文.pdf', mimeType: 'application/pdf', buffer: pdf('Paper evidence: cover, contents, article') });
  await expect(evidence.getByText('已上传（1 份）')).toBeVisible();
  await expect(evidence.getByText('封面、目录页和正文：论文-封面目录正文.pdf')).toBeVisible();
  await checkPage(page, testInfo, '23-archive-evidence-upload');
  await evidence.getByRole('button', { name: '完成' }).click();
  await expect(entryRow(page, paperTitle)).toContainText('佐证材料 1 份');

  // ---- and a continuing-education record with a screenshot ----
  await page.getByRole('tab', { name: /继续教育/ }).click();
  await page.getByRole('button', { name: '新增继续教育' }).click();
  await typeDate(page, '年度', lastYear);
  await drawer.getByRole('spinbutton', { name: '学时' }).fill('24');
  await choose(page, '科目类别', '专业科目');
  await choose(page, '学时登记平台', '省人力社保继续教育系统');
  await choose(page, '学习方式', '主管部门提供或认可的在线课件');
  await drawer.getByRole('textbox', { name: '课程/培训名称' }).fill(course);
  await drawer.getByRole('textbox', { name: '主办单位' }).fill('浙江省给排水学会');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(evidence).toContainText(course);
  await evidence.locator('input[type=file]').setInputFiles({ name: '学时证明.png', mimeType: 'image/png', buffer: png(480, 300) });
  await expect(evidence.getByText('已上传（1 份）')).toBeVisible();
  await evidence.getByRole('button', { name: '完成' }).click();

  // ---- both go to the employer at once ----
  await entryRow(page, course).getByRole('checkbox').check();
  await page.getByRole('tab', { name: /业绩成果/ }).click();
  await entryRow(page, paperTitle).getByRole('checkbox').check();
  await expect(page.getByText('已选择 2 条')).toBeVisible();
  await page.getByRole('button', { name: '提交单位审核' }).click();
  await expect(page.getByText('已提交 2 条档案信息，等待单位审核')).toBeVisible();
  await expect(entryRow(page, paperTitle)).toContainText('待单位审核');
  await checkPage(page, testInfo, '24-archive-applicant-submitted');
  await logout(page);

  // ---- the employer reviews ----
  await login(page, EMPLOYER);
  await expect(page.getByText(/条个人业绩档案条目等待本单位审核/)).toBeVisible();
  await checkPage(page, testInfo, '25-employer-home-archive-card');
  await page.getByRole('link', { name: '去档案审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '档案审核' })).toBeVisible();
  const paperRow = page.getByRole('row').filter({ hasText: paperTitle });
  await expect(paperRow).toBeVisible();
  await expect(paperRow).toContainText('张伟');
  await expect(paperRow).not.toContainText(APPLICANT); // the ID number is masked
  await expect(paperRow).toContainText('业绩成果 · 论文');
  await checkPage(page, testInfo, '21-archive-employer-queue');

  await paperRow.getByRole('button', { name: /查看/ }).click();
  const review = page.getByRole('dialog', { name: /张伟 · 业绩成果 · 论文/ });
  await expect(review.getByText('1002-8471')).toBeVisible();
  await expect(review.getByText('11-4972/TU')).toBeVisible();
  await expect(review.getByText('封面、目录页和正文：论文-封面目录正文.pdf')).toBeVisible();
  await checkPage(page, testInfo, '26-archive-employer-review-paper');

  // the PDF opens inline, in the browser's own viewer
  await review.getByRole('button', { name: /预览/ }).click();
  const frame = review.locator('iframe');
  await expect(frame).toHaveAttribute('src', /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
  await expect(frame).toHaveAttribute('title', /佐证材料：封面、目录页和正文/);
  const pdfAnswer = await page.request.get((await frame.getAttribute('src'))!);
  expect(pdfAnswer.status()).toBe(200);
  expect(pdfAnswer.headers()['content-type']).toBe('application/pdf');
  expect(pdfAnswer.headers()['content-disposition']).toMatch(/^inline/);
  await review.getByRole('button', { name: '审核通过' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText(`已审核通过：张伟的“论文：${paperTitle}”`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: paperTitle })).toHaveCount(0);
  // Chromium's PDF viewer can leave its frame in Playwright's frame tree after the drawer closes, which keeps
  // "networkidle" (awaited by checkPage) from firing; a fresh document clears it
  await page.reload();

  const ceRow = page.getByRole('row').filter({ hasText: course });
  await ceRow.getByRole('button', { name: /查看/ }).click();
  const ceReview = page.getByRole('dialog', { name: /张伟 · 继续教育/ });
  await expect(ceReview.getByRole('img', { name: /佐证材料/ })).toBeVisible();
  await expect(ceReview.getByText('省人力社保继续教育系统')).toBeVisible();
  await ceReview.getByRole('button', { name: '退回' }).click();
  const returnDialog = page.getByRole('dialog', { name: '退回档案条目' });
  await returnDialog.getByRole('button', { name: '确定' }).click();
  await expect(returnDialog.getByText('请填写退回原因')).toBeVisible();
  await returnDialog.getByRole('textbox', { name: '退回原因' }).fill(reason);
  await checkPage(page, testInfo, '27-archive-employer-return');
  await returnDialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`已退回：张伟的“${lastYear} 年 ${course} 24 学时（专业科目）”`)).toBeVisible();
  await expect(page.getByText('暂无待审核的档案条目')).toBeVisible();

  await choose(page, '筛选审核状态', '全部状态');
  await expect(page.getByRole('row').filter({ hasText: paperTitle })).toContainText('单位已审核');
  await expect(page.getByRole('row').filter({ hasText: course })).toContainText(reason);
  await checkPage(page, testInfo, '28-archive-employer-decided');
  await logout(page);

  // ---- the applicant sees both results ----
  await login(page, APPLICANT);
  await page.goto('/applicant/archive');
  await page.getByRole('tab', { name: /业绩成果/ }).click();
  await expect(entryRow(page, paperTitle)).toContainText('单位已审核');
  await page.getByRole('tab', { name: /继续教育/ }).click();
  const ce = entryRow(page, course);
  await expect(ce).toContainText('单位已退回');
  await expect(ce.getByText(`退回原因：${reason}`)).toBeVisible();
  await checkPage(page, testInfo, '29-archive-applicant-results');

  // …and the messages; 全部标为已读 marks every one
  await page
    .getByRole('banner')
    .getByRole('link', { name: /消息通知，\d+ 条未读/ })
    .click();
  await expect(page.getByText('档案条目被退回')).toBeVisible();
  await expect(page.getByText(`原因：${reason}`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: '消息通知', exact: true })).toBeVisible(); // no unread count
  await expect(page.getByText('未读', { exact: true })).toHaveCount(0);
  await page.goto('/applicant/archive');
  await page.getByRole('tab', { name: /继续教育/ }).click();

  // the same page on a phone
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(ce).toContainText('单位已退回');
  await checkPage(page, testInfo, '30-archive-applicant-phone');
});

test('archive: a large scan goes up in resumable slices and continues after a dropped connection', async ({ page }, testInfo) => {
  const employer = `千岛湖水务工程建设指挥部 ${run}`;
  await login(page, APPLICANT);
  await page.goto('/applicant/archive');
  await page.getByRole('tab', { name: /工作经历/ }).click();
  await page.getByRole('button', { name: '新增工作经历' }).click();
  const drawer = page.getByRole('dialog', { name: /新增工作经历/ });
  await drawer.getByRole('textbox', { name: '工作单位' }).fill(employer);
  await drawer.getByRole('textbox', { name: '职务/岗位' }).fill('技术负责人');
  await typeDate(page, '开始时间', '2015-03');
  await typeDate(page, '结束时间', '2019-12');
  await drawer.getByRole('textbox', { name: '主要工作内容' }).fill('负责千岛湖配水工程管网设计审查与施工技术管理。');
  await drawer.getByRole('button', { name: '保存' }).click();
  const evidence = page.getByRole('dialog', { name: /佐证材料/ });
  await expect(evidence).toContainText(employer);

  // refused in the browser: not PDF/JPG/PNG
  const input = evidence.locator('input[type=file]');
  await input.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('“说明.txt”不是允许的格式，佐证材料只支持 PDF、JPG、PNG')).toBeVisible();
  // refused by the server, which reads the content: a PNG named .pdf
  await input.setInputFiles({ name: '工作证明.pdf', mimeType: 'application/pdf', buffer: png(20, 20) });
  await expect(evidence.getByRole('alert').filter({ hasText: '文件扩展名为 .pdf，但内容是PNG 图片' })).toBeVisible();
  await evidence.getByRole('button', { name: '移除' }).click();

  // a 9 MB scan: the second slice's connection drops every time until the network is back
  let networkDown = true;
  const offsets: string[] = [];
  await page.route('**/api/v1/uploads/*/content', async (route) => {
    const offset = route.request().headers()['upload-offset'] ?? '';
    offsets.push(offset);
    if (networkDown && offset !== '0') return route.abort('connectionreset');
    return route.continue();
  });
  await input.setInputFiles({
    name: '工作经历证明（扫描件）.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Work experience certificate', 9 * 1024 * 1024),
  });
  const failed = evidence.getByRole('alert').filter({ hasText: '网络' });
  await expect(failed).toBeVisible({ timeout: 30_000 });
  expect(offsets.filter((o) => o === String(4 * 1024 * 1024)).length).toBeGreaterThan(1); // retried automatically
  await checkPage(page, testInfo, '31-archive-upload-interrupted');

  networkDown = false;
  const resumedAt = offsets.length;
  await evidence.getByRole('button', { name: '继续上传' }).click();
  await expect(evidence.getByText('已上传（1 份）')).toBeVisible({ timeout: 30_000 });
  await expect(evidence.getByRole('button', { name: /预览.*工作经历证明（扫描件）\.pdf/ })).toBeVisible();
  // resumed where the server stopped, not restarted
  expect(offsets.slice(resumedAt)).toEqual([String(4 * 1024 * 1024), String(8 * 1024 * 1024)]);
  await page.unroute('**/api/v1/uploads/*/content');
  await evidence.getByRole('button', { name: '完成' }).click();
  await expect(entryRow(page, employer)).toContainText('佐证材料 1 份');
});
