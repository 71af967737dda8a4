/**
 * Issue 8 item 4: a bounded, schema-driven fuzz over every operation in the OpenAPI document, as six
 * roles: no request may end in a 5xx. Fixed seed, so a failure reproduces; the summary names any 5xx
 * with its method, path, role and the kind of input.
 *
 * Inputs per operation and role (FUZZ_KINDS): valid-ish values from the JSON Schema (real ids from the demo
 * data half the time), NUL and other control characters, very long strings, wrong types, impossible dates,
 * negative / huge / fractional numbers, an empty or garbage body; operations without a JSON body also get
 * multipart uploads with hostile file names and an 8-byte "PNG".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/modules/demo/demo-data';
import { startDemoRoundApp, type TestClient, type TestEnv } from './helper';

/** requests per operation and role: one of each kind */
const FUZZ_KINDS = ['valid', 'valid', 'valid', 'nul', 'nul', 'long', 'wrongType', 'wrongType', 'badDate', 'number', 'garbage'] as const;
type Kind = (typeof FUZZ_KINDS)[number];
const SEED = 20261203;

/** Operations not fuzzed, each with the reason (nothing is skipped silently). */
const EXCLUDED: Record<string, string> = {
  'DELETE /api/v1/sessions/current': 'logout ends the role’s session mid-run; called once per role at the end instead',
};

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
  $ref?: string;
};
interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** mulberry32: small, seeded, good enough to spread inputs */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(
    private readonly rand: () => number,
    private readonly components: Record<string, Schema>,
    private readonly realIds: string[],
  ) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }
  uuid(): string {
    if (this.realIds.length && this.rand() < 0.5) return this.pick(this.realIds);
    const h = () => Math.floor(this.rand() * 16).toString(16);
    const s = Array.from({ length: 32 }, h).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
  resolve(s: Schema): Schema {
    if (s.$ref) return this.resolve(this.components[s.$ref.split('/').pop()!] ?? {});
    if (s.allOf?.length) return this.resolve(Object.assign({}, ...s.allOf.map((x) => this.resolve(x))) as Schema);
    return s;
  }
  /** a value the schema accepts, as far as a small generator can tell */
  valid(schema: Schema, depth = 0): unknown {
    const s = this.resolve(schema);
    if (s.const !== undefined) return s.const;
    if (s.enum) return this.pick(s.enum);
    const alt = s.anyOf ?? s.oneOf;
    if (alt?.length) return this.valid(this.pick(alt.filter((a) => this.resolve(a).type !== 'null')) ?? alt[0]!, depth + 1);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type ?? (s.properties ? 'object' : 'string')) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties ?? {}))
          if (depth < 6 && (s.required?.includes(k) || this.rand() < 0.6)) out[k] = this.valid(v, depth + 1);
        return out;
      }
      case 'array': {
        const n = Math.max(s.minItems ?? 0, depth < 5 ? Math.floor(this.rand() * 3) : 0);
        return Array.from({ length: Math.min(n, s.maxItems ?? n) }, () => this.valid(s.items ?? {}, depth + 1));
      }
      case 'integer':
      case 'number': {
        const lo = s.minimum ?? 0;
        const hi = Math.min(s.maximum ?? lo + 100, lo + 1000);
        const v = lo + this.rand() * (hi - lo);
        return type === 'integer' ? Math.round(v) : Math.round(v * 10) / 10;
      }
      case 'boolean':
        return this.rand() < 0.5;
      default:
        return this.string(s);
    }
  }
  string(s: Schema): string {
    if (s.format === 'uuid' || s.pattern?.includes('[0-9a-fA-F]{8}')) return this.uuid();
    if (s.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}')) return this.pick(['2026-03-02', '2026-11-30', '2020-01-15']);
    if (s.pattern?.startsWith('^\\d{4}-\\d{2}$')) return this.pick(['2026-03', '2015-07']);
    if (s.format === 'date-time') return new Date(Date.UTC(2026, 10, 1 + Math.floor(this.rand() * 28))).toISOString();
    if (s.format === 'email') return 'a@example.com';
    const base = this.pick(['测试', 'abc', '张伟', '330127', 'x-y_z', '13800000000', '']);
    let v = base.padEnd(s.minLength ?? 0, '测');
    if (s.maxLength !== undefined) v = v.slice(0, s.maxLength);
    return v;
  }
  /** a hostile value for one field */
  hostile(kind: Kind, schema: Schema): unknown {
    switch (kind) {
      case 'nul':
        return this.pick(['a\u0000b', '\u0000', 'x\u0001\u001f', '测\u0000试']);
      case 'long':
        return this.pick(['长'.repeat(20_000), 'x'.repeat(200_000)]);
      case 'wrongType':
        return this.pick([{}, [], 12345, true, null, { $gt: '' }, ['a', 'b']]);
      case 'badDate':
        return this.pick(['2026-00-10', '2026-02-30', '2026-13-01', '0000-00-00', '9999-99-99', '2026-02-29T25:61:00Z']);
      case 'number':
        return this.pick([-1, -2147483649, 2 ** 63, 1e308, 0.5, -0.0001, Number.MAX_SAFE_INTEGER + 2]);
      default:
        return this.valid(schema);
    }
  }
  /** the body for one kind: valid-ish with one field made hostile (or a hostile body as a whole) */
  body(schema: Schema, kind: Kind): unknown {
    const s = this.resolve(schema);
    if (kind === 'garbage') return this.pick(['{"unterminated": ', 'null', '[]', '"x"', '{"__proto__": {"admin": true}}', '9'.repeat(400)]);
    const v = this.valid(s);
    if (kind === 'valid' || !v || typeof v !== 'object' || Array.isArray(v)) return kind === 'valid' ? v : this.hostile(kind, s);
    const keys = Object.keys(s.properties ?? {});
    if (!keys.length) return { extra: this.hostile(kind, {}) };
    // one or two fields hostile, at top level or one level down
    const out = v as Record<string, unknown>;
    for (let i = 0; i < 2; i += 1) {
      const k = this.pick(keys);
      const inner = out[k];
      const sub = this.resolve(s.properties![k]!);
      if (inner && typeof inner === 'object' && !Array.isArray(inner) && sub.properties && this.rand() < 0.5) {
        const ik = this.pick(Object.keys(sub.properties));
        (inner as Record<string, unknown>)[ik] = this.hostile(kind, sub.properties[ik]!);
      } else out[k] = this.hostile(kind, sub);
    }
    return out;
  }
  /** a path or query value for one kind */
  param(schema: Schema, kind: Kind): string {
    const v = kind === 'valid' || kind === 'garbage' ? this.valid(schema) : this.hostile(kind, schema);
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return encodeURIComponent(kind === 'long' ? text.slice(0, 3000) : text);
  }
}

