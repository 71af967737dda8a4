/**
 * `npm run audit:verify -w server [-- --anchor <seq>:<hash>] [--json]`: verifies the audit hash chain
 * (platform/audit/chain.ts, docs/decisions/0011-audit-hash-chain.md) on the database the platform uses
 * (DATABASE_URL, else the embedded database in DATA_DIR), prints the result in Chinese and exits 1 when the
 * chain is broken or does not extend the given anchor (2 when the check itself could not run).
 * Keep the printed head line (序号 + 哈希) outside the database every day and pass yesterday's as --anchor:
 * that is what reveals a rewritten chain or deleted newest rows.
 */
/* eslint-disable no-console */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/client';
import { describeAuditChain, verifyAuditChain } from '../platform/audit/chain';
import { safeError } from '../platform/http/db-errors';

const anchorArg = process.argv.find((a) => a.startsWith('--anchor'));
const anchorText = anchorArg?.includes('=')
  ? anchorArg.split('=')[1]
  : anchorArg
    ? process.argv[process.argv.indexOf(anchorArg) + 1]
    : undefined;
const anchor = anchorText?.match(/^(\d+):([0-9a-f]{64})$/);
if (anchorArg && !anchor) {
  console.error('--anchor 的格式应为 序号:哈希（64 位十六进制），即之前校验时打印的链头。');
  process.exit(2);
}

const config = loadConfig();
let code = 0;
try {
  const database = await openDatabase(config.database);
  try {
    const report = await verifyAuditChain(database.db);
    console.log(describeAuditChain(report));
    code = report.ok ? 0 : 1;
    if (anchor) {
      const res = await database.db.execute(sql`select hash from audit_events where seq = ${anchor[1]}::bigint`);
      const [row] = (res as unknown as { rows: Array<{ hash: string | null }> }).rows;
      if (row?.hash === anchor[2]) console.log(`与留存的链头（序号 ${anchor[1]}）一致。`);
      else {
        console.log(`与留存的链头不一致：序号 ${anchor[1]} 的记录${row ? '哈希已改变（链被改写）' : '已不存在（末尾记录被删除）'}。`);
        code = 1;
      }
    }
    if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  } finally {
    await database.close();
  }
} catch (e) {
  console.error(`审计链校验未能执行：${safeError(e).message.split('\n')[0]}。请检查 DATABASE_URL / DATA_DIR 是否与平台一致。`);
  code = 2;
}
process.exit(code);
