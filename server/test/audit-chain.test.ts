/**
 * Issue 8 item 8: audit rows are hash-chained; verification names the first broken row.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { writeAudit, type AuditContext } from '../src/platform/audit/audit';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_ROW_COLUMNS,
  auditRowHash,
  sealAudit,
  sealAuditBatch,
  verifyAuditChain,
  type AuditRowText,
} from '../src/platform/audit/chain';
import { openDatabase } from '../src/platform/db/client';
import { DEMO_PASSWORD, seedDemoData } from '../src/modules/demo/demo-data';
import { dbKind, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  await seedDemoData(env.ctx.db, env.ctx.pii);
});
afterAll(async () => env?.close());

const actor: AuditContext = { actorUserId: null, actorRole: 'admin', actorOrgId: null, ip: '10.0.0.1' };
const run = (q: ReturnType<typeof sql>) => env.ctx.db.execute(q);
const rows = async <T>(q: ReturnType<typeof sql>) => ((await run(q)) as unknown as { rows: T[] }).rows;

async function writeEvents(n: number, from = 0) {
  for (let i = from; i < from + n; i += 1) {
    await writeAudit(env.ctx.db, actor, {
      action: 'organization.created',
      targetType: 'organization',
      targetId: `org-${i}`,
      regionPath: '330000.330100',
      before: i % 2 ? null : { status: 'pending', nested: { b: 2, a: [1, '二'] } },
      after: { status: 'approved', 名称: `单位${i}`, n: i },
    });
  }
}

/** ids in chain order */
async function chainIds(): Promise<number[]> {
  return (await rows<{ id: string }>(sql`select id::text as id from audit_events where seq is not null order by seq`)).map((r) =>
    Number(r.id),
  );
}

beforeEach(async () => {
  await run(sql`delete from audit_events`);
});

describe('sealing and verifying', () => {
  it('sealed rows form one chain from the genesis hash; verify is ok and counts them', async () => {
    await writeEvents(12);
    expect((await verifyAuditChain(env.ctx.db)).unsealed).toBe(12);
    expect(await sealAudit(env.ctx.db)).toBe(12);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r).toMatchObject({ ok: true, checked: 12, unsealed: 0 });
    const [first] = await rows<{ prev_hash: string; seq: string }>(
      sql`select prev_hash, seq::text as seq from audit_events order by seq limit 1`,
    );
    expect(first!.prev_hash).toBe(AUDIT_GENESIS_HASH);
    // later rows continue the same chain
    await writeEvents(3, 100);
    expect(await sealAudit(env.ctx.db)).toBe(3);
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 15, head: { seq: 15 } });
  });

  it('batches: a small batch size seals in several rounds into the same chain', async () => {
    await writeEvents(7);
    expect(await sealAuditBatch(env.ctx.db, 3)).toBe(3);
    expect(await sealAuditBatch(env.ctx.db, 3)).toBe(3);
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 6, unsealed: 1 });
    expect(await sealAuditBatch(env.ctx.db, 3)).toBe(1);
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 7, unsealed: 0 });
  });
});

describe('tampering is found and the first broken row named', () => {
  beforeEach(async () => {
    await writeEvents(10);
    await sealAudit(env.ctx.db);
  });

  it("an edited 'after' fails that row's hash", async () => {
    const ids = await chainIds();
    await run(sql`update audit_events set after = jsonb_set(after, '{status}', '"rejected"') where id = ${ids[4]!}`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: ids[4], seq: 5 });
    expect(r.firstBroken!.reason).toContain('篡改');
    expect(r.checked).toBe(4);
  });

  it('an edited time, actor or address is found as well', async () => {
    const ids = await chainIds();
    await run(sql`update audit_events set at = at + interval '1 microsecond' where id = ${ids[2]!}`);
    expect((await verifyAuditChain(env.ctx.db)).firstBroken?.id).toBe(ids[2]);
    await run(sql`update audit_events set at = at - interval '1 microsecond', ip = '10.0.0.2' where id = ${ids[2]!}`);
    expect((await verifyAuditChain(env.ctx.db)).firstBroken?.id).toBe(ids[2]);
  });

  it('an edit with the row hash recomputed breaks the next row', async () => {
    const ids = await chainIds();
    await run(sql`update audit_events set target_id = 'other' where id = ${ids[3]!}`);
    const [forged] = await rows<AuditRowText>(sql`select ${AUDIT_ROW_COLUMNS} from audit_events where id = ${ids[3]!}`);
    await run(sql`update audit_events set hash = ${auditRowHash(forged!, forged!.seq!, forged!.prev_hash!)} where id = ${ids[3]!}`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.firstBroken).toMatchObject({ id: ids[4], seq: 5 });
    expect(r.firstBroken!.reason).toContain('前一条记录的哈希');
  });

  it('a deleted row: the next row is named', async () => {
    const ids = await chainIds();
    await run(sql`delete from audit_events where id = ${ids[6]!}`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.firstBroken).toMatchObject({ id: ids[7], seq: 8 });
    expect(r.firstBroken!.reason).toContain('序号不连续');
  });

  it('a deleted row with the later rows renumbered: the next row is named by its prev_hash', async () => {
    const ids = await chainIds();
    await run(sql`delete from audit_events where id = ${ids[6]!}`);
    await run(sql`update audit_events set seq = -seq where seq > 7`);
    await run(sql`update audit_events set seq = -seq - 1 where seq < 0`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.firstBroken).toMatchObject({ id: ids[7], seq: 7 });
    expect(r.firstBroken!.reason).toContain('前一条记录的哈希');
  });

  it('two rows swapped in the chain: the first out of place is named', async () => {
    const ids = await chainIds();
    await run(sql`update audit_events set seq = -1 where id = ${ids[2]!}`);
    await run(sql`update audit_events set seq = 3 where id = ${ids[3]!}`);
    await run(sql`update audit_events set seq = 4 where id = ${ids[2]!}`);
    expect((await verifyAuditChain(env.ctx.db)).firstBroken).toMatchObject({ id: ids[3], seq: 3 });
  });

  it('an altered prev_hash is named', async () => {
    const ids = await chainIds();
    await run(sql`update audit_events set prev_hash = ${AUDIT_GENESIS_HASH} where id = ${ids[5]!}`);
    expect((await verifyAuditChain(env.ctx.db)).firstBroken).toMatchObject({ id: ids[5], seq: 6 });
  });

  it('chain columns written on an unsealed row are found', async () => {
    await writeEvents(1, 50);
    await run(sql`update audit_events set hash = repeat('b', 64) where seq is null`);
    const r = await verifyAuditChain(env.ctx.db);
    expect(r.ok).toBe(false);
    expect(r.checked).toBe(10);
    expect(r.firstBroken?.seq).toBeNull();
  });
});

