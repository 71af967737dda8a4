import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { creditCodeCheckChar } from '@zc/domain';
import { auditEvents, files, notifications, organizations, smsOutbox, users } from '../src/platform/db/schema';
import { AUTHORIZATION_LETTER_MAX_BYTES } from '../src/modules/organizations/service';
import { demoCreditCode } from '../src/modules/demo/demo-data';
import { MINIMAL_PDF, PNG_1PX, TEST_PASSWORD, dbKind, seedApprovedEmployer, seedOfficer, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => env?.close());

let serial = 500;
function registration(over: Record<string, unknown> = {}) {
  serial += 1;
  return {
    name: `淳安测试水电有限公司${serial}`,
    creditCode: demoCreditCode('330127', serial),
    regionId: '330127',
    nature: 'stateOwnedEnterprise',
    affiliation: 'county',
    competentDepartment: '淳安县水利局',
    filesAtAgency: false,
    contactName: '经办人',
    contactPhone: '13700001111',
    account: { username: `unit${serial}`, password: TEST_PASSWORD },
    ...over,
  };
}

async function registeredEmployer(over: Record<string, unknown> = {}) {
  const c = env.client();
  const res = await c.post('/api/v1/employers', registration(over));
  expect(res.statusCode, res.body).toBe(201);
  return { client: c, orgId: res.json().id as string };
}

