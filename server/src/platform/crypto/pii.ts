/**
 * Personal data at rest (issue 8 item 7): ID numbers and mobile numbers are stored encrypted
 * (AES-256-GCM, a random 12-byte IV per value) and looked up by a keyed hash (HMAC-SHA256 with a
 * separate key), never in clear. docs/decisions/0014-pii-encryption.md, docs/SECURITY-KEYS.md.
 *
 * Stored form: `v1:<keyId>:<base64(iv | ciphertext | tag)>`. The additional authenticated data is
 * the field ('id_number', 'mobile', 'totp_secret'), so a value cannot be moved from one kind of
 * column to another (an ID number pasted into a mobile column does not decrypt). Every column that
 * holds a person's mobile number (users.mobile, sms_outbox.mobile, organizations.contact_phone)
 * shares the field 'mobile': the notification outbox copies a user's stored mobile as it is.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What a stored value is; also the AAD of its ciphertext and the domain separator of its hash. */
export type PiiField =
  | 'id_number'
  | 'mobile'
  | 'totp_secret'
  /** an objection's contact (phone or e-mail), readable by the committee office only */
  | 'objection_contact'
  /** a lodging address, hashed only (objection throttling); never stored in clear */
  | 'client_address';

/** AES-256-GCM: 32-byte key, 12-byte IV (NIST SP 800-38D §8.2 recommends 96 bits), 16-byte tag. */
export const PII_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The HMAC key: at least as long as SHA-256's output (RFC 2104 §3). */
export const PII_HASH_KEY_MIN_BYTES = 32;
/** Version prefix of the stored form; a value without it is legacy plaintext (before migration 0003). */
export const PII_PREFIX = 'v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class PiiKeyError extends Error {
  override name = 'PiiKeyError';
}

export interface PiiKey {
  id: string;
  key: Buffer;
}

/** Normalization before hashing: an ID number's trailing x is X; a mobile is its digits (without +86). */
export function normalizePii(field: PiiField, value: string): string {
  const t = value.trim();
  if (field === 'id_number') return t.toUpperCase();
  if (field === 'mobile') {
    const digits = t.replace(/\D/g, '');
    return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  }
  return t;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PII_PREFIX);
}

export class PiiCipher {
  private readonly byId: Map<string, Buffer>;
  readonly currentKeyId: string;

  /** keys[0] encrypts; every key decrypts. */
  constructor(
    keys: PiiKey[],
    private readonly hashKey: Buffer,
  ) {
    if (keys.length === 0) throw new PiiKeyError('未配置个人信息加密密钥：请设置 PII_ENC_KEYS');
    for (const k of keys) {
      if (!KEY_ID.test(k.id)) throw new PiiKeyError(`PII_ENC_KEYS 中的密钥编号“${k.id}”无效：只能用 1–32 位字母、数字、下划线或连字符`);
      if (k.key.length !== PII_KEY_BYTES)
        throw new PiiKeyError(
          `PII_ENC_KEYS 中密钥“${k.id}”长度为 ${k.key.length} 字节，应为 ${PII_KEY_BYTES} 字节（base64 编码的 32 字节随机数）`,
        );
    }
    if (hashKey.length < PII_HASH_KEY_MIN_BYTES)
      throw new PiiKeyError(`PII_HASH_KEY 长度为 ${hashKey.length} 字节，至少应为 ${PII_HASH_KEY_MIN_BYTES} 字节（base64 编码）`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    if (this.byId.size !== keys.length) throw new PiiKeyError('PII_ENC_KEYS 中有重复的密钥编号');
    this.currentKeyId = keys[0]!.id;
  }

  encrypt(field: PiiField, plain: string): string;
  encrypt(field: PiiField, plain: string | null | undefined): string | null;
  encrypt(field: PiiField, plain: string | null | undefined): string | null {
    if (plain == null) return null;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.byId.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PII_PREFIX}${this.currentKeyId}:${Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64')}`;
  }

  /** The clear value; a legacy plaintext value (no 'v1:' prefix, before the start-up migration) as it is. */
  decrypt(field: PiiField, stored: string): string;
  decrypt(field: PiiField, stored: string | null | undefined): string | null;
  decrypt(field: PiiField, stored: string | null | undefined): string | null {
    if (stored == null) return null;
    if (!isEncrypted(stored)) return stored;
    const rest = stored.slice(PII_PREFIX.length);
    const colon = rest.indexOf(':');
    const keyId = colon < 0 ? '' : rest.slice(0, colon);
    const key = this.byId.get(keyId);
    if (!key)
      throw new PiiKeyError(
        `无法解密个人信息：密钥“${keyId}”未配置。请把该密钥加入 PII_ENC_KEYS（可放在当前密钥之后），或先用 npm run pii:rotate 重新加密`,
      );
    const raw = Buffer.from(rest.slice(colon + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new PiiKeyError(`无法解密个人信息：密文已损坏（密钥“${keyId}”）`);
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiKeyError(`无法解密个人信息：密钥“${keyId}”与密文不符，或数据已被篡改。请核对 PII_ENC_KEYS 中该编号的密钥`);
    }
  }

  /** Keyed hash for look-up and uniqueness: HMAC-SHA256(hash key, field ":" normalized value), hex. */
  hash(field: PiiField, value: string): string;
  hash(field: PiiField, value: string | null | undefined): string | null;
  hash(field: PiiField, value: string | null | undefined): string | null {
    if (value == null) return null;
    return createHmac('sha256', this.hashKey)
      .update(`${field}:${normalizePii(field, value)}`, 'utf8')
      .digest('hex');
  }

  /** Whether a stored value is already encrypted with the current key (rotation skips those). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${PII_PREFIX}${this.currentKeyId}:`);
  }
}

/** Parses PII_ENC_KEYS ("keyId:base64key[,keyId:base64key…]", first = current). */
export function parseEncKeys(spec: string): PiiKey[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon <= 0) throw new PiiKeyError('PII_ENC_KEYS 格式应为“编号:base64密钥”，多个用逗号分隔，第一个用于加密');
      return { id: part.slice(0, colon), key: Buffer.from(part.slice(colon + 1), 'base64') };
    });
}

export function newPiiKeyMaterial(): { encKeys: string; hashKey: string } {
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  return {
    encKeys: `${id}:${randomBytes(PII_KEY_BYTES).toString('base64')}`,
    hashKey: randomBytes(PII_HASH_KEY_MIN_BYTES).toString('base64'),
  };
}
