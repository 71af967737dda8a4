/**
 * S3-compatible object storage (configured by STORAGE_URL=s3://bucket?endpoint=http://host:port&region=…
 * with credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). Uploads stream through the same
 * inspection as local disk: type by content, size cap, SHA-256.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { InspectingStream, assertKey, newStorageKey, tooLarge, type FileStore, type PutOptions, type StoredObject } from './storage';

export class S3Store implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static fromUrl(url: string): S3Store {
    const u = new URL(url);
    const endpoint = u.searchParams.get('endpoint') ?? undefined;
    const client = new S3Client({
      region: u.searchParams.get('region') ?? 'cn-east-1',
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      credentials:
        process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY }
          : undefined,
    });
    return new S3Store(client, u.hostname);
  }

  async put(source: Readable, opts: PutOptions): Promise<StoredObject> {
    const key = newStorageKey();
    const inspector = new InspectingStream(opts.maxBytes, opts.accept, opts.filename);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
    });
    const uploaded = upload.done();
    try {
      await pipeline(source, inspector, body);
      if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(opts.maxBytes);
      await uploaded;
    } catch (e) {
      source.resume();
      await upload.abort().catch(() => undefined);
      await uploaded.catch(() => undefined);
      await this.remove(key).catch(() => undefined);
      throw e;
    }
    return { storageKey: key, sha256: inspector.hash.digest('hex'), size: inspector.size, mime: inspector.mime! };
  }

  async adopt(tmpPath: string): Promise<string> {
    const key = newStorageKey();
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: createReadStream(tmpPath) } }).done();
    await rm(tmpPath, { force: true });
    return key;
  }

  async get(storageKey: string): Promise<Readable> {
    assertKey(storageKey);
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: storageKey }));
    return r.Body as Readable;
  }

  async remove(storageKey: string): Promise<void> {
    assertKey(storageKey);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: storageKey }));
  }
}
