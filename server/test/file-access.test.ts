/**
 * Issue 8 item 2 (files readable only by those entitled) and item 8's read audit: a draft names only the
 * applicant's own files, an application leads no one to someone else's file, an employer's authorization
 * letter is the unit's and its registration reviewers', a committee office checks the eligibility of the
 * applications it holds only, and every file read leaves an audit row (who, which, when, on what ground).
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { applications, auditEvents, files, organizations } from '../src/platform/db/schema';
import { storePhoto } from '../src/platform/storage/photo';
import {
  MINIMAL_PDF,
  dbKind,
  seedAccount,
  seedApprovedEmployer,
  seedBoundApplicant,
  seedOfficer,
  startDemoRoundApp,
  type TestEnv,
} from './helper';

let env: TestEnv;
let planId: string;

beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

const jpeg = () =>
  sharp({ create: { width: 240, height: 320, channels: 3, background: '#eee' } })
    .jpeg({ quality: 60 })
    .toBuffer();
const loginAs = (username: string) => env.client().login(username);
const readsOf = (fileId: string) =>
  env.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'file.read'), eq(auditEvents.targetId, fileId)));

/** An applicant bound to a unit of 淳安, with an application to the open demo round and two of their own files. */
async function applicantWithApplication() {
  const a = await seedBoundApplicant(env, '330127');
  const created = await a.client.post('/api/v1/applications', { planId });
  expect(created.statusCode, created.body).toBe(201);
  const ownFile = await storePhoto(env.ctx, a.userId, await jpeg(), '综合表.jpg');
  return { ...a, applicationId: created.json().id as string, ownFile };
}

/** The first attachment the demo round's normal mode asks for: its key and the name the applicant sees. */
async function firstAttachment(c: {
  get(url: string): Promise<{ json(): { plan: { modes: Array<{ mode: string; attachments: Array<{ key: string; name: string }> }> } } }>;
}) {
  const plan = (await c.get(`/api/v1/plans/${planId}`)).json().plan;
  return plan.modes.find((m) => m.mode === 'normal')!.attachments[0]!;
}

describe(`a draft names only the applicant's own files (${dbKind})`, () => {
  it("refuses another applicant's file id in the attachments, naming the attachment; takes the applicant's own", async () => {
    const a = await applicantWithApplication();
    const b = await applicantWithApplication();
    const att = await firstAttachment(a.client);
    const url = `/api/v1/applications/${a.applicationId}/draft`;
    const foreign = await a.client.put(url, { mode: 'normal', draft: { attachments: { [att.key]: b.ownFile } } });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().message).toContain(att.name);
    expect(foreign.json().message).toContain('不是您本人上传的文件');
    expect(foreign.json().details).toHaveProperty(`draft.attachments.${att.key}`);
    const [row] = await env.ctx.db.select().from(applications).where(eq(applications.id, a.applicationId));
    expect(JSON.stringify(row!.draft)).not.toContain(b.ownFile);
    // a file id that does not exist at all is refused the same way
    expect(
      (await a.client.put(url, { mode: 'normal', draft: { attachments: { [att.key]: '00000000-0000-4000-8000-000000000000' } } }))
        .statusCode,
    ).toBe(400);
    const own = await a.client.put(url, { mode: 'normal', draft: { attachments: { [att.key]: a.ownFile } } });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("an application whose draft names someone else's file (saved before the check) leads neither the applicant nor the unit to it", async () => {
    const a = await applicantWithApplication();
    const b = await applicantWithApplication();
    const att = await firstAttachment(a.client);
    await env.ctx.db
      .update(applications)
      .set({ draft: { attachments: { [att.key]: b.ownFile, other: a.ownFile } } })
      .where(eq(applications.id, a.applicationId));
    const unit = await loginAs(a.employer.username);
    for (const reader of [a.client, unit]) {
      expect((await reader.get(`/api/v1/files/${b.ownFile}?application=${a.applicationId}`)).statusCode).toBe(404);
    }
    expect(await readsOf(b.ownFile)).toHaveLength(0);
    // nor tells them its name, type or size
    const files = (await a.client.get(`/api/v1/applications/${a.applicationId}`)).json().files;
    expect(Object.keys(files)).toEqual([a.ownFile]);
    // the applicant's own attachment is the unit's to read through the application once submitted (not
    // while it is a draft, and not without the application)
    expect((await unit.get(`/api/v1/files/${a.ownFile}?application=${a.applicationId}`)).statusCode).toBe(404);
    await env.ctx.db
      .update(applications)
      .set({ status: 'submitted', currentOrgIds: [a.employer.org.id] })
      .where(eq(applications.id, a.applicationId));
    expect((await unit.get(`/api/v1/files/${a.ownFile}`)).statusCode).toBe(404);
    const via = await unit.get(`/api/v1/files/${a.ownFile}?application=${a.applicationId}`);
    expect(via.statusCode).toBe(200);
    expect(via.headers['cache-control']).toBe('private, no-store');
    // another unit, through the same application: no
    const stranger = await loginAs((await seedApprovedEmployer(env.ctx, '330127')).username);
    expect((await stranger.get(`/api/v1/files/${a.ownFile}?application=${a.applicationId}`)).statusCode).toBe(404);
  });
});

describe(`every read of an applicant's file is audited (${dbKind})`, () => {
  it('who, which file, when, from where, on what ground, through which application; refusals leave no read row', async () => {
    const a = await applicantWithApplication();
    await a.client.put(`/api/v1/applications/${a.applicationId}/draft`, { mode: 'normal', draft: { attachments: { x: a.ownFile } } });
    const before = Date.now();
    expect((await a.client.get(`/api/v1/files/${a.ownFile}`)).statusCode).toBe(200);
    await env.ctx.db
      .update(applications)
      .set({ status: 'submitted', currentOrgIds: [a.employer.org.id] })
      .where(eq(applications.id, a.applicationId));
    const unit = await loginAs(a.employer.username);
    expect((await unit.get(`/api/v1/files/${a.ownFile}?application=${a.applicationId}&download=true`)).statusCode).toBe(200);
    const rows = (await readsOf(a.ownFile)).sort((x, y) => x.at.getTime() - y.at.getTime());
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorUserId: a.userId,
      actorRole: 'applicant',
      targetType: 'file',
      after: { ground: 'owner', purpose: 'idPhoto', applicationId: null },
    });
    expect(rows[1]).toMatchObject({
      actorUserId: a.employer.operator.id,
      actorRole: 'employer',
      actorOrgId: a.employer.org.id,
      after: { ground: 'application', applicationId: a.applicationId, download: true },
    });
    expect(rows[1]!.ip).toBe(unit.ip);
    expect(rows[1]!.at.getTime()).toBeGreaterThanOrEqual(before - 60_000);
  });
});

