/**
 * Issue 9 items 4 and 7: messages tell the truth, and the phone can reach the signing link.
 * - a refusal names its real reason: unbound / binding pending / degree not verified by the registry;
 * - the pledge QR link uses an address a phone can reach, or says it cannot;
 * - the applicant's timeline shows how an objection was handled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationEvents, applications } from '../src/platform/db/schema';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { DemoDegreeRegistry } from '../src/platform/adapters/degree-registry';
import { isLoopbackHost, pledgeLinkBase, safeOrigin } from '../src/modules/applications/pledge-link';
import {
  dbKind,
  registerApplicant,
  seedApprovedEmployer,
  seedBoundApplicant,
  seedProfiledApplicant,
  startDemoRoundApp,
  type TestEnv,
} from './helper';

let env: TestEnv;
let planId: string;
beforeAll(async () => {
  ({ env, planId } = await startDemoRoundApp());
});
afterAll(async () => env?.close());

const degree = {
  kind: 'education',
  level: 'bachelor',
  degree: 'bachelor',
  major: '软件工程',
  school: '浙江工业大学',
  graduationDate: '2009-06-30',
  studyMode: 'fullTime',
  origin: 'domestic',
  isEngineering: true,
  isHighest: true,
};

describe(`refusals name their reason (${dbKind}; issue 9 item 4)`, () => {
  it('a bound applicant whose degree the registry did not confirm is told about the degree, not about binding', async () => {
    const a = await seedBoundApplicant(env);
    const saved = env.ctx.degreeRegistry;
    env.ctx.degreeRegistry = new DemoDegreeRegistry(new Map(), { latencyMs: 1, failureRate: 0 });
    try {
      const r = await a.client.post('/api/v1/archive/entries', { data: degree });
      expect(r.statusCode, r.body).toBe(201);
      const entry = r.json();
      expect(entry.verification.status).toBe('needsUpload');
      const listed = (await a.client.get('/api/v1/archive/entries')).json().find((e: { id: string }) => e.id === entry.id);
      expect(listed.submitBlockers.map((b: { code: string }) => b.code)).toEqual(['degreeNotVerified']);
      expect(listed.submitBlockers[0].message).toContain('学信');
      expect(JSON.stringify(listed.submitBlockers)).not.toContain('绑定');
      const sub = await a.client.post('/api/v1/archive/entries/submit', { ids: [entry.id] });
      expect(sub.statusCode).toBe(409);
      expect(sub.body).toContain('未通过学信数据自动核验');
      expect(sub.body).not.toContain('绑定');
    } finally {
      env.ctx.degreeRegistry = saved;
    }
  });

  it('an applicant whose binding waits for the employer is told so, for the archive and for a new application', async () => {
    const a = await seedProfiledApplicant(env);
    const emp = await seedApprovedEmployer(env.ctx, '330127');
    expect((await a.client.post('/api/v1/bindings', { employerId: emp.org.id })).statusCode).toBe(201);
    const entry = (
      await a.client.post('/api/v1/archive/entries', { data: { kind: 'annualAssessment', year: 2024, result: 'qualified' } })
    ).json();
    // both reasons, the entry's own first
    expect(entry.submitBlockers.map((b: { code: string }) => b.code)).toEqual(['evidenceMissing', 'bindingPending']);
    const sub = await a.client.post('/api/v1/archive/entries/submit', { ids: [entry.id] });
    expect(sub.statusCode).toBe(409);
    expect(sub.body).toContain('等待单位确认');
    const app = await a.client.post('/api/v1/applications', { planId });
    expect(app.statusCode).toBe(409);
    expect(app.body).toContain('等待单位确认');
  });

  it('an applicant with no binding is asked to bind', async () => {
    const a = await registerApplicant(env);
    const app = await a.client.post('/api/v1/applications', { planId });
    expect(app.statusCode).toBe(409);
    expect(app.body).toContain('尚未绑定工作单位');
  });
});

describe('the pledge link host (issue 9 item 7)', () => {
  it('pure rules: PUBLIC_URL, then the browser origin, then Host; loopback is never called reachable', () => {
    const base = { publicUrl: 'http://127.0.0.1:3000', requestProtocol: 'http' };
    expect(pledgeLinkBase({ ...base, publicUrl: 'https://zc.example.gov.cn', browserOrigin: 'http://192.168.1.20:3000' })).toEqual({
      base: 'https://zc.example.gov.cn',
      phoneReachable: true,
    });
    expect(pledgeLinkBase({ ...base, browserOrigin: 'http://192.168.1.20:3000', requestHost: '127.0.0.1:3000' })).toEqual({
      base: 'http://192.168.1.20:3000',
      phoneReachable: true,
    });
    expect(pledgeLinkBase({ ...base, browserOrigin: 'http://localhost:5173', requestHost: 'pc-01.lan:3000' })).toEqual({
      base: 'http://pc-01.lan:3000',
      phoneReachable: true,
    });
    expect(pledgeLinkBase({ ...base, browserOrigin: 'http://127.0.0.1:3000', requestHost: 'localhost:3000' })).toEqual({
      base: 'http://127.0.0.1:3000',
      phoneReachable: false,
    });
    expect(pledgeLinkBase({ ...base, publicUrl: 'http://0.0.0.0:3000' }).phoneReachable).toBe(false);
    for (const bad of [
      'javascript:alert(1)',
      'http://a@evil.example',
      'http://evil.example/path',
      'http://evil example',
      'http://x:99999',
      'ftp://host',
    ])
      expect(safeOrigin(bad), bad).toBeNull();
    expect(isLoopbackHost('[::1]:3000')).toBe(true);
    expect(isLoopbackHost('10.0.0.5:3000')).toBe(false);
  });

  it('POST …/pledge-token: the link uses the address the browser reached, and flags a loopback one', async () => {
    const zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    const id = (await zhang.post('/api/v1/applications', { planId })).json().id as string;
    const lan = (await zhang.post(`/api/v1/applications/${id}/pledge-token`, { origin: 'http://192.168.1.20:3000' })).json();
    expect(lan.url).toBe(`http://192.168.1.20:3000${lan.path}`);
    expect(lan.phoneReachable).toBe(true);
    // no origin from the page: the Host header, when it is not loopback
    const byHost = (await zhang.request('POST', `/api/v1/applications/${id}/pledge-token`, {}, { host: 'zc-pc.lan:8080' })).json();
    expect(byHost.url).toBe(`http://zc-pc.lan:8080${byHost.path}`);
    // a hostile origin is ignored; loopback stays loopback and is flagged
    const local = (await zhang.post(`/api/v1/applications/${id}/pledge-token`, { origin: 'http://127.0.0.1:3000' })).json();
    expect(local.phoneReachable).toBe(false);
    expect(local.url).toBe(`http://127.0.0.1:3000${local.path}`);
    const hostile = (await zhang.post(`/api/v1/applications/${id}/pledge-token`, { origin: 'javascript:alert(1)//' })).json();
    expect(hostile.url.startsWith('http')).toBe(true);
    expect(hostile.url).not.toContain('javascript');
  });
});

describe('the applicant reads how an objection was handled (issue 9 item 4)', () => {
  it('the 登记异议 event carries the objection and the handling', async () => {
    const zhang = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    const id = (await zhang.post('/api/v1/applications', { planId })).json().id as string;
    // as recordObjection writes it: the objection and its event at the same instant
    const at = new Date('2026-11-24T03:00:00Z');
    const objections = [
      { at: at.toISOString(), content: '有人反映论文署名有误', handling: '经核实署名无误，异议不成立' },
      { at: new Date(at.getTime() + 60_000).toISOString(), content: '反映业绩时间', handling: '' },
    ];
    await env.ctx.db.update(applications).set({ status: 'employerPublicity', objections }).where(eq(applications.id, id));
    await env.ctx.db.insert(applicationEvents).values([
      {
        applicationId: id,
        at,
        actorOrgName: '千岛湖水务',
        action: 'recordObjection',
        label: '登记异议',
        toStatus: 'employerPublicity',
        opinion: objections[0]!.content,
      },
      {
        applicationId: id,
        at: new Date(at.getTime() + 60_000),
        actorOrgName: '千岛湖水务',
        action: 'recordObjection',
        label: '登记异议',
        toStatus: 'employerPublicity',
        opinion: objections[1]!.content,
      },
    ]);
    const events = (await zhang.get(`/api/v1/applications/${id}`)).json().events as Array<{ label: string; objection: unknown }>;
    const handled = events.filter((e) => e.label === '登记异议').map((e) => e.objection);
    expect(handled).toEqual([
      { content: '有人反映论文署名有误', handling: '经核实署名无误，异议不成立' },
      { content: '反映业绩时间', handling: null },
    ]);
    expect(events.find((e) => e.label === '开始申报')?.objection).toBeNull();
  });
});
