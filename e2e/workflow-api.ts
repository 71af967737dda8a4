/**
 * Journeys that start at the committee office prepare their applications through the API, as a browser would
 * send it (cookies, the CSRF header, the second factor's demo code): 张伟 (bound to 淳安县千岛湖水务有限公司,
 * whose demo archive meets the demo round) submits, his employer approves and — the publicity over, the
 * platform's clock moved (PUT /api/test/clock) — forwards; 淳安县 and 杭州市人社局 approve and forward: the
 * application is then 待资格审查 at 浙江省软件行业协会 (zsia). Only the office's own steps are left to the browser.
 */
import { expect, request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, pdf, png } from './support';

export const ZHANG_WEI = '330127198503120513';
/** the demo round (seed 000 moved to this year: server/src/modules/demo/demo-round.ts) */
export const DEMO_ROUND_KEY = 'demo-it-senior';

type Method = 'GET' | 'POST' | 'PUT';

/** One signed-in (or anonymous) API user. */
export class ApiUser {
  private constructor(private readonly ctx: APIRequestContext) {}

  static async anonymous(baseURL: string): Promise<ApiUser> {
    const u = new ApiUser(await request.newContext({ baseURL }));
    await u.call('GET', '/api/v1/session'); // the CSRF cookie every browser is given
    return u;
  }

  /** Signs in; a management account answers the second factor with the code demo mode shows. */
  static async login(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<ApiUser> {
    const u = await ApiUser.anonymous(baseURL);
    const r = await u.call<{ stage: string; mfa?: { demoCode?: string } }>('POST', '/api/v1/sessions', { username, password });
    if (r.stage === 'mfa') await u.call('POST', '/api/v1/sessions/mfa/verify', { code: r.mfa?.demoCode });
    return u;
  }

  private async csrf(): Promise<string> {
    return (await this.ctx.storageState()).cookies.find((c) => c.name === 'zc_csrf')?.value ?? '';
  }

  /** A request that must succeed: any other answer fails the journey with the server's message. */
  async call<T = unknown>(
    method: Method,
    path: string,
    data?: unknown,
    opts: { headers?: Record<string, string>; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> } = {},
  ): Promise<T> {
    const r = await this.ctx.fetch(path, {
      method,
      headers: { 'x-csrf-token': await this.csrf(), ...opts.headers },
      ...(opts.multipart ? { multipart: opts.multipart } : data === undefined ? {} : { data }),
    });
    expect(r.ok(), `${method} ${path}: ${r.status()} ${await r.text()}`).toBe(true);
    return (await r.json()) as T;
  }

  close() {
    return this.ctx.dispose();
  }
}

/** Moves the platform's clock to today + offsetDays (demo mode with ZC_TEST_CLOCK); sessions idle out across a move. */
export async function setClock(baseURL: string, offsetDays: number) {
  const u = await ApiUser.anonymous(baseURL);
  await u.call('PUT', '/api/test/clock', { offsetDays });
  await u.close();
}

/**
 * Published copies of the demo round (same office, conditions and dates, a name without "演示轮次" so that the
 * journeys looking for the demo round still find one plan): 张伟 may apply once per plan.
 */
export async function publishDemoRoundCopies(baseURL: string, names: string[]): Promise<string[]> {
  const office = await ApiUser.login(baseURL, 'zsia');
  const plans = await office.call<Array<{ id: string; key: string }>>('GET', '/api/v1/plans');
  const demo = plans.find((p) => p.key === DEMO_ROUND_KEY);
  expect(demo, 'the demo round is published').toBeTruthy();
  const { plan } = await office.call<{ plan: Record<string, unknown> }>('GET', `/api/v1/plans/${demo!.id}`);
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const key = `${DEMO_ROUND_KEY}-${Date.now().toString(36)}-${i}`;
    const { id } = await office.call<{ id: string }>('POST', '/api/v1/plans', { plan: { ...plan, key, name } });
    await office.call('POST', `/api/v1/plans/${id}/publish`);
    ids.push(id);
  }
  await office.close();
  return ids;
}

