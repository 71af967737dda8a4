/**
 * Issue 8 item 7: ID numbers and mobile numbers are encrypted at rest (AES-256-GCM, keys from the
 * environment) and looked up by a keyed hash; applicants have no username holding their ID number;
 * lists stay masked; legacy plaintext rows are migrated at start-up; keys rotate.
 */
import { submittedApplication } from './application-walk';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { DEMO_EMPLOYERS, DEMO_PASSWORD, DEMO_PEOPLE, demoCreditCode, demoIdNumber } from '../src/modules/demo/demo-data';
import { organizations, smsOutbox, users } from '../src/platform/db/schema';
import { loadConfig } from '../src/platform/config';
import { PiiCipher, PiiKeyError, parseEncKeys } from '../src/platform/crypto/pii';
import { MISSING_KEYS_MESSAGE, openPiiCipher, piiKeyFile } from '../src/platform/crypto/keys';
import { migratePii } from '../src/platform/crypto/pii-migrate';
import {
  dbKind,
  newIdNumber,
  registerApplicant,
  startDemoRoundApp,
  TEST_PASSWORD,
  TEST_PII_ENC_KEYS,
  TEST_PII_HASH_KEY,
  type TestEnv,
} from './helper';

let env: TestEnv;
let planId: string;
let zhangId: string;
beforeAll(async () => {
  ({ env, planId, zhangId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

/** An ID number (18 characters) or a mainland mobile (11 digits) in clear, not part of a longer number. */
const CLEAR_ID = /(?<![0-9A-Za-z+/])\d{17}[\dXx](?![0-9A-Za-z+/])/;
const CLEAR_MOBILE = /(?<![0-9A-Za-z+/])1[3-9]\d{9}(?![0-9A-Za-z+/])/;

async function rows(query: string): Promise<Array<Record<string, unknown>>> {
  const r = await env.ctx.db.execute(sql.raw(query));
  return (Array.isArray(r) ? r : (r as { rows: Array<Record<string, unknown>> }).rows) as Array<Record<string, unknown>>;
}

const knownClear = (): string[] => [
  ...Object.values(DEMO_PEOPLE).flatMap((p) => [p.idNumber, p.mobile]),
  ...DEMO_EMPLOYERS.map((e) => e.operator.mobile),
  '13900000000',
];

describe(`personal data at rest (${dbKind})`, () => {
  let registered: { idNumber: string; mobile: string };

  it('registration stores the ID number and mobile encrypted with their keyed hashes, and no username', async () => {
    registered = { idNumber: newIdNumber('330106', '19910101'), mobile: '13912345670' };
    const a = await registerApplicant(env, registered);
    const [u] = await env.ctx.db
      .select()
      .from(users)
      .where(eq(users.idNumberHash, env.ctx.pii.hash('id_number', registered.idNumber)));
    expect(u).toBeDefined();
    expect(u!.username).toBeNull();
    expect(u!.idNumber).toMatch(/^v1:t1:/);
    expect(u!.mobile).toMatch(/^v1:t1:/);
    expect(u!.mobileHash).toBe(env.ctx.pii.hash('mobile', registered.mobile));
    expect(env.ctx.pii.decrypt('id_number', u!.idNumber)).toBe(registered.idNumber);
    // the profile shows them masked exactly as before
    const me = (await a.client.get('/api/v1/me')).json();
    expect(me.idNumberMasked).toBe(`${registered.idNumber.slice(0, 6)}********${registered.idNumber.slice(14)}`);
    expect(me.mobileMasked).toBe('139****5670');
    const session = (await a.client.get('/api/v1/session')).json();
    expect(JSON.stringify(session)).not.toContain(registered.idNumber);
  });

  it('signs in with the ID number (found by its hash; a lower-case x too) and refuses a second registration with 409', async () => {
    await env.client().login(registered.idNumber);
    await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    // an ID number whose check character is X, typed in lower case at registration and at login
    const xId = Array.from({ length: 900 }, (_, n) => demoIdNumber('330106', '19920202', String(100 + n))).find((n) => n.endsWith('X'))!;
    await registerApplicant(env, { idNumber: xId.toLowerCase(), mobile: '13912345671' });
    await env.client().login(xId.toLowerCase());
    await env.client().login(xId);
    const again = await env
      .client()
      .post('/api/v1/applicants', { realName: '重复', idNumber: registered.idNumber, mobile: '13912345672', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/该身份证号码已注册/);
    // two at the same moment: the unique hash lets exactly one in
    const racer = newIdNumber('330106', '19930303');
    const both = await Promise.all(
      [0, 1].map(() =>
        env.client().post('/api/v1/applicants', { realName: '并发', idNumber: racer, mobile: '13912345673', password: TEST_PASSWORD }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('after demo seeding, registration, binding, employer registration and a submitted application, no table holds them in clear', async () => {
    // a unit registers (contact_phone), a registered applicant binds to it and is approved (SMS outbox)
    const unitReg = await env.client().post('/api/v1/employers', {
      name: '淳安加密测试水电有限公司',
      creditCode: demoCreditCode('330127', 777),
      regionId: '330127',
      nature: 'stateOwnedEnterprise',
      affiliation: 'county',
      competentDepartment: '淳安县水利局',
      filesAtAgency: false,
      contactName: '经办人',
      contactPhone: '13700009999',
      account: { username: 'piiunit', password: TEST_PASSWORD },
    });
    expect(unitReg.statusCode, unitReg.body).toBe(201);
    const applicant = await registerApplicant(env, { idNumber: newIdNumber('330127', '19880808'), mobile: '13912340001' });
    expect(
      (await applicant.client.put('/api/v1/me/profile', { mobile: '13912340002', currentSpecialty: '给排水', workStartMonth: '2010-07' }))
        .statusCode,
    ).toBe(200);
    const qdh = (await applicant.client.get(`/api/v1/employers/search?keyword=${encodeURIComponent('千岛湖')}`)).json()[0];
    const bindingId = (await applicant.client.post('/api/v1/bindings', { employerId: qdh.id })).json().id;
    const unit = await env.client().login('qdhsw', DEMO_PASSWORD);
    const queue = (await unit.get('/api/v1/bindings?status=pending')).json();
    // masked in the employer's list, as before
    expect(queue.items[0].idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(queue.items[0].mobileMasked).toBe('139****0002');
    expect((await unit.post(`/api/v1/bindings/${bindingId}/approve`, {})).statusCode).toBe(200);
    const sms = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'bindingApproved'));
    expect(sms).toHaveLength(1);
    expect(env.ctx.pii.decrypt('mobile', sms[0]!.mobile)).toBe('13912340002');
    // the SMS gateway gets the number in clear (decrypted right before the call)
    const sent: string[] = [];
    const inner = (env.ctx.sms as unknown as { inner: { send: (m: string, b: string) => Promise<{ messageId: string }> } }).inner;
    const original = inner.send.bind(inner);
    inner.send = async (m, b) => (sent.push(m), original(m, b));
    await env.ctx.sms.send(sms[0]!.mobile, 'x');
    inner.send = original;
    expect(sent).toEqual(['13912340002']);

    // 张伟 submits an application of the demo round (drafts, eligibility, timeline)
    const zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    const { id } = await submittedApplication(env, planId, zhangId, zhang);
    // the employer's queue and detail still show the ID number masked
    const detail = (await unit.get(`/api/v1/applications/${id}`)).json();
    expect(detail.idNumberMasked).toBe(`${DEMO_PEOPLE.zhangWei.idNumber.slice(0, 6)}********${DEMO_PEOPLE.zhangWei.idNumber.slice(14)}`);

    const zhangMasked = `${DEMO_PEOPLE.zhangWei.idNumber.slice(0, 6)}********${DEMO_PEOPLE.zhangWei.idNumber.slice(14)}`;
    const held = (await unit.get('/api/v1/review/queue')).json();
    expect(held.items.map((i: { idNumberMasked: string }) => i.idNumberMasked)).toContain(zhangMasked);
    const archiveQueue = (await unit.get('/api/v1/archive/review-queue?status=approved')).json();
    expect(archiveQueue.items.length).toBeGreaterThan(0);
    for (const i of archiveQueue.items) expect(i.idNumberMasked).toBe(zhangMasked);
    // the publicity export (Excel) too
    const xlsx = await unit.get(`/api/v1/applications/${id}/publicity.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(4).getCell(2).value).toBe(zhangMasked);

    const clear = [...knownClear(), registered.idNumber, registered.mobile, '13912340001', '13912340002', '13700009999'];
    const check = (what: string, values: unknown[]) => {
      for (const v of values) {
        if (v == null) continue;
        const text = typeof v === 'string' ? v : JSON.stringify(v);
        expect(text, what).not.toMatch(CLEAR_ID);
        expect(text, what).not.toMatch(CLEAR_MOBILE);
        for (const c of clear) expect(text.includes(c), `${what} holds ${c}`).toBe(false);
      }
    };
    const u = await rows('select id_number, mobile, username, gov_claims from users');
    expect(u.length).toBeGreaterThan(20);
    check(
      'users.id_number',
      u.map((r) => r.id_number),
    );
    check(
      'users.mobile',
      u.map((r) => r.mobile),
    );
    check(
      'users.username',
      u.map((r) => r.username),
    );
    check(
      'users.gov_claims',
      u.map((r) => r.gov_claims),
    );
    for (const r of u) for (const col of ['id_number', 'mobile'] as const) if (r[col] != null) expect(String(r[col])).toMatch(/^v1:/);
    const o = await rows('select contact_phone from organizations where contact_phone is not null');
    expect(o.length).toBeGreaterThanOrEqual(DEMO_EMPLOYERS.length);
    check(
      'organizations.contact_phone',
      o.map((r) => r.contact_phone),
    );
    const s = await rows('select mobile, body from sms_outbox');
    expect(s.length).toBeGreaterThan(0);
    check(
      'sms_outbox',
      s.map((r) => r.mobile),
    );
    const audit = await rows('select before, after from audit_events');
    check(
      'audit_events',
      audit.flatMap((r) => [r.before, r.after]),
    );
    const apps = await rows('select draft, eligibility from applications');
    check(
      'applications',
      apps.flatMap((r) => [r.draft, r.eligibility]),
    );
  });

  it('lists stay masked: the SMS outbox (admin), a unit’s accounts and record', async () => {
    const admin = await env.client().login('admin', DEMO_PASSWORD);
    const outbox = (await admin.get('/api/v1/admin/sms-outbox?page=1&pageSize=50')).json();
    expect(outbox.items.length).toBeGreaterThan(0);
    for (const m of outbox.items) expect(m.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const [qdh] = await env.ctx.db.select().from(organizations).where(eq(organizations.name, DEMO_EMPLOYERS[0]!.name));
    const unit = await env.client().login('qdhsw', DEMO_PASSWORD);
    const record = (await unit.get(`/api/v1/organizations/${qdh!.id}`)).json();
    expect(record.contactPhoneMasked).toBe(
      `${DEMO_EMPLOYERS[0]!.operator.mobile.slice(0, 3)}****${DEMO_EMPLOYERS[0]!.operator.mobile.slice(7)}`,
    );
    const [province] = await env.ctx.db.select().from(organizations).where(eq(organizations.name, '浙江省职称管理服务平台（省级管理）'));
    const accounts = (await admin.get(`/api/v1/organizations/${province!.id}/accounts`)).json() as Array<{ mobile: string | null }>;
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(a.mobile).toBe('139****0000');
  });

  it('the start-up step encrypts legacy plaintext rows, fills the hashes and drops ID-number usernames; twice is a no-op', async () => {
    const legacyId = newIdNumber('330102', '19800101');
    await env.ctx.db.execute(
      sql`insert into users (role, username, password_hash, real_name, id_number, mobile) select 'applicant', ${legacyId}, password_hash, '旧数据', ${legacyId}, '13512345678' from users where username = 'qdhsw'`,
    );
    await env.ctx.db.execute(
      sql`insert into sms_outbox (mobile, template, body, status) values ('13512345678', 'legacy', '旧短信', 'sent')`,
    );
    await env.ctx.db.execute(sql`update organizations set contact_phone = '13512345679' where name = ${DEMO_EMPLOYERS[1]!.name}`);
    // before the step, the legacy applicant cannot be found by the hash
    expect((await env.client().post('/api/v1/sessions', { username: legacyId, password: DEMO_PASSWORD })).statusCode).toBe(401);

    const first = await migratePii(env.ctx.db, env.ctx.pii, { mode: 'plaintext', batchSize: 2 });
    expect(first).toMatchObject({ users: 1, smsOutbox: 1, organizations: 1 });
    const [u] = await env.ctx.db.select().from(users).where(eq(users.realName, '旧数据'));
    expect(u!.username).toBeNull();
    expect(u!.idNumber).toMatch(/^v1:t1:/);
    expect(u!.idNumberHash).toBe(env.ctx.pii.hash('id_number', legacyId));
    expect(env.ctx.pii.decrypt('mobile', u!.mobile)).toBe('13512345678');
    const [o] = await env.ctx.db.select().from(organizations).where(eq(organizations.name, DEMO_EMPLOYERS[1]!.name));
    expect(env.ctx.pii.decrypt('mobile', o!.contactPhone)).toBe('13512345679');
    expect(o!.contactPhone).toMatch(/^v1:/);
    const [m] = await env.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'legacy'));
    expect(m!.mobile).toMatch(/^v1:/);
    await env.client().login(legacyId, DEMO_PASSWORD);

    expect(await migratePii(env.ctx.db, env.ctx.pii, { mode: 'plaintext' })).toEqual({
      users: 0,
      smsOutbox: 0,
      organizations: 0,
      totpSecrets: 0,
      objections: 0,
    });
  });

  it('rotation re-encrypts everything under the new key; the old key is then not needed, a wrong one is named', async () => {
    const t2 = `t2:${Buffer.alloc(32, 7).toString('base64')}`;
    const rotated = new PiiCipher(parseEncKeys(`${t2},${TEST_PII_ENC_KEYS}`), Buffer.from(TEST_PII_HASH_KEY, 'base64'));
    const before = await rows('select count(*)::int as n from users where id_number is not null');
    // an objection lodged on the portal (issue 10): its contact is encrypted under the key of the day
    await env.ctx.db.execute(
      sql`insert into objections (list_id, entry_id, application_id, content, contact) values (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '异议', ${env.ctx.pii.encrypt('objection_contact', '13712345678')})`,
    );
    const r = await migratePii(env.ctx.db, rotated, { mode: 'rotate', batchSize: 3 });
    expect(r.users).toBeGreaterThanOrEqual(Number(before[0]!.n));
    expect(r.objections).toBe(1);
    const all = await rows(
      'select id_number, mobile from users union all select contact_phone, null from organizations union all select mobile, null from sms_outbox union all select contact, null from objections',
    );
    for (const row of all) for (const v of [row.id_number, row.mobile]) if (v != null) expect(String(v)).toMatch(/^v1:t2:/);
    expect(await migratePii(env.ctx.db, rotated, { mode: 'rotate' })).toEqual({
      users: 0,
      smsOutbox: 0,
      organizations: 0,
      totpSecrets: 0,
      objections: 0,
    });

    // only the new key: everything decrypts, the platform works on
    const newOnly = new PiiCipher(parseEncKeys(t2), Buffer.from(TEST_PII_HASH_KEY, 'base64'));
    const [z] = await env.ctx.db
      .select()
      .from(users)
      .where(eq(users.idNumberHash, newOnly.hash('id_number', DEMO_PEOPLE.zhangWei.idNumber)));
    expect(newOnly.decrypt('id_number', z!.idNumber)).toBe(DEMO_PEOPLE.zhangWei.idNumber);
    const oldOnly = env.ctx.pii;
    (env.ctx as { pii: PiiCipher }).pii = newOnly;
    try {
      const zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
      expect((await zhang.get('/api/v1/me')).json().mobileMasked).toBe('138****0001');
      // the old key alone cannot read the new ciphertext, and says which key is missing
      expect(() => oldOnly.decrypt('id_number', z!.idNumber!)).toThrow(/密钥“t2”未配置/);
      // a wrong key under the right name: a clear error, not garbage
      const wrong = new PiiCipher(parseEncKeys(`t2:${Buffer.alloc(32, 9).toString('base64')}`), Buffer.from(TEST_PII_HASH_KEY, 'base64'));
      expect(() => wrong.decrypt('id_number', z!.idNumber!)).toThrow(PiiKeyError);
      expect(() => wrong.decrypt('id_number', z!.idNumber!)).toThrow(/密钥“t2”与密文不符/);

      // a new hash key: --rehash recomputes every look-up hash, and login by ID number still works
      const newHash = new PiiCipher(parseEncKeys(t2), Buffer.alloc(32, 5));
      await migratePii(env.ctx.db, newHash, { mode: 'rotate', rehash: true });
      (env.ctx as { pii: PiiCipher }).pii = newHash;
      await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
      const dup = await env
        .client()
        .post('/api/v1/applicants', { realName: '重复', idNumber: registered.idNumber, mobile: '13912345672', password: TEST_PASSWORD });
      expect(dup.statusCode).toBe(409);
    } finally {
      (env.ctx as { pii: PiiCipher }).pii = oldOnly;
    }
  });
});

describe('PiiCipher (platform/crypto/pii.ts)', () => {
  const cipher = new PiiCipher(parseEncKeys(TEST_PII_ENC_KEYS), Buffer.from(TEST_PII_HASH_KEY, 'base64'));

  it('random IV per value; the field is authenticated, so a value cannot move to another kind of column', () => {
    const a = cipher.encrypt('mobile', '13800000000');
    const b = cipher.encrypt('mobile', '13800000000');
    expect(a).not.toBe(b);
    expect(cipher.decrypt('mobile', a)).toBe('13800000000');
    expect(() => cipher.decrypt('id_number', a)).toThrow(PiiKeyError);
    const tampered = a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => cipher.decrypt('mobile', tampered)).toThrow(/与密文不符|已损坏/);
    expect(cipher.decrypt('mobile', '13800000000')).toBe('13800000000'); // legacy plaintext, until the start-up step
    expect(cipher.encrypt('mobile', null)).toBeNull();
  });

  it('hashes the normalized value, keyed and separated by field', () => {
    expect(cipher.hash('id_number', '33010219900101123x')).toBe(cipher.hash('id_number', '33010219900101123X'));
    expect(cipher.hash('mobile', '+86 138-0000-0000')).toBe(cipher.hash('mobile', '13800000000'));
    expect(cipher.hash('mobile', '13800000000')).not.toBe(cipher.hash('id_number', '13800000000'));
    const other = new PiiCipher(parseEncKeys(TEST_PII_ENC_KEYS), Buffer.alloc(32, 3));
    expect(other.hash('mobile', '13800000000')).not.toBe(cipher.hash('mobile', '13800000000'));
  });

  it('refuses bad keys with a message saying what to fix', () => {
    expect(() => parseEncKeys('nokeyid')).toThrow(/编号:base64密钥/);
    expect(() => new PiiCipher(parseEncKeys(`k1:${Buffer.alloc(16).toString('base64')}`), Buffer.alloc(32))).toThrow(/应为 32 字节/);
    expect(() => new PiiCipher(parseEncKeys(TEST_PII_ENC_KEYS), Buffer.alloc(8))).toThrow(/PII_HASH_KEY/);
  });
});

describe('where the keys come from (platform/crypto/keys.ts)', () => {
  it('PostgreSQL without keys and not in demo mode: refuses to start, naming the variables', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/none', WEB_DIST: '' });
    await expect(openPiiCipher(config, () => undefined)).rejects.toThrow(MISSING_KEYS_MESSAGE);
    await expect(
      openPiiCipher(
        loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/none', WEB_DIST: '', PII_ENC_KEYS: TEST_PII_ENC_KEYS }),
        () => undefined,
      ),
    ).rejects.toThrow(/同时设置/);
  });

  it('the embedded database without keys: generated once into DATA_DIR/keys/pii.json (0600) with a warning, then reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zc-pii-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, WEB_DIST: '' });
      const warnings: string[] = [];
      const first = await openPiiCipher(config, (m) => warnings.push(m));
      expect(warnings[0]).toMatch(/PII_ENC_KEYS/);
      expect((await stat(piiKeyFile(dir))).mode & 0o777).toBe(0o600);
      const second = await openPiiCipher(config, () => undefined);
      expect(second.hash('mobile', '13800000000')).toBe(first.hash('mobile', '13800000000'));
      expect(second.decrypt('mobile', first.encrypt('mobile', '13800000000'))).toBe('13800000000');
      expect(JSON.parse(await readFile(piiKeyFile(dir), 'utf8'))).toHaveProperty('hashKey');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL in an explicit demo mode: the key file, as for the embedded database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zc-pii-'));
    try {
      const c = await openPiiCipher(
        loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/none', DEMO_MODE: 'true', DATA_DIR: dir, WEB_DIST: '' }),
        () => undefined,
      );
      expect(c.decrypt('mobile', c.encrypt('mobile', '13800000000'))).toBe('13800000000');
      expect((await stat(piiKeyFile(dir))).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('environment keys win', async () => {
    const c = await openPiiCipher(
      loadConfig({
        DATABASE_URL: 'postgres://x@127.0.0.1/none',
        WEB_DIST: '',
        PII_ENC_KEYS: TEST_PII_ENC_KEYS,
        PII_HASH_KEY: TEST_PII_HASH_KEY,
      }),
    );
    expect(c.currentKeyId).toBe('t1');
  });
});