describe(`employer registration (${dbKind})`, () => {
  it('registers a unit as pending and signs its operator in; the operator can do nothing else until approved', async () => {
    const { client, orgId } = await registeredEmployer();
    const current = (await client.get('/api/v1/employers/current')).json();
    expect(current).toMatchObject({
      id: orgId,
      status: 'pending',
      hasAuthorizationLetter: false,
      natureLabel: '国有企业',
      affiliation: 'county',
    });
    const blocked = await client.get('/api/v1/bindings');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('EMPLOYER_NOT_APPROVED');
    expect(blocked.json().message).toContain('授权委托书');
  });

  it('checks the credit code (GB 32100) and says which character is expected', async () => {
    const good = demoCreditCode('330127', 9001);
    const expected = creditCodeCheckChar(good.slice(0, 17));
    const wrong = good.slice(0, 17) + (expected === 'A' ? 'B' : 'A');
    const res = await env.client().post('/api/v1/employers', registration({ creditCode: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.creditCode).toContain(expected);
  });

  it('requires a remark for 其它类企业 (seed 000 附件4 四.3) and a competent department unless 无主管部门', async () => {
    const other = await env.client().post('/api/v1/employers', registration({ nature: 'otherEnterprise', natureRemark: null }));
    expect(other.statusCode).toBe(400);
    expect(other.json().details.natureRemark).toContain('备注');
    const noDep = await env.client().post('/api/v1/employers', registration({ competentDepartment: '' }));
    expect(noDep.statusCode).toBe(400);
    expect(noDep.json().details.competentDepartment).toBeDefined();
    const none = await env
      .client()
      .post('/api/v1/employers', registration({ affiliation: 'none', competentDepartment: null, nature: 'privateEnterprise' }));
    expect(none.statusCode).toBe(201);
  });

  it('refuses a second registration of the same credit code', async () => {
    const r = registration();
    expect((await env.client().post('/api/v1/employers', r)).statusCode).toBe(201);
    const again = await env.client().post('/api/v1/employers', { ...r, account: { username: `other${serial}`, password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(409);
  });
});

describe(`authorization letter upload (${dbKind})`, () => {
  it('accepts a PDF, stores it outside the web root with its SHA-256, and serves it only to those allowed', async () => {
    const { client, orgId } = await registeredEmployer();
    const up = await client.upload('/api/v1/employers/current/authorization-letter', { name: '授权委托书.pdf', content: MINIMAL_PDF });
    expect(up.statusCode, up.body).toBe(201);
    const { fileId, sha256, mime } = up.json();
    expect(mime).toBe('application/pdf');
    const [row] = await env.ctx.db.select().from(files).where(eq(files.id, fileId));
    expect(row?.sha256).toBe(sha256);
    expect(row?.storageKey).not.toContain('授权');
    const own = await client.get(`/api/v1/files/${fileId}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(own.rawPayload.equals(MINIMAL_PDF)).toBe(true);
    // the county HR bureau over the unit sees it; a neighbouring county and another unit do not
    const ca = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const tl = await seedOfficer(env.ctx, 'hrBureau', '330122');
    expect((await (await env.client().login(ca.username)).get(`/api/v1/files/${fileId}`)).statusCode).toBe(200);
    expect((await (await env.client().login(tl.username)).get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    const otherUnit = await registeredEmployer();
    expect((await otherUnit.client.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    expect((await env.app.inject({ url: `/api/v1/files/${fileId}` })).statusCode).toBe(401);
    const audit = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'organization.letterUploaded'), eq(auditEvents.targetId, orgId)));
    expect(audit).toHaveLength(1);
  });

  it('decides the type by content: a text file named .pdf and a PNG named .pdf are refused, a PNG named .png is stored', async () => {
    const { client } = await registeredEmployer();
    const fake = await client.upload('/api/v1/employers/current/authorization-letter', {
      name: 'letter.pdf',
      content: Buffer.from('this is not a pdf at all, just text'),
      type: 'application/pdf',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('PDF、JPG、PNG');
    const renamed = await client.upload('/api/v1/employers/current/authorization-letter', {
      name: 'letter.pdf',
      content: PNG_1PX,
      type: 'application/pdf',
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toContain('PNG');
    const png = await client.upload('/api/v1/employers/current/authorization-letter', {
      name: 'letter.png',
      content: PNG_1PX,
      type: 'image/png',
    });
    expect(png.statusCode).toBe(201);
    expect(png.json().mime).toBe('image/png');
  });

  it('refuses empty and oversized files with a message that says the limit', async () => {
    const { client } = await registeredEmployer();
    const empty = await client.upload('/api/v1/employers/current/authorization-letter', { name: 'a.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('空');
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(AUTHORIZATION_LETTER_MAX_BYTES)]);
    const over = await client.upload('/api/v1/employers/current/authorization-letter', { name: 'big.pdf', content: big });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('10 MB');
    const stored = await env.ctx.db.select().from(files).where(eq(files.originalName, 'big.pdf'));
    expect(stored).toHaveLength(0);
  });
});

describe(`employer approval within jurisdiction (${dbKind})`, () => {
  async function pendingWithLetter() {
    const e = await registeredEmployer();
    const up = await e.client.upload('/api/v1/employers/current/authorization-letter', { name: '委托书.pdf', content: MINIMAL_PDF });
    expect(up.statusCode).toBe(201);
    return e;
  }

  it('the county HR bureau approves; the operator is notified in the inbox and by SMS; the audit row has before/after', async () => {
    const e = await pendingWithLetter();
    const ca = await seedOfficer(env.ctx, 'hrBureau', '330127');
    const officer = await env.client().login(ca.username);
    const list = (await officer.get('/api/v1/organizations?kind=employer&status=pending&pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(e.orgId);
    const detail = (await officer.get(`/api/v1/organizations/${e.orgId}`)).json();
    expect(detail.allowed).toEqual(['approve', 'refuse']);
    expect(detail.contactPhoneMasked).toMatch(/^137\*{4}1111$/);
    const res = await officer.post(`/api/v1/organizations/${e.orgId}/approve`, { opinion: '材料齐全' });
    expect(res.statusCode).toBe(200);
    const [org] = await env.ctx.db.select().from(organizations).where(eq(organizations.id, e.orgId));
    expect(org?.status).toBe('approved');
    const [operator] = await env.ctx.db.select().from(users).where(eq(users.orgId, e.orgId));
    const inbox = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, operator!.id));
    expect(inbox.map((n) => n.title)).toContain('单位注册审核通过');
    // the outbox holds the mobile encrypted (issue 8 item 7)
    const sms = (await env.ctx.db.select().from(smsOutbox)).filter((m) => env.ctx.pii.decrypt('mobile', m.mobile) === '13700001111');
    expect(sms.some((m) => m.template === 'employerApproved')).toBe(true);
    const [audit] = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'organization.approved'), eq(auditEvents.targetId, e.orgId)));
    expect(audit).toMatchObject({
      actorUserId: ca.user.id,
      before: { status: 'pending' },
      after: { status: 'approved', opinion: '材料齐全' },
    });
    expect(audit?.ip).toBeTruthy();
    // the operator can now work
    expect((await e.client.get('/api/v1/bindings')).statusCode).toBe(200);
    expect((await e.client.get('/api/v1/home')).json().pending.map((p: { key: string }) => p.key)).toContain('bindings');
  });

  it("a county officer cannot see or act on another county's unit: refused by the server, absent from lists", async () => {
    const e = await pendingWithLetter();
    const tl = await seedOfficer(env.ctx, 'hrBureau', '330122');
    const other = await env.client().login(tl.username);
    const list = (await other.get('/api/v1/organizations?kind=employer&pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(e.orgId);
    const get = await other.get(`/api/v1/organizations/${e.orgId}`);
    expect(get.statusCode).toBe(403);
    expect(get.json().code).toBe('OUT_OF_JURISDICTION');
    const act = await other.post(`/api/v1/organizations/${e.orgId}/approve`, {});
    expect(act.statusCode).toBe(403);
    const [org] = await env.ctx.db.select().from(organizations).where(eq(organizations.id, e.orgId));
    expect(org?.status).toBe('pending');
  });

  it('the city sees its counties; an economy bureau may look but not approve', async () => {
    const e = await pendingWithLetter();
    const hz = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330100')).username);
    expect((await hz.get('/api/v1/organizations?kind=employer&pageSize=100')).json().items.map((i: { id: string }) => i.id)).toContain(
      e.orgId,
    );
    const eco = await env.client().login((await seedOfficer(env.ctx, 'economyBureau', '330127')).username);
    expect((await eco.get(`/api/v1/organizations/${e.orgId}`)).json().allowed).toEqual([]);
    expect((await eco.post(`/api/v1/organizations/${e.orgId}/approve`, {})).statusCode).toBe(403);
  });

  it('refusal needs a reason; the operator sees it and can upload again', async () => {
    const e = await pendingWithLetter();
    const ca = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330127')).username);
    const noReason = await ca.post(`/api/v1/organizations/${e.orgId}/refuse`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await ca.post(`/api/v1/organizations/${e.orgId}/refuse`, { reason: '授权委托书未加盖公章' })).statusCode).toBe(200);
    const mine = (await e.client.get('/api/v1/employers/current')).json();
    expect(mine).toMatchObject({ status: 'refused', refusalReason: '授权委托书未加盖公章' });
    const again = await e.client.upload('/api/v1/employers/current/authorization-letter', {
      name: '委托书-盖章.pdf',
      content: MINIMAL_PDF,
    });
    expect(again.statusCode).toBe(201);
    expect((await e.client.get('/api/v1/employers/current')).json().status).toBe('pending');
  });

  it('a unit without a letter cannot be approved yet', async () => {
    const e = await registeredEmployer();
    const ca = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330127')).username);
    const r = await ca.post(`/api/v1/organizations/${e.orgId}/approve`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toContain('授权委托书');
  });

  it('two officers approving at the same moment: exactly one succeeds, the other is told it changed', async () => {
    const e = await pendingWithLetter();
    const a = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330127')).username);
    const b = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330100')).username);
    const [r1, r2] = await Promise.all([
      a.post(`/api/v1/organizations/${e.orgId}/approve`, {}),
      b.post(`/api/v1/organizations/${e.orgId}/refuse`, { reason: '重复提交的测试' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const decided = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, e.orgId));
    expect(decided.filter((x) => x.action === 'organization.approved' || x.action === 'organization.refused')).toHaveLength(1);
  });
});

describe(`allocated management accounts (${dbKind})`, () => {
  it('the province admin creates a committee office and allocates its account; the office adds an expert', async () => {
    const admin = await env.client().login((await seedOfficer(env.ctx, 'administration', '330000')).username);
    const created = await admin.post('/api/v1/organizations', { kind: 'committeeOffice', name: '浙江省测试行业协会', regionId: '330000' });
    expect(created.statusCode).toBe(201);
    const orgId = created.json().id;
    const acct = await admin.post(`/api/v1/organizations/${orgId}/accounts`, {
      realName: '协会经办人',
      username: 'testoffice',
      password: TEST_PASSWORD,
      mobile: '13600001111',
    });
    expect(acct.statusCode).toBe(201);
    const office = await env.client().login('testoffice');
    // an allocated account first replaces its initial password (issue 8 item 6)
    expect((await office.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Office@2026new' })).statusCode).toBe(
      200,
    );
    const expert = await office.post('/api/v1/experts', {
      realName: '王专家',
      username: 'testexpert',
      password: TEST_PASSWORD,
      mobile: '13600002222',
    });
    expect(expert.statusCode).toBe(201);
    const [u] = await env.ctx.db.select().from(users).where(eq(users.username, 'testexpert'));
    expect(u).toMatchObject({ role: 'expert', orgId });
    const audit = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.created'));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('a city admin creates acceptance points in its city only, and nothing else', async () => {
    const jx = await env.client().login((await seedOfficer(env.ctx, 'administration', '330400')).username);
    expect(
      (await jx.post('/api/v1/organizations', { kind: 'acceptancePoint', name: '秀洲区职称申报受理点', regionId: '330411' })).statusCode,
    ).toBe(201);
    expect(
      (await jx.post('/api/v1/organizations', { kind: 'acceptancePoint', name: '嘉兴港区职称申报受理点', regionId: 'zone-jiaxing-port' }))
        .statusCode,
    ).toBe(201);
    const otherCity = await jx.post('/api/v1/organizations', { kind: 'acceptancePoint', name: '吴兴区职称申报受理点', regionId: '330502' });
    expect(otherCity.statusCode).toBe(403);
    const office = await jx.post('/api/v1/organizations', { kind: 'committeeOffice', name: '嘉兴某评委会办公室', regionId: '330400' });
    expect(office.statusCode).toBe(403);
    expect(office.json().message).toContain('受理点');
  });

  it('nobody self-registers a management account: officers and employers cannot create organizations or accounts', async () => {
    const officer = await env.client().login((await seedOfficer(env.ctx, 'hrBureau', '330100')).username);
    expect(
      (await officer.post('/api/v1/organizations', { kind: 'acceptancePoint', name: '某受理点测试', regionId: '330106' })).statusCode,
    ).toBe(403);
    const emp = await seedApprovedEmployer(env.ctx, '330106');
    const unit = await env.client().login(emp.username);
    expect(
      (
        await unit.post(`/api/v1/organizations/${emp.org.id}/accounts`, {
          realName: '某人',
          username: 'sneaky',
          password: TEST_PASSWORD,
          mobile: '13600003333',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await unit.post('/api/v1/experts', { realName: '某人', username: 'sneaky2', password: TEST_PASSWORD, mobile: '13600003333' }))
        .statusCode,
    ).toBe(403);
  });
});