/** 张伟's complete application to a plan, submitted: the approved archive, one PDF for every attachment, a fitted photo, the pledge signed. */
async function submitted(baseURL: string, zhang: ApiUser, planId: string): Promise<string> {
  const { id } = await zhang.call<{ id: string }>('POST', '/api/v1/applications', { planId });
  const entries = await zhang.call<Array<{ id: string; kind: string; status: string }>>('GET', '/api/v1/archive/entries');
  const approved = entries.filter((e) => e.status === 'approved');
  const { plan } = await zhang.call<{ plan: { modes: Array<{ mode: string; attachments: Array<{ key: string }> }> } }>(
    'GET',
    `/api/v1/plans/${planId}`,
  );
  const file = pdf(`attachment ${id.slice(0, 8)}`);
  const up = await zhang.call<{ id: string }>('POST', '/api/v1/uploads', {
    filename: '综合材料.pdf',
    size: file.length,
    clientKey: `e2e-${id}`,
  });
  const done = await zhang.call<{ fileId: string }>('PUT', `/api/v1/uploads/${up.id}/content`, file, {
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
  });
  const attachments = Object.fromEntries(plan.modes.find((m) => m.mode === 'normal')!.attachments.map((a) => [a.key, done.fileId]));
  await zhang.call('PUT', `/api/v1/applications/${id}/draft`, {
    mode: 'normal',
    specialtyCode: 'it-development',
    draft: {
      personalStatement: '本人自2007年起从事县域供水信息化工作，主持千岛湖供水智能调度系统的设计与开发。',
      entryIds: approved.map((e) => e.id),
      representativeWorkId: approved.find((e) => e.kind === 'achievement')!.id,
      attachments,
    },
  });
  const photo = await zhang.call<{ ok: boolean }>('POST', `/api/v1/applications/${id}/photo?fit=true`, undefined, {
    multipart: { file: { name: '证件照.png', mimeType: 'image/png', buffer: png(300, 400) } },
  });
  expect(photo.ok, 'the photo, fitted by the server, meets the plan').toBe(true);
  const { token } = await zhang.call<{ token: string }>('POST', `/api/v1/applications/${id}/pledge-token`, { origin: baseURL });
  const phone = await ApiUser.anonymous(baseURL);
  await phone.call('POST', `/api/v1/pledge/${encodeURIComponent(token)}`, { signature: png(300, 120).toString('base64') });
  await phone.close();
  await zhang.call('POST', `/api/v1/applications/${id}/actions/submit`, {});
  return id;
}

/** A reviewer's batch action that must succeed for every application. */
async function batch(reviewer: ApiUser, ids: string[], action: string, opinion: string) {
  const results = await reviewer.call<Array<{ id: string; ok: boolean; message: string }>>('POST', '/api/v1/review/batch', {
    ids,
    action,
    opinion,
  });
  expect(results.filter((r) => !r.ok)).toEqual([]);
}

/**
 * 张伟 submits to each plan and the chain carries every application to the committee office (待资格审查).
 * Leaves the clock `publicityDays` ahead (the employer's publicity is over); the caller moves it back when done.
 */
export async function walkToCommittee(baseURL: string, planIds: string[], publicityDays = 10): Promise<string[]> {
  await setClock(baseURL, 0);
  const zhang = await ApiUser.login(baseURL, ZHANG_WEI);
  const ids: string[] = [];
  for (const planId of planIds) ids.push(await submitted(baseURL, zhang, planId));
  await zhang.close();
  const employer = await ApiUser.login(baseURL, 'qdhsw');
  for (const id of ids)
    await employer.call('POST', `/api/v1/applications/${id}/actions/employerApprove`, { opinion: '经单位审核，材料真实' });
  await employer.close();
  await setClock(baseURL, publicityDays);
  const forwarder = await ApiUser.login(baseURL, 'qdhsw');
  await batch(forwarder, ids, 'employerForward', '公示期满，无异议');
  await forwarder.close();
  for (const username of ['cahr', 'hzhr']) {
    const department = await ApiUser.login(baseURL, username);
    await batch(department, ids, 'stepApprove', '学历、资历、考核、继续教育均符合');
    await batch(department, ids, 'stepForward', '同意推荐');
    await department.close();
  }
  return ids;
}
