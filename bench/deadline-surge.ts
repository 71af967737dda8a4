/**
 * Issue 5 budget: the deadline surge. N applicants with completed drafts submit at concurrency C through the real
 * platform server (POST /api/v1/applications/:id/actions/submit: session + CSRF, the whole submit transaction),
 * against two bare Fastify endpoints on the same database driver in their own processes: one INSERT, and a
 * 4-statement transaction (SELECT … FOR UPDATE, UPDATE, INSERT audit, INSERT outbox). Trials alternate the three
 * servers; medians are reported.
 *
 *   npx tsx bench/deadline-surge.ts                                                      (PGlite)
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432/test npx tsx bench/deadline-surge.ts     (PostgreSQL: creates and
 *                                                                                        drops its own database)
 *   BENCH_N=5000 BENCH_C=50 BENCH_TRIALS=3 BENCH_WARMUP=200                              (defaults)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';

const N = Number(process.env.BENCH_N ?? 5000);
const C = Number(process.env.BENCH_C ?? 50);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const PER_TRIAL = Math.floor((N - WARMUP) / TRIALS);
const adminUrl = process.env.BENCH_PG;

interface Cred {
  cookie: string;
  csrf: string;
  appId: string;
}
interface Server {
  name: string;
  proc: ChildProcess;
  url: string;
  dataDir: string;
  setupMs?: number;
  creds?: Cred[];
}

/** The child's first JSON line; everything else it prints goes to stderr (the stream stays open). */
function firstJsonLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let done = false;
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (done) return void process.stderr.write(chunk);
      buf += chunk;
      for (let nl = buf.indexOf('\n'); nl >= 0 && !done; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('{"ready"')) {
          done = true;
          resolve(line);
          if (buf) process.stderr.write(buf);
        } else process.stderr.write(`${line}\n`);
      }
    });
    child.on('exit', (code) => done || reject(new Error(`${what} exited (${code}) before it was ready`)));
  });
}
async function startServer(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  // BENCH_CPU_PROF=dir: a V8 CPU profile of the platform server, written when it stops
  const prof = process.env.BENCH_CPU_PROF && name === 'platform' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', 'bench/surge-server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  process.on('exit', () => proc.kill());
  return { name, proc, ...(JSON.parse(await firstJsonLine(proc, name)) as Omit<Server, 'proc' | 'name'>) };
}

interface Result {
  n: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** C keep-alive connections, each sending its next request as soon as the previous one is answered. */
async function load(base: string, count: number, make: (i: number) => { path: string; headers: Record<string, string> }): Promise<Result> {
  const u = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: C });
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const body = '{}';
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const { path, headers } = make(i);
      const t = process.hrtime.bigint();
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            lat.push(Number(process.hrtime.bigint() - t) / 1e6);
            if (res.statusCode !== 200) {
              errors += 1;
              firstError ??= `${res.statusCode} ${text.slice(0, 200)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        errors += 1;
        firstError ??= e.message;
        resolve();
      });
      req.end(body);
    });
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < count; i = next++) await one(i);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { n: count, errors, seconds, rps: count / seconds, p50: pct(lat, 50), p99: pct(lat, 99), firstError };
}

let dbName: string | null = null;
let dbUrl: string | undefined;
if (adminUrl) {
  dbName = `zc_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
}
const env: NodeJS.ProcessEnv = { ...process.env };
if (dbUrl) env.DATABASE_URL = dbUrl;
else delete env.DATABASE_URL;

const servers: Server[] = [];
try {
  const platform = await startServer('platform', ['platform', String(N)], env);
  servers.push(platform);
  const bareInsert = await startServer('bare-insert', ['bare-insert'], env);
  servers.push(bareInsert);
  const bareTx = await startServer('bare-tx', ['bare-tx', String(N)], env);
  servers.push(bareTx);
  const creds = platform.creds!;

  const submit = (offset: number) => (i: number) => {
    const c = creds[offset + i]!;
    return { path: `/api/v1/applications/${c.appId}/actions/submit`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } };
  };
  const runPlatform = (offset: number, count: number) => load(platform.url, count, submit(offset));
  const runInsert = (count: number) => load(bareInsert.url, count, () => ({ path: '/insert', headers: {} }));
  const runTx = (offset: number, count: number) => load(bareTx.url, count, (i) => ({ path: `/tx/${offset + i}`, headers: {} }));

  // warm-up: JIT, pools, plan caches
  const warm = await runPlatform(0, WARMUP);
  if (warm.errors) console.log(`warm-up errors: ${warm.errors} (first: ${warm.firstError})`);
  await runInsert(WARMUP);
  await runTx(0, WARMUP);

  const res: Record<'insert' | 'tx' | 'platform', Result[]> = { insert: [], tx: [], platform: [] };
  const load1: number[] = [];
  for (let t = 0; t < TRIALS; t += 1) {
    const offset = WARMUP + t * PER_TRIAL;
    res.insert.push(await runInsert(PER_TRIAL));
    res.tx.push(await runTx(offset, PER_TRIAL));
    res.platform.push(await runPlatform(offset, PER_TRIAL));
    load1.push(loadavg()[0]!);
  }
  const show = (name: string, rs: Result[]) => {
    const rps = median(rs.map((r) => r.rps));
    const errs = rs.reduce((s, r) => s + r.errors, 0);
    console.log(
      `${name.padEnd(44)} ${rps.toFixed(0).padStart(6)} req/s  p50 ${median(rs.map((r) => r.p50)).toFixed(1)} ms  p99 ${median(rs.map((r) => r.p99)).toFixed(1)} ms  errors ${errs}  (runs ${rs.map((r) => r.rps.toFixed(0)).join(', ')} req/s)`,
    );
    const first = rs.find((r) => r.firstError)?.firstError;
    if (first) console.log(`  first error: ${first}`);
    return rps;
  };
  console.log(
    `database: ${dbUrl ? 'PostgreSQL (own database, pool 20 per server)' : 'PGlite (file-backed, relaxed durability, one per server)'}; ${N} applicants; concurrency ${C}; ${TRIALS} alternating trials × ${PER_TRIAL} requests per endpoint (+ ${WARMUP} warm-up)`,
  );
  console.log(
    `platform setup (demo data, plans, ${N} applicants with archives, drafts, sessions): ${((platform.setupMs ?? 0) / 1000).toFixed(1)} s`,
  );
  const ins = show('bare INSERT', res.insert);
  const tx = show('bare 4-statement transaction', res.tx);
  const plat = show('platform submit (session, CSRF, full act())', res.platform);
  console.log(`ratio platform / bare INSERT:      ${(plat / ins).toFixed(2)}`);
  console.log(`ratio platform / bare transaction: ${(plat / tx).toFixed(2)} (aim ≥ 0.5, zero errors)`);
  console.log(`load average (1 min) after each trial: ${load1.map((x) => x.toFixed(2)).join(', ')}`);
  if (dbUrl)
    console.log(
      `platform requests served: ${WARMUP + TRIALS * PER_TRIAL} (its statement count follows when it stops; the bare transaction sends 6 incl. BEGIN/COMMIT)`,
    );
} catch (e) {
  console.error('benchmark failed:', e);
  process.exitCode = 1;
} finally {
  for (const s of servers) {
    const exited = once(s.proc, 'exit');
    s.proc.kill();
    await exited;
    await rm(s.dataDir, { recursive: true, force: true });
  }
  if (dbName && process.env.BENCH_KEEP_DB) console.log(`kept database ${dbName} (BENCH_KEEP_DB)`);
  else if (dbName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  process.exit();
}
