/**
 * File storage behind one interface. Files live outside the web root under generated names;
 * the database row keeps the SHA-256, size and the type decided by content.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  detectFileType,
  formatBytes,
  incompleteFileProblem,
  nameContentMismatch,
  FileTail,
  ACCEPTED_FILE_LABEL,
  type AcceptedMime,
} from '@zc/domain';
import { AppError } from '../http/errors';
import { IMAGE_HEADER_BYTES, imageHeaderProblem } from './image-guard';

export interface StoredObject {
  storageKey: string;
  sha256: string;
  size: number;
  mime: AcceptedMime;
}

export interface PutOptions {
  maxBytes: number;
  accept: readonly AcceptedMime[];
  /** the uploaded file's name: its extension must agree with the content */
  filename?: string;
}

export interface FileStore {
  /** Streams the upload to storage, deciding its type from the first bytes and enforcing maxBytes. */
  put(source: Readable, opts: PutOptions): Promise<StoredObject>;
  get(storageKey: string): Promise<Readable>;
  remove(storageKey: string): Promise<void>;
  /** Takes over a complete local temp file (resumable uploads) and returns its storage key. */
  adopt(tmpPath: string): Promise<string>;
}

/**
 * Passes bytes through while hashing, counting, and checking the magic bytes of the first chunk; at
 * the end, that the file is complete (PDF %%EOF, PNG IEND, JPEG EOI: domain incompleteFileProblem)
 * and that an image's header declares no more than the pixel ceiling. Keeps only a bounded head and tail.
 */
export class InspectingStream extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  mime: AcceptedMime | null = null;
  private head = Buffer.alloc(0);
  private readonly tail = new FileTail();
  private imageHead: Buffer[] = [];
  private imageHeadBytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly accept: readonly AcceptedMime[],
    private readonly filename?: string,
  ) {
    super();
  }

  private check(mime: AcceptedMime | null): AppError | null {
    if (!mime || !this.accept.includes(mime)) {
      return new AppError('FILE_REJECTED', `文件内容不是允许的格式（${ACCEPTED_FILE_LABEL}），请上传原始的扫描件或照片，不要只修改扩展名`);
    }
    const mismatch = this.filename ? nameContentMismatch(this.filename, mime) : null;
    return mismatch ? new AppError('FILE_REJECTED', mismatch) : null;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      cb(tooLarge(this.maxBytes));
      return;
    }
    if (this.mime === null && this.head.length < 16) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, 16);
      if (this.head.length >= 8) {
        const mime = detectFileType(this.head);
        const problem = this.check(mime);
        if (problem) return cb(problem);
        this.mime = mime;
      }
    }
    this.hash.update(chunk);
    this.tail.push(chunk);
    if (this.imageHeadBytes < IMAGE_HEADER_BYTES) {
      const part = Buffer.from(chunk.subarray(0, IMAGE_HEADER_BYTES - this.imageHeadBytes));
      this.imageHead.push(part);
      this.imageHeadBytes += part.length;
    }
    cb(null, chunk);
  }
  override _flush(cb: (err?: Error | null) => void) {
    if (this.size === 0) return cb(new AppError('FILE_REJECTED', '文件是空的，请重新选择文件'));
    if (this.mime === null) {
      const mime = detectFileType(this.head);
      const problem = this.check(mime);
      if (problem) return cb(problem);
      this.mime = mime;
    }
    const incomplete = incompleteFileProblem(this.mime!, this.tail);
    if (incomplete) return cb(new AppError('FILE_REJECTED', incomplete));
    if (this.mime !== 'application/pdf') {
      const tooBig = imageHeaderProblem(Buffer.concat(this.imageHead));
      if (tooBig) return cb(new AppError('FILE_REJECTED', tooBig));
    }
    this.imageHead = [];
    cb();
  }
}

/** Generated names only: nothing the user typed reaches the storage layer. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

export function assertKey(key: string): void {
  if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('FILE_REJECTED', `文件超过 ${formatBytes(maxBytes)} 的上限，请压缩或分拆后重新上传`);
}

export class LocalDiskStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertKey(key);
    return join(this.root, key);
  }

  async put(source: Readable, opts: PutOptions): Promise<StoredObject> {
    const key = newStorageKey();
    const id = key.slice(3);
    const finalPath = this.pathOf(key);
    const tmpPath = join(this.root, 'tmp', `${id}.part`);
    await mkdir(dirname(tmpPath), { recursive: true });
    const inspector = new InspectingStream(opts.maxBytes, opts.accept, opts.filename);
    try {
      await pipeline(source, inspector, createWriteStream(tmpPath, { flags: 'wx' }));
      // a multipart stream cut at the size limit ends quietly; the parser marks it truncated
      if ((source as Readable & { truncated?: boolean }).truncated) {
        throw tooLarge(opts.maxBytes);
      }
      await mkdir(dirname(finalPath), { recursive: true });
      await rename(tmpPath, finalPath);
    } catch (e) {
      await rm(tmpPath, { force: true });
      source.resume();
      throw e;
    }
    return { storageKey: key, sha256: inspector.hash.digest('hex'), size: inspector.size, mime: inspector.mime! };
  }

  /** Moves a finished temp file (a resumable upload) into the store. */
  async adopt(tmpPath: string): Promise<string> {
    const key = newStorageKey();
    const p = this.pathOf(key);
    await mkdir(dirname(p), { recursive: true });
    await rename(tmpPath, p);
    return key;
  }

  async get(storageKey: string): Promise<Readable> {
    const p = this.pathOf(storageKey);
    await stat(p);
    return createReadStream(p);
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }
}
