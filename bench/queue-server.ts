/**
 * Child process for bench/queue.ts: the real app on PGlite (temporary directory) or DATABASE_URL, with the demo
 * organizations and seed plans, and a generated province: BENCH_EMPLOYERS employers over the 90 county-level
 * divisions (skewed: the first, Hangzhou's districts, are the largest), BENCH_APPLICATIONS applicants with one
 * application each, in every status, held by whoever holds that status (employer, county HR bureau, the city's
 * 经信 + 人社, the plan's committee office), with their review steps. Prints one JSON line (url, officers'
 * cookies, counts), then answers the parent over IPC:
 *   { cmd: 'capture' }                  records the SQL the server sends until { cmd: 'captured' } returns it
 *   { cmd: 'direct', queries, reps }    runs the captured statements directly on the driver in the same stages
 *                                       (statements the server had in flight together run together), returns latencies
 *   { cmd: 'explain', text, params }    EXPLAIN (ANALYZE, BUFFERS) of one statement
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app';
import { bootstrap } from '../server/src/platform/bootstrap';
import { loadConfig } from '../server/src/platform/config';
import { sessions, users } from '../server/src/platform/db/schema';
import { sha256 } from '../server/src/platform/auth/session';
import { seedDemoData } from '../server/src/modules/demo/demo-data';
import { seedPlans } from '../server/src/modules/plans/seed-plans';

const N = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const E = Number(process.env.BENCH_EMPLOYERS ?? 20_000);
const dataDir = await mkdtemp(join(tmpdir(), 'zc-queue-'));
process.on('SIGTERM', () => process.exit(0));

const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  WEB_DIST: '',
  DEMO_MODE: 'true',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  SEED_DEMO: 'false',
});
const { ctx } = await bootstrap(config);
const db = ctx.db;
const run = (q: string) => db.execute(sql.raw(q));
/** A deterministic RFC 4122 version-4 UUID from a text expression (the API's schemas check the version). */
const uid = (expr: string) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
const t0 = Date.now();
const log = (m: string) => process.stderr.write(`[queue-server ${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`);
await seedDemoData(db, ctx.pii);
await seedPlans(db, new Date());

// counties in id order (Hangzhou's first), each with its HR bureau and its city's HR and 经信 bureaus
await run(`create table bench_county as
  select (row_number() over (order by r.id) - 1)::int as n, r.id, r.path,
    (select o.id from organizations o where o.kind = 'hrBureau' and o.region_id = r.id limit 1) as county_hr,
    (select o.id from organizations o where o.kind = 'hrBureau' and o.region_id = r.parent_id limit 1) as city_hr,
    (select o.id from organizations o where o.kind = 'economyBureau' and o.region_id = r.parent_id limit 1) as city_eco
  from regions r where r.level = 'county'`);
const k = Number(((await run('select count(*)::int as k from bench_county')) as unknown as { rows: Array<{ k: number }> }).rows[0]!.k);
// employer i sits in county floor(k · u^1.8): the first county has ≈ 8 %, Hangzhou’s 13 districts ≈ 34 %
await run(`create table bench_emp as
  select x.g as n, ${uid("'e' || x.g")} as id, c.id as region_id, c.path, c.county_hr, c.city_hr, c.city_eco
  from (select g, least(${k - 1}, floor(${k} * power(random(), 1.8)))::int as cn from generate_series(0, ${E - 1}) g) x
  join bench_county c on c.n = x.cn`);
await run('create unique index on bench_emp (n)');
await run(`insert into organizations (id, kind, name, region_id, region_path, status, nature, affiliation)
  select id, 'employer', '生成科技有限公司' || n, region_id, path, 'approved', 'privateEnterprise', 'none' from bench_emp`);
