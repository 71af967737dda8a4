/**
 * Child process for bench/deadline-surge.ts. Prints one JSON line when ready.
 *
 *   platform N   the real app (PGlite in a temporary directory, or DATABASE_URL) with N applicants, each bound
 *                to an approved employer, with an approved archive that meets the 2019 IT senior plan, a completed
 *                draft (level, mode, specialty, statement, entries, representative work, every required attachment,
 *                photo, signed pledge) and a session + CSRF token; the server's clock is set inside the plan's
 *                window (personal deadline 2019-09-10) and runs at normal speed from there
 *   bare-insert  Fastify + the same database driver: POST /insert does one INSERT
 *   bare-tx N    Fastify + the same driver: POST /tx/:i does BEGIN; SELECT … FOR UPDATE; UPDATE; INSERT audit;
 *                INSERT outbox; COMMIT on row i of N
 *
 * PostgreSQL: both bare servers use a pg pool of DATABASE_POOL_SIZE (default 20, the platform's default).
 * PGlite: each bare server opens its own file-backed PGlite with relaxed durability, as the platform does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../server/src/app';
import { bootstrap } from '../server/src/platform/bootstrap';
import { loadConfig } from '../server/src/platform/config';
import {
  applicationEvents,
  applications,
  archiveEntries,
  employmentBindings,
  files,
  organizations,
  plans,
  regions,
  sessions,
  users,
} from '../server/src/platform/db/schema';
import { sha256 } from '../server/src/platform/auth/session';
import { demoCreditCode, seedDemoData } from '../server/src/modules/demo/demo-data';
import { seedPlans } from '../server/src/modules/plans/seed-plans';
import type { Plan } from '@zc/domain';

const mode = process.argv[2] ?? 'platform';
const n = Number(process.argv[3] ?? 1000);
const dataDir = await mkdtemp(join(tmpdir(), 'zc-surge-'));
const url = process.env.DATABASE_URL;
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 20);
// statements sent by the platform server once it listens (PostgreSQL: every pg client query, pool or transaction)
let statements = -1;
// a normal exit on SIGTERM, so that --cpu-prof (BENCH_CPU_PROF) writes its profile; the platform reports its statements
// BENCH_SQL_TIMES=1: per statement (first 60 characters), how many and the mean time from send to answer
const timings = process.env.BENCH_SQL_TIMES ? new Map<string, { n: number; ms: number }>() : null;
// with BENCH_SQL_TIMES, also the tables' scan and write counters (PostgreSQL), read through this hook
let tableStats: (() => Promise<string>) | null = null;
process.on('SIGTERM', () => {
  if (statements >= 0 && url) process.stderr.write(`[platform] ${statements} SQL statements sent while serving\n`);
  if (timings)
    for (const [k, t] of [...timings].sort((x, y) => y[1].ms - x[1].ms))
      process.stderr.write(`[platform] ${String(t.n).padStart(6)} × ${(t.ms / t.n).toFixed(2).padStart(7)} ms  ${k}\n`);
  if (!tableStats) process.exit(0);
  void tableStats().then(
    (t) => (process.stderr.write(t), process.exit(0)),
    () => process.exit(0),
  );
});

/** The minimal driver surface the bare endpoints need, over pg or PGlite. */
interface BareDb {
  query(text: string, params?: unknown[]): Promise<unknown>;
  tx(fn: (q: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>) => Promise<void>): Promise<void>;
}

