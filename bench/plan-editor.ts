/**
 * Issue 9 item 3 budget: the plan editor's tab switch (< 200 ms) and save, in a real browser. The production
 * server (server/src/main.ts, demo mode, a fresh PGlite data dir, a free port) serves an existing web build;
 * Debian's chromium (headless, driven by the playwright library) logs in as zsia (the IT committee office,
 * seed 000; second factor by the demo SMS code shown on the login page), copies the 2019 IT plan to a draft
 * through the API (same year, new key: ~450 form fields over 8 tabs), opens its editor, switches through every
 * tab twice, then saves 3 times, each after a small edit (计划名称).
 *
 * Tab switch: timed in the page, performance.now() from the click until the tab is selected and the next frame
 * has painted. Save: from the click on 保存计划 until "版本 N" shows and the next frame has painted. CPU: the
 * renderer main thread's time around the same step (CDP Performance.getMetrics ThreadTime, read just before and
 * after it, so a little CDP overhead is included), which depends less on the machine's load than the wall time.
 * The verdict is given for the median and the p90 tab switch. No browser is downloaded; nothing is built.
 *
 *   npm run build -w web                  (first: the build this measures)
 *   npx tsx bench/plan-editor.ts
 *   WEB_DIST=/path/to/dist                the build to serve (default web/dist)
 *   CHROMIUM_PATH=/usr/bin/chromium       the browser (default /usr/bin/chromium)
 *   BENCH_ROUNDS=2 BENCH_SAVES=3          tab passes (each visits all 8 tabs) and saves (defaults)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../server/src/modules/demo/demo-data';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SAVES = Number(process.env.BENCH_SAVES ?? 3);
const WEB_DIST = resolve(process.env.WEB_DIST ?? 'web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** the issue's budget for a tab switch */
const TAB_BUDGET_MS = 200;
const SOURCE_KEY = '2019-it-senior';
/** the editor's tabs, in order (web/src/features/plans/components/plan-form.ts EDITOR_TABS) */
const TABS = ['基本信息', '时间与收费', '评审专业', '申报方式', '材料要求', '条件与评分', '审核路线', '依据条款'];

if (!existsSync(join(WEB_DIST, 'index.html'))) {
  console.error(`no web build at ${WEB_DIST}: run \`npm run build -w web\` first (or set WEB_DIST)`);
  process.exit(1);
}

async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

async function waitHealthy(base: string, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not healthy after 180 s');
}

