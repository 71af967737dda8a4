import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { EVIDENCE_MAX_FILE_BYTES } from '@zc/domain';
import { archiveEntries, files, notifications } from '../src/platform/db/schema';
import { freezeUpdate } from '../src/modules/archive/service';
import { DemoDegreeRegistry } from '../src/platform/adapters/degree-registry';
import { DemoSocialSecuritySource } from '../src/platform/adapters/social-security';
import {
  MINIMAL_PDF,
  PNG_1PX,
  dbKind,
  seedBoundApplicant,
  seedProfiledApplicant,
  startTestApp,
  type TestClient,
  type TestEnv,
} from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

const SAMPLES: Array<Record<string, unknown>> = [
  {
    kind: 'education',
    level: 'bachelor',
    degree: 'bachelor',
    school: '浙江工业大学',
    major: '给水排水工程',
    graduationDate: '1999-06-30',
    studyMode: 'fullTime',
    origin: 'domestic',
    isEngineering: true,
    isHighest: true,
  },
  {
    kind: 'title',
    level: 'intermediate',
    series: '工程',
    specialty: '给排水',
    grantedDate: '2014-12-20',
    grantMode: 'evaluation',
    issuer: '杭州市人力资源和社会保障局',
    isCurrent: true,
  },
  { kind: 'appointment', titleLevel: 'intermediate', post: '工程师', employerName: '千岛湖水务', startMonth: '2015-01', endMonth: null },
  {
    kind: 'workExperience',
    employerName: '千岛湖水务',
    position: '技术科长',
    duties: '供水工程设计与运维',
    startMonth: '2007-08',
    isEngineering: true,
    mountainCountyRegionId: '330127',
  },
  { kind: 'annualAssessment', year: 2021, result: 'excellent' },
  {
    kind: 'continuingEducation',
    year: 2022,
    hours: 32,
    category: 'professional',
    registry: 'provincialHr',
    channel: 'other',
    courseName: '供水管网漏损控制',
    provider: '省水协',
  },
  { kind: 'socialSecurityProof', startMonth: '2019-01', endMonth: '2020-06', province: '江苏省', proofKind: 'pensionContributionProof' },
  ...[
    {
      type: 'paper',
      title: '供水管网漏损分析',
      journal: '给水排水',
      issn: '1002-8471',
      cn: '11-4972/TU',
      publishedMonth: '2020-03',
      issue: '2020年第3期',
      authorRank: 1,
    },
    {
      type: 'book',
      title: '小城镇供水',
      publisher: '中国建筑工业出版社',
      isbn: '978-7-112-00000-0',
      publishedMonth: '2019-01',
      role: 'coAuthor',
    },
    {
      type: 'project',
      name: '千岛湖配水工程',
      level: 'provincial',
      contractAmountWan: 12000,
      role: 'leader',
      rank: 1,
      startMonth: '2016-01',
      endMonth: '2019-12',
    },
    {
      type: 'patent',
      name: '一种管网检漏装置',
      patentType: 'invention',
      patentNumber: 'ZL201910000000.1',
      grantDate: '2021-05-11',
      inventorRank: 1,
    },
    {
      type: 'standard',
      name: '农村供水工程技术规范',
      number: 'DB33/T 1000-2020',
      level: 'local',
      role: 'participated',
      rank: 3,
      publishedDate: '2020-08-01',
    },
    {
      type: 'award',
      name: '浙江省科学技术进步奖',
      level: 'provincial',
      grade: '三等奖',
      issuer: '浙江省人民政府',
      date: '2020-12-01',
      rank: 4,
    },
    { type: 'honour', name: '杭州市优秀工程师', level: 'city', issuer: '杭州市人民政府', date: '2019-05-01' },
    { type: 'softwareCopyright', name: '管网监测系统V1.0', registrationNumber: '2020SR0000001', date: '2020-01-10', rank: 1 },
    { type: 'report', title: '水厂提标改造可行性研究报告', reportKind: 'feasibilityReport', date: '2018-04-01' },
    {
      type: 'skillCertificate',
      name: '水生产处理工',
      grade: 'masterWorker',
      issuer: '浙江省职业技能鉴定中心',
      date: '2012-06-01',
      certificateNumber: '1233000000000001',
    },
    {
      type: 'competition',
      name: '全省供水行业职业技能竞赛',
      level: 'provincial',
      competitionClass: 'class2',
      placing: 2,
      date: '2018-10-01',
    },
    { type: 'innovationResult', name: '智能加药系统', year: 2021, salesWan: 2500, profitWan: 600 },
  ].map((detail) => ({ kind: 'achievement', detail })),
];

