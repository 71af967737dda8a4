import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, count, eq, isNull } from 'drizzle-orm';
import { organizations, regions, users } from '../src/platform/db/schema';
import { DEMO_PASSWORD, demoAccountList, seedDemoData } from '../src/modules/demo/demo-data';
import { dbKind, startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  expect(await seedDemoData(env.ctx.db, env.ctx.pii)).toBe(true);
});
afterAll(async () => env?.close());

describe(`demo data in the real shape of Zhejiang (${dbKind})`, () => {
  it('has the province, 11 cities, 90 counties and the two Jiaxing zones; 26 mountain counties flagged (seed 003 附件3)', async () => {
    const all = await env.ctx.db.select().from(regions);
    expect(all.filter((r) => r.level === 'city')).toHaveLength(11);
    expect(all.filter((r) => r.level === 'county')).toHaveLength(90);
    const zones = all.filter((r) => r.level === 'developmentZone');
    expect(zones.map((z) => z.code)).toEqual([null, null]);
    expect(zones.every((z) => z.parentId === '330400')).toBe(true);
    expect(all.filter((r) => r.mountainCounty)).toHaveLength(26);
  });

  it('every city and county has its HR bureau and economy bureau; zones have their own HR bureau (seed 002)', async () => {
    const [hr] = await env.ctx.db.select({ n: count() }).from(organizations).where(eq(organizations.kind, 'hrBureau'));
    const [eco] = await env.ctx.db.select({ n: count() }).from(organizations).where(eq(organizations.kind, 'economyBureau'));
    expect(hr?.n).toBe(1 + 11 + 90 + 2);
    expect(eco?.n).toBe(1 + 11 + 90);
    const zoneHr = await env.ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.kind, 'hrBureau'), eq(organizations.regionId, 'zone-jiaxing-port')));
    expect(zoneHr).toHaveLength(1);
  });

  it('has the committee offices of the five seeds and employers of every affiliation', async () => {
    const offices = (await env.ctx.db.select().from(organizations).where(eq(organizations.kind, 'committeeOffice'))).map((o) => o.name);
    expect(offices).toEqual(expect.arrayContaining(['浙江省软件行业协会', '浙江省安全技术防范行业协会', '湖州市职业资格指导服务中心']));
    const committees = await env.ctx.db.select().from(organizations).where(eq(organizations.kind, 'committee'));
    expect(committees.length).toBeGreaterThanOrEqual(8);
    const employers = await env.ctx.db.select().from(organizations).where(eq(organizations.kind, 'employer'));
    expect(new Set(employers.map((e) => e.affiliation))).toEqual(new Set(['county', 'city', 'province', 'none']));
    expect(employers.some((e) => e.status === 'pending')).toBe(true);
  });

  it('one demo account per role, each able to sign in with the README password', async () => {
    for (const role of ['admin', 'officer', 'expert', 'employer', 'applicant']) {
      const [u] = await env.ctx.db.select().from(users).where(eq(users.role, role)).limit(1);
      expect(u, role).toBeDefined();
      // applicants have no username: they sign in with their ID number
      await env.client().login(u!.username ?? env.ctx.pii.decrypt('id_number', u!.idNumber!), DEMO_PASSWORD);
    }
    const [orphans] = await env.ctx.db
      .select({ n: count() })
      .from(users)
      .where(and(isNull(users.orgId), eq(users.role, 'officer')));
    expect(orphans?.n).toBe(0);
  });

  it('README lists every demo account the seed creates', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const a of demoAccountList()) expect(readme, a.username).toContain(`\`${a.username}\``);
    expect(readme).toContain(DEMO_PASSWORD);
  });

  it('seeding twice does nothing', async () => {
    expect(await seedDemoData(env.ctx.db, env.ctx.pii)).toBe(false);
  });
});
