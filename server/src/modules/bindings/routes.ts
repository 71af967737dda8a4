import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BINDING_STATUSES } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireApprovedEmployer, requireAuth } from '../../platform/auth/plugin';
import { ZError, ZOk } from '../identity/schemas';
import { ZPage, ZRefuse } from '../organizations/schemas';
import { cancelBinding, decideBinding, employerBindings, myBindings, requestBinding } from './service';

const tags = ['单位绑定'];
const ZId = z.object({ id: z.uuid('记录编号格式不正确') });
const ZMyBinding = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  regionName: z.string(),
  status: z.enum(BINDING_STATUSES),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
const ZEmployerBinding = z.object({
  id: z.uuid(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  mobileMasked: z.string(),
  sex: z.string().nullable(),
  currentSpecialty: z.string().nullable(),
  status: z.enum(BINDING_STATUSES),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  requestedAt: z.string(),
});

export const bindingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/bindings',
    {
      schema: {
        tags,
        summary: '申请绑定单位',
        body: z.object({ employerId: z.uuid('请从搜索结果中选择单位') }),
        response: { 201: z.object({ id: z.uuid() }), 403: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['applicant']);
      const id = await requestBinding(ctx, auth, req.body.employerId, auditContextOf(req));
      return reply.status(201).send({ id });
    },
  );

  app.get('/me/bindings', { schema: { tags, summary: '我的单位绑定', response: { 200: z.array(ZMyBinding) } } }, async (req) => {
    const auth = requireAuth(req, ['applicant']);
    return myBindings(ctx, auth.user.id);
  });

  app.post(
    '/bindings/:id/cancel',
    { schema: { tags, summary: '撤销绑定申请', params: ZId, response: { 200: ZOk, 409: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await cancelBinding(ctx, auth, req.params.id, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/bindings',
    {
      schema: {
        tags,
        summary: '本单位收到的绑定申请',
        querystring: z.object({
          status: z.enum(BINDING_STATUSES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: ZPage(ZEmployerBinding) },
      },
    },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      return employerBindings(ctx, auth, req.query);
    },
  );

  app.post(
    '/bindings/:id/approve',
    { schema: { tags, summary: '同意绑定', params: ZId, response: { 200: ZOk, 404: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      await decideBinding(ctx, auth, req.params.id, { kind: 'approve' }, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/bindings/:id/refuse',
    { schema: { tags, summary: '拒绝绑定', params: ZId, body: ZRefuse, response: { 200: ZOk, 404: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      await decideBinding(ctx, auth, req.params.id, { kind: 'refuse', reason: req.body.reason }, auditContextOf(req));
      return { ok: true as const };
    },
  );
};