async function addEntry(c: TestClient, data: Record<string, unknown>) {
  const r = await c.post('/api/v1/archive/entries', { data });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function addEvidence(c: TestClient, entryId: string, name = '证明.pdf', content: Buffer = MINIMAL_PDF) {
  return c.upload(`/api/v1/archive/entries/${entryId}/evidence`, { name, content });
}

describe(`archive entries (${dbKind})`, () => {
  it('every entry type round-trips', async () => {
    const a = await seedProfiledApplicant(env);
    for (const data of SAMPLES) {
      const created = await addEntry(a.client, data);
      const got = (await a.client.get(`/api/v1/archive/entries/${created.id}`)).json();
      expect(got.data, JSON.stringify(data)).toMatchObject(data);
      expect(got.status).toBe('draft');
      expect(got.summary.length).toBeGreaterThan(3);
    }
    const list = (await a.client.get('/api/v1/archive/entries')).json();
    expect(list).toHaveLength(SAMPLES.length);
  });

  it('explains invalid data field by field, in Chinese', async () => {
    const a = await seedProfiledApplicant(env);
    const r = await a.client.post('/api/v1/archive/entries', {
      data: {
        kind: 'achievement',
        detail: { type: 'paper', title: '题目', journal: '刊物', publishedMonth: '2020-13', issue: '1', authorRank: 0 },
      },
    });
    expect(r.statusCode).toBe(400);
    const d = r.json().details;
    expect(d.publishedMonth).toContain('YYYY-MM');
    expect(d.authorRank).toContain('1');
  });
});

describe(`evidence files (${dbKind})`, () => {
  it('accepts a PDF and refuses a PNG renamed .pdf, an empty file and an oversized one', async () => {
    const a = await seedBoundApplicant(env);
    const e = await addEntry(a.client, SAMPLES[4]!);
    const ok = await addEvidence(a.client, e.id);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().evidence).toHaveLength(1);
    const renamed = await addEvidence(a.client, e.id, '考核表.pdf', PNG_1PX);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toMatch(/扩展名.*PNG/);
    const empty = await addEvidence(a.client, e.id, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = await addEvidence(a.client, e.id, 'big.pdf', Buffer.concat([MINIMAL_PDF, Buffer.alloc(EVIDENCE_MAX_FILE_BYTES)]));
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toContain('50 MB');
    expect((await a.client.get(`/api/v1/archive/entries/${e.id}`)).json().evidence).toHaveLength(1);
  });

  it("an employer of another company cannot read the evidence; the applicant's own employer can once it is submitted", async () => {
    const a = await seedBoundApplicant(env);
    const e = await addEntry(a.client, SAMPLES[4]!);
    const fileId = (await addEvidence(a.client, e.id)).json().evidence[0].fileId;
    const own = await env.client().login(a.employer.username);
    expect((await own.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    expect((await a.client.post('/api/v1/archive/entries/submit', { ids: [e.id] })).statusCode).toBe(200);
    const preview = await own.get(`/api/v1/files/${fileId}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    expect((await own.get(`/api/v1/files/${fileId}?download=false`)).headers['content-disposition']).toMatch(/^inline/);
    expect((await own.get(`/api/v1/files/${fileId}?download=true`)).headers['content-disposition']).toMatch(/^attachment/);
    const other = await seedBoundApplicant(env);
    const stranger = await env.client().login(other.employer.username);
    expect((await stranger.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/archive/entries/${e.id}`)).statusCode).toBe(404);
  });

  it('the same content uploaded twice is stored once', async () => {
    const a = await seedBoundApplicant(env);
    const e1 = await addEntry(a.client, SAMPLES[4]!);
    const e2 = await addEntry(a.client, { kind: 'annualAssessment', year: 2020, result: 'qualified' });
    const content = Buffer.concat([MINIMAL_PDF, randomBytes(64)]);
    const f1 = (await addEvidence(a.client, e1.id, 'a.pdf', content)).json().evidence[0].fileId;
    const f2 = (await addEvidence(a.client, e2.id, 'b.pdf', content)).json().evidence[0].fileId;
    expect(f2).toBe(f1);
    const rows = await env.ctx.db.select().from(files).where(eq(files.ownerUserId, a.userId));
    expect(rows).toHaveLength(1);
  });
});

describe(`resumable upload of a large scan (${dbKind})`, () => {
  it('resumes after an interruption, refuses a replayed chunk, and never duplicates', async () => {
    const a = await seedBoundApplicant(env);
    const content = Buffer.concat([MINIMAL_PDF, randomBytes(3 * 1024 * 1024), Buffer.from('\n%%EOF\n')]); // a PDF ends with %%EOF
    const start = await a.client.post('/api/v1/uploads', {
      filename: '合同扫描件.pdf',
      size: content.length,
      clientKey: 'contract-scan-001',
    });
    expect(start.statusCode, start.body).toBe(200);
    const id = start.json().id;
    const put = (offset: number, chunk: Buffer) =>
      a.client.request('PUT', `/api/v1/uploads/${id}/content`, chunk, {
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
      });
    const half = 1024 * 1024;
    expect((await put(0, content.subarray(0, half))).json().received).toBe(half);
    // the connection dropped; the page asks where it stopped
    const again = await a.client.post('/api/v1/uploads', {
      filename: '合同扫描件.pdf',
      size: content.length,
      clientKey: 'contract-scan-001',
    });
    expect(again.json()).toMatchObject({ id, received: half, status: 'open' });
    // a replayed first chunk is refused with the server's offset
    const replay = await put(0, content.subarray(0, half));
    expect(replay.statusCode).toBe(409);
    expect(replay.json().details.offset).toBe(String(half));
    const done = await put(half, content.subarray(half));
    expect(done.json()).toMatchObject({ status: 'complete', received: content.length });
    const fileId = done.json().fileId;
    const e = await addEntry(a.client, SAMPLES[8]!);
    const attached = await a.client.post(`/api/v1/archive/entries/${e.id}/evidence`, { fileId });
    expect(attached.statusCode).toBe(201);
    const back = await a.client.get(`/api/v1/files/${fileId}`);
    expect(back.rawPayload.equals(content)).toBe(true);
    // starting the same file again finds the finished upload
    expect(
      (await a.client.post('/api/v1/uploads', { filename: '合同扫描件.pdf', size: content.length, clientKey: 'contract-scan-001' })).json()
        .fileId,
    ).toBe(fileId);
    expect(await env.ctx.db.select().from(files).where(eq(files.ownerUserId, a.userId))).toHaveLength(1);
  });

  it('refuses a declared size over the cap before any byte is sent, and content that is not PDF/JPG/PNG at the end', async () => {
    const a = await seedBoundApplicant(env);
    const tooBig = await a.client.post('/api/v1/uploads', {
      filename: 'x.pdf',
      size: EVIDENCE_MAX_FILE_BYTES + 1,
      clientKey: 'too-big-0001',
    });
    expect(tooBig.statusCode).toBe(400);
    const junk = Buffer.from('PK\u0003\u0004 this is a zip file really');
    const id = (await a.client.post('/api/v1/uploads', { filename: 'x.pdf', size: junk.length, clientKey: 'junk-000001' })).json().id;
    const r = await a.client.request('PUT', `/api/v1/uploads/${id}/content`, junk, {
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('PDF、JPG、PNG');
  });
});

describe(`employer verification (${dbKind})`, () => {
  it('submission needs a bound employer and evidence; the employer approves or returns with a reason the applicant sees', async () => {
    const unbound = await seedProfiledApplicant(env);
    const lone = await addEntry(unbound.client, SAMPLES[4]!);
    expect((await unbound.client.post('/api/v1/archive/entries/submit', { ids: [lone.id] })).json().message).toContain('绑定');

    const a = await seedBoundApplicant(env);
    const paper = await addEntry(a.client, SAMPLES[7]!);
    const ce = await addEntry(a.client, SAMPLES[5]!);
    const noEvidence = await a.client.post('/api/v1/archive/entries/submit', { ids: [paper.id] });
    expect(noEvidence.statusCode).toBe(409);
    expect(noEvidence.json().message).toContain('佐证材料');
    await addEvidence(a.client, paper.id, '论文.pdf');
    await addEvidence(a.client, ce.id, '学时证明.pdf', Buffer.concat([MINIMAL_PDF, Buffer.from('ce')]));
    expect((await a.client.post('/api/v1/archive/entries/submit', { ids: [paper.id, ce.id] })).statusCode).toBe(200);

    const unit = await env.client().login(a.employer.username);
    const queue = (await unit.get('/api/v1/archive/review-queue?status=pending')).json();
    expect(queue.total).toBe(2);
    expect(queue.items[0].allowed).toEqual(['approve', 'return']);
    expect(queue.items[0].idNumberMasked).toContain('*');
    expect((await unit.post(`/api/v1/archive/entries/${paper.id}/approve`, {})).statusCode).toBe(200);
    expect((await unit.post(`/api/v1/archive/entries/${ce.id}/return`, { reason: '学时证明未盖章，请补充盖章件' })).statusCode).toBe(200);
    // a second click finds it already decided
    expect((await unit.post(`/api/v1/archive/entries/${paper.id}/approve`, {})).statusCode).toBe(409);

    const mine = (await a.client.get('/api/v1/archive/entries')).json() as Array<{
      id: string;
      status: string;
      returnReason: string | null;
    }>;
    expect(mine.find((x) => x.id === paper.id)?.status).toBe('approved');
    expect(mine.find((x) => x.id === ce.id)).toMatchObject({ status: 'returned', returnReason: '学时证明未盖章，请补充盖章件' });
    const inbox = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, a.userId));
    expect(inbox.some((n) => n.title === '档案条目被退回' && n.body.includes('未盖章'))).toBe(true);
    // editing an approved entry sends it back for checking
    const edited = await a.client.put(`/api/v1/archive/entries/${paper.id}`, {
      data: { ...SAMPLES[7]!, detail: { ...(SAMPLES[7]!.detail as object), authorRank: 2 } },
    });
    expect(edited.json().status).toBe('draft');
  });

  it('an entry used in a submitted application is frozen: no change, no deletion; a new version can be made', async () => {
    const a = await seedBoundApplicant(env);
    const e = await addEntry(a.client, SAMPLES[10]!);
    await addEvidence(a.client, e.id);
    await a.client.post('/api/v1/archive/entries/submit', { ids: [e.id] });
    await (await env.client().login(a.employer.username)).post(`/api/v1/archive/entries/${e.id}/approve`, {});
    await env.ctx.db.transaction(async (tx) => {
      await freezeUpdate(tx, [e.id], new Date());
    });
    const put = await a.client.put(`/api/v1/archive/entries/${e.id}`, { data: SAMPLES[10]! });
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toContain('新建版本');
    expect((await a.client.del(`/api/v1/archive/entries/${e.id}`)).statusCode).toBe(409);
    expect((await addEvidence(a.client, e.id, 'more.pdf', Buffer.concat([MINIMAL_PDF, Buffer.from('x')]))).statusCode).toBe(409);
    const v2 = await a.client.post(`/api/v1/archive/entries/${e.id}/new-version`, {});
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ supersedesId: e.id, status: 'draft', frozen: false });
    expect(v2.json().evidence).toHaveLength(1);
    const [old] = await env.ctx.db.select().from(archiveEntries).where(eq(archiveEntries.id, e.id));
    expect(old?.status).toBe('approved');
    expect(old?.frozenAt).not.toBeNull();
  });

  it('only approved entries can be frozen into an application', async () => {
    const a = await seedBoundApplicant(env);
    const e = await addEntry(a.client, SAMPLES[4]!);
    await env.ctx.db.transaction(async (tx) => {
      await freezeUpdate(tx, [e.id], new Date());
    });
    const [row] = await env.ctx.db.select({ frozenAt: archiveEntries.frozenAt }).from(archiveEntries).where(eq(archiveEntries.id, e.id));
    expect(row!.frozenAt).toBeNull();
    expect((await a.client.put(`/api/v1/archive/entries/${e.id}`, { data: SAMPLES[4]! })).statusCode).toBe(200);
  });
});

