import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { ZError, ZOk } from '../identity/schemas';
import { setSessionCookies } from '../identity/routes';
import { startSession } from '../identity/service';
import {
  ZApprove,
  ZCreateAccount,
  ZCreateOrganization,
  ZEmployerRegistration,
  ZEmployerSearchItem,
  ZOrganizationDetail,
  ZOrganizationQuery,
  ZOrganizationSummary,
  ZPage,
  ZRefuse,
} from './schemas';
import {
  createAccount,
  createOrganization,
  decideEmployer,
  getOrganization,
  listAccounts,
  listOrganizations,
  registerEmployer,
  searchEmployers,
  uploadAuthorizationLetter,
} from './service';

const tags = ['单位与机构'];
const ZId = z.object({ id: z.uuid('记录编号格式不正确') });
const ZAccount = z.object({
  id: z.uuid(),
  role: z.string(),
  realName: z.string(),
  username: z.string().nullable(),
  mobile: z.string().nullable(),
  status: z.string(),
});

export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/employers',
    {
      schema: {
        tags,
        summary: '用人单位注册',
        body: ZEmployerRegistration,
        response: { 201: z.object({ id: z.uuid() }), 400: ZError, 409: ZError },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await registerEmployer(ctx, req.body, req.auth, req.ip);
      if (r.newAccount) {
        const s = await startSession(
          ctx,
          r.userId,
          { ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
          'user.registered',
          auditContextOf(req),
        );
        setSessionCookies(ctx, reply, s);
      }
      return reply.status(201).send({ id: r.orgId });
    },
  );

  app.get(
    '/employers/current',
    { schema: { tags, summary: '本单位注册信息与审核状态', response: { 200: ZOrganizationDetail.nullable() } } },
    async (req) => {
      const auth = requireAuth(req, ['employer']);
      if (!auth.user.orgId) return null;
      return getOrganization(ctx, auth.actor, auth.user.orgId);
    },
  );

  app.post(
    '/employers/current/authorization-letter',
    {
      schema: {
        tags,
        summary: '上传授权委托书（PDF/JPG/PNG，≤10MB）',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ fileId: z.uuid(), sha256: z.string(), size: z.number(), mime: z.string() }), 400: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['employer']);
      if (!req.isMultipart()) fail('VALIDATION', '请以文件上传方式提交授权委托书');
      const part = await req.file();
      if (!part) fail('FILE_REJECTED', '请选择要上传的授权委托书文件');
      const r = await uploadAuthorizationLetter(ctx, auth, { stream: part.file, filename: part.filename }, auditContextOf(req));
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/employers/search',
    {
      schema: {
        tags,
        summary: '按关键字查找已通过审核的用人单位',
        querystring: z.object({ keyword: z.string().trim().min(2, '请至少输入 2 个字').max(60) }),
        response: { 200: z.array(ZEmployerSearchItem) },
      },
    },
    async (req) => {
      requireAuth(req);
      return searchEmployers(ctx, req.query.keyword);
    },
  );

  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: '机构与单位列表（限本辖区）',
        querystring: ZOrganizationQuery,
        response: { 200: ZPage(ZOrganizationSummary) },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      return listOrganizations(ctx, auth.actor, req.query);
    },
  );

  app.get(
    '/organizations/:id',
    { schema: { tags, summary: '机构详情', params: ZId, response: { 200: ZOrganizationDetail, 403: ZError, 404: ZError } } },
    async (req) => {
      const auth = requireAuth(req);
      return getOrganization(ctx, auth.actor, req.params.id);
    },
  );

  app.post(
    '/organizations/:id/approve',
    { schema: { tags, summary: '单位注册审核通过', params: ZId, body: ZApprove, response: { 200: ZOk, 403: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      await decideEmployer(ctx, auth.actor, req.params.id, { kind: 'approve', opinion: req.body.opinion }, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/organizations/:id/refuse',
    { schema: { tags, summary: '单位注册审核不通过', params: ZId, body: ZRefuse, response: { 200: ZOk, 403: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      await decideEmployer(ctx, auth.actor, req.params.id, { kind: 'refuse', reason: req.body.reason }, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: '创建管理机构（管理员）',
        body: ZCreateOrganization,
        response: { 201: z.object({ id: z.uuid() }), 403: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['admin']);
      const id = await createOrganization(ctx, auth.actor, req.body, auditContextOf(req));
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/organizations/:id/accounts',
    { schema: { tags, summary: '机构账号列表', params: ZId, response: { 200: z.array(ZAccount) } } },
    async (req) => {
      const auth = requireAuth(req, ['admin', 'officer']);
      return listAccounts(ctx, auth.actor, req.params.id);
    },
  );

  app.post(
    '/organizations/:id/accounts',
    {
      schema: {
        tags,
        summary: '为管理机构分配账号（管理员）',
        params: ZId,
        body: ZCreateAccount,
        response: { 201: z.object({ id: z.uuid() }), 403: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['admin']);
      const id = await createAccount(ctx, auth.actor, req.params.id, req.body, auditContextOf(req));
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/experts',
    {
      schema: {
        tags,
        summary: '添加评审专家（评委会办公室）',
        body: ZCreateAccount,
        response: { 201: z.object({ id: z.uuid() }), 403: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['officer']);
      if (!auth.user.orgId) fail('FORBIDDEN');
      const id = await createAccount(ctx, auth.actor, auth.user.orgId, req.body, auditContextOf(req), 'expert');
      return reply.status(201).send({ id });
    },
  );
};
