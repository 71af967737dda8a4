/**
 * Publicity routes (SPEC §7, §10): the public portal's lists and objection form (no login), and the committee
 * office's lists, exports and objections. Thin: schemas, auth, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OBJECTION_LIMITS, ZObjectionInput, type ObjectionInput } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import type { StoredObject } from '../../platform/storage/storage';
import { ZError } from '../identity/schemas';
import { lodgeObjection, publicList, publicLists } from './public';
import { applicationObjections, exportList, officeLists, officeObjections } from './office';
import {
  ZApplicationObjection,
  ZEntryQuery,
  ZId,
  ZListId,
  ZObjectionQuery,
  ZObjectionReceipt,
  ZOfficeListQuery,
  ZOfficeObjection,
  ZPage,
  ZPublicList,
  ZPublicListDetail,
  ZPublicListQuery,
} from './schemas';

const publicTags = ['公示公告'];
const officeTags = ['评前公示与异议'];

/** The objection's fields and its evidence from a multipart form (or JSON without a file), validated. */
async function readObjection(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<{ input: ObjectionInput; evidence: (StoredObject & { filename: string }) | null }> {
  const fields: Record<string, string> = {};
  let evidence: (StoredObject & { filename: string }) | null = null;
  try {
    if (req.isMultipart()) {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (!part.filename) {
            part.file.resume(); // an empty file input
            continue;
          }
          const stored = await ctx.store.put(part.file, {
            maxBytes: OBJECTION_LIMITS.evidenceMaxBytes,
            accept: ['application/pdf', 'image/jpeg', 'image/png'],
            filename: part.filename,
          });
          evidence = { ...stored, filename: part.filename };
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    }
    const parsed = ZObjectionInput.safeParse(req.isMultipart() ? fields : (req.body ?? {}));
    if (!parsed.success) {
      const details = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', i.message]));
      fail('VALIDATION', `提交的内容有误：${parsed.error.issues[0]?.message ?? '请检查后重试'}`, details);
    }
    return { input: parsed.data, evidence };
  } catch (e) {
    if (evidence) await ctx.store.remove(evidence.storageKey);
    throw e;
  }
}

export const publicityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // ---- public portal, no login ----
  app.get(
    '/public/publicity',
    {
      schema: {
        tags: publicTags,
        summary: '公示列表（公示中及近期结束的公示，无需登录）',
        querystring: ZPublicListQuery,
        response: { 200: ZPage(ZPublicList), 400: ZError },
      },
    },
    async (req) => publicLists(ctx, req.query),
  );

  app.get(
    '/public/publicity/:listId',
    {
      schema: {
        tags: publicTags,
        summary: '公示名单（姓名、单位、专业、级别、申报方式；可按姓名或单位搜索，无需登录）',
        params: ZListId,
        querystring: ZEntryQuery,
        response: { 200: ZPublicListDetail, 400: ZError, 404: ZError },
      },
    },
    async (req) => publicList(ctx, req.params.listId, req.query),
  );

  app.post(
    '/public/publicity/:listId/objections',
    {
      schema: {
        tags: publicTags,
        summary: `提出异议（公示期内，无需登录；证明材料 PDF/JPG/PNG ≤ ${OBJECTION_LIMITS.evidenceMaxBytes / 1024 / 1024}MB）`,
        consumes: ['multipart/form-data', 'application/json'],
        params: ZListId,
        response: { 201: ZObjectionReceipt, 400: ZError, 404: ZError, 409: ZError, 429: ZError },
      },
      // per address over the whole portal; per address and person in the service (OBJECTION_LIMITS)
      config: { rateLimit: { max: OBJECTION_LIMITS.perAddressPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { input, evidence } = await readObjection(ctx, req);
      try {
        const receipt = await lodgeObjection(ctx, req.params.listId, input, evidence, req.ip, auditContextOf(req));
        return await reply.status(201).send(receipt);
      } catch (e) {
        if (evidence) await ctx.store.remove(evidence.storageKey);
        throw e;
      }
    },
  );

  // ---- committee office ----
  app.get(
    '/publicity/lists',
    {
      schema: {
        tags: officeTags,
        summary: '本评委会办公室计划的公示列表',
        querystring: ZOfficeListQuery,
        response: { 200: ZPage(ZPublicList), 400: ZError },
      },
    },
    async (req) => officeLists(ctx, requireAuth(req, ['officer']), req.query),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/publicity/lists/:id/export.${format}`,
      {
        schema: {
          tags: officeTags,
          summary: `导出公示名单（${format === 'xlsx' ? 'Excel' : 'CSV'}，供其他网站发布；不含身份证号和手机号）`,
          params: ZId,
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req, ['officer']);
        const file = await exportList(ctx, auth, req.params.id, format, auditContextOf(req));
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="publicity.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.body);
      },
    );
  }

  app.get(
    '/publicity/objections',
    {
      schema: {
        tags: officeTags,
        summary: '异议处理列表（本评委会办公室计划的公示收到的异议，可按状态、计划筛选）',
        querystring: ZObjectionQuery,
        response: { 200: ZPage(ZOfficeObjection), 400: ZError },
      },
    },
    async (req) => officeObjections(ctx, requireAuth(req, ['officer']), req.query),
  );

  app.get(
    '/applications/:id/objections',
    {
      schema: {
        tags: officeTags,
        summary: '该申报收到的异议（评委会办公室审核页的“处理异议”使用；联系方式已脱敏）',
        params: ZId,
        response: { 200: z.array(ZApplicationObjection), 404: ZError },
      },
    },
    async (req) => applicationObjections(ctx, requireAuth(req, ['officer']), req.params.id),
  );
};