describe(`education verification and social security (${dbKind}; SPEC §2)`, () => {
  it('2001+ degrees are checked against the registry; a match needs no upload; a miss names the documents', async () => {
    const a = await seedBoundApplicant(env);
    const saved = env.ctx.degreeRegistry;
    env.ctx.degreeRegistry = new DemoDegreeRegistry(
      new Map([
        [
          a.idNumber,
          {
            realName: '测试人',
            records: [
              { school: '浙江大学', major: '软件工程', level: 'master', graduationDate: '2012-03-31', certificateNumber: '1033512012' },
            ],
          },
        ],
      ]),
      { latencyMs: 1, failureRate: 0 },
    );
    try {
      const base = {
        kind: 'education',
        degree: 'master',
        major: '软件工程',
        studyMode: 'fullTime',
        origin: 'domestic',
        isEngineering: true,
        isHighest: true,
      };
      const hit = await addEntry(a.client, { ...base, level: 'master', school: '浙江大学', graduationDate: '2012-03-31' });
      expect(hit.verification).toMatchObject({ status: 'verified', source: 'registry' });
      // verified by the registry: can be submitted without an upload
      expect((await a.client.post('/api/v1/archive/entries/submit', { ids: [hit.id] })).statusCode).toBe(200);
      const miss = await addEntry(a.client, { ...base, level: 'bachelor', school: '浙江工业大学', graduationDate: '2009-06-30' });
      expect(miss.verification.status).toBe('needsUpload');
      expect(String(miss.verification.explanation)).toContain('未查询到');
      const old = await addEntry(a.client, { ...base, level: 'juniorCollege', school: '杭州大学', graduationDate: '1996-07-01' });
      expect(JSON.stringify(old.verification)).toContain('高校毕业生登记表');
      const abroad = await addEntry(a.client, {
        ...base,
        level: 'master',
        school: 'University of Leeds',
        origin: 'foreign',
        graduationDate: '2015-09-01',
      });
      expect(JSON.stringify(abroad.verification)).toContain('留学服务中心');
      const tech = await addEntry(a.client, {
        kind: 'education',
        technicalSchoolClass: 'seniorWorkerClass',
        school: '杭州技师学院',
        major: '机电一体化',
        graduationDate: '2010-07-01',
        studyMode: 'fullTime',
        origin: 'domestic',
        isEngineering: true,
        isHighest: true,
      });
      expect(JSON.stringify(tech.verification)).toContain('大专');
      // the registry is down: the entry is saved and can be checked again later
      env.ctx.degreeRegistry = new DemoDegreeRegistry(new Map(), { latencyMs: 1, failureRate: 1 });
      const down = await addEntry(a.client, { ...base, level: 'master', school: '浙江大学', graduationDate: '2012-03-31' });
      expect(down.verification.status).toBe('unavailable');
      env.ctx.degreeRegistry = new DemoDegreeRegistry(
        new Map([
          [
            a.idNumber,
            {
              realName: '测试人',
              records: [
                { school: '浙江大学', major: '软件工程', level: 'master', graduationDate: '2012-03-31', certificateNumber: '1033512012' },
              ],
            },
          ],
        ]),
        { latencyMs: 1, failureRate: 0 },
      );
      expect((await a.client.post(`/api/v1/archive/entries/${down.id}/verify`, {})).json().verification.status).toBe('verified');
    } finally {
      env.ctx.degreeRegistry = saved;
    }
  });

  it('social security outside the province needs an approved proof (seed 002 五(三))', async () => {
    const a = await seedBoundApplicant(env);
    const saved = env.ctx.socialSecurity;
    const current = env.clock.now.toISOString().slice(0, 7);
    const y = Number(current.slice(0, 4));
    env.ctx.socialSecurity = new DemoSocialSecuritySource(
      new Map([
        [
          a.idNumber,
          [
            { startMonth: `${y - 4}-01`, endMonth: `${y - 2}-12`, province: '江苏省', employerName: '苏州某公司' },
            { startMonth: `${y - 1}-01`, endMonth: '2099-12', province: '浙江省', employerName: '本单位' },
          ],
        ],
      ]),
      { latencyMs: 1, failureRate: 0 },
    );
    try {
      const before = (await a.client.get('/api/v1/archive/social-security')).json();
      expect(before.available).toBe(true);
      expect(before.check.ok).toBe(false);
      expect(before.check.explanation).toContain('省外参保');
      const proof = await addEntry(a.client, {
        kind: 'socialSecurityProof',
        startMonth: `${y - 4}-01`,
        endMonth: `${y - 2}-12`,
        province: '江苏省',
        proofKind: 'pensionContributionProof',
      });
      await addEvidence(a.client, proof.id, '养老保险缴费证明.pdf');
      await a.client.post('/api/v1/archive/entries/submit', { ids: [proof.id] });
      await (await env.client().login(a.employer.username)).post(`/api/v1/archive/entries/${proof.id}/approve`, {});
      const after = (await a.client.get('/api/v1/archive/social-security')).json();
      expect(after.check.ok).toBe(true);
      env.ctx.socialSecurity = new DemoSocialSecuritySource(new Map(), { latencyMs: 1, failureRate: 1 });
      const down = (await a.client.get('/api/v1/archive/social-security')).json();
      expect(down).toMatchObject({ available: false });
      expect(down.message).toContain('稍后');
    } finally {
      env.ctx.socialSecurity = saved;
    }
  });
});
