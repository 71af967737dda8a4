import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { applicationFacts, checkPhoto, evaluate, fitPhotoSize, type ApplicationMode, type Plan } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import type { LoadedSession } from '../../platform/auth/session';
import { fail } from '../../platform/http/errors';
import { applications, files, plans, users } from '../../platform/db/schema';
import { getRegion } from '../../platform/db/jurisdiction';
import { ZError, ZOk } from '../identity/schemas';
import { ZPage } from '../organizations/schemas';
import { approvedFacts } from '../plans/facts';
import { createApplication, saveDraft, setPhoto, type DraftData } from './submission';
import { getApplication, myApplications } from './presentation';
import { queue } from './queue';
import { act, batchAct } from './transitions/act';
import { PLEDGE_TOKEN_MINUTES, pledgeView, signPledge, signToken } from './pledge';
import { pledgeLinkBase } from './pledge-link';
import { publicityExportRoutes } from './publicity-export';
import {
  BATCH_ACTIONS,
  ZAction,
  ZActInput,
  ZApplication,
  ZDraft,
  ZFit,
  ZId,
  ZPhotoResult,
  ZQueueItem,
  statusValues,
  tags,
} from './schemas';
import { fitPhoto, inspectPhoto, readPhotoPart, readStoredBytes, storePhoto } from '../../platform/storage/photo';

