/**
 * The audit trail as a hash chain (issue 8 item 8; docs/decisions/0011-audit-hash-chain.md).
 *
 * writeAudit() inserts rows unsealed (seq, prev_hash, hash null) in the caller's transaction, so no business
 * transaction waits for a global chain lock. The sealer, sealAudit(), runs every second (main.ts): under one
 * advisory lock it reads the head of the chain and gives each committed, unsealed row, in id order, the next
 * seq, the head's hash as prev_hash and hash = sha256(prev_hash || "\n" || canonical(row)).
 *
 * Rows are sealed in COMMIT order, not id order: a slow transaction that took id 41 but committed after
 * the sealer had sealed id 42 is sealed on the next round with a higher seq. The chain's order is seq.
 * Until a row is sealed (at most about a second plus the commit delay) it is not protected; verify reports
 * how many rows are waiting.
 *
 * verifyAuditChain() walks the chain in seq order and names the first row whose seq, prev_hash or hash is
 * not what the rows before it imply: an edited row fails its own hash, a deleted row breaks the next row's
 * seq and prev_hash, a reordered or re-linked row its prev_hash. Deleting the newest rows leaves a shorter
 * valid chain: anchor the head (printed by `npm run audit:verify -w server`) outside the database daily.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';

/** Advisory lock key held while sealing: one sealer at a time on a database, any number of nodes. Spells "zcaudit". */
export const AUDIT_CHAIN_LOCK_KEY = 0x7a63617564697400n;
/** prev_hash of the first row */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
/** Rows sealed per transaction: bounds the lock's hold time; the sealer loops while batches are full. */
export const AUDIT_SEAL_BATCH = 1000;
/** How often main.ts runs the sealer: the window in which a committed row is not yet protected (ADR 0011). */
export const AUDIT_SEAL_INTERVAL_MS = 1000;
/** Rows read per page while verifying. */
const VERIFY_PAGE = 2000;

export interface AuditRowText {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_org_id: string | null;
  ip: string | null;
  action: string;
  target_type: string;
  target_id: string;
  region_path: string | null;
  before: unknown;
  after: unknown;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * The columns as the chain sees them: ids and seq as text (bigint), `at` in UTC with microseconds
 * (a JS Date would drop them), jsonb as parsed values (canonicalized below, so key order does not matter).
 */
export const AUDIT_ROW_COLUMNS = sql.raw(`id::text as id,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  actor_user_id::text as actor_user_id, actor_role, actor_org_id::text as actor_org_id, ip, action, target_type, target_id,
  region_path, before, after, seq::text as seq, prev_hash, hash`);

function rowsOf<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}

/** JSON with object keys sorted at every depth; the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function parseJson(v: unknown): unknown {
  // PGlite and pg both parse jsonb; a string here would be a JSON string value, kept as is
  return v ?? null;
}

/** The canonical encoding of one row at its place in the chain. */
export function canonicalAuditRow(r: AuditRowText, seq: string, prevHash: string): string {
  return canonicalJson({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    actorOrgId: r.actor_org_id,
    ip: r.ip,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    regionPath: r.region_path,
    before: parseJson(r.before),
    after: parseJson(r.after),
    seq,
    prevHash,
  });
}

export function auditRowHash(r: AuditRowText, seq: string, prevHash: string): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditRow(r, seq, prevHash)}`)
    .digest('hex');
}

/**
 * Sealers of one process take turns: PGlite is one session, where the advisory lock is re-entrant and so
 * excludes nothing; on PostgreSQL this saves pool connections waiting on the lock.
 */
const sealing = new WeakMap<object, Promise<unknown>>();

/** Seals one batch of committed, unsealed rows; returns how many it sealed. */
export async function sealAuditBatch(db: Db, limit = AUDIT_SEAL_BATCH): Promise<number> {
  const before = sealing.get(db) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => sealBatchLocked(db, limit));
  sealing.set(db, mine);
  return mine;
}

async function sealBatchLocked(db: Db, limit: number): Promise<number> {
  // the loop runs every second on every node: nothing waiting (the partial index answers) → no transaction, no lock
  const waiting = rowsOf<unknown>(await db.execute(sql`select 1 from audit_events where seq is null limit 1`));
  if (waiting.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY.toString()}::bigint)`);
    // read after the lock: a sealer that held it before us has committed, and this statement sees its work
    const [head] = rowsOf<{ seq: string; hash: string }>(
      await tx.execute(sql`select seq::text as seq, hash from audit_events where seq is not null order by audit_events.seq desc limit 1`),
    );
    const rows = rowsOf<AuditRowText>(
      await tx.execute(sql`select ${AUDIT_ROW_COLUMNS} from audit_events where seq is null order by audit_events.id limit ${limit}`),
    );
    if (rows.length === 0) return 0;
    let seq = BigInt(head?.seq ?? '0');
    let prev = head?.hash ?? AUDIT_GENESIS_HASH;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      seq += 1n;
      const hash = auditRowHash(r, seq.toString(), prev);
      ids.push(r.id);
      seqs.push(seq.toString());
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await tx.execute(sql`update audit_events a set seq = v.seq, prev_hash = v.prev, hash = v.hash
      from (select unnest(${`{${ids.join(',')}}`}::bigint[]) as id, unnest(${`{${seqs.join(',')}}`}::bigint[]) as seq,
                   unnest(${`{${prevs.join(',')}}`}::text[]) as prev, unnest(${`{${hashes.join(',')}}`}::text[]) as hash) v
      where a.id = v.id and a.seq is null`);
    return rows.length;
  });
}

