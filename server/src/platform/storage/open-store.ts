import { LocalDiskStore, type FileStore } from './storage';

/** STORAGE_URL unset → local disk under the data folder; s3://… → S3-compatible storage. */
export async function openStore(storageUrl: string | null, localRoot: string): Promise<FileStore> {
  if (!storageUrl) return new LocalDiskStore(localRoot);
  if (storageUrl.startsWith('s3://')) {
    const { S3Store } = await import('./s3-store');
    return S3Store.fromUrl(storageUrl);
  }
  throw new Error(`不支持的存储地址：${storageUrl}（应为 s3://bucket?endpoint=…）`);
}
