/** The S3-compatible store against a real local S3 server (s3rver, started by the test). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import S3rver from 's3rver';
import { S3Store } from '../src/platform/storage/s3-store';
import { MINIMAL_PDF, PNG_1PX } from './helper';

let server: S3rver;
let dir: string;
let store: S3Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-s3-'));
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'evidence', configs: [] }],
  });
  const { port } = await server.run();
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  store = S3Store.fromUrl(`s3://evidence?endpoint=http://127.0.0.1:${port}&region=us-east-1`);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function readAll(r: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('S3-compatible storage', () => {
  it('streams a 20 MB PDF in, hashes it, and gives the same bytes back', async () => {
    const content = Buffer.concat([MINIMAL_PDF, randomBytes(20 * 1024 * 1024), Buffer.from('\n%%EOF\n')]); // a PDF ends with %%EOF
    const stored = await store.put(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), {
      maxBytes: 50 * 1024 * 1024,
      accept: ['application/pdf'],
      filename: 'scan.pdf',
    });
    expect(stored).toMatchObject({ size: content.length, mime: 'application/pdf' });
    expect((await readAll(await store.get(stored.storageKey))).equals(content)).toBe(true);
    await store.remove(stored.storageKey);
    await expect(store.get(stored.storageKey)).rejects.toThrow();
  });

  it('refuses wrong content and oversize, leaving nothing behind', async () => {
    await expect(store.put(Readable.from([PNG_1PX]), { maxBytes: 1024, accept: ['application/pdf'] })).rejects.toThrow(/格式/);
    await expect(
      store.put(Readable.from([MINIMAL_PDF, Buffer.alloc(4096)]), { maxBytes: 1024, accept: ['application/pdf'] }),
    ).rejects.toThrow(/上限/);
  });

  it('adopts a finished resumable upload from a temp file', async () => {
    const tmp = join(dir, 'part.pdf');
    await writeFile(tmp, MINIMAL_PDF);
    const key = await store.adopt(tmp);
    expect((await readAll(await store.get(key))).equals(MINIMAL_PDF)).toBe(true);
  });
});