interface Outcome {
  op: string;
  role: string;
  kind: Kind;
  status: number;
  body: string;
}

let env: TestEnv;
const roles: Record<string, () => Promise<TestClient>> = {};
beforeAll(async () => {
  ({ env } = await startDemoRoundApp());
  const as = (u: string) => () => env.client().login(u, DEMO_PASSWORD);
  roles.anonymous = async () => env.client();
  roles.applicant = as(DEMO_PEOPLE.zhangWei.idNumber);
  roles.employer = as('qdhsw');
  roles.officer = as('cahr');
  roles.committeeOffice = as('zsia');
  roles.admin = as('admin');
}, 120_000);
afterAll(async () => env?.close());

describe('schema-driven fuzz over the OpenAPI document', () => {
  it('no operation answers any role with a 5xx', { timeout: 300_000 }, async () => {
    const started = Date.now();
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const ops: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, ...op });

    // ids that exist, so "valid" requests reach the handlers' deeper paths, not only their 404s
    const idRows = (await env.ctx.db.execute(
      sql`select id::text as id from applications union all select id::text from plans union all select id::text from organizations
          union all select id::text from files union all select id::text from archive_entries union all select id::text from users limit 400`,
    )) as unknown as { rows: Array<{ id: string }> };
    const gen = new Gen(
      rng(SEED),
      doc.components?.schemas ?? {},
      idRows.rows.map((r) => r.id),
    );

    const results: Outcome[] = [];
    const excluded: string[] = [];
    for (const [role, login] of Object.entries(roles)) {
      let client = await login();
      for (const op of ops) {
        const name = `${op.method} ${op.path}`;
        if (EXCLUDED[name]) {
          if (role === 'anonymous') excluded.push(`${name}: ${EXCLUDED[name]}`);
          continue;
        }
        for (const kind of FUZZ_KINDS) {
          let url = op.path;
          const query: string[] = [];
          for (const p of op.parameters ?? []) {
            if (p.in === 'path') url = url.replace(`{${p.name}}`, gen.param(p.schema, kind === 'garbage' ? 'valid' : kind));
            else if (p.in === 'query' && (p.required || gen.pick([true, false]))) query.push(`${p.name}=${gen.param(p.schema, kind)}`);
          }
          if (query.length) url += `?${query.join('&')}`;
          const schema = op.requestBody?.content['application/json']?.schema;
          const body =
            op.method === 'GET' || op.method === 'DELETE'
              ? undefined
              : schema
                ? gen.body(schema, kind)
                : kind === 'valid'
                  ? {}
                  : gen.body({ type: 'object', properties: { x: {} } }, kind);
          const payload = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
          const res = await client.request(
            op.method as 'GET',
            url,
            payload,
            payload === undefined ? {} : { 'content-type': 'application/json' },
          );
          results.push({ op: name, role, kind, status: res.statusCode, body: res.body.slice(0, 200) });
          // a request that ended the session (password changed, second factor reset…): sign in again
          if (res.statusCode === 401 && role !== 'anonymous') client = await login();
        }
        // operations without a JSON body may take a file (multipart): a hostile name and an 8-byte "PNG" each
        if ((op.method === 'POST' || op.method === 'PUT') && !op.requestBody) {
          const url = op.path.replace(/\{[^}]+\}/g, () => gen.uuid());
          for (const name of ['a\u0000.png', `${'长'.repeat(300)}.png`, '../../etc/passwd']) {
            const res = await client.upload(url, {
              name,
              content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
              type: 'image/png',
            });
            results.push({
              op: `${op.method} ${op.path} (multipart)`,
              role,
              kind: 'garbage',
              status: res.statusCode,
              body: res.body.slice(0, 200),
            });
            if (res.statusCode === 401 && role !== 'anonymous') client = await login();
          }
        }
      }
      // the excluded logout, once, last
      const out = await client.request('DELETE', '/api/v1/sessions/current');
      results.push({ op: 'DELETE /api/v1/sessions/current', role, kind: 'valid', status: out.statusCode, body: out.body.slice(0, 200) });
    }

    const fives = results.filter((r) => r.status >= 500);
    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    // eslint-disable-next-line no-console
    console.log(
      [
        `fuzz: ${ops.length} operations × ${Object.keys(roles).length} roles × ${FUZZ_KINDS.length} inputs = ${results.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`,
        `status counts: ${[...byStatus]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
        `excluded: ${excluded.length ? excluded.join('; ') : 'none'}`,
        `multipart requests: ${results.filter((r) => r.op.endsWith('(multipart)')).length}`,
        ...fives.slice(0, 40).map((f) => `5xx: ${f.status} ${f.op} as ${f.role} (${f.kind}) → ${f.body}`),
      ].join('\n'),
    );
    expect(fives.map((f) => `${f.status} ${f.op} as ${f.role} (${f.kind})`)).toEqual([]);
  });
});
