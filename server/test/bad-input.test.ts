/**
 * Issue 8 item 4: bad input is a 400 with a Chinese message, never a 500; database errors reach the log
 * without statement parameters (phones, ID numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoData } from '../src/modules/demo/demo-data';
import { CONTROL_CHAR_MESSAGE } from '../src/platform/http/input-guard';
import { startTestApp, type TestEnv } from './helper';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
  await seedDemoData(env.ctx.db, env.ctx.pii);
});
afterAll(async () => env?.close());

describe('control characters', () => {
  it('an unauthenticated login with a NUL in the username is a 400 with the Chinese message', async () => {
    const res = await env.client().post('/api/v1/sessions', { username: 'zhang\u0000wei', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: CONTROL_CHAR_MESSAGE });
  });

  it('NUL in a nested JSON value, in a key, in a query string and in a path parameter: 400', async () => {
    const c = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    for (const res of [
      await c.put('/api/v1/me/profile', { realName: '张伟', extra: { deep: ['ok', 'a\u0000b'] } }),
      await c.put('/api/v1/me/profile', { ['k\u0000']: 1 }),
      await c.get('/api/v1/notices?q=%00'),
      await c.get('/api/v1/files/%00abc'),
      await c.post('/api/v1/sessions', { username: 'a\u0001b', password: 'x' }),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toBe(CONTROL_CHAR_MESSAGE);
    }
  });

  it('tab, line feed and carriage return are ordinary text', async () => {
    const res = await env.client().post('/api/v1/sessions', { username: 'nobody\there', password: 'a\r\nb' });
    expect(res.statusCode).toBe(401);
  });

  it('a multipart file name with a NUL is a 400, not a 500', async () => {
    const c = await env.client().login(DEMO_PEOPLE.zhangWei.idNumber, DEMO_PASSWORD);
    const res = await c.upload('/api/v1/me/photo', { name: 'a\u0000.jpg', content: Buffer.from('not really a jpeg'), type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toBe(CONTROL_CHAR_MESSAGE);
  });
});

describe('impossible dates', () => {
  it('start=2026-00-10 (and 02-30, month 13) is a 400 with a Chinese message; a real date is answered', async () => {
    const c = await env.client().login('admin', DEMO_PASSWORD);
    for (const start of ['2026-00-10', '2026-02-30', '2026-13-01', '0000-01-01']) {
      const res = await c.get(`/api/v1/calendar/publicity-end?start=${start}&days=5`);
      expect(res.statusCode, `${start}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(/日期不存在|格式/);
    }
    expect((await c.get('/api/v1/calendar/publicity-end?start=2026-03-02&days=5')).statusCode).toBe(200);
  });

  it('a profile with work start month 13 is a 400 naming the field', async () => {
    const c = await env.client().login(DEMO_PEOPLE.liNa.idNumber, DEMO_PASSWORD);
    const res = await c.put('/api/v1/me/profile', { workStartMonth: '2015-13' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details?.workStartMonth).toMatch(/参加工作时间/);
  });
});

describe('database errors', () => {
  const ID = '330102199001011234';
  const PHONE = '13912345678';
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    // a second app over the same context, logging into an array
    app = await buildApp(env.ctx, { logStream: { write: (l: string) => void lines.push(l) } });
    // statements that fail inside PostgreSQL with personal data among their parameters
    app.get('/boom/cast', async () => env.ctx.db.execute(sql`select ${ID}::int as n, ${PHONE}::text as m`));
    app.get('/boom/unique', async () => {
      await env.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`create temp table if not exists t_uq2 (v text primary key)`);
        await tx.execute(sql`insert into t_uq2 values (${ID}), (${ID})`);
      });
    });
    app.get('/boom/fault', async () => env.ctx.db.execute(sql`select 1 / (length(${PHONE}) - 11) as n, ${ID} as id`));
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('bad input the database refuses is a 4xx with a Chinese message; a real fault a 500; the log holds no phone or ID number', async () => {
    const cast = await app.inject({ method: 'GET', url: '/boom/cast' });
    expect(cast.statusCode).toBe(400);
    expect(cast.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const unique = await app.inject({ method: 'GET', url: '/boom/unique' });
    expect(unique.statusCode).toBe(409);
    expect(unique.json()).toMatchObject({ code: 'DUPLICATE' });
    const fault = await app.inject({ method: 'GET', url: '/boom/fault' });
    expect(fault.statusCode).toBe(500);

    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('22012'); // division_by_zero: the SQLSTATE is there …
    expect(log).toContain('23505');
    expect(log).toContain('22003'); // numeric_value_out_of_range (the ID number as int)
    expect(log).not.toContain(ID); // … the values are not
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain('params:');
    expect(log).not.toContain(ID.slice(0, 11));
  });
});
