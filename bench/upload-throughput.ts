/**
 * Issue 3 budget: upload throughput through the platform's evidence endpoint (session, CSRF, validation,
 * magic bytes, SHA-256, storage, database row) against a bare Fastify multipart endpoint that only hashes
 * and writes to disk, in the same run; raw disk write speed; and the platform server's peak memory while
 * 20 clients each upload 50 MB at once.
 *
 *   npx tsx bench/upload-throughput.ts            (PGlite)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npx tsx bench/upload-throughput.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { request } from 'node:http';

const MB = 1024 * 1024;
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const block = randomBytes(MB);
const PDF_HEAD = Buffer.from('%PDF-1.7\n%bench\n');
const TAIL = 32;

interface Server {
  proc: ChildProcess;
  url: string;
  pid: number;
  dataDir: string;
  creds?: Array<{ cookie: string; csrf: string; entryId: string }>;
}

async function startServer(mode: 'platform' | 'bare'): Promise<Server> {
  // one node process (no npx/tsx wrapper), so its pid is the server's for /proc and kill()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/upload-server.ts', mode, String(CLIENTS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  process.on('exit', () => proc.kill());
  let buf = '';
  for await (const chunk of proc.stdout!) {
    buf += String(chunk);
    const line = buf.split('\n').find((l) => l.startsWith('{'));
    if (line) return { proc, ...(JSON.parse(line) as Omit<Server, 'proc'>) };
  }
  throw new Error(`${mode} server did not start`);
}

/** Streams one multipart upload of FILE_MB without holding it in memory; a unique tail defeats de-duplication. */
function upload(url: string, path: string, headers: Record<string, string>): Promise<number> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const pre = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const post = Buffer.from(`\r\n--${boundary}--\r\n`);
  // exactly FILE_MB in all (the evidence cap is 50 MB); a random tail makes every file unique
  const tail = Buffer.concat([randomBytes(TAIL - 7), Buffer.from('\n%%EOF\n')]); // a PDF must end with %%EOF (issue 8 item 5)
  const size = FILE_MB * MB;
  const lastBlock = MB - PDF_HEAD.length - TAIL;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const u = new URL(path, url);
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(pre.length + size + post.length),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          if (process.env.BENCH_DEBUG) console.error(`upload ${path.slice(-12)} ${((Date.now() - started) / 1000).toFixed(2)} s`);
          return res.statusCode && res.statusCode < 300 ? resolve(size) : reject(new Error(`${res.statusCode} ${body.slice(0, 200)}`));
        });
      },
    );
    req.on('error', reject);
    (async () => {
      req.write(pre);
      req.write(PDF_HEAD);
      for (let i = 0; i < FILE_MB - 1; i += 1) if (!req.write(block)) await once(req, 'drain');
      req.write(block.subarray(0, lastBlock));
      req.write(tail);
      req.end(post);
    })().catch(reject);
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : 0;
}

/** Samples the server's resident memory every 20 ms while `work` runs; returns the maximum. */
async function maxRssDuring(pid: number, work: Promise<unknown>): Promise<number> {
  let max = 0;
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    max = Math.max(max, await rssMb(pid));
    await new Promise((r) => setTimeout(r, 20));
  }
  await work;
  return max;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function throughput(server: Server, mode: 'platform' | 'bare', concurrency: number, rounds: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      for (let r = 0; r < rounds; r += 1) {
        // (read the result first: `bytes += await …` would lose the other clients' additions)
        let n: number;
        if (mode === 'bare') n = await upload(server.url, '/upload', {});
        else {
          const c = server.creds![i]!;
          n = await upload(server.url, `/api/v1/archive/entries/${c.entryId}/evidence`, { cookie: c.cookie, 'x-csrf-token': c.csrf });
        }
        bytes += n;
      }
    }),
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return bytes / MB / s;
}

async function diskMbPerS(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'zc-disk-'));
  const ws = createWriteStream(join(dir, 'x'));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 1024; i += 1) if (!ws.write(block)) await once(ws, 'drain');
  ws.end();
  await once(ws, 'finish');
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  await rm(dir, { recursive: true, force: true });
  return 1024 / s;
}

const bare = await startServer('bare');
const platform = await startServer('platform');
try {
  const pid = platform.proc.pid!;
  const conc = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 10), CLIENTS);
  await throughput(platform, 'platform', 1, 1); // warm-up
  await throughput(bare, 'bare', 1, 1);
  // alternate the two endpoints so that background load and page-cache writeback hit both alike
  const bareRuns: number[] = [];
  const platRuns: number[] = [];
  for (let t = 0; t < 3; t += 1) {
    bareRuns.push(await throughput(bare, 'bare', conc, ROUNDS));
    platRuns.push(await throughput(platform, 'platform', conc, ROUNDS));
  }
  const bareMbps = median(bareRuns);
  const platMbps = median(platRuns);
  const before = await rssMb(pid);
  const t0 = Date.now();
  const peak = await maxRssDuring(pid, throughput(platform, 'platform', CLIENTS, 1));
  const burstS = (Date.now() - t0) / 1000;
  const disk = await diskMbPerS();
  console.log(
    `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; file ${FILE_MB} MB; ${conc} concurrent clients × ${ROUNDS} uploads`,
  );
  console.log(`raw disk write (1 GiB, page cache): ${disk.toFixed(0)} MB/s`);
  console.log(`bare Fastify multipart (hash + write): ${bareMbps.toFixed(0)} MB/s (runs ${bareRuns.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`platform evidence endpoint:            ${platMbps.toFixed(0)} MB/s (runs ${platRuns.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`ratio platform / bare: ${(platMbps / bareMbps).toFixed(2)} (aim ≥ 0.7)`);
  console.log(
    `${CLIENTS} clients × ${FILE_MB} MB at once: ${burstS.toFixed(1)} s; server RSS before ${before.toFixed(0)} MB, peak during ${peak.toFixed(0)} MB (growth ${(peak - before).toFixed(0)} MB for ${CLIENTS * FILE_MB} MB uploaded)`,
  );
} catch (e) {
  console.error('benchmark failed:', e);
  process.exitCode = 1;
} finally {
  // stop both servers, then remove the gigabytes they received
  for (const s of [bare, platform]) {
    const exited = once(s.proc, 'exit');
    s.proc.kill();
    await exited;
    await rm(s.dataDir, { recursive: true, force: true });
  }
  process.exit();
}