/** Seals every committed, unsealed row (batch after batch). */
export async function sealAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAuditBatch(db);
    total += n;
    if (n < AUDIT_SEAL_BATCH) return total;
  }
}

export interface AuditChainBreak {
  id: number;
  seq: number | null;
  reason: string;
}

export interface AuditChainReport {
  ok: boolean;
  /** sealed rows checked */
  checked: number;
  /** rows not yet sealed (written in the last second or so; more means the sealer is not running) */
  unsealed: number;
  /** the last sealed row: anchor its hash outside the database */
  head: { seq: number; hash: string } | null;
  firstBroken?: AuditChainBreak;
}

/** Walks the whole chain in seq order; stops at the first broken row. */
export async function verifyAuditChain(db: Queryable): Promise<AuditChainReport> {
  const [u] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from audit_events where seq is null`));
  const unsealed = Number(u?.n ?? 0);
  let expectedSeq = 1n;
  let prev = AUDIT_GENESIS_HASH;
  let checked = 0;
  let after = 0n;
  for (;;) {
    const rows = rowsOf<AuditRowText>(
      await db.execute(
        sql`select ${AUDIT_ROW_COLUMNS} from audit_events where seq > ${after.toString()}::bigint order by audit_events.seq limit ${VERIFY_PAGE}`,
      ),
    );
    for (const r of rows) {
      const seq = BigInt(r.seq!);
      const at = (reason: string): AuditChainReport => ({
        ok: false,
        checked,
        unsealed,
        head: checked > 0 ? { seq: Number(expectedSeq - 1n), hash: prev } : null,
        firstBroken: { id: Number(r.id), seq: Number(seq), reason },
      });
      if (seq !== expectedSeq) return at(`序号不连续：应为 ${expectedSeq}，实为 ${seq}（其前的记录可能被删除）`);
      if (r.prev_hash !== prev) return at('所记前一条记录的哈希与链不符（记录被删除、插入、重排或改链）');
      if (!r.hash || r.hash !== auditRowHash(r, r.seq!, prev)) return at('记录内容与其哈希不符（记录被篡改）');
      prev = r.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < VERIFY_PAGE) break;
    after = expectedSeq - 1n;
  }
  // a row with half its chain columns is neither sealed nor waiting: someone wrote them by hand
  const [half] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id::text as id from audit_events where seq is null and (hash is not null or prev_hash is not null) order by id limit 1`,
    ),
  );
  const head = checked > 0 ? { seq: checked, hash: prev } : null;
  if (half)
    return {
      ok: false,
      checked,
      unsealed,
      head,
      firstBroken: { id: Number(half.id), seq: null, reason: '记录未排入链却带有哈希（链字段被改写）' },
    };
  return { ok: true, checked, unsealed, head };
}

/** The report in Chinese, for the command line and the admin page. */
export function describeAuditChain(r: AuditChainReport): string {
  const lines = [
    r.ok ? `审计链完整：已校验 ${r.checked} 条记录。` : `审计链已被破坏：已校验 ${r.checked} 条完好记录后发现问题。`,
    ...(r.firstBroken
      ? [
          `首条异常记录：编号 ${r.firstBroken.id}${r.firstBroken.seq !== null ? `，链序号 ${r.firstBroken.seq}` : ''}；原因：${r.firstBroken.reason}`,
        ]
      : []),
    r.head
      ? r.ok
        ? `链头：序号 ${r.head.seq}，哈希 ${r.head.hash}（请每日将此行另行留存，以便发现末尾记录被删除）`
        : `最后一条完好记录：序号 ${r.head.seq}，哈希 ${r.head.hash}`
      : r.ok
        ? '链中尚无记录。'
        : '链中尚无完好记录。',
    `待封存记录：${r.unsealed} 条${r.unsealed > 0 ? '（刚写入的记录约一秒内封存；若持续增加，请检查平台进程是否运行）' : ''}`,
  ];
  return lines.join('\n');
}