export const applicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  /** The applicant's own application and its plan's photo spec. */
  async function ownApplicationPhotoSpec(auth: LoadedSession, id: string) {
    const [a] = await ctx.db
      .select()
      .from(applications)
      .where(and(eq(applications.id, id), eq(applications.applicantId, auth.user.id)));
    if (!a) fail('NOT_FOUND');
    const [p] = await ctx.db.select({ data: plans.data }).from(plans).where(eq(plans.id, a.planId));
    return { a, spec: (p!.data as Plan).photo };
  }

  /**
   * The one path of an application's photo, whether uploaded or taken from the archive: optionally fitted
   * to the plan's spec, checked against it (problems and a size that would fit), stored and set.
   */
  async function placePhoto(
    auth: LoadedSession,
    applicationId: string,
    spec: Plan['photo'],
    source: Buffer,
    name: string,
    fit: boolean,
  ): Promise<z.infer<typeof ZPhotoResult>> {
    const buf = fit ? await fitPhoto(spec, source) : source;
    const facts = inspectPhoto(buf);
    const problems = checkPhoto(spec, facts);
    if (problems.length)
      return {
        ok: false,
        fileId: null,
        problems,
        suggestedSize: facts.width ? fitPhotoSize(spec, facts.width, facts.height) : null,
        photo: facts,
      };
    const fileId = await storePhoto(ctx, auth.user.id, buf, fit ? '证件照.jpg' : name);
    await setPhoto(ctx, auth, applicationId, fileId);
    return { ok: true, fileId, problems: [], suggestedSize: null, photo: facts };
  }

  app.post(
    '/applications',
    {
      schema: {
        tags,
        summary: '马上申报：为某计划创建申报草稿（已有则返回原草稿）',
        body: z.object({ planId: z.uuid() }),
        response: { 201: z.object({ id: z.uuid() }), 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['applicant']);
      return reply.status(201).send({ id: await createApplication(ctx, auth, req.body.planId, auditContextOf(req)) });
    },
  );

  app.get(
    '/applications/mine',
    {
      schema: {
        tags,
        summary: '我的申报',
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              planId: z.uuid(),
              planName: z.string(),
              status: z.enum(statusValues),
              statusLabel: z.string(),
              submittedAt: z.string().nullable(),
              updatedAt: z.string(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return myApplications(ctx, auth);
    },
  );

  app.get(
    '/applications/:id',
    { schema: { tags, summary: '申报详情与时间线', params: ZId, response: { 200: ZApplication, 404: ZError } } },
    async (req) => {
      const auth = requireAuth(req);
      return getApplication(ctx, auth, req.params.id);
    },
  );

  app.put(
    '/applications/:id/draft',
    {
      schema: {
        tags,
        summary: '保存草稿（向导每一步）',
        params: ZId,
        body: z.object({
          level: z.string().max(30).nullable().optional(),
          mode: z.string().max(30).nullable().optional(),
          specialtyCode: z.string().max(40).nullable().optional(),
          draft: ZDraft,
        }),
        response: { 200: ZOk, 400: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await saveDraft(ctx, auth, req.params.id, { ...req.body, draft: req.body.draft as DraftData });
      return { ok: true as const };
    },
  );

  app.get('/applications/:id/eligibility', { schema: { tags, summary: '实时资格检查（按草稿）', params: ZId } }, async (req) => {
    const auth = requireAuth(req, ['applicant']);
    const [a] = await ctx.db
      .select()
      .from(applications)
      .where(and(eq(applications.id, req.params.id), eq(applications.applicantId, auth.user.id)));
    if (!a) fail('NOT_FOUND');
    if (!a.level || !a.mode) fail('STATE', '请先选择申报级别和申报方式');
    const [p] = await ctx.db.select({ data: plans.data }).from(plans).where(eq(plans.id, a.planId));
    const facts = await approvedFacts(ctx.db, auth.user.id);
    const d = a.draft as DraftData;
    facts.application = applicationFacts(d);
    return evaluate(p!.data as Plan, a.mode as ApplicationMode, a.level, facts);
  });

  app.post(
    '/applications/:id/photo',
    {
      schema: {
        tags,
        summary: '上传证件照（按计划规格检查；fit=true 时自动裁剪压缩到规格内）',
        params: ZId,
        querystring: ZFit,
        consumes: ['multipart/form-data'],
        response: { 200: ZPhotoResult },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      const { a, spec } = await ownApplicationPhotoSpec(auth, req.params.id);
      const part = await readPhotoPart(req);
      return placePhoto(auth, a.id, spec, part.buf, part.filename, req.query.fit);
    },
  );

  app.post(
    '/applications/:id/photo/from-archive',
    {
      schema: {
        tags,
        summary: '使用档案中的证件照（同样按计划规格检查；fit=true 时自动裁剪压缩到规格内）',
        params: ZId,
        querystring: ZFit,
        response: { 200: ZPhotoResult, 404: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      const { a, spec } = await ownApplicationPhotoSpec(auth, req.params.id);
      const [u] = await ctx.db.select({ photoFileId: users.photoFileId }).from(users).where(eq(users.id, auth.user.id));
      const [f] = u?.photoFileId
        ? await ctx.db
            .select()
            .from(files)
            .where(and(eq(files.id, u.photoFileId), eq(files.ownerUserId, auth.user.id)))
        : [];
      if (!f) fail('STATE', '档案中还没有证件照：请先在“基本信息”页上传证件照，或在本步骤直接选择照片上传');
      const buf = await readStoredBytes(ctx, f.storageKey);
      return placePhoto(auth, a.id, spec, buf, f.originalName, req.query.fit);
    },
  );

  app.post(
    '/applications/:id/pledge-token',
    {
      schema: {
        tags,
        summary: '生成手机签名链接（二维码）',
        params: ZId,
        // the origin the page was reached by (window.location.origin): the phone's link uses it unless it is loopback
        body: z.object({ origin: z.string().max(300).optional() }).optional(),
        response: {
          200: z.object({ token: z.string(), path: z.string(), expiresAt: z.string(), url: z.string(), phoneReachable: z.boolean() }),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      const [a] = await ctx.db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.id, req.params.id), eq(applications.applicantId, auth.user.id)));
      if (!a) fail('NOT_FOUND');
      const expiresAt = ctx.now().getTime() + PLEDGE_TOKEN_MINUTES * 60_000;
      const token = signToken(ctx, a.id, expiresAt);
      const path = `/sign/${token}`;
      const { base, phoneReachable } = pledgeLinkBase({
        publicUrl: ctx.config.publicUrl,
        browserOrigin: req.body?.origin,
        requestHost: req.headers.host,
        requestProtocol: req.protocol,
      });
      return { token, path, expiresAt: new Date(expiresAt).toISOString(), url: `${base}${path}`, phoneReachable };
    },
  );

  app.get(
    '/pledge/:token',
    {
      schema: {
        tags,
        summary: '手机签名页：保证书内容（凭短期链接，无需登录）',
        params: z.object({ token: z.string().max(400) }),
        response: {
          200: z.object({
            title: z.string(),
            applicantName: z.string(),
            planName: z.string(),
            text: z.array(z.string()),
            signed: z.boolean(),
          }),
        },
      },
    },
    async (req) => pledgeView(ctx, req.params.token),
  );

  app.post(
    '/pledge/:token',
    {
      schema: {
        tags,
        summary: '手机签名页：提交手写签名（PNG）',
        params: z.object({ token: z.string().max(400) }),
        body: z.object({ signature: z.string().min(100).max(3_000_000) }),
        response: { 200: ZOk },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (req) => {
      await signPledge(ctx, req.params.token, req.body.signature, req.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/applications/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '流转操作（提交、撤回、通过、退回、不通过、报送、审查通过、审核推荐、资格审查、评前公示、处理异议…）',
        params: ZId.extend({ action: ZAction }),
        body: ZActInput,
        response: {
          200: z.object({ status: z.enum(statusValues), warning: z.string().optional() }),
          400: ZError,
          403: ZError,
          404: ZError,
          409: ZError,
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req);
      return act(ctx, auth, req.params.id, req.params.action, req.body, auditContextOf(req));
    },
  );

  app.post(
    '/review/batch',
    {
      schema: {
        tags,
        summary: '批量办理（审查通过、退回修改、审查不通过、审核推荐、报送、资格审查、发布评前公示…）',
        body: ZActInput.extend({
          ids: z.array(z.uuid()).min(1, '请选择申报').max(200),
          action: z.enum(BATCH_ACTIONS, { error: '该操作不能批量办理' }),
        }),
        response: { 200: z.array(z.object({ id: z.uuid(), ok: z.boolean(), message: z.string() })), 400: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'employer']);
      const { ids, action, ...input } = req.body;
      return batchAct(ctx, auth, ids, action, input, auditContextOf(req));
    },
  );

  app.get(
    '/review/queue',
    {
      schema: {
        tags,
        summary: '待办申报（本单位/本部门当前持有的）',
        querystring: z.object({
          planId: z.uuid().optional(),
          specialtyCode: z.string().max(40).optional(),
          status: z.enum(statusValues).optional(),
          employerId: z.uuid().optional(),
          regionId: z.string().max(40).optional(),
          keyword: z.string().trim().max(30).optional(),
          sort: z.enum(['submittedAt', '-submittedAt']).default('-submittedAt'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: ZPage(ZQueueItem) },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'employer']);
      if (auth.user.role === 'employer' && auth.user.orgStatus !== 'approved') fail('EMPLOYER_NOT_APPROVED');
      const { regionId, ...rest } = req.query;
      return queue(ctx, auth, { ...rest, regionPath: regionId ? (await getRegion(ctx.db, regionId)).path : undefined });
    },
  );

  await app.register(publicityExportRoutes, { ctx });
};
