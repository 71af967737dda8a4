import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { ZError } from '../identity/schemas';
import { ZPage } from '../organizations/schemas';
import { receiveCallback } from './callbacks';
import { feeSetting, saveFeeSetting } from './fee-setting';
import {
  ZConfirmBody,
  ZFeeId,
  ZFeeSetting,
  ZFeeSettingBody,
  ZOfficeFee,
  ZOfficeFeeQuery,
  ZPayAnswer,
  ZPayerFee,
  ZReceipt,
  ZRefundAnswer,
  ZRefundBody,
} from './schemas';
import { applicationFeesFor, confirmFee, feeReceipt, myFees, officeFees, payFee, refundFee } from './service';

const tags = ['缴费'];
const ZAppId = z.object({ id: z.uuid('申报编号格式不正确') });
const ZOrgId = z.object({ id: z.uuid('机构编号格式不正确') });

export const feeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/applications/:id/fees',
    {
      schema: {
        tags,
        summary: '申报的应缴费用（金额、截止日期、缴费方式、状态、凭证）',
        params: ZAppId,
        response: { 200: z.array(ZPayerFee), 404: ZError },
      },
    },
    async (req) => applicationFeesFor(ctx, requireAuth(req, ['applicant', 'employer', 'officer']), req.params.id),
  );

  app.get(
    '/me/fees',
    { schema: { tags, summary: '我需缴纳的费用（申报人本人或本单位缴纳的）', response: { 200: z.array(ZPayerFee) } } },
    async (req) => myFees(ctx, requireAuth(req, ['applicant', 'employer'])),
  );

  app.post(
    '/fees/:id/pay',
    {
      schema: {
        tags,
        summary: '网上缴费：创建支付订单，返回支付页面地址',
        params: ZFeeId,
        response: { 200: ZPayAnswer, 404: ZError, 409: ZError },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => payFee(ctx, requireAuth(req, ['applicant', 'employer']), req.params.id, auditContextOf(req)),
  );

  app.get(
    '/fees/:id/receipt',
    { schema: { tags, summary: '缴费凭证（可打印）', params: ZFeeId, response: { 200: ZReceipt, 404: ZError, 409: ZError } } },
    async (req) => feeReceipt(ctx, requireAuth(req, ['applicant', 'employer', 'officer']), req.params.id),
  );

  app.get(
    '/fees',
    {
      schema: {
        tags,
        summary: '缴费管理：本机构收取的费用',
        querystring: ZOfficeFeeQuery,
        response: { 200: ZPage(ZOfficeFee), 403: ZError },
      },
    },
    async (req) => officeFees(ctx, requireAuth(req, ['officer']), req.query),
  );

  app.post(
    '/fees/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认收到转账汇款（填写凭证号）',
        params: ZFeeId,
        body: ZConfirmBody,
        response: { 200: z.object({ ok: z.literal(true) }), 400: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req) => {
      await confirmFee(ctx, requireAuth(req, ['officer']), req.params.id, req.body, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/fees/:id/refund',
    {
      schema: {
        tags,
        summary: '退费（网上支付的原路退回）',
        params: ZFeeId,
        body: ZRefundBody,
        response: { 200: ZRefundAnswer, 404: ZError, 409: ZError },
      },
    },
    async (req) => refundFee(ctx, requireAuth(req, ['officer']), req.params.id, req.body.reason, auditContextOf(req)),
  );

  app.get(
    '/organizations/:id/fee-setting',
    { schema: { tags, summary: '收费设定（默认不收费）', params: ZOrgId, response: { 200: ZFeeSetting, 404: ZError, 409: ZError } } },
    async (req) => feeSetting(ctx, requireAuth(req, ['officer', 'admin']), req.params.id),
  );

  app.put(
    '/organizations/:id/fee-setting',
    {
      schema: {
        tags,
        summary: '修改收费设定（只可收取中推高推荐费）',
        params: ZOrgId,
        body: ZFeeSettingBody,
        response: { 200: ZFeeSetting, 400: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req) => saveFeeSetting(ctx, requireAuth(req, ['officer', 'admin']), req.params.id, req.body, auditContextOf(req)),
  );

  // the provider's callbacks: server to server, no session and no CSRF token (auth/plugin.ts); the body is kept as
  // text, since the signature covers exactly what was sent
  await app.register(async (notifyApp) => {
    notifyApp.removeAllContentTypeParsers();
    notifyApp.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    notifyApp.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/payments/notify/:provider',
      {
        schema: {
          tags,
          summary: '支付渠道异步通知（签名验证，每条通知只处理一次）',
          params: z.object({ provider: z.string().regex(/^[a-z0-9-]{1,30}$/, '支付渠道名称不正确') }),
          body: z.string().max(64 * 1024),
          response: { 200: z.object({ code: z.literal('SUCCESS'), outcome: z.string() }), 400: ZError, 404: ZError },
        },
        config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const r = await receiveCallback(ctx, req.params.provider, req.body, req.headers, req.ip);
        if (r.outcome === 'rejected')
          return reply.status(400).send({ code: 'REJECTED', message: `通知未被接受：${r.reason ?? '验证失败'}` });
        return { code: 'SUCCESS' as const, outcome: r.outcome };
      },
    );
  });
};
