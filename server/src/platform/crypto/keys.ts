/**
 * Where the PII keys come from: PII_ENC_KEYS and PII_HASH_KEY in the environment. Only the demo
 * mode or the embedded database (one machine, the data directory is the whole installation) may run
 * without them: the keys are generated once and kept in DATA_DIR/keys/pii.json (mode 0600) with a
 * warning. With DATABASE_URL and no keys outside demo mode the platform refuses to start.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import { newPiiKeyMaterial, parseEncKeys, PiiCipher, PiiKeyError } from './pii';

export function piiKeyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'pii.json');
}

export const MISSING_KEYS_MESSAGE =
  '已配置 DATABASE_URL 但未配置个人信息加密密钥，平台拒绝启动。请设置环境变量 PII_ENC_KEYS（格式“编号:base64 的 32 字节密钥”，' +
  '例如 k1:$(openssl rand -base64 32)）和 PII_HASH_KEY（$(openssl rand -base64 32)），见 docs/SECURITY-KEYS.md';

export async function openPiiCipher(config: Config, warn: (msg: string) => void = (m) => console.warn(m)): Promise<PiiCipher> {
  const encSpec = config.piiEncKeys;
  const hashSpec = config.piiHashKey;
  if (encSpec && hashSpec) return new PiiCipher(parseEncKeys(encSpec), Buffer.from(hashSpec, 'base64'));
  if (encSpec || hashSpec) throw new PiiKeyError('PII_ENC_KEYS 与 PII_HASH_KEY 须同时设置（见 docs/SECURITY-KEYS.md）');
  if (config.database.kind === 'postgres' && !config.demoMode) throw new PiiKeyError(MISSING_KEYS_MESSAGE);

  const file = piiKeyFile(config.dataDir);
  let material: { encKeys: string; hashKey: string };
  try {
    material = JSON.parse(await readFile(file, 'utf8')) as typeof material;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new PiiKeyError(`个人信息密钥文件 ${file} 无法读取：${(e as Error).message}`);
    material = newPiiKeyMaterial();
    await mkdir(join(config.dataDir, 'keys'), { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(material, null, 2), { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
  }
  warn(
    `未设置 PII_ENC_KEYS / PII_HASH_KEY：个人信息加密密钥保存在 ${file}（仅适用于演示或单机嵌入式数据库；请备份该文件，丢失则无法解密身份证号和手机号）`,
  );
  return new PiiCipher(parseEncKeys(material.encKeys), Buffer.from(material.hashKey, 'base64'));
}
