/**
 * Pre-review publicity (评前公示) and objections (SPEC §7, §10; seed 001 一(一): 评审对象基本情况和资格审查情况 公示
 * 5 个工作日 — the plan's committeeWorkingDays): one list per plan and day, the period in working days, public
 * output without ID numbers or phones, objections lodged without login (evidence, window, limits, throttling),
 * handled by the office of the plan and by no other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OBJECTION_LIMITS, type Plan } from '@zc/domain';
import {
  MINIMAL_PDF,
  seedAccount,
  seedBoundApplicant,
  seedManagementOrg,
  startDemoRoundApp,
  type TestClient,
  type TestEnv,
} from './helper';
import { applications, objections, plans, publicityEntries, publicityLists } from '../src/platform/db/schema';
import { handleObjection, pendingObjectionCount, preReviewNotEnded, publishPreReview } from '../src/modules/publicity/pre-review';

let env: TestEnv;
let planId: string;
let plan: Plan;
let officeOrgId: string;
let officeUser: string;
let office: TestClient;
let otherOffice: TestClient;
const people: Array<{ appId: string; idNumber: string; mobile: string; name: string; client: TestClient }> = [];
let listId: string;

/** 2026-11-27 is a Friday; 10:00 in Shanghai. */
const FRIDAY = new Date('2026-11-27T02:00:00Z');

/** A qualified application (资格审查通过) of the demo plan, as the workflow leaves it before 发布评前公示. */
async function seedQualifiedApplication(realName: string) {
  const a = await seedBoundApplicant(env);
  const [app] = await env.ctx.db
    .insert(applications)
    .values({
      applicantId: a.userId,
      planId,
      employerId: a.employer.org.id,
      regionPath: a.employer.org.regionPath,
      status: 'qualified',
      currentOrgIds: [officeOrgId],
      level: plan.levels[0]!,
      mode: plan.modes[0]!.mode,
      specialtyCode: plan.specialties[0]!.code,
      submittedAt: env.clock.now,
    })
    .returning();
  return {
    appId: app!.id,
    idNumber: a.idNumber,
    mobile: '13812345678',
    name: realName,
    client: a.client,
    userId: a.userId,
    employer: a.employer,
  };
}

/** What the workflow's publishPrePublicity handler does with the module: publish, then the status. */
async function publish(p: { appId: string; name: string }) {
  return env.ctx.db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, p.appId));
    const r = await publishPreReview(tx, {
      app: { ...app!, level: app!.level, mode: app!.mode, specialtyCode: app!.specialtyCode },
      plan,
      officeOrgId,
      applicantName: p.name,
      publishedBy: officeUser,
      now: env.clock.now,
    });
    await tx.update(applications).set({ status: 'prePublicity' }).where(eq(applications.id, p.appId));
    return r;
  });
}

