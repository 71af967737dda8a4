/** Public portal without sign-in (SPEC §10): notices, open plans with their conditions, certificate verification. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { labelOf } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { ZError } from '../identity/schemas';
import { getNotice, listNotices } from './public-notices';
import { getPublicPlan, listPublicPlans } from './public-plans';
import { findCertificate } from './certificates';

const tags = ['公共'];
const ZNotice = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  publisher: z.string(),
  /** the date of the notice's own document (YYYY-MM-DD); null for a notice entered without one */
  documentDate: z.string().nullable(),
  documentNumber: z.string().nullable(),
  publishedAt: z.string(),
  plans: z.array(z.object({ id: z.uuid(), name: z.string(), phaseLabel: z.string() })),
});
const ZPlanSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  committeeName: z.string(),
  officeName: z.string(),
  issuer: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  levels: z.array(z.string()),
  specialties: z.array(z.string()),
  openDate: z.string(),
  personalDeadline: z.string(),
  phase: z.enum(['upcoming', 'open', 'closed']),
  phaseLabel: z.string(),
  countdown: z.string(),
  fee: z.string(),
});
const ZPlanDetail = ZPlanSummary.extend({
  committeeKind: z.string(),
  sourceTitle: z.string(),
  specialtyDetails: z.array(z.object({ name: z.string(), description: z.string().nullable() })),
  timeline: z.array(z.object({ label: z.string(), date: z.string() })),
  cutoffDate: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), lines: z.array(z.string()) })),
  modes: z.array(
    z.object({
      label: z.string(),
      lines: z.array(z.string()),
      requiredAttachments: z.array(z.string()),
      optionalAttachments: z.array(z.string()),
    }),
  ),
  photo: z.string(),
});
const ZCertificate = z.object({
  certificateNumber: z.string(),
  status: z.enum(['valid', 'revoked']),
  statusLabel: z.string(),
  holderName: z.string(),
  idNumber: z.string(),
  title: z.string(),
  specialty: z.string(),
  committee: z.string(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
const keyword = z.string().trim().max(50, '搜索词不超过 50 个字').optional();
/** [ours] a person checks a few certificates; a script trying numbers is slowed down */
const CERTIFICATE_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;
export const CERTIFICATE_NOT_FOUND = '未查询到该证书编号，请核对后重新输入';

export const publicPortalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/notices',
    {
      schema: {
        tags,
        summary: '通知公告（按发文日期从新到旧）',
        querystring: z.object({
          q: keyword,
          page: z.coerce.number().int().min(1, '页码从 1 开始').default(1),
          pageSize: z.coerce.number().int().min(1).max(50, '每页最多 50 条').default(10),
        }),
        response: { 200: z.object({ items: z.array(ZNotice), total: z.number().int() }) },
      },
    },
    async (req) => listNotices(ctx, { keyword: req.query.q || undefined, page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.get(
    '/notices/:id',
    {
      schema: {
        tags,
        summary: '通知公告详情',
        params: z.object({ id: z.uuid('通知编号格式不正确，请从通知列表进入') }),
        response: { 200: ZNotice, 404: ZError },
      },
    },
    async (req) => getNotice(ctx, req.params.id),
  );

  app.get(
    '/public/plans',
    {
      schema: {
        tags,
        summary: '申报计划：已发布且正在受理、即将受理或近期截止的评审计划（all=true 含往年）',
        querystring: z.object({ q: keyword, all: z.stringbool().default(false) }),
        response: { 200: z.array(ZPlanSummary) },
      },
    },
    async (req) => listPublicPlans(ctx, { keyword: req.query.q || undefined, all: req.query.all }),
  );

  app.get(
    '/public/plans/:id',
    {
      schema: {
        tags,
        summary: '申报计划详情：申报条件、时间安排、评审费（文字说明）',
        params: z.object({ id: z.uuid('计划编号格式不正确，请从申报计划列表进入') }),
        response: { 200: ZPlanDetail, 404: ZError },
      },
    },
    async (req) => getPublicPlan(ctx, req.params.id),
  );

  app.get(
    '/public/certificates/:no',
    {
      config: { rateLimit: CERTIFICATE_RATE_LIMIT },
      schema: {
        tags,
        summary: '证书查验：按证书编号查询（姓名、身份证号码脱敏显示）',
        params: z.object({
          no: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{4,40}$/, '证书编号为 4–40 位字母、数字或连字符，请核对后重新输入'),
        }),
        response: { 200: ZCertificate, 404: ZError },
      },
    },
    async (req) => {
      const c = await findCertificate(ctx.db, req.params.no);
      if (!c) fail('NOT_FOUND', CERTIFICATE_NOT_FOUND);
      return { ...c, statusLabel: labelOf('certificateStatus', c.status) };
    },
  );
};
