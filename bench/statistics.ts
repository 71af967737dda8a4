/**
 * Issue 10 (F22): the statistics summary with 1,000,000 applications in the database. Latency of
 * GET /api/v1/statistics/summary through the real server for a county HR bureau and its city's HR bureau (the
 * officers of bench/queue-server.ts, which generates the province), unfiltered and with a stage filter, and the
 * plan of the one statement the summary sends (captured at the driver, EXPLAIN ANALYZE through the child).
 *
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432/test npx tsx bench/statistics.ts   (PostgreSQL: own database, dropped)
 *   npx tsx bench/statistics.ts                                                    (PGlite)
 *   BENCH_APPLICATIONS=1000000 BENCH_EMPLOYERS=20000 BENCH_REPS=10 BENCH_EXPLAIN=1  (defaults; EXPLAIN off)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';

const REPS = Number(process.env.BENCH_REPS ?? 10);
const adminUrl = process.env.BENCH_PG;

interface Ready {
  url: string;
  dataDir: string;
  genMs: number;
  counts: Record<string, number>;
  officers: Array<{ name: string; orgId: string; cookie: string }>;
}

let dbName: string | null = null;
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL;
if (adminUrl) {
  dbName = `zc_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  env.DATABASE_URL = u.toString();
}

const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/queue-server.ts'], {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  env,
});
process.on('exit', () => proc.kill());
const ask = <T>(msg: object) =>
  new Promise<T>((resolve) => {
    proc.once('message', (m) => resolve(m as T));
    proc.send(msg);
  });

/** The child's first JSON line (`{"ready"…`); everything else it prints goes to stderr. */
function ready(): Promise<Ready> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let done = false;
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (chunk: string) => {
      if (done) return void process.stderr.write(chunk);
      buf += chunk;
      for (let nl = buf.indexOf('\n'); nl >= 0 && !done; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('{"ready"')) {
          done = true;
          resolve(JSON.parse(line) as Ready);
        } else process.stderr.write(`${line}\n`);
      }
    });
    proc.on('exit', (code) => done || reject(new Error(`queue server exited (${code}) before it was ready`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(base: string, path: string, cookie: string): Promise<{ ms: number; status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', agent, headers: { cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

let failed = false;
let dataDir: string | null = null;
try {
  const r = await ready();
  dataDir = r.dataDir;
  console.log(
    `database: ${adminUrl ? 'PostgreSQL (own database)' : 'PGlite (file-backed)'}; generated in ${(r.genMs / 1000).toFixed(0)} s: ${Object.entries(
      r.counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  console.log(`${REPS} requests each after 2 warm-ups, one at a time; ms`);
  console.log('| officer | filter | counted | drafts | p50 | p95 | max |');
  console.log('|---|---|---|---|---|---|---|');
  for (const o of r.officers) {
    for (const filter of ['', '?stage=atCommittee']) {
      const path = `/api/v1/statistics/summary${filter}`;
      await ask({ cmd: 'capture' });
      const first = await get(r.url, path, o.cookie);
      const { queries } = await ask<{ queries: Array<{ text: string; params: unknown[] }> }>({ cmd: 'captured' });
      if (first.status !== 200) throw new Error(`${o.name} ${filter}: ${first.status} ${first.body.slice(0, 200)}`);
      const body = JSON.parse(first.body) as { total: number; drafts: number };
      if (process.env.BENCH_EXPLAIN) {
        for (const q of queries.filter((x) => x.text.includes('grouping sets'))) {
          console.log(`\n-- ${o.name} ${filter}:\n${q.text}\n-- params ${JSON.stringify(q.params)}`);
          console.log((await ask<{ plan: string }>({ cmd: 'explain', text: q.text, params: q.params })).plan);
        }
      }
      for (let i = 0; i < 2; i += 1) await get(r.url, path, o.cookie);
      const lat: number[] = [];
      for (let i = 0; i < REPS; i += 1) {
        const res = await get(r.url, path, o.cookie);
        if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 200)}`);
        lat.push(res.ms);
      }
      console.log(
        `| ${o.name} | ${filter || '(none)'} | ${body.total} | ${body.drafts} | ${pct(lat, 0.5).toFixed(0)} | ${pct(lat, 0.95).toFixed(0)} | ${Math.max(...lat).toFixed(0)} |`,
      );
    }
  }
  console.log(`load average (1 min): ${loadavg()[0]!.toFixed(2)}`);
} catch (e) {
  console.error('benchmark failed:', e);
  failed = true;
} finally {
  agent.destroy();
  if (proc.exitCode === null) {
    const exited = once(proc, 'exit');
    proc.kill();
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (dbName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  process.exit(failed ? 1 : 0);
}
