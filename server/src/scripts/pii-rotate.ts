/**
 * `npm run pii:rotate -w server [-- --rehash]`: re-encrypts every ID number and mobile (users,
 * sms_outbox, organizations.contact_phone; TOTP secrets too) with the current key, the first of
 * PII_ENC_KEYS. With --rehash it also recomputes every look-up hash with the current PII_HASH_KEY.
 * Same environment as the server (DATABASE_URL or DATA_DIR). Safe to run twice, and while the
 * platform runs (each batch is its own short transaction), except --rehash: see docs/SECURITY-KEYS.md.
 */
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/client';
import { openPiiCipher } from '../platform/crypto/keys';
import { migratePii } from '../platform/crypto/pii-migrate';

const rehash = process.argv.includes('--rehash');
const config = loadConfig();
const pii = await openPiiCipher(config);
const database = await openDatabase(config.database);
try {
  const started = Date.now();
  const r = await migratePii(database.db, pii, { mode: 'rotate', rehash });
  // eslint-disable-next-line no-console
  console.log(
    `已用当前密钥“${pii.currentKeyId}”重新加密：用户 ${r.users} 行，短信发件箱 ${r.smsOutbox} 行，单位联系电话 ${r.organizations} 行，动态口令密钥 ${r.totpSecrets} 行，异议联系方式 ${r.objections} 行` +
      `${rehash ? '；已用当前 PII_HASH_KEY 重算全部查找哈希' : ''}（${((Date.now() - started) / 1000).toFixed(1)} 秒）。` +
      `确认无误后即可从 PII_ENC_KEYS 中移除旧密钥。`,
  );
} finally {
  await database.close();
}