async function openBare(): Promise<BareDb> {
  if (url) {
    const { Pool } = (await import('pg')).default;
    const pool = new Pool({ connectionString: url, max: poolSize });
    return {
      query: (t, p) => pool.query(t, p),
      async tx(fn) {
        const c = await pool.connect();
        try {
          await c.query('begin');
          await fn((t, p) => c.query(t, p));
          await c.query('commit');
        } catch (e) {
          await c.query('rollback');
          throw e;
        } finally {
          c.release();
        }
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(join(dataDir, 'pglite'), { relaxedDurability: true });
  return {
    query: (t, p) => db.query(t, p),
    tx: (fn) => db.transaction(async (tx) => fn((t, p) => tx.query(t, p))).then(() => undefined),
  };
}

if (mode === 'bare-insert' || mode === 'bare-tx') {
  const db = await openBare();
  const app = Fastify({ logger: false });
  if (mode === 'bare-insert') {
    await db.query(
      'create table if not exists bare_events (id bigint generated always as identity primary key, applicant_id uuid not null, at timestamptz not null default now(), body text not null)',
    );
    app.post('/insert', async () => {
      await db.query('insert into bare_events (applicant_id, body) values ($1, $2)', [randomUUID(), '提交了申报']);
      return { ok: true };
    });
  } else {
    await db.query(
      'create table if not exists bare_items (id integer primary key, status text not null, version integer not null, updated_at timestamptz not null default now())',
    );
    await db.query(
      'create table if not exists bare_audit (id bigint generated always as identity primary key, at timestamptz not null default now(), target_id integer not null, action text not null, before jsonb, after jsonb)',
    );
    await db.query(
      "create table if not exists bare_outbox (id uuid primary key default gen_random_uuid(), mobile text not null, body text not null, status text not null default 'queued', created_at timestamptz not null default now())",
    );
    await db.query('truncate bare_items');
    await db.query("insert into bare_items (id, status, version) select g, 'draft', 1 from generate_series(0, $1::int - 1) g", [n]);
    app.post<{ Params: { i: string } }>('/tx/:i', async (req, reply) => {
      const i = Number(req.params.i);
      let conflict = false;
      await db.tx(async (q) => {
        const { rows } = await q('select id, status, version from bare_items where id = $1 for update', [i]);
        const row = rows[0] as { status: string; version: number } | undefined;
        if (!row || row.status !== 'draft') {
          conflict = true;
          return;
        }
        await q("update bare_items set status = 'submitted', version = $2, updated_at = now() where id = $1", [i, row.version + 1]);
        await q('insert into bare_audit (target_id, action, before, after) values ($1, $2, $3, $4)', [
          i,
          'application.transition',
          JSON.stringify({ status: 'draft' }),
          JSON.stringify({ status: 'submitted' }),
        ]);
        await q('insert into bare_outbox (mobile, body) values ($1, $2)', ['13800000000', '【职称申报评审平台】新的职称申报待审核']);
      });
      return conflict ? reply.status(409).send({ ok: false }) : { ok: true };
    });
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ ready: true, url: address, pid: process.pid, dataDir }));
} else {
  // the 2019 IT senior plan is open from 2019-07-15 to 2019-09-10 (personal deadline): start the clock on 2019-08-01
  const offset = Date.now() - Date.parse('2019-08-01T02:00:00Z');
  const now = () => new Date(Date.now() - offset);
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    WEB_DIST: '',
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const { ctx } = await bootstrap(config, { now });
  const db = ctx.db;
  const t0 = Date.now();
  await seedDemoData(db, ctx.pii);
  await seedPlans(db, now());
  const [plan] = await db.select().from(plans).where(eq(plans.key, '2019-it-senior'));
  const planData = plan!.data as Plan;
  const attachmentKeys = planData.modes
    .find((m) => m.mode === 'normal')!
    .attachments.filter((a) => a.required !== false)
    .map((a) => a.key);

  // 50 employers (no affiliation: route county HR → city 经信或人社 → committee office) over the counties of three cities
  const counties = (
    await db.select({ id: regions.id, code: regions.code, path: regions.path }).from(regions).where(eq(regions.level, 'county'))
  ).filter((r) => /^33(01|02|04)/.test(r.id));
  const employers = await db
    .insert(organizations)
    .values(
      Array.from({ length: 50 }, (_, i) => {
        const r = counties[i % counties.length]!;
        return {
          kind: 'employer',
          name: `基准测试科技有限公司${i}`,
          regionId: r.id,
          regionPath: r.path,
          status: 'approved',
          creditCode: demoCreditCode(r.code ?? '330100', 7000 + i),
          nature: 'privateEnterprise',
          affiliation: 'none',
        };
      }),
    )
    .returning({ id: organizations.id, regionPath: organizations.regionPath });
  await db.insert(users).values(
    employers.map((e, i) => ({
      role: 'employer',
      orgId: e.id,
      username: `bench-emp-${i}`,
      realName: '单位经办人',
      mobile: '13900002222',
      profileCompletedAt: now(),
    })),
  );

  const chunk = async <T>(rows: T[], size: number, fn: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
  };
  // applicants: a synthetic 18-character ID number each (unique; the format is not checked on submit)
  const people = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    idNumber: `9${String(i).padStart(16, '0')}X`,
    employer: employers[i % employers.length]!,
  }));
  await chunk(people, 1000, (part) =>
    db.insert(users).values(
      part.map((p) => ({
        id: p.id,
        role: 'applicant',
        realName: '基准申报人',
        idNumber: p.idNumber,
        username: p.idNumber,
        mobile: '13812345678',
        currentSpecialty: '软件开发',
        workStartMonth: '2007-08',
        profileCompletedAt: now(),
      })),
    ),
  );
  await chunk(people, 1000, (part) =>
    db
      .insert(employmentBindings)
      .values(part.map((p) => ({ applicantId: p.id, employerId: p.employer.id, status: 'approved', decidedAt: now() }))),
  );
  // the archive of the integration test's 张伟 (bachelor + 工程师 2013, CE 2018–2019, assessments 2016–2018, one copyright)
  const archive: Array<Record<string, unknown>> = [
    {
      kind: 'education',
      level: 'bachelor',
      degree: 'bachelor',
      school: '浙江工业大学',
      major: '计算机',
      graduationDate: '2007-06-30',
      studyMode: 'fullTime',
      origin: 'domestic',
      isEngineering: true,
      isHighest: true,
    },
    {
      kind: 'title',
      level: 'intermediate',
      series: '工程',
      specialty: '计算机',
      grantedDate: '2013-12-01',
      grantMode: 'evaluation',
      issuer: '杭州市人社局',
      isCurrent: true,
    },
    {
      kind: 'workExperience',
      employerName: '基准测试科技有限公司',
      position: '信息中心',
      duties: '系统开发',
      startMonth: '2007-08',
      isEngineering: true,
    },
    ...[2018, 2019].flatMap((y) => [
      {
        kind: 'continuingEducation',
        year: y,
        hours: 72,
        category: 'professional',
        registry: 'economyIt',
        channel: 'other',
        courseName: `专业课${y}`,
        provider: '省经信厅',
      },
      {
        kind: 'continuingEducation',
        year: y,
        hours: 18,
        category: 'generalPublic',
        registry: 'provincialHr',
        channel: 'other',
        courseName: `公需课${y}`,
        provider: '省人社厅',
      },
    ]),
    ...[2016, 2017, 2018].map((y) => ({ kind: 'annualAssessment', year: y, result: 'competent' })),
    {
      kind: 'achievement',
      detail: { type: 'softwareCopyright', name: '调度系统', registrationNumber: '2018SR000001', date: '2018-05-01', rank: 1 },
    },
  ];
  const entries = people.flatMap((p) =>
    archive.map((data) => ({
      id: randomUUID(),
      applicantId: p.id,
      kind: data.kind as string,
      data,
      summary: String(data.kind),
      status: 'approved',
      employerId: p.employer.id,
      submittedAt: now(),
      reviewedAt: now(),
    })),
  );
  await chunk(entries, 2000, (part) => db.insert(archiveEntries).values(part));
  const fileRows = people.map((p) => ({
    id: randomUUID(),
    sha256: randomBytes(32).toString('hex'),
    size: 1024,
    mime: 'application/pdf',
    originalName: '附件.pdf',
    storageKey: `bench/${p.id}`,
    purpose: 'attachment',
    ownerUserId: p.id,
  }));
  await chunk(fileRows, 2000, (part) => db.insert(files).values(part));
  const apps = people.map((p, i) => {
    const mine = entries.slice(i * archive.length, (i + 1) * archive.length);
    const fileId = fileRows[i]!.id;
    return {
      id: randomUUID(),
      applicantId: p.id,
      planId: plan!.id,
      employerId: p.employer.id,
      regionPath: p.employer.regionPath,
      level: 'senior',
      mode: 'normal',
      specialtyCode: 'it-development',
      photoFileId: fileId,
      pledgeSignedAt: now(),
      draft: {
        personalStatement: '本人长期从事信息化工作……',
        entryIds: mine.map((e) => e.id),
        representativeWorkId: mine.at(-1)!.id,
        attachments: Object.fromEntries(attachmentKeys.map((k) => [k, fileId])),
      },
    };
  });
  await chunk(apps, 1000, (part) => db.insert(applications).values(part));
  await chunk(apps, 2000, (part) =>
    db.insert(applicationEvents).values(
      part.map((a) => ({
        applicationId: a.id,
        at: now(),
        actorUserId: a.applicantId,
        actorOrgName: '基准申报人',
        action: 'create',
        label: '开始申报',
        toStatus: 'draft',
      })),
    ),
  );
  // one session per applicant, as the sign-in would create it: SHA-256 of the cookie token, the CSRF token beside it
  const creds = people.map((p, i) => ({
    token: randomBytes(32).toString('base64url'),
    csrf: randomBytes(24).toString('base64url'),
    userId: p.id,
    appId: apps[i]!.id,
  }));
  await chunk(creds, 2000, (part) =>
    db.insert(sessions).values(
      part.map((c) => ({
        id: sha256(c.token),
        userId: c.userId,
        csrfToken: c.csrf,
        ip: '127.0.0.1',
        userAgent: 'bench',
        createdAt: now(),
        lastSeenAt: now(),
        expiresAt: new Date(now().getTime() + 12 * 3600_000),
      })),
    ),
  );
  const setupMs = Date.now() - t0;
  const app = await buildApp(ctx);
  if (timings && url) {
    tableStats = async () => {
      const r = await ctx.db.execute(
        sql`select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where seq_tup_read > 0 or n_tup_upd > 0 order by seq_tup_read desc limit 15`,
      );
      return (r as unknown as { rows: Record<string, unknown>[] }).rows
        .map((x) => `[platform] table ${Object.values(x).join('\t')}\n`)
        .join('');
    };
  }
  if (url) {
    const pg = (await import('pg')).default;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    // BENCH_SQL_LOG=file: the first 200 statements (JSON lines: text, values), to see what one submission sends
    const log = process.env.BENCH_SQL_LOG ? (await import('node:fs')).createWriteStream(process.env.BENCH_SQL_LOG) : null;
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      statements += 1;
      if (log && statements <= 200) {
        const a = args[0] as string | { text: string; values?: unknown[] };
        const text = typeof a === 'string' ? a : a.text;
        const values = (typeof a === 'string' ? undefined : a.values) ?? (args[1] as unknown[] | undefined);
        log.write(`${JSON.stringify({ text, values: values ?? [] })}\n`);
      }
      const result = query.apply(this, args);
      if (timings && result instanceof Promise) {
        const a = args[0] as string | { text: string };
        const key = (typeof a === 'string' ? a : a.text).slice(0, 60).replace(/\s+/g, ' ');
        const t0 = performance.now();
        void result.then(
          () => {
            const t = timings.get(key) ?? { n: 0, ms: 0 };
            t.n += 1;
            t.ms += performance.now() - t0;
            timings.set(key, t);
          },
          () => undefined,
        );
      }
      return result;
    } as typeof pg.Client.prototype.query;
    statements = 0;
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(
    JSON.stringify({
      ready: true,
      url: address,
      pid: process.pid,
      dataDir,
      setupMs,
      creds: creds.map((c) => ({ cookie: `zc_sid=${c.token}; zc_csrf=${c.csrf}`, csrf: c.csrf, appId: c.appId })),
    }),
  );
}
