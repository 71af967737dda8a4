/** The unit's operator (or its reviewing bureau) sees and decides legal-person join requests (unit-join.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { ZError, ZOk } from '../identity/schemas';
import { decideUnitJoin, listUnitJoinRequests } from './unit-join';

const tags = ['身份与会话'];
const ZJoinRequest = z.object({
  id: z.uuid(),
  realName: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  requestedAt: z.string(),
});
const ZParams = z.object({ id: z.uuid('申请编号格式不正确') });

export const unitJoinRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/unit-join-requests',
    {
      schema: {
        tags,
        summary: '待确认的单位经办人加入申请（法人登录）',
        response: { 200: z.array(ZJoinRequest), 401: ZError, 403: ZError },
      },
    },
    async (req) => listUnitJoinRequests(ctx, requireAuth(req, ['employer', 'officer', 'admin'])),
  );
  for (const [action, approve] of [
    ['approve', true],
    ['refuse', false],
  ] as const) {
    app.post(
      `/unit-join-requests/:id/${action}`,
      {
        schema: {
          tags,
          summary: approve ? '同意经办人加入单位' : '拒绝经办人加入单位',
          params: ZParams,
          response: { 200: ZOk, 401: ZError, 403: ZError, 404: ZError, 409: ZError },
        },
      },
      async (req) => {
        const auth = requireAuth(req, ['employer', 'officer', 'admin']);
        await decideUnitJoin(ctx, auth, req.params.id, approve, auditContextOf(req));
        return { ok: true as const };
      },
    );
  }
};
