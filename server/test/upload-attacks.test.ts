/**
 * Issue 8 item 5: uploads stay correct under concurrency and size attacks. Parallel chunks at one offset
 * of a resumable upload (exactly one written), an oversized last chunk (refused, upload intact), the
 * pixel ceiling on every image input (archive photo, application photo and ?fit=true, pledge signature,
 * evidence), and truncated or stub files refused as evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { files, uploads } from '../src/platform/db/schema';
import { CHUNK_CLAIM_MS } from '../src/modules/archive/files';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { MINIMAL_PDF, dbKind, startDemoRoundApp, type TestClient, type TestEnv } from './helper';

let env: TestEnv;
let planId: string;
let zhang: TestClient;

beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
  zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
});
afterAll(async () => env?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const OCTETS = { 'content-type': 'application/offset+octet-stream' };

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A well-formed PNG header declaring width×height, with a small (incomplete) zlib stream: tiny on disk, huge when decoded. */
function hugePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(256 * 1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A big PDF: content, then %%EOF at its end. */
function bigPdf(bytes: number): Buffer {
  return Buffer.concat([MINIMAL_PDF, randomBytes(bytes - MINIMAL_PDF.length - 7), Buffer.from('\n%%EOF\n')]);
}

async function startUpload(c: TestClient, filename: string, size: number) {
  const r = await c.post('/api/v1/uploads', { filename, size, clientKey: `attack-${randomBytes(6).toString('hex')}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as string;
}
const put = (c: TestClient, id: string, offset: number, chunk: Buffer) =>
  c.request('PUT', `/api/v1/uploads/${id}/content`, chunk, { ...OCTETS, 'upload-offset': String(offset) });

describe(`resumable uploads under concurrency (${dbKind})`, () => {
  it('three different chunks at offset 0 at once: exactly one is written, the others get 409 with the offset; the stored hash is of the correct file', async () => {
    const correct = bigPdf(3 * 1024 * 1024);
    const half = 1024 * 1024;
    const id = await startUpload(zhang, '合同.pdf', correct.length);
    const forged = [correct.subarray(0, half), randomBytes(half), Buffer.alloc(half, 0x41)];
    const answers = await Promise.all(forged.map((chunk) => put(zhang, id, 0, chunk)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const winner = answers.findIndex((r) => r.statusCode === 200);
    for (const r of answers.filter((x) => x.statusCode === 409)) {
      expect(r.json().message).toMatch(/续传位置不一致|正在上传/);
      expect(['0', String(half)]).toContain(r.json().details.offset);
    }
    expect(answers[winner]!.json().received).toBe(half);
    // the client continues from the server's offset; the winner's bytes are what the server holds
    const rest = correct.subarray(half);
    const done = await put(zhang, id, half, rest);
    expect(done.statusCode, done.body).toBe(200);
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, done.json().fileId));
    const expected = Buffer.concat([forged[winner]!, rest]);
    expect(f!.sha256).toBe(sha256(expected));
    const back = await zhang.get(`/api/v1/files/${f!.id}`);
    expect(sha256(back.rawPayload)).toBe(f!.sha256);
  });

  it('a correct client racing a forged chunk ends with the correct file when its chunk wins; a lost race is a 409, not a corruption', async () => {
    const correct = bigPdf(2 * 1024 * 1024);
    const id = await startUpload(zhang, '扫描件.pdf', correct.length);
    const first = await put(zhang, id, 0, correct.subarray(0, 1024 * 1024));
    expect(first.statusCode).toBe(200);
    const [a, b] = await Promise.all([
      put(zhang, id, 1024 * 1024, correct.subarray(1024 * 1024)),
      put(zhang, id, 1024 * 1024, correct.subarray(1024 * 1024)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const ok = a.statusCode === 200 ? a : b;
    expect(ok.json()).toMatchObject({ status: 'complete', received: correct.length });
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, ok.json().fileId));
    expect(f!.sha256).toBe(sha256(correct));
  });

  it('a chunk in progress holds the upload; a claim left by a crashed process expires and the next chunk cuts the file back to the offset', async () => {
    const correct = bigPdf(64 * 1024);
    const id = await startUpload(zhang, '证明.pdf', correct.length);
    // a process died mid-chunk: it held the upload and wrote 1000 stray bytes past the offset
    await env.ctx.db
      .update(uploads)
      .set({ busyUntil: new Date(env.clock.now.getTime() + CHUNK_CLAIM_MS) })
      .where(eq(uploads.id, id));
    const { appendFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    await appendFile(join(env.ctx.config.dataDir, 'uploads', `${id}.part`), randomBytes(1000));
    const held = await put(zhang, id, 0, correct);
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ details: { offset: '0' } });
    expect(held.json().message).toContain('正在上传');
    env.clock.advance(CHUNK_CLAIM_MS + 1000);
    const done = await put(zhang, id, 0, correct);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'complete', received: correct.length });
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, done.json().fileId));
    expect(f!.sha256).toBe(sha256(correct));
    expect(f!.size).toBe(correct.length);
  });

  it('an oversized last chunk is refused with 400, not cut; the upload stays where it was and completes with the right bytes', async () => {
    const correct = bigPdf(200 * 1024);
    const id = await startUpload(zhang, '论文.pdf', correct.length);
    expect((await put(zhang, id, 0, correct.subarray(0, 100 * 1024))).statusCode).toBe(200);
    const tooLong = Buffer.concat([correct.subarray(100 * 1024), randomBytes(4096)]);
    const r = await put(zhang, id, 100 * 1024, tooLong);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('超出了声明的文件大小');
    const [row] = await env.ctx.db.select().from(uploads).where(eq(uploads.id, id));
    expect(row).toMatchObject({ status: 'open', received: 100 * 1024, busyUntil: null });
    const done = await put(zhang, id, 100 * 1024, correct.subarray(100 * 1024));
    expect(done.json()).toMatchObject({ status: 'complete', received: correct.length });
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, done.json().fileId));
    expect(f!.sha256).toBe(sha256(correct));
  });
});

describe(`starting the same upload twice at once (${dbKind})`, () => {
  // on PostgreSQL, ten at once reached the unique index before this fix (500); PGlite runs them one by one
  it('gives every request the one upload (no 500 from the unique key)', async () => {
    const pdf = bigPdf(4096);
    const body = { filename: '同时.pdf', size: pdf.length, clientKey: `same-${randomBytes(6).toString('hex')}` };
    const answers = await Promise.all(Array.from({ length: 10 }, () => zhang.post('/api/v1/uploads', body)));
    expect(answers.map((r) => r.statusCode)).toEqual(new Array(10).fill(200));
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    const done = await put(zhang, answers[0]!.json().id, 0, pdf);
    expect(done.json()).toMatchObject({ status: 'complete', received: pdf.length });
  });
});

describe(`an oversized chunk sent without a length (${dbKind})`, () => {
  it('is refused with 400 as soon as it passes the declared size; what it wrote is cut off and the upload is intact', async () => {
    const correct = bigPdf(200 * 1024);
    const id = await startUpload(zhang, 'streamed.pdf', correct.length);
    expect((await put(zhang, id, 0, correct.subarray(0, 100 * 1024))).statusCode).toBe(200);
    const { Readable } = await import('node:stream');
    // a stream payload has no Content-Length: the server finds out while reading
    const body = Readable.from([correct.subarray(100 * 1024), randomBytes(64 * 1024)]);
    const r = await zhang.request('PUT', `/api/v1/uploads/${id}/content`, body, { ...OCTETS, 'upload-offset': String(100 * 1024) });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toContain('超出了声明的文件大小');
    const [row] = await env.ctx.db.select().from(uploads).where(eq(uploads.id, id));
    expect(row).toMatchObject({ status: 'open', received: 100 * 1024, busyUntil: null });
    const done = await put(zhang, id, 100 * 1024, correct.subarray(100 * 1024));
    expect(done.json()).toMatchObject({ status: 'complete', received: correct.length });
    const [f] = await env.ctx.db.select().from(files).where(eq(files.id, done.json().fileId));
    expect(f!.sha256).toBe(sha256(correct));
  });
});

describe(`the pixel ceiling on every image input (${dbKind})`, () => {
  const huge = hugePng(30000, 30000);
  let appId: string;

  beforeAll(async () => {
    const r = await zhang.post('/api/v1/applications', { planId });
    expect(r.statusCode, r.body).toBe(201);
    appId = r.json().id;
  });

  it('builds a 30000×30000 PNG of under 1 MB', () => {
    expect(huge.length).toBeLessThan(1024 * 1024);
  });

  it('refuses it as the archive photo', async () => {
    const r = await zhang.upload('/api/v1/me/photo', { name: '证件照.png', content: huge, type: 'image/png' });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toContain('图片尺寸过大（30000×30000 像素）');
  });

  it('refuses it as the application photo, with and without ?fit=true (no 500)', async () => {
    for (const url of [`/api/v1/applications/${appId}/photo`, `/api/v1/applications/${appId}/photo?fit=true`]) {
      const r = await zhang.upload(url, { name: '证件照.png', content: huge, type: 'image/png' });
      expect(r.statusCode, `${url} ${r.body}`).toBe(400);
      expect(r.json().message).toContain('30000×30000');
    }
  });

  it('refuses it as the pledge signature', async () => {
    const { token } = (await zhang.post(`/api/v1/applications/${appId}/pledge-token`, {})).json();
    const r = await env.client().post(`/api/v1/pledge/${token}`, { signature: huge.toString('base64') });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toContain('30000×30000');
  });

  it('refuses it as evidence, by resumable upload', async () => {
    const id = await startUpload(zhang, '扫描件.png', huge.length);
    const r = await put(zhang, id, 0, huge);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toContain('30000×30000');
  });

  it('answers a truncated or 8-byte PNG on ?fit=true with 400, not 500', async () => {
    const png = await sharp({
      create: { width: 600, height: 800, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 50 } },
    })
      .png()
      .toBuffer();
    for (const content of [png.subarray(0, png.length >> 1), png.subarray(0, 8)]) {
      const r = await zhang.upload(`/api/v1/applications/${appId}/photo?fit=true`, { name: 'me.png', content });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().message).toMatch(/无法读取|不完整/);
    }
  });

  it('still accepts an ordinary photo fitted to the spec', async () => {
    const ok = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const r = await zhang.upload(`/api/v1/applications/${appId}/photo?fit=true`, { name: 'me.png', content: ok });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().ok).toBe(true);
  });
});

describe(`truncated and stub files are refused as evidence (${dbKind})`, () => {
  let entryId: string;
  let jpeg: Buffer;
  let png: Buffer;

  beforeAll(async () => {
    const e = await zhang.post('/api/v1/archive/entries', { data: { kind: 'annualAssessment', year: 2025, result: 'competent' } });
    expect(e.statusCode, e.body).toBe(201);
    entryId = e.json().id;
    jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
  });

  const cases = () => [
    { name: '截断.jpg', content: jpeg.subarray(0, jpeg.length - 200) },
    { name: '截断.png', content: png.subarray(0, png.length - 20) },
    { name: '假.png', content: png.subarray(0, 8) },
    { name: '截断.pdf', content: bigPdf(8 * 1024).subarray(0, 6 * 1024) },
  ];

  it('refuses them attached directly (multipart)', async () => {
    for (const c of cases()) {
      const r = await zhang.upload(`/api/v1/archive/entries/${entryId}/evidence`, c);
      expect(r.statusCode, `${c.name} ${r.body}`).toBe(400);
      expect(r.json().message, c.name).toMatch(/不完整|字节/);
    }
  });

  it('refuses them by resumable upload', async () => {
    for (const c of cases()) {
      const id = await startUpload(zhang, c.name, c.content.length);
      const r = await put(zhang, id, 0, c.content);
      expect(r.statusCode, `${c.name} ${r.body}`).toBe(400);
      expect(r.json().message, c.name).toMatch(/不完整|字节/);
    }
  });

  it('accepts the complete files', async () => {
    for (const c of [
      { name: '完整.jpg', content: jpeg },
      { name: '完整.png', content: png },
      { name: '完整.pdf', content: bigPdf(8 * 1024) },
    ]) {
      const r = await zhang.upload(`/api/v1/archive/entries/${entryId}/evidence`, c);
      expect(r.statusCode, `${c.name} ${r.body}`).toBe(201);
    }
  });
});