describe(`an employer's authorization letter and registration record (${dbKind})`, () => {
  it('are read by the unit, the HR bureaus over it and the administrator; not by a committee office or an economy bureau', async () => {
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    const stored = await env.ctx.store.put(Readable.from([MINIMAL_PDF]), {
      maxBytes: 1024 * 1024,
      accept: ['application/pdf'],
      filename: '授权委托书.pdf',
    });
    const [letter] = await env.ctx.db
      .insert(files)
      .values({
        ...stored,
        originalName: '授权委托书.pdf',
        purpose: 'authorizationLetter',
        ownerUserId: emp.operator.id,
        ownerOrgId: emp.org.id,
      })
      .returning();
    await env.ctx.db
      .update(organizations)
      .set({ authorizationLetterFileId: letter!.id, contactName: '王经办' })
      .where(eq(organizations.id, emp.org.id));

    const entitled = [
      emp.username, // the operator who uploaded it
      (await seedAccount(env.ctx, { role: 'employer', orgId: emp.org.id })).username!, // another operator of the unit
      (await seedOfficer(env.ctx, 'hrBureau', '330127')).username, // the county HR bureau that reviews it
      (await seedOfficer(env.ctx, 'hrBureau', '330000')).username, // the province HR department over it
      (await seedOfficer(env.ctx, 'administration', '330000')).username, // the province administrator
    ];
    for (const u of entitled) {
      const c = await loginAs(u);
      expect((await c.get(`/api/v1/files/${letter!.id}`)).statusCode, u).toBe(200);
      const detail = (await c.get(`/api/v1/organizations/${emp.org.id}`)).json();
      expect(detail.authorizationLetter?.fileId, u).toBe(letter!.id);
      expect(detail.contactName, u).toBe('王经办');
    }
    const refused = [
      (await seedOfficer(env.ctx, 'committeeOffice', '330000')).username, // a province-level committee office
      (await seedOfficer(env.ctx, 'economyBureau', '330000')).username, // the province economy department
      (await seedOfficer(env.ctx, 'economyBureau', '330127')).username, // the county economy bureau
      (await seedOfficer(env.ctx, 'hrBureau', '330122')).username, // a neighbouring county's HR bureau
    ];
    for (const u of refused) {
      const c = await loginAs(u);
      expect((await c.get(`/api/v1/files/${letter!.id}`)).statusCode, u).toBe(404);
      const detail = await c.get(`/api/v1/organizations/${emp.org.id}`);
      if (detail.statusCode === 200) {
        // an officer over the region still sees the unit, not its registration record
        expect(detail.json()).toMatchObject({
          name: emp.org.name,
          authorizationLetter: null,
          authorizationLetterFileId: null,
          contactName: null,
          contactPhoneMasked: null,
        });
      } else expect(detail.statusCode, u).toBe(403);
    }
    const reads = await readsOf(letter!.id);
    expect(reads).toHaveLength(entitled.length);
    expect(new Set(reads.map((r) => (r.after as { ground: string }).ground))).toEqual(
      new Set(['owner', 'ownOrganization', 'registrationReview']),
    );
  });
});

describe(`a committee office checks eligibility only on the applications it holds (${dbKind})`, () => {
  it('refuses an applicant of the province whose application it does not hold; answers once it holds it', async () => {
    const a = await applicantWithApplication();
    const office = await seedOfficer(env.ctx, 'committeeOffice', '330000');
    const c = await loginAs(office.username);
    const ask = () => c.post(`/api/v1/plans/${planId}/eligibility`, { mode: 'normal', level: 'senior', applicantId: a.userId });
    const refused = await ask();
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.json().message).toContain('未找到该申报人');
    await env.ctx.db
      .update(applications)
      .set({ status: 'atCommittee', currentOrgIds: [office.org.id] })
      .where(eq(applications.id, a.applicationId));
    const held = await ask();
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toHaveProperty('eligible');
    // the unit's own check is unchanged
    expect(
      (
        await (
          await loginAs(a.employer.username)
        ).post(`/api/v1/plans/${planId}/eligibility`, { mode: 'normal', level: 'senior', applicantId: a.userId })
      ).statusCode,
    ).toBe(200);
  });
});