await run(`create table bench_plan as select (row_number() over (order by key) - 1)::int as n, id, office_org_id from plans`);
const p = Number(((await run('select count(*)::int as p from bench_plan')) as unknown as { rows: Array<{ p: number }> }).rows[0]!.p);
log(`${k} counties, ${E} employers, ${p} plans`);
await run(`insert into users (id, role, real_name, id_number, mobile, current_specialty, profile_completed_at)
  select ${uid("'u' || g")}, 'applicant',
    (array['张','王','李','赵','陈','刘','杨','黄','周','吴'])[1 + g % 10] || (array['伟','芳','娜','敏','静','强','磊','洋','艳','勇','军','杰'])[1 + (g / 10) % 12],
    '9' || lpad(g::text, 16, '0') || 'X', '13800000000', '软件开发', now()
  from generate_series(1, ${N}) g`);
log(`${N} applicants`);
// status shares: draft 10 %, returned 5 %, at the employer 15 %, county step 20 %, city step 10 %, committee office 25 %, rejected 15 %
await run(`insert into applications (id, applicant_id, plan_id, employer_id, region_path, status, current_step, current_org_ids, level, mode, specialty_code, draft, submitted_at, created_at, updated_at)
  select ${uid("'a' || x.g")}, ${uid("'u' || x.g")}, pl.id, e.id, e.path,
    case when x.r < 0.10 then 'draft' when x.r < 0.15 then 'returned' when x.r < 0.23 then 'submitted' when x.r < 0.30 then 'employerPublicity'
         when x.r < 0.60 then 'inReview' when x.r < 0.85 then 'atCommittee' else 'rejected' end,
    case when x.r < 0.30 then -1 when x.r < 0.50 then 0 when x.r < 0.60 then 1 when x.r < 0.85 then 2 else 0 end,
    case when x.r < 0.15 then '{}'::uuid[] when x.r < 0.30 then array[e.id] when x.r < 0.50 then array[e.county_hr]
         when x.r < 0.60 then array[e.city_eco, e.city_hr] when x.r < 0.85 then array[pl.office_org_id] else '{}'::uuid[] end,
    'senior', 'normal', 'it-development',
    jsonb_build_object('personalStatement', '本人长期从事信息化工作……', 'entryIds', jsonb_build_array(${uid("'x' || x.g")})),
    case when x.r < 0.10 then null else x.ts end, x.ts, x.ts
  from (select g, random() as r, floor(random() * ${E})::int as en, floor(random() * ${p})::int as pn,
          timestamptz '2026-11-01' - random() * interval '1500 days' as ts from generate_series(1, ${N}) g) x
  join bench_emp e on e.n = x.en join bench_plan pl on pl.n = x.pn`);
log('applications');
// the review chain of every application past the employer: county HR → city 经信或人社 → committee office
await run(`insert into application_steps (application_id, seq, kind, label, org_ids, status)
  select a.id, s.seq, s.kind, s.label,
    case s.seq when 0 then array[e.county_hr] when 1 then array[e.city_eco, e.city_hr] else array[pl.office_org_id] end,
    case when a.status = 'rejected' then (case when s.seq = 0 then 'rejected' else 'pending' end) when s.seq < a.current_step then 'forwarded' else 'pending' end
  from applications a join bench_emp e on e.id = a.employer_id join bench_plan pl on pl.id = a.plan_id
  cross join (values (0, 'countyHr', '县（市、区）人力社保局'), (1, 'cityEconomyOrHr', '市经信局或人力社保局'), (2, 'committeeOffice', '评委会办公室')) s(seq, kind, label)
  where a.status in ('inReview', 'atCommittee', 'rejected')`);
log('steps');
await run('drop table bench_emp');
await run('drop table bench_plan');
await run('vacuum analyze');
log('vacuum analyze');

