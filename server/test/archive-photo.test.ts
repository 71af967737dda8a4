/**
 * The archive's 证件照 (SPEC §2, "basic information and photo"): uploaded once on 基本信息 (JPG or PNG by
 * content, at least 100×120 pixels), readable by its owner only, removable, audited; the wizard's photo
 * step takes it from the archive and checks it against the plan's spec exactly as an upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { applications, auditEvents, files, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { MINIMAL_PDF, TEST_PASSWORD, dbKind, seedApprovedEmployer, startDemoRoundApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let zhangId: string;
let planId: string;

beforeAll(async () => {
  ({ env, planId, zhangId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

const login = (u: string) => env.client().login(u, DEMO_PASSWORD);
const image = (width: number, height: number, format: 'png' | 'jpeg') => {
  const s = sharp({ create: { width, height, channels: 3, background: '#f5f5f5' } });
  return (format === 'png' ? s.png() : s.jpeg({ quality: 80 })).toBuffer();
};
const photoAudits = async (action: string) =>
  env.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, zhangId)));

describe(`the archive photo on 基本信息 (${dbKind})`, () => {
  let zhang: TestClient;
  let photoId: string;

  beforeAll(async () => {
    zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
  });

  it('starts without a photo', async () => {
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBeNull();
  });

  it('takes a PNG, answers with the profile, and writes the audit row', async () => {
    const png = await image(300, 400, 'png');
    const res = await zhang.upload('/api/v1/me/photo', { name: '我的照片.png', content: png, type: 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.realName).toBe('张伟');
    expect(body.photoFileId).toMatch(/^[0-9a-f-]{36}$/);
    photoId = body.photoFileId;
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBe(photoId);
    const [u] = await env.ctx.db.select({ photoFileId: users.photoFileId }).from(users).where(eq(users.id, zhangId));
    expect(u!.photoFileId).toBe(photoId);
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, photoId));
    expect(f).toMatchObject({
      mime: 'image/png',
      size: png.length,
      ownerUserId: zhangId,
      purpose: 'idPhoto',
      originalName: '我的照片.png',
    });
    const audits = await photoAudits('user.photoUploaded');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ photoFileId: photoId, format: 'png', width: 300, height: 400 });
    expect(audits[0]!.before).toEqual({ photoFileId: null });
  });

  it('is readable by its owner and by no other applicant', async () => {
    const own = await zhang.get(`/api/v1/files/${photoId}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect((await sharp(own.rawPayload).metadata()).width).toBe(300);
    const liNa = await login(DEMO_PEOPLE.liNa.idNumber);
    const other = await liNa.get(`/api/v1/files/${photoId}`);
    // someone else's file is reported as absent (files/routes.ts)
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).not.toBe('image/png');
  });

  it('refuses a PDF renamed .jpg, by content, with the Chinese reason; the photo stays', async () => {
    const res = await zhang.upload('/api/v1/me/photo', { name: '证件照.jpg', content: MINIMAL_PDF, type: 'image/jpeg' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_REJECTED');
    expect(res.json().message).toContain('只能上传 JPG 或 PNG 格式的照片');
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBe(photoId);
  });

  it('refuses a too-small image and says the size found', async () => {
    const res = await zhang.upload('/api/v1/me/photo', { name: 'small.png', content: await image(80, 100, 'png') });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('当前为 80×100 像素');
    expect(res.json().message).toContain('至少需要 100×120 像素');
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBe(photoId);
  });

  it('decides the type by content: a JPEG saved as .png is stored as a JPEG', async () => {
    const res = await zhang.upload('/api/v1/me/photo', { name: 'wechat.png', content: await image(240, 320, 'jpeg') });
    expect(res.statusCode, res.body).toBe(200);
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, res.json().photoFileId));
    expect(f).toMatchObject({ mime: 'image/jpeg', originalName: 'wechat.jpg' });
    photoId = res.json().photoFileId;
  });

  it('is for applicants only', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const c = await env.client().login(emp.username, TEST_PASSWORD);
    const res = await c.upload('/api/v1/me/photo', { name: 'a.png', content: await image(300, 400, 'png') });
    expect(res.statusCode).toBe(403);
  });

  it('DELETE clears it (audited); a second DELETE finds nothing', async () => {
    const res = await zhang.del('/api/v1/me/photo');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().photoFileId).toBeNull();
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBeNull();
    const audits = await photoAudits('user.photoRemoved');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toEqual({ photoFileId: photoId });
    const again = await zhang.del('/api/v1/me/photo');
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toContain('档案中没有证件照');
  });
});

describe(`the wizard takes the archive photo (${dbKind})`, () => {
  let zhang: TestClient;
  let appId: string;
  const appPhoto = async () =>
    (await env.ctx.db.select({ photoFileId: applications.photoFileId }).from(applications).where(eq(applications.id, appId)))[0]!
      .photoFileId;

  beforeAll(async () => {
    zhang = await login(DEMO_PEOPLE.zhangWei.idNumber);
    const res = await zhang.post('/api/v1/applications', { planId });
    expect(res.statusCode, res.body).toBe(201);
    appId = res.json().id;
  });

  it('says so when the archive has no photo', async () => {
    expect((await zhang.get('/api/v1/me')).json().photoFileId).toBeNull();
    const res = await zhang.post(`/api/v1/applications/${appId}/photo/from-archive`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('档案中还没有证件照');
  });

  it('sets the application photo when the archive photo meets the plan (seed 000: JPG ≤ 50 KB, 200×280–300×420)', async () => {
    const jpg = await image(250, 350, 'jpeg');
    expect(jpg.length).toBeLessThan(50 * 1024);
    const archiveId = (await zhang.upload('/api/v1/me/photo', { name: '证件照.jpg', content: jpg })).json().photoFileId as string;
    const res = await zhang.post(`/api/v1/applications/${appId}/photo/from-archive`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      ok: true,
      problems: [],
      suggestedSize: null,
      photo: { format: 'jpeg', width: 250, height: 350, bytes: jpg.length },
    });
    expect(r.fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.fileId).not.toBe(archiveId); // the application keeps its own copy
    expect(await appPhoto()).toBe(r.fileId);
    expect((await zhang.get(`/api/v1/applications/${appId}`)).json().photoFileId).toBe(r.fileId);
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, r.fileId));
    expect(f).toMatchObject({ ownerUserId: zhangId, size: jpg.length, mime: 'image/jpeg' });
  });

  it('returns the problems for one that does not, leaving the application as it was; fit=true fits it', async () => {
    const before = await appPhoto();
    await zhang.upload('/api/v1/me/photo', { name: 'big.png', content: await image(600, 800, 'png') });
    const res = await zhang.post(`/api/v1/applications/${appId}/photo/from-archive`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.ok).toBe(false);
    expect(r.fileId).toBeNull();
    expect(r.problems.join('\n')).toContain('照片格式须为 JPG/JPEG');
    expect(r.problems.join('\n')).toContain('照片宽度须不小于 200 像素且不大于 300 像素，当前为 600 像素');
    expect(r.suggestedSize).toEqual({ width: 300, height: 400 });
    expect(r.photo).toMatchObject({ format: 'png', width: 600, height: 800 });
    expect(await appPhoto()).toBe(before);

    const fitted = (await zhang.post(`/api/v1/applications/${appId}/photo/from-archive?fit=true`)).json();
    expect(fitted).toMatchObject({ ok: true, problems: [], photo: { format: 'jpeg', width: 300, height: 400 } });
    expect(await appPhoto()).toBe(fitted.fileId);
    expect(fitted.fileId).not.toBe(before);
  });

  it('reads ?fit=false as no fitting', async () => {
    const r = (await zhang.post(`/api/v1/applications/${appId}/photo/from-archive?fit=false`)).json();
    expect(r).toMatchObject({ ok: false, photo: { format: 'png', width: 600, height: 800 } });
  });

  it('answers an upload and the archive path with the same shape', async () => {
    const up = (
      await zhang.upload(`/api/v1/applications/${appId}/photo`, { name: 'big.png', content: await image(600, 800, 'png') })
    ).json();
    const fromArchive = (await zhang.post(`/api/v1/applications/${appId}/photo/from-archive`)).json();
    expect(Object.keys(fromArchive).sort()).toEqual(Object.keys(up).sort());
    expect(fromArchive.problems).toEqual(up.problems);
    expect(fromArchive.suggestedSize).toEqual(up.suggestedSize);
  });

  it("is not available on someone else's application", async () => {
    const liNa = await login(DEMO_PEOPLE.liNa.idNumber);
    await liNa.upload('/api/v1/me/photo', { name: 'li.jpg', content: await image(250, 350, 'jpeg') });
    const res = await liNa.post(`/api/v1/applications/${appId}/photo/from-archive`);
    expect(res.statusCode).toBe(404);
  });
});