/** A multipart form: text fields, then (optionally) the evidence file. */
function form(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----zc${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An anonymous visitor: no session, only the CSRF cookie every browser receives on its first page. */
function visitor(): TestClient {
  return env.client();
}

function lodge(c: TestClient, entryId: string, over: Record<string, string> = {}, file?: { name: string; content: Buffer }) {
  const f = form({ entryId, content: '该同志申报材料中的项目业绩与实际承担的工作不符，请核实。', contact: '13912345678', ...over }, file);
  return c.request('POST', `/api/v1/public/publicity/${listId}/objections`, f.payload, f.headers);
}

async function entryOf(appId: string) {
  const [e] = await env.ctx.db.select().from(publicityEntries).where(eq(publicityEntries.applicationId, appId));
  return e!;
}

beforeAll(async () => {
  const demo = await startDemoRoundApp();
  env = demo.env;
  planId = demo.planId;
  const [p] = await env.ctx.db.select().from(plans).where(eq(plans.id, planId));
  plan = p!.data as Plan;
  officeOrgId = p!.officeOrgId;
  env.clock.now = FRIDAY;
  const u = await seedAccount(env.ctx, { role: 'officer', orgId: officeOrgId });
  officeUser = u.id;
  office = await env.client().login(u.username!);
  const other = await seedManagementOrg(env.ctx, 'committeeOffice', '330000');
  const ou = await seedAccount(env.ctx, { role: 'officer', orgId: other.id });
  otherOffice = await env.client().login(ou.username!);
  for (const name of ['赵一', '钱二']) {
    const s = await seedQualifiedApplication(name);
    people.push(s);
  }
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('publishing the pre-review list', () => {
  it('two applications published on the same day land on one list, with two entries; publishing again adds nothing', async () => {
    const r1 = await publish(people[0]!);
    const r2 = await publish(people[1]!);
    expect(r2.listId).toBe(r1.listId);
    listId = r1.listId;
    await publish(people[0]!);
    const lists = await env.ctx.db.select().from(publicityLists).where(eq(publicityLists.planId, planId));
    expect(lists).toHaveLength(1);
    const entries = await env.ctx.db.select().from(publicityEntries).where(eq(publicityEntries.listId, listId));
    expect(entries.map((e) => e.seq).sort()).toEqual([1, 2]);
    expect(entries.map((e) => e.name).sort()).toEqual(['赵一', '钱二'].sort());
  });

  it('counts working days: published on Friday 2026-11-27, 5 working days end on Thursday 2026-12-03 (after the weekend)', async () => {
    const [l] = await env.ctx.db.select().from(publicityLists).where(eq(publicityLists.id, listId));
    expect(plan.publicity.committeeWorkingDays).toBe(5);
    expect(l).toMatchObject({
      kind: 'preReview',
      startDate: '2026-11-27',
      endDate: '2026-12-03',
      endProvisional: false,
      orgId: officeOrgId,
    });
  });

  it('the period guard refuses before the end with the end date, and passes after it', async () => {
    const msg = await env.ctx.db.transaction((tx) => preReviewNotEnded(tx, people[0]!.appId, '2026-12-03'));
    expect(msg).toContain('2026-12-03');
    expect(await env.ctx.db.transaction((tx) => preReviewNotEnded(tx, people[0]!.appId, '2026-12-04'))).toBeNull();
    const unpublished = await seedQualifiedApplication('孙三');
    expect(await env.ctx.db.transaction((tx) => preReviewNotEnded(tx, unpublished.appId, '2026-12-04'))).toContain('尚未发布评前公示');
  });
});

describe('the public portal, without login', () => {
  it('lists the open list and its entries; no ID number or phone anywhere in the JSON', async () => {
    const index = await env.app.inject({ method: 'GET', url: '/api/v1/public/publicity' });
    expect(index.statusCode).toBe(200);
    const item = (index.json() as { items: Array<{ id: string; open: boolean; entryCount: number; kind: string }> }).items.find(
      (i) => i.id === listId,
    );
    expect(item).toMatchObject({ open: true, entryCount: 2, kind: 'preReview' });
    const detail = await env.app.inject({ method: 'GET', url: `/api/v1/public/publicity/${listId}` });
    expect(detail.statusCode).toBe(200);
    const body = detail.body;
    expect((detail.json() as { entries: { total: number } }).entries.total).toBe(2);
    for (const raw of [index.body, body]) {
      for (const p of people) {
        expect(raw).not.toContain(p.idNumber);
        expect(raw).not.toContain(p.mobile);
      }
      expect(raw).not.toMatch(/\d{17}[\dXx]/);
      expect(raw).not.toMatch(/1[3-9]\d{9}/);
    }
    const entry = (detail.json() as { entries: { items: Array<Record<string, unknown>> } }).entries.items[0]!;
    expect(Object.keys(entry).sort()).toEqual(['employerName', 'id', 'level', 'mode', 'name', 'seq', 'specialty']);
  });

  it('searches by name or employer; a bad list id is a 400 in Chinese, an unknown one 404', async () => {
    const r = await env.app.inject({ method: 'GET', url: `/api/v1/public/publicity/${listId}?keyword=${encodeURIComponent('赵')}` });
    expect((r.json() as { entries: { items: Array<{ name: string }> } }).entries.items.map((i) => i.name)).toEqual(['赵一']);
    const bad = await env.app.inject({ method: 'GET', url: '/api/v1/public/publicity/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const missing = await env.app.inject({ method: 'GET', url: `/api/v1/public/publicity/${randomUUIDish()}` });
    expect(missing.statusCode).toBe(404);
  });
});

function randomUUIDish() {
  return '00000000-0000-4000-8000-000000000000';
}

describe('objections', () => {
  let objectionId: string;
  let evidenceFileId: string;

  it('an anonymous visitor (no session) lodges one with evidence and gets a receipt number without personal data', async () => {
    const c = visitor();
    const entry = await entryOf(people[0]!.appId);
    const r = await lodge(c, entry.id, { contactName: '王五' }, { name: 'evidence.pdf', content: MINIMAL_PDF });
    expect(r.statusCode, r.body).toBe(201);
    expect(c.cookies.has('zc_sid')).toBe(false);
    const receipt = r.json() as { receiptNo: string };
    expect(receipt.receiptNo).toMatch(/^YY20261127-[0-9A-F]{8}$/);
    expect(r.body).not.toContain('13912345678');
    const [o] = await env.ctx.db.select().from(objections).where(eq(objections.entryId, entry.id));
    expect(o!.contact).not.toContain('13912345678'); // encrypted at rest
    expect(o!.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(o!.evidenceFileId).not.toBeNull();
    objectionId = o!.id;
    evidenceFileId = o!.evidenceFileId!;
    expect(await env.ctx.db.transaction((tx) => pendingObjectionCount(tx, people[0]!.appId))).toBe(1);
    expect(await env.ctx.db.transaction((tx) => pendingObjectionCount(tx, people[1]!.appId))).toBe(0);
  });

  it('refuses a file that is not PDF/JPG/PNG by content, oversize content, a bad contact, an entry of another list', async () => {
    const entry = await entryOf(people[1]!.appId);
    const fake = await lodge(visitor(), entry.id, {}, { name: 'evidence.pdf', content: Buffer.from('MZ not really a pdf') });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('格式');
    const long = await lodge(visitor(), entry.id, { content: '异'.repeat(OBJECTION_LIMITS.contentMaxChars + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain(`最多 ${OBJECTION_LIMITS.contentMaxChars} 个字`);
    const contact = await lodge(visitor(), entry.id, { contact: '随便' });
    expect(contact.statusCode).toBe(400);
    expect(contact.json().message).toContain('联系方式');
    const stranger = await lodge(visitor(), randomUUIDish());
    expect(stranger.statusCode).toBe(400);
    expect(await env.ctx.db.select().from(objections).where(eq(objections.entryId, entry.id))).toHaveLength(0);
  });

  it('throttles: 3 a day per address and person, then 5 a minute per address', async () => {
    const c = visitor();
    const e1 = await entryOf(people[1]!.appId);
    const e0 = await entryOf(people[0]!.appId);
    for (let i = 0; i < OBJECTION_LIMITS.perAddressPerEntryPerDay; i += 1) expect((await lodge(c, e1.id)).statusCode).toBe(201);
    const perEntry = await lodge(c, e1.id);
    expect(perEntry.statusCode).toBe(429);
    expect(perEntry.json().message).toContain(`最多可反映 ${OBJECTION_LIMITS.perAddressPerEntryPerDay} 次`);
    expect((await lodge(c, e0.id)).statusCode).toBe(201); // the 5th request of the minute
    const perMinute = await lodge(c, e0.id);
    expect(perMinute.statusCode).toBe(429);
    expect(perMinute.json().message).toMatch(/[\u4e00-\u9fa5]/);
    // another address is not affected
    expect((await lodge(visitor(), e0.id)).statusCode).toBe(201);
  });

  it('the office of the plan sees them with the contact; the review page gets them masked; the evidence is the office’s only', async () => {
    const list = await office.get('/api/v1/publicity/objections?status=pending');
    expect(list.statusCode, list.body).toBe(200);
    const mine = (
      list.json() as { items: Array<{ id: string; contact: string; contactName: string | null; evidenceFileId: string | null }> }
    ).items;
    expect(mine.find((o) => o.id === objectionId)).toMatchObject({ contact: '13912345678', contactName: '王五', evidenceFileId });
    const forReview = await office.get(`/api/v1/applications/${people[0]!.appId}/objections`);
    expect(forReview.statusCode).toBe(200);
    const first = (forReview.json() as Array<Record<string, unknown>>).find((o) => o.id === objectionId)!;
    expect(first).toMatchObject({ contactMasked: '139****5678', status: 'pending', handling: null, evidenceFileId });
    expect(forReview.body).not.toContain('13912345678');
    expect((await office.get(`/api/v1/files/${evidenceFileId}`)).statusCode).toBe(200);
    expect((await otherOffice.get(`/api/v1/files/${evidenceFileId}`)).statusCode).toBe(404);
    expect((await people[0]!.client.get(`/api/v1/files/${evidenceFileId}`)).statusCode).toBe(404);
  });

  it("another plan's office sees nothing: lists, exports and objections are 404 or empty", async () => {
    const lists = await otherOffice.get('/api/v1/publicity/lists');
    expect(lists.statusCode).toBe(200);
    expect((lists.json() as { total: number }).total).toBe(0);
    expect((await otherOffice.get(`/api/v1/publicity/lists/${listId}/export.xlsx`)).statusCode).toBe(404);
    expect((await otherOffice.get(`/api/v1/applications/${people[0]!.appId}/objections`)).statusCode).toBe(404);
    expect((await otherOffice.get('/api/v1/publicity/objections')).json()).toMatchObject({ total: 0, items: [] });
    // an applicant is no office at all
    expect((await people[0]!.client.get('/api/v1/publicity/objections')).statusCode).toBe(403);
  });

  it('the office exports the list for other sites (seed 001): Chinese headers, no ID numbers', async () => {
    const x = await office.get(`/api/v1/publicity/lists/${listId}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '工作单位', '申报专业', '申报级别', '申报方式', '资格审查情况']);
    expect(ws.rowCount).toBe(5);
    const csv = await office.get(`/api/v1/publicity/lists/${listId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body).toContain('"姓名"');
    for (const raw of [csv.body, JSON.stringify(ws.getSheetValues())]) {
      for (const p of people) expect(raw).not.toContain(p.idNumber);
      expect(raw).not.toMatch(/\d{17}[\dXx]/);
    }
    const lists = (await office.get('/api/v1/publicity/lists')).json() as { items: Array<{ id: string }> };
    expect(lists.items.map((l) => l.id)).toContain(listId);
  });

  it('handleObjection records outcome, handling, who and when; a second time is refused', async () => {
    const r = await env.ctx.db.transaction((tx) =>
      handleObjection(tx, {
        applicationId: people[0]!.appId,
        objectionId,
        outcome: 'dismissed',
        handling: '经核实，项目业绩属实，异议不成立。',
        handledBy: officeUser,
        now: env.clock.now,
      }),
    );
    expect(r.content).toContain('项目业绩');
    const [o] = await env.ctx.db.select().from(objections).where(eq(objections.id, objectionId));
    expect(o).toMatchObject({ status: 'dismissed', handledBy: officeUser, handling: '经核实，项目业绩属实，异议不成立。' });
    expect(o!.handledAt).not.toBeNull();
    await expect(
      env.ctx.db.transaction((tx) =>
        handleObjection(tx, {
          applicationId: people[0]!.appId,
          objectionId,
          outcome: 'upheld',
          handling: '再次处理',
          handledBy: officeUser,
          now: env.clock.now,
        }),
      ),
    ).rejects.toThrow('已处理');
    // an objection of another application is not found through this one
    const [other] = await env.ctx.db
      .select()
      .from(objections)
      .where(and(eq(objections.applicationId, people[1]!.appId), eq(objections.status, 'pending')))
      .limit(1);
    await expect(
      env.ctx.db.transaction((tx) =>
        handleObjection(tx, {
          applicationId: people[0]!.appId,
          objectionId: other!.id,
          outcome: 'upheld',
          handling: '张冠李戴',
          handledBy: officeUser,
          now: env.clock.now,
        }),
      ),
    ).rejects.toThrow('未找到');
  });

  it('the end day still accepts objections; the day after the period refuses them', async () => {
    const e = await entryOf(people[1]!.appId);
    env.clock.now = new Date('2026-12-03T08:00:00Z'); // Thursday 16:00 in Shanghai, the end day
    expect((await lodge(visitor(), e.id)).statusCode).toBe(201);
    env.clock.now = new Date('2026-12-03T16:30:00Z'); // Friday 00:30 in Shanghai
    const late = await lodge(visitor(), e.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('2026-12-03 结束');
    const index = await env.app.inject({ method: 'GET', url: '/api/v1/public/publicity' });
    expect((index.json() as { items: Array<{ id: string; open: boolean }> }).items.find((i) => i.id === listId)?.open).toBe(false);
  });
});

describe('through the workflow (POST /applications/:id/actions/…)', () => {
  it('publishPrePublicity puts it on the day’s list; an objection lodged on the portal is handled with handleObjection; concludePrePublicity waits for the end', async () => {
    env.clock.now = new Date('2026-12-04T02:00:00Z'); // Friday 2026-12-04, 10:00 in Shanghai
    const o = await env.client().login((await seedAccount(env.ctx, { role: 'officer', orgId: officeOrgId })).username!);
    const p = await seedQualifiedApplication('李四');
    const pub = await o.post(`/api/v1/applications/${p.appId}/actions/publishPrePublicity`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    const [app] = await env.ctx.db.select().from(applications).where(eq(applications.id, p.appId));
    expect(app!.status).toBe('prePublicity');
    const entry = await entryOf(p.appId);
    const [l] = await env.ctx.db.select().from(publicityLists).where(eq(publicityLists.id, entry.listId));
    expect(l).toMatchObject({ startDate: '2026-12-04', endDate: '2026-12-10' });

    // nothing to handle yet
    const none = await o.post(`/api/v1/applications/${p.appId}/actions/handleObjection`, {
      opinion: '尚无异议',
      objectionHandling: { objectionId: randomUUIDish(), outcome: 'dismissed', handling: '尚无异议' },
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain('没有待处理的异议');

    listId = l!.id;
    expect((await lodge(visitor(), entry.id)).statusCode).toBe(201);
    const [pending] = (await o.get(`/api/v1/applications/${p.appId}/objections`)).json() as Array<{ id: string; status: string }>;
    expect(pending!.status).toBe('pending');
    const handling = '经向所在单位核实，所反映情况与事实不符，异议不成立。';
    const handled = await o.post(`/api/v1/applications/${p.appId}/actions/handleObjection`, {
      opinion: handling,
      objectionHandling: { objectionId: pending!.id, outcome: 'dismissed', handling },
    });
    expect(handled.statusCode, handled.body).toBe(200);
    const after = (await o.get(`/api/v1/applications/${p.appId}/objections`)).json() as Array<{ status: string; handling: string }>;
    expect(after[0]).toMatchObject({ status: 'dismissed', handling });

    const early = await o.post(`/api/v1/applications/${p.appId}/actions/concludePrePublicity`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('2026-12-10');
    env.clock.now = new Date('2026-12-11T02:00:00Z');
    const o2 = await env.client().login((await seedAccount(env.ctx, { role: 'officer', orgId: officeOrgId })).username!);
    const done = await o2.post(`/api/v1/applications/${p.appId}/actions/concludePrePublicity`, {});
    expect(done.statusCode, done.body).toBe(200);
  });

  it('取消评审资格 during the publicity takes the person off the public list: not shown, not counted, no objection against them', async () => {
    env.clock.now = new Date('2026-12-14T02:00:00Z'); // Monday 2026-12-14, 10:00 in Shanghai
    const o = await env.client().login((await seedAccount(env.ctx, { role: 'officer', orgId: officeOrgId })).username!);
    const stays = await seedQualifiedApplication('周六');
    const goes = await seedQualifiedApplication('吴七');
    for (const p of [stays, goes])
      expect((await o.post(`/api/v1/applications/${p.appId}/actions/publishPrePublicity`, {})).statusCode).toBe(200);
    const entry = await entryOf(goes.appId);
    const shown = async () =>
      (
        (await visitor().get(`/api/v1/public/publicity/${entry.listId}`)).json() as { entries: { items: Array<{ id: string }> } }
      ).entries.items.map((i) => i.id);
    const kept = await entryOf(stays.appId);
    expect(await shown()).toEqual(expect.arrayContaining([kept.id, entry.id]));
    const reject = await o.post(`/api/v1/applications/${goes.appId}/actions/officeReject`, {
      reason: '经核实，其申报的项目业绩不属实，取消本年度评审资格。',
    });
    expect(reject.statusCode, reject.body).toBe(200);
    expect(await shown()).toEqual([kept.id]);
    const lists = (await visitor().get('/api/v1/public/publicity')).json() as { items: Array<{ id: string; entryCount: number }> };
    expect(lists.items.find((l) => l.id === entry.listId)?.entryCount).toBe(1);
    listId = entry.listId;
    const refused = await lodge(visitor(), entry.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('不在该公示名单中');
  });
});
