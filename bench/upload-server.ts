/**
 * Child process for bench/upload-throughput.ts. Mode 'platform': the real app on PGlite (or DATABASE_URL)
 * with N applicants bound to an employer, each with a session and one archive entry; prints their
 * credentials as one JSON line. Mode 'bare': a Fastify multipart endpoint that only hashes and writes to disk.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import { buildApp } from '../server/src/app';
import { bootstrap } from '../server/src/platform/bootstrap';
import { loadConfig } from '../server/src/platform/config';
import { archiveEntries, employmentBindings, organizations, users } from '../server/src/platform/db/schema';
import { createSession } from '../server/src/platform/auth/session';
import { demoCreditCode, demoIdNumber } from '../server/src/modules/demo/demo-data';

const mode = process.argv[2] ?? 'platform';
const clients = Number(process.argv[3] ?? 20);
const dataDir = await mkdtemp(join(tmpdir(), 'zc-bench-'));

if (mode === 'bare') {
  const app = Fastify({ logger: false });
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await mkdir(join(dataDir, 'bare'), { recursive: true });
  app.post('/upload', async (req) => {
    const part = await req.file();
    if (!part) throw new Error('no file');
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk, _e, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    await pipeline(part.file, tap, createWriteStream(join(dataDir, 'bare', randomUUID())));
    return { sha256: hash.digest('hex') };
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ ready: true, url: address, pid: process.pid, dataDir }));
} else {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    WEB_DIST: '',
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const { ctx } = await bootstrap(config);
  const app = await buildApp(ctx);
  const [emp] = await ctx.db
    .insert(organizations)
    .values({
      kind: 'employer',
      name: '基准测试有限公司',
      regionId: '330106',
      regionPath: '330000/330100/330106',
      status: 'approved',
      creditCode: demoCreditCode('330106', 4242),
      nature: 'privateEnterprise',
      affiliation: 'none',
    })
    .returning();
  const creds: Array<{ cookie: string; csrf: string; entryId: string }> = [];
  for (let i = 0; i < clients; i += 1) {
    const idNumber = demoIdNumber('330106', '19900101', String(100 + i));
    const [u] = await ctx.db
      .insert(users)
      .values({ role: 'applicant', realName: '基准用户', idNumber, username: idNumber, profileCompletedAt: new Date() })
      .returning();
    await ctx.db.insert(employmentBindings).values({ applicantId: u!.id, employerId: emp!.id, status: 'approved' });
    const [e] = await ctx.db
      .insert(archiveEntries)
      .values({
        applicantId: u!.id,
        kind: 'annualAssessment',
        data: { kind: 'annualAssessment', year: 2021, result: 'qualified' },
        summary: '2021 年度考核：合格',
      })
      .returning();
    const csrf = `bench-csrf-${i}-xxxxxxxxxxxxxxxx`;
    const token = await createSession(ctx.db, u!.id, {
      ip: '127.0.0.1',
      userAgent: 'bench',
      maxHours: 12,
      csrfToken: csrf,
      now: new Date(),
    });
    creds.push({ cookie: `zc_sid=${token}; zc_csrf=${csrf}`, csrf, entryId: e!.id });
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ ready: true, url: address, pid: process.pid, dataDir, creds }));
}
