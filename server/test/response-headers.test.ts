/**
 * Issue 8 item 10: API answers are Cache-Control: no-store (a route's own, such as a file's
 * "private, no-store", is kept); the SPA's index.html is never cached; HSTS when served over https and
 * not over plain http; a Permissions-Policy on every response.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind, startTestApp, type TestEnv } from './helper';

let https: TestEnv;
let http: TestEnv;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'zc-dist-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>职称</title><div id="root"></div>');
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  // PUBLIC_URL https:// is what a deployment behind TLS sets; cookieSecure (and so HSTS) follows it
  https = await startTestApp({ PUBLIC_URL: 'https://zc.example.gov.cn', WEB_DIST: dist });
  http = await startTestApp({ WEB_DIST: dist });
});
afterAll(async () => {
  await https?.close();
  await http?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (env: TestEnv, url: string) => env.app.inject({ method: 'GET', url });

describe(`response headers (${dbKind})`, () => {
  it('API JSON is no-store, answered or refused; every response carries the Permissions-Policy', async () => {
    for (const url of ['/api/v1/session', '/api/v1/plans', '/api/v1/applications/mine', '/api/v1/no-such-route', '/api/health']) {
      const r = await get(https, url);
      expect(r.headers['cache-control'], url).toBe('no-store');
      expect(r.headers['permissions-policy'], url).toContain('camera=()');
      expect(r.headers['permissions-policy'], url).toContain('microphone=()');
      expect(r.headers['permissions-policy'], url).toContain('geolocation=()');
      expect(r.headers['permissions-policy'], url).toContain('payment=()');
      expect(r.headers['permissions-policy'], url).toContain('usb=()');
    }
  });

  it('index.html is never cached, however it is asked for; hashed assets keep their cache lifetime', async () => {
    for (const url of ['/', '/applicant/applications', '/index.html']) {
      const r = await get(https, url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.headers['cache-control'], url).toBe('no-store');
      expect(r.headers['permissions-policy'], url).toContain('camera=()');
    }
    const asset = await get(https, '/assets/app-1234.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('max-age=3600');
  });

  it('HSTS when served over https, not over plain http', async () => {
    expect(https.ctx.config.cookieSecure).toBe(true);
    for (const url of ['/api/v1/session', '/'])
      expect((await get(https, url)).headers['strict-transport-security'], url).toMatch(/max-age=31536000/);
    expect(http.ctx.config.cookieSecure).toBe(false);
    expect((await get(http, '/api/v1/session')).headers['strict-transport-security']).toBeUndefined();
    expect((await get(http, '/api/v1/session')).headers['cache-control']).toBe('no-store');
  });
});