describe('concurrency', () => {
  it('sealers running in parallel produce one consistent chain', async () => {
    await writeEvents(120);
    const sealed = await Promise.all([
      sealAuditBatch(env.ctx.db, 25),
      sealAudit(env.ctx.db),
      sealAuditBatch(env.ctx.db, 40),
      sealAudit(env.ctx.db),
    ]);
    expect(sealed.reduce((a, b) => a + b, 0)).toBe(120);
    expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 120, unsealed: 0 });
  });

  it.runIf(dbKind === 'postgres')('two nodes (two pools) sealing at once take turns on the advisory lock: one chain', async () => {
    const other = await openDatabase(env.ctx.config.database);
    try {
      await writeEvents(150);
      const runs = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => sealAuditBatch(i % 2 ? other.db : env.ctx.db, 20 + i)));
      const rest = await sealAudit(other.db);
      expect(runs.reduce((a, b) => a + b, 0) + rest).toBe(150);
      expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 150, unsealed: 0 });
    } finally {
      await other.close();
    }
  });

  it.runIf(dbKind === 'postgres')('a row committed late (lower id, later commit) is sealed after the rows already sealed', async () => {
    const cfg = env.ctx.config.database;
    if (cfg.kind !== 'postgres') throw new Error('postgres only');
    const slow = new pg.Client({ connectionString: cfg.url });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(
        `insert into audit_events (action, target_type, target_id) values ('organization.created', 'organization', 'slow') returning id`,
      );
      await writeEvents(3);
      expect(await sealAudit(env.ctx.db)).toBe(3); // the slow row is not committed: not visible, not sealed
      await slow.query('commit');
      expect(await sealAudit(env.ctx.db)).toBe(1);
      const order = await rows<{ target_id: string; id: string }>(sql`select target_id, id::text as id from audit_events order by seq`);
      expect(order.map((o) => o.target_id)).toEqual(['org-0', 'org-1', 'org-2', 'slow']);
      expect(Number(order[3]!.id)).toBeLessThan(Number(order[0]!.id));
      expect(await verifyAuditChain(env.ctx.db)).toMatchObject({ ok: true, checked: 4 });
    } finally {
      await slow.end();
    }
  });
});

describe('GET /admin/audit/verify', () => {
  it('the province administrator sees the result and the first broken row; others are refused', async () => {
    const admin = await env.client().login('admin', DEMO_PASSWORD);
    await writeEvents(5);
    await sealAudit(env.ctx.db);
    const ok = await admin.get('/api/v1/admin/audit/verify');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().summary).toContain('审计链完整');
    const ids = await chainIds();
    await run(sql`update audit_events set action = 'user.loggedOut' where id = ${ids[1]!}`);
    const broken = (await admin.get('/api/v1/admin/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, firstBroken: { id: ids[1], seq: 2 } });
    expect(broken.summary).toContain(`编号 ${ids[1]}`);
    expect((await (await env.client().login('jxadmin', DEMO_PASSWORD)).get('/api/v1/admin/audit/verify')).statusCode).toBe(403);
    expect(
      (
        await env
          .client()
          .login('zjrst', DEMO_PASSWORD)
          .then((c) => c.get('/api/v1/admin/audit/verify'))
      ).statusCode,
    ).toBe(403);
    expect((await env.client().get('/api/v1/admin/audit/verify')).statusCode).toBe(401);
  });
});
