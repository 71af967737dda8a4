/**
 * Issue 5 budget: a department's queue page with 1,000,000 applications in the database. p95 latency of
 * GET /api/v1/review/queue (page 1 and page 500, pageSize 20) through the real server for a real officer session
 * (a county HR bureau and its city's HR bureau), against the same SQL that the server sent (captured at the driver)
 * run directly with the driver, rounds alternated. The server and its database are in their own process.
 *
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432/test npx tsx bench/queue.ts     (PostgreSQL: own database, dropped)
 *   npx tsx bench/queue.ts                                                      (PGlite)
 *   BENCH_APPLICATIONS=1000000 BENCH_EMPLOYERS=20000 BENCH_ROUNDS=5 BENCH_REPS=20 BENCH_EXPLAIN=1   (defaults; EXPLAIN off)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REPS = Number(process.env.BENCH_REPS ?? 20);
const adminUrl = process.env.BENCH_PG;

interface Officer {
  name: string;
  orgId: string;
  cookie: string;
}
interface Ready {
  url: string;
  dataDir: string;
  genMs: number;
  counts: Record<string, number>;
  officers: Officer[];
}
interface Captured {
  text: string;
  params: unknown[];
  stage: number;
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
const ready = async () => JSON.parse(await firstJsonLine(proc, 'queue server')) as Ready;

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

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let failed = false;
let dataDir: string | null = null;
try {
  const r = await ready();
  dataDir = r.dataDir;
  console.log(
    `database: ${adminUrl ? 'PostgreSQL 15 (own database)' : 'PGlite (file-backed)'}; generated in ${(r.genMs / 1000).toFixed(0)} s: ${Object.entries(
      r.counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  console.log(
    `${ROUNDS} alternating rounds × ${REPS} requests (server) and ${REPS} direct runs of the captured SQL, one at a time; p95 / p50 in ms`,
  );
  console.log('| officer | queue size | page | server p95 | SQL p95 | ratio p95 | server p50 | SQL p50 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const o of r.officers) {
    for (const page of [1, 500]) {
      const path = `/api/v1/review/queue?page=${page}&pageSize=20`;
      await ask({ cmd: 'capture' });
      const first = await get(r.url, path, o.cookie);
      const { queries } = await ask<{ queries: Captured[] }>({ cmd: 'captured' });
      if (first.status !== 200) throw new Error(`${o.name} page ${page}: ${first.status} ${first.body.slice(0, 200)}`);
      const body = JSON.parse(first.body) as { total: number; items: unknown[] };
      const own = queries.filter((q) => q.text.includes('"applications"') || q.text.includes('"application_steps"'));
      if (process.env.BENCH_EXPLAIN) {
        for (const q of own) {
          console.log(`\n-- ${o.name} page ${page}:\n${q.text}\n-- params ${JSON.stringify(q.params)}`);
          console.log((await ask<{ plan: string }>({ cmd: 'explain', text: q.text, params: q.params })).plan);
        }
      }
      const server: number[] = [];
      const direct: number[] = [];
      for (let i = 0; i < 3; i += 1) await get(r.url, path, o.cookie); // warm-up
      await ask({ cmd: 'direct', queries: own, reps: 3 });
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let i = 0; i < REPS; i += 1) {
          const res = await get(r.url, path, o.cookie);
          if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 200)}`);
          server.push(res.ms);
        }
        direct.push(...(await ask<{ lat: number[] }>({ cmd: 'direct', queries: own, reps: REPS })).lat);
      }
      const stages = new Set(own.map((q) => q.stage)).size;
      console.log(
        `| ${o.name} | ${body.total} | ${page} (${body.items.length} rows; ${own.length} statements in ${stages} stages) | ${p95(server).toFixed(1)} | ${p95(direct).toFixed(1)} | **${(p95(server) / p95(direct)).toFixed(2)}** | ${p50(server).toFixed(1)} | ${p50(direct).toFixed(1)} |`,
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