/** the renderer main thread's CPU time so far, in ms */
async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('账号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const demoCode = page.getByText(/演示模式：短信验证码 \d{6}/);
  await Promise.race([page.waitForURL((u) => !u.pathname.startsWith('/login')), demoCode.waitFor()]);
  if (await demoCode.isVisible()) {
    const code = /\d{6}/.exec((await demoCode.textContent()) ?? '')![0];
    await page.getByLabel('验证码', { exact: true }).fill(code);
    await page.getByRole('button', { name: '验证并登录' }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** the API from inside the page: the session cookie rides along, the CSRF header is the zc_csrf cookie */
async function apiInPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await page.evaluate(
    async ({ method, path, body }) => {
      const csrf = /(?:^|; )zc_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, body },
  );
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text.slice(0, 300)}`);
  return JSON.parse(r.text) as T;
}

/** wall ms in the page from the click on a tab until it is selected and the next frame painted; CPU ms */
async function tabSwitch(page: Page, cdp: CDPSession, name: string): Promise<{ wall: number; cpu: number }> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.waitFor();
  const c0 = await threadMs(cdp);
  const wall = await tab.evaluate(async (el) => {
    const t0 = performance.now();
    (el as HTMLElement).click();
    await new Promise<void>((done) => {
      const check = () =>
        el.getAttribute('aria-selected') === 'true' ? requestAnimationFrame(() => setTimeout(done, 0)) : requestAnimationFrame(check);
      check();
    });
    return performance.now() - t0;
  });
  return { wall, cpu: (await threadMs(cdp)) - c0 };
}

/** wall ms in the page from the click on 保存计划 until "版本 <version>" shows and the next frame painted; CPU ms */
async function save(page: Page, cdp: CDPSession, version: number): Promise<{ wall: number; cpu: number }> {
  const c0 = await threadMs(cdp);
  const wall = await page.evaluate(async (want) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '保存计划');
    if (!button) throw new Error('no 保存计划 button');
    const shows = () =>
      [...document.querySelectorAll('.ant-typography')].some((e) => e.textContent === want) ||
      document.querySelector('.ant-modal-confirm') !== null;
    const t0 = performance.now();
    button.click();
    await new Promise<void>((done, fail) => {
      const check = () => {
        if (shows()) requestAnimationFrame(() => setTimeout(done, 0));
        else if (performance.now() - t0 > 60_000) fail(new Error(`"${want}" not shown after 60 s`));
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, `版本 ${version}`);
  const cpu = (await threadMs(cdp)) - c0;
  if (await page.locator('.ant-modal-confirm').isVisible())
    throw new Error('the save asked to confirm warnings (仍要保存): the copy is not a warning-free plan');
  return { wall, cpu };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)]!;
const median = (xs: number[]) => {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

const load0 = loadavg()[0]!;
const dataDir = await mkdtemp(join(tmpdir(), 'zc-bench-editor-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    DATABASE_URL: '',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST,
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'true',
    SEED_DEMO: 'true',
  },
});
process.on('exit', () => server.kill());
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
try {
  await waitHealthy(base, server);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    baseURL: base,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  // tsx (esbuild keepNames) wraps the named functions inside the evaluated callbacks in __name(…): give the page one
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  await login(page, 'zsia');

  // a draft copy of the 2019 IT plan (same year, its own key), so that saving touches no published plan
  const mine = await apiInPage<Array<{ id: string; key: string }>>(page, 'GET', '/plans/mine');
  const source = mine.find((p) => p.key === SOURCE_KEY);
  if (!source) throw new Error(`plan ${SOURCE_KEY} not among zsia's plans`);
  const copy = await apiInPage<{ id: string; plan: { name: string } }>(page, 'POST', `/plans/${source.id}/copy`, {
    asNewYear: false,
    key: 'bench-2019-it-senior',
    name: '2019年度信息技术专业高级工程师职务任职资格评审（基准副本）',
  });
  await page.goto(`/manage/plans/${copy.id}`);
  await page.getByRole('button', { name: /保存计划/ }).waitFor();
  await page.getByText('版本 1', { exact: true }).waitFor();
  const fields = await page.locator('.ant-form-item').count();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

  // every tab, ROUNDS times, starting from the first tab (active on open)
  const tabs: Array<{ name: string; wall: number; cpu: number }> = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const name of [...TABS.slice(1), TABS[0]!]) tabs.push({ name, ...(await tabSwitch(page, cdp, name)) });
  }

  // saves: a small edit on the first tab, then 保存计划
  const saves: Array<{ wall: number; cpu: number }> = [];
  const nameField = page.getByLabel('计划名称', { exact: true });
  for (let i = 1; i <= SAVES; i += 1) {
    await nameField.fill(`${copy.plan.name}${i}`);
    await nameField.press('Tab');
    saves.push(await save(page, cdp, 1 + i));
    await page.waitForTimeout(300); // let the 已保存 message and background refresh settle between saves
  }
  const load1 = loadavg()[0]!;

  const tw = tabs.map((t) => t.wall);
  const tc = tabs.map((t) => t.cpu);
  const sw = saves.map((s) => s.wall);
  const sc = saves.map((s) => s.cpu);
  const verdict = (x: number) => `${ms(x)}: ${x < TAB_BUDGET_MS ? 'PASS' : 'OVER'}`;
  console.log(`plan editor on the 2019 IT plan (draft copy, ${fields} form items over ${TABS.length} tabs); build ${WEB_DIST}`);
  console.log(`chromium ${browser.version()} headless; ${tabs.length} tab switches, ${saves.length} saves`);
  console.log('');
  console.log('|                | wall median | wall p90 | wall max | CPU median |');
  console.log('|----------------|-------------|----------|----------|------------|');
  console.log(
    `| tab switch     | ${ms(median(tw)).padStart(11)} | ${ms(pct(tw, 90)).padStart(8)} | ${ms(Math.max(...tw)).padStart(8)} | ${ms(median(tc)).padStart(10)} |`,
  );
  console.log(
    `| save           | ${ms(median(sw)).padStart(11)} | ${'—'.padStart(8)} | ${ms(Math.max(...sw)).padStart(8)} | ${ms(median(sc)).padStart(10)} |`,
  );
  console.log('');
  console.log(`tab switches, wall / CPU ms: ${tabs.map((t) => `${t.name} ${Math.round(t.wall)} / ${Math.round(t.cpu)}`).join(', ')}`);
  console.log(`saves (wall / CPU): ${saves.map((s) => `${Math.round(s.wall)} / ${Math.round(s.cpu)}`).join(', ')} ms`);
  console.log(`budget: tab switch < ${TAB_BUDGET_MS} ms — median ${verdict(median(tw))}; p90 ${verdict(pct(tw, 90))}`);
  console.log(`load average (1 min): ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end (${cpus().length} cores)`);
} catch (e) {
  console.error('benchmark failed:', e);
  process.exitCode = 1;
} finally {
  await browser?.close();
  const exited = once(server, 'exit');
  server.kill();
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}
