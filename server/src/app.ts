/**
 * Builds the Fastify application: platform plugins, then one plugin per bounded context.
 * Used by main.ts (the real server) and by the integration tests (app.inject).
 */
import Fastify, { type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, ERROR_CODES } from './platform/http/errors';
import { mapDbError, safeError } from './platform/http/db-errors';
import { addInputGuard } from './platform/http/input-guard';
import { authPlugin } from './platform/auth/plugin';
import type { AppContext } from './platform/context';
import { registerRateLimit } from './platform/ratelimit/rate-limit';
import { addResponseHeaders } from './platform/http/response-headers';
import { identityRoutes } from './modules/identity/routes';
import { organizationRoutes } from './modules/organizations/routes';
import { bindingRoutes } from './modules/bindings/routes';
import { portalRoutes } from './modules/portal/routes';
import { publicPortalRoutes } from './modules/portal/public-routes';
import { noticeAdminRoutes } from './modules/portal/notice-admin';
import { ssoRoutes } from './modules/sso/routes';
import { demoIdpRoutes } from './modules/sso/demo-idp';
import { fileRoutes } from './modules/files/routes';
import { adminRoutes } from './modules/admin/routes';
import { archiveRoutes } from './modules/archive/routes';
import { planRoutes } from './modules/plans/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { applicationRoutes } from './modules/applications/routes';
import { feeRoutes } from './modules/fees/routes';
import { DemoPaymentProvider, demoPayRoutes } from './platform/adapters/demo-payment';
import { publicityRoutes } from './modules/publicity/routes';
import { statisticsRoutes } from './modules/statistics/routes';
import { DEMO_GOV_IDENTITIES } from './modules/demo/demo-data';

/** Translates zod's issue paths into a field → Chinese message map the forms can show. */
function fieldErrors(error: FastifyError): Record<string, string> {
  const out: Record<string, string> = {};
  if (hasZodFastifySchemaValidationErrors(error)) {
    for (const v of error.validation) {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(v.params?.issue ? '' : '');
      const msg = v.message && /[\u4e00-\u9fa5]/.test(v.message) ? v.message : '格式不正确';
      out[path || '_'] = msg;
    }
  }
  return out;
}

export interface BuildAppOptions {
  /** where log lines go (tests capture them); with it the log is on even when LOG_LEVEL=silent */
  logStream?: { write(line: string): void };
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}) {
  const app = Fastify({
    logger:
      ctx.config.logLevel === 'silent' && !opts.logStream
        ? false
        : {
            level: ctx.config.logLevel === 'silent' ? 'info' : ctx.config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // personal data never reaches the log: no bodies, no query strings, no cookies,
            // and errors only in a form without statement parameters or values (db-errors.ts)
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }),
              err: (e: unknown) => safeError(e),
            },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    // the phone-signing link carries a signed token in the path
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // NUL and other control characters in params, query, JSON or multipart → 400 before any handler (input-guard.ts)
  addInputGuard(app);

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = fieldErrors(error);
      const first = Object.values(details)[0];
      return reply
        .status(400)
        .send({ code: 'VALIDATION', message: first ? `提交的内容有误：${first}` : ERROR_CODES.VALIDATION.message, details });
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error.message }, 'response failed its schema');
      return reply.status(500).send({ code: 'INTERNAL', message: ERROR_CODES.INTERNAL.message });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'TOO_MANY_REQUESTS', message: ERROR_CODES.TOO_MANY_REQUESTS.message });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return reply.status(400).send({ code: 'FILE_REJECTED', message: '文件过大或数量过多，请按页面提示上传' });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'VALIDATION', message: ERROR_CODES.VALIDATION.message });
    }
    // bad input the schemas let through (or a lost race) that the database refused: 4xx, logged without values
    const mapped = mapDbError(error);
    if (mapped) {
      req.log.warn({ err: safeError(error) }, 'database refused the input');
      return reply.status(mapped.status).send({ code: mapped.code, message: mapped.message });
    }
    req.log.error({ err: safeError(error) }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: ERROR_CODES.INTERNAL.message });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> tags
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        frameSrc: ["'self'"],
        formAction: ["'self'", ctx.config.sso.issuer],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS (one year, subdomains) when the platform is served over https (PUBLIC_URL https:// or COOKIE_SECURE=true)
    strictTransportSecurity: ctx.config.cookieSecure,
  });
  // API answers and HTML pages are never cached; Permissions-Policy on every response
  addResponseHeaders(app);
  // routes opt in with config.rateLimit; the store is shared by every node (Redis or PostgreSQL)
  await registerRateLimit(app, ctx);
  await app.register(multipart, { limits: { files: 1, fileSize: 50 * 1024 * 1024, fields: 20 } });
  await app.register(authPlugin, { ctx });

  await app.register(swagger, {
    openapi: {
      info: {
        title: '职称申报评审平台 API',
        version: '1.0.0',
        description: '所有接口均需 CSRF 头（x-csrf-token，取自 zc_csrf Cookie）后方可修改数据',
      },
      servers: [{ url: ctx.config.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok', database: ctx.dbKind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.dbKind });
    }
  });

  if (ctx.testClock) {
    const clock = ctx.testClock;
    app.log.warn('测试时钟已开启（ZC_TEST_CLOCK=true）：任何人都能拨动平台时间，切勿用于生产环境');
    app.put(
      '/api/test/clock',
      {
        schema: {
          hide: true,
          body: z.object({ offsetDays: z.number().min(0).max(3650) }),
          response: { 200: z.object({ now: z.string() }) },
        },
      },
      async (req) => {
        clock.offsetMs = req.body.offsetDays * 86_400_000;
        return { now: ctx.now().toISOString() };
      },
    );
  }

  await app.register(
    async (api) => {
      await api.register(identityRoutes, { ctx });
      await api.register(organizationRoutes, { ctx });
      await api.register(bindingRoutes, { ctx });
      await api.register(portalRoutes, { ctx });
      await api.register(publicPortalRoutes, { ctx });
      await api.register(noticeAdminRoutes, { ctx });
      await api.register(ssoRoutes, { ctx });
      await api.register(fileRoutes, { ctx });
      await api.register(adminRoutes, { ctx });
      await api.register(archiveRoutes, { ctx });
      await api.register(planRoutes, { ctx });
      await api.register(calendarRoutes, { ctx });
      await api.register(applicationRoutes, { ctx });
      await api.register(feeRoutes, { ctx });
      await api.register(publicityRoutes, { ctx });
      await api.register(statisticsRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );

  // the demo payment provider's pay page (demo mode only: config.payment)
  if (ctx.payment instanceof DemoPaymentProvider) await app.register(demoPayRoutes, { provider: ctx.payment });
  if (ctx.config.sso.demoIdp) await app.register(demoIdpRoutes, { ctx, identities: async () => DEMO_GOV_IDENTITIES, prefix: '/idp' });

  // the single-page app, served by the same server in production mode
  const dist = ctx.config.webDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: false, maxAge: '1h' });
    // the root is a directory to the static plugin: serve the app's page explicitly
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.header('cache-control', 'no-store').sendFile('index.html'));
    app.setNotFoundHandler((req, reply) => {
      // client routes get the SPA; a missing /assets/* file is a real 404
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/idp/') && !req.url.startsWith('/assets/')) {
        return reply.header('cache-control', 'no-store').sendFile('index.html');
      }
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' }));
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