// two officers: the HR bureau of the largest county, and its city's HR bureau
const officers: Array<{ name: string; orgId: string; cookie: string }> = [];
const [c0] = (
  (await run('select county_hr, city_hr, id from bench_county where n = 0')) as unknown as {
    rows: Array<{ county_hr: string; city_hr: string; id: string }>;
  }
).rows;
for (const [name, orgId] of [
  [`county HR (${c0!.id})`, c0!.county_hr],
  [`city HR (${c0!.id.slice(0, 4)}00)`, c0!.city_hr],
] as const) {
  const [u] = await db
    .insert(users)
    .values({
      role: 'officer',
      orgId,
      username: `bench-${randomBytes(4).toString('hex')}`,
      realName: '基准经办人',
      profileCompletedAt: new Date(),
    })
    .returning();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: sha256(token), userId: u!.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 12 * 3600_000) });
  officers.push({ name, orgId, cookie: `zc_sid=${token}; zc_csrf=${csrf}` });
}
const genMs = Date.now() - t0;

// capture what the server sends to the driver (drizzle → pg Pool.query / PGlite.query)
interface Captured {
  text: string;
  params: unknown[];
  stage: number;
}
type QueryFn = (...args: unknown[]) => Promise<{ rows: unknown[] }>;
const client = (db as unknown as { $client: { query: QueryFn } }).$client;
const original = client.query.bind(client);
let capturing: Captured[] | null = null;
// statements sent before any earlier one has answered run at the same time (a stage), as queue()'s Promise.all does
let stage = 0;
let answered = false;
client.query = (...args: unknown[]) => {
  if (!capturing) return original(...args);
  if (answered) {
    stage += 1;
    answered = false;
  }
  const a0 = args[0] as string | { text: string; values?: unknown[] };
  capturing.push({
    text: typeof a0 === 'string' ? a0 : a0.text,
    params: (args[1] as unknown[] | undefined) ?? (typeof a0 === 'string' ? [] : (a0.values ?? [])),
    stage,
  });
  return original(...args).finally(() => (answered = true));
};

// direct runs: PostgreSQL through a separate pg pool of 2 (queue() runs rows and count at once), PGlite on its instance
let direct: (text: string, params: unknown[]) => Promise<unknown> = (text, params) => original(text, params, { rowMode: 'array' });
if (ctx.dbKind === 'postgres') {
  const { Pool } = (await import('pg')).default;
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  // prepared once per connection, as the platform's own pool does (server/src/platform/db/client.ts): the
  // comparison is the server's overhead, not planning
  const { createHash } = await import('node:crypto');
  direct = (text, params) =>
    pool.query({ name: `d_${createHash('sha1').update(text).digest('base64url')}`, text, values: params as unknown[], rowMode: 'array' });
}

type BenchMessage = { cmd: string; queries?: Captured[]; reps?: number; text?: string; params?: unknown[] };

async function onMessage(m: BenchMessage): Promise<void> {
  if (m.cmd === 'capture') {
    capturing = [];
    stage = 0;
    answered = false;
    process.send!({ ok: true });
  } else if (m.cmd === 'captured') {
    const got = capturing ?? [];
    capturing = null;
    process.send!({ queries: got });
  } else if (m.cmd === 'direct') {
    const stages = [...new Set(m.queries!.map((q) => q.stage))].map((st) => m.queries!.filter((q) => q.stage === st));
    const lat: number[] = [];
    for (let i = 0; i < m.reps!; i += 1) {
      const t = process.hrtime.bigint();
      for (const together of stages) await Promise.all(together.map((q) => direct(q.text, q.params)));
      lat.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    process.send!({ lat });
  } else if (m.cmd === 'explain') {
    const r = (await direct(`explain (analyze, buffers) ${m.text}`, m.params!)) as { rows: Array<Record<string, string>> };
    process.send!({ plan: r.rows.map((x) => Object.values(x)[0]).join('\n') });
  }
}

// a failed command ends the child loudly, so the parent does not wait for an answer that never comes
process.on('message', (m: BenchMessage) => {
  onMessage(m).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
});

const app = await buildApp(ctx);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const counts = (
  (await run(
    `select (select count(*) from applications)::int as applications, (select count(*) from application_steps)::int as steps, (select count(*) from users)::int as users, (select count(*) from organizations)::int as organizations`,
  )) as unknown as { rows: unknown[] }
).rows[0];
console.log(JSON.stringify({ ready: true, url: address, pid: process.pid, dataDir, genMs, counts, officers }));
