import { expect, type Page, type TestInfo } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'Demo@2026';
export const SCREENS = join(import.meta.dirname, 'artifacts', 'screens');

/** GB 11643 check digit, for a fresh valid ID number per run. */
export function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** Every journey page: no serious or critical accessibility violation (GB/T 37668), and a screenshot. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState('networkidle');
  // transient toasts fade out with intermediate colours: check the page once they are gone
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  // the pointer stays where the last click was: a link that opened under it shows its lighter hover
  // colour, which is not what the page looks like (and fails the contrast check only by chance)
  await page.mouse.move(0, 0);
  // drawers, modals and collapses animate opacity: axe measures colour contrast on what is painted,
  // so wait until every finite animation/transition has finished (spinners loop forever: ignored)
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 15_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${name}`,
  ).toEqual([]);
  mkdirSync(SCREENS, { recursive: true });
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  // management accounts: the second step, with the SMS code shown on the page in demo mode (issue 8 item 6)
  const demoCode = page.getByText(/演示模式：短信验证码 \d{6}/);
  await Promise.race([page.waitForURL((u) => !u.pathname.startsWith('/login')), demoCode.waitFor()]);
  if (await demoCode.isVisible()) {
    const code = /\d{6}/.exec((await demoCode.textContent()) ?? '')![0];
    await page.getByLabel('验证码', { exact: true }).fill(code);
    await page.getByRole('button', { name: '验证并登录' }).click();
  }
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/($|login)/);
}

/** 嘉兴智联软件 (zlsoft) agrees to 李娜's binding; once per server: the demo data has it pending, later calls find nothing to do. */
export async function approveLiNaBinding(page: Page) {
  await login(page, 'zlsoft');
  await page.goto('/employer/bindings');
  // the pending list, loaded (it is empty once she is bound)
  await expect(page.locator('.ant-table-tbody')).toBeVisible();
  await expect(page.locator('.ant-table .ant-spin-spinning')).toHaveCount(0);
  const agree = page.getByRole('row').filter({ hasText: '李娜' }).getByRole('button', { name: '同意', exact: true });
  if (await agree.isVisible()) {
    await agree.click();
    await page.getByRole('button', { name: '确定', exact: true }).click();
    await expect(page.getByText('已同意 李娜 的绑定申请')).toBeVisible();
  }
  await logout(page);
}

/** Draws a signature with the finger (mouse) on the phone's signing pad. */
export async function drawSignature(phone: Page) {
  const box = (await phone.getByTestId('signature-pad').boundingBox())!;
  await phone.mouse.move(box.x + 30, box.y + 120);
  await phone.mouse.down();
  for (let i = 0; i <= 30; i++) await phone.mouse.move(box.x + 30 + i * 8, box.y + 120 - Math.sin(i / 3) * 40);
  await phone.mouse.up();
}

/** A one-page PDF with a line of text (the browser's viewer can show it). */
export function pdf(line: string, padTo = 0): Buffer {
  const content = `BT /F1 24 Tf 72 760 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const body = Buffer.from(out, 'latin1');
  // a big scan: padding after %%EOF keeps the file a valid PDF
  return padTo > body.length ? Buffer.concat([body, Buffer.alloc(padTo - body.length, 0x20)]) : body;
}

/** A small striped PNG (a real image, so <img> shows it). */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const [r, g, b] = Math.floor(y / 10) % 2 === 0 ? [21, 87, 176] : [240, 244, 250];
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Picks `option` in the antd Select labelled `label`. */
export async function choose(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  const select = page.locator('.ant-select').filter({ has: box });
  // a click that lands while the list is still opening can be lost: try again until the choice shows
  await expect(async () => {
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    if (!(await list.getByTitle(option, { exact: true }).isVisible())) await box.click();
    await list.getByTitle(option, { exact: true }).click({ timeout: 2000 });
    await expect(select).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}
