/**
 * Issue 9 item 1 ("nothing a user uploads is lost"): the wizard saves every upload and every choice as it
 * happens (PUT …/draft), at whatever step the applicant is. So the server must take a partial draft at any
 * point — attachments before any 下一步, before a mode is chosen — keep it for a fresh GET, let a later
 * choice clear an earlier one (a new level empties the mode), and let the last of several saves win.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { dbKind, startDemoRoundApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let planId: string;
let zhang: TestClient;
let id: string;

async function uploadPdf(c: TestClient, clientKey: string): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n%${clientKey}\n%%EOF\n`);
  const up = (await c.post('/api/v1/uploads', { filename: '附件.pdf', size: pdf.length, clientKey })).json();
  const done = await c.request('PUT', `/api/v1/uploads/${up.id}/content`, pdf, {
    'content-type': 'application/offset+octet-stream',
    'upload-offset': '0',
  });
  expect(done.statusCode, done.body).toBe(200);
  return done.json().fileId as string;
}

beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
  zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
  const created = await zhang.post('/api/v1/applications', { planId });
  expect([200, 201]).toContain(created.statusCode);
  id = created.json().id;
});
afterAll(async () => env?.close());

describe(`the wizard's autosave on the server (${dbKind})`, () => {
  it('keeps a draft that holds only uploaded attachments (saved on upload, no 下一步, no mode yet) for a fresh GET', async () => {
    const fresh = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(fresh.mode).toBeNull();
    expect(fresh.specialtyCode).toBeNull();
    const a = await uploadPdf(zhang, `autosave-a-${id}`);
    const b = await uploadPdf(zhang, `autosave-b-${id}`);
    // exactly what the wizard sends after an upload: the choices as they are (nothing chosen) and the draft
    const save = await zhang.put(`/api/v1/applications/${id}/draft`, {
      level: fresh.level,
      mode: null,
      specialtyCode: null,
      draft: { attachments: { summaryForm: a, workSummary: b } },
    });
    expect(save.statusCode, save.body).toBe(200);
    // a fresh GET (a reload, another device) has both files, named for the checklist
    const again = (
      await env
        .client()
        .login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD)
        .then((c) => c.get(`/api/v1/applications/${id}`))
    ).json();
    expect(again.draft.attachments).toEqual({ summaryForm: a, workSummary: b });
    expect(Object.keys(again.files)).toEqual(expect.arrayContaining([a, b]));
  });

  it('takes each choice alone, keeps what an earlier save held, and lets a later choice clear the mode (null is saved)', async () => {
    const before = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(
      (await zhang.put(`/api/v1/applications/${id}/draft`, { level: 'senior', mode: 'normal', specialtyCode: null, draft: {} })).statusCode,
    ).toBe(200);
    let now = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(now).toMatchObject({ level: 'senior', mode: 'normal', specialtyCode: null });
    expect(now.draft.attachments).toEqual(before.draft.attachments);
    // changing the level empties the mode in the wizard (a mode may not fit the new level): the server keeps that
    const cleared = await zhang.put(`/api/v1/applications/${id}/draft`, {
      level: 'senior',
      mode: null,
      specialtyCode: 'it-development',
      draft: { personalStatement: '草稿' },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    now = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(now).toMatchObject({ level: 'senior', mode: null, specialtyCode: 'it-development' });
    expect(now.draft.personalStatement).toBe('草稿');
    // a request that does not name a field leaves it as it was
    expect((await zhang.put(`/api/v1/applications/${id}/draft`, { mode: 'normal', draft: {} })).statusCode).toBe(200);
    now = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(now).toMatchObject({ level: 'senior', mode: 'normal', specialtyCode: 'it-development' });
  });

  it('several saves sent at once (an upload while the statement is typed): the last one sent wins, none fails', async () => {
    const c = await uploadPdf(zhang, `autosave-c-${id}`);
    const states = [1, 2, 3, 4, 5].map((n) => ({ personalStatement: `第 ${n} 版`, attachments: { summaryForm: c } }));
    const answers = [];
    for (const draft of states)
      answers.push(
        zhang.put(`/api/v1/applications/${id}/draft`, { level: 'senior', mode: 'normal', specialtyCode: 'it-development', draft }),
      );
    expect((await Promise.all(answers)).map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const now = (await zhang.get(`/api/v1/applications/${id}`)).json();
    expect(now.draft.personalStatement).toMatch(/^第 \d 版$/);
    expect(now.draft.attachments.summaryForm).toBe(c);
  });

  it("still refuses a file that is not the applicant's own, with a Chinese message naming the attachment", async () => {
    const foreign = await zhang.put(`/api/v1/applications/${id}/draft`, {
      draft: { attachments: { summaryForm: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toMatch(/不是您本人上传的文件，请在本步骤重新上传/);
  });
});
