import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  APPLICATION_STATUSES,
  applicationFacts,
  REVIEW_CHECKS,
  type ReviewCheckKey,
  checkPhoto,
  evaluate,
  fitPhotoSize,
  labelOf,
  maskIdNumber,
  provisionalEndNote,
  type ApplicationMode,
  type ApplicationStatus,
  type Plan,
} from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import type { LoadedSession } from '../../platform/auth/session';
import { fail } from '../../platform/http/errors';
import { applications, files, organizations, plans, users } from '../../platform/db/schema';
import { getRegion } from '../../platform/db/jurisdiction';
import { ZError, ZOk } from '../identity/schemas';
import { ZPage } from '../organizations/schemas';
import { approvedFacts } from '../plans/facts';
import { act, batchAct, createApplication, getApplication, myApplications, queue, saveDraft, setPhoto, type DraftData } from './service';
import { PLEDGE_TOKEN_MINUTES, pledgeView, signPledge, signToken } from './pledge';
import { pledgeLinkBase } from './pledge-link';
import { fitPhoto, inspectPhoto, readPhotoPart, readStoredBytes, storePhoto } from '../../platform/storage/photo';

const tags = ['职称申报与审核'];
const ZId = z.object({ id: z.uuid('申报编号格式不正确') });
const statusValues = Object.keys(APPLICATION_STATUSES) as [ApplicationStatus, ...ApplicationStatus[]];
const ZActInput = z.object({
  reason: z.string().trim().max(1000).optional(),
  opinion: z.string().trim().max(1000).optional(),
  /** SPEC §6: what this level checked (REVIEW_CHECKS) */
  checks: z
    .partialRecord(
      z.enum(REVIEW_CHECKS.map((c) => c.key) as [ReviewCheckKey, ...ReviewCheckKey[]], { error: '审查事项不正确' }),
      z.boolean(),
    )
    .optional(),
  originalsVerifiedBy: z.string().trim().max(30).optional(),
  objection: z.object({ content: z.string().trim().min(1).max(1000), handling: z.string().trim().max(1000) }).optional(),
});
const ZDraft = z.object({
  personalStatement: z.string().max(20000).optional(),
  entryIds: z.array(z.uuid()).max(200).optional(),
  representativeWorkId: z.uuid().nullable().optional(),
  selfScore: z
    .array(z.object({ itemKey: z.string().max(40), points: z.number().min(0).max(1000), evidenceIds: z.array(z.string().max(64)).max(50) }))
    .max(100)
    .optional(),
  attachments: z.record(z.string().max(40), z.uuid()).optional(),
  recommenders: z.number().int().min(0).max(20).optional(),
  hasApprovalForm: z.boolean().optional(),
  transfer: z.boolean().optional(),
  incomeTaxMultiples: z
    .array(z.object({ year: z.number().int(), multiple: z.number().min(0) }))
    .max(10)
    .optional(),
  mentoring: z.boolean().optional(),
});
const ZApplication = z.object({
  files: z.record(z.string(), z.object({ name: z.string(), mime: z.string(), size: z.number() })),
  id: z.uuid(),
  planId: z.uuid(),
  planName: z.string(),
  timeline: z.record(z.string(), z.string().optional()),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  currentSpecialty: z.string().nullable(),
  employerName: z.string(),
  status: z.enum(statusValues),
  statusLabel: z.string(),
  level: z.string().nullable(),
  mode: z.string().nullable(),
  specialtyCode: z.string().nullable(),
  draft: z.record(z.string(), z.unknown()),
  photoFileId: z.uuid().nullable(),
  pledgeSignatureFileId: z.uuid().nullable(),
  pledgeSignedAt: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  /** the end rests on a year whose official schedule is not entered yet (issue 9 item 2) */
  publicityEndProvisional: z.boolean(),
  objections: z.array(z.record(z.string(), z.string())),
  submittedAt: z.string().nullable(),
  version: z.number(),
  currentStep: z.number(),
  steps: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      label: z.string(),
      status: z.string(),
      opinion: z.string().nullable(),
      joint: z.boolean(),
      checks: z.record(z.string(), z.boolean()).nullable(),
      originalsVerifiedBy: z.string().nullable(),
      originalsVerifiedAt: z.string().nullable(),
      actedAt: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      actorOrgName: z.string().nullable(),
      label: z.string(),
      toStatus: z.string(),
      toStatusLabel: z.string(),
      opinion: z.string().nullable(),
      /** 登记异议 only: the objection and the employer's handling (null: not recorded yet) */
      objection: z.object({ content: z.string(), handling: z.string().nullable() }).nullable(),
    }),
  ),
  allowed: z.array(z.object({ action: z.string(), label: z.string(), needsReason: z.boolean() })),
});
const ZFit = z.object({ fit: z.stringbool().default(false) });
const ZPhotoResult = z.object({
  ok: z.boolean(),
  fileId: z.uuid().nullable(),
  problems: z.array(z.string()),
  suggestedSize: z.object({ width: z.number(), height: z.number() }).nullable(),
  photo: z.object({ format: z.string(), bytes: z.number(), width: z.number(), height: z.number() }),
});
const ZQueueItem = z.object({
  id: z.uuid(),
  planName: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  employerName: z.string(),
  specialtyCode: z.string().nullable(),
  level: z.string().nullable(),
  mode: z.string().nullable(),
  status: z.enum(statusValues),
  statusLabel: z.string(),
  stepLabel: z.string(),
  stepApproved: z.boolean(),
  publicityEnd: z.string().nullable(),
  publicityEndProvisional: z.boolean(),
  submittedAt: z.string().nullable(),
});

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
        summary: '流转操作（提交、撤回、通过、退回、不通过、报送、审查通过、审核推荐…）',
        params: ZId.extend({ action: z.string().max(40) }),
        body: ZActInput,
        response: { 200: z.object({ status: z.enum(statusValues), warning: z.string().optional() }), 403: ZError, 409: ZError },
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
        summary: '批量审查通过 / 退回修改 / 审查不通过 / 审核推荐',
        body: ZActInput.extend({
          ids: z.array(z.uuid()).min(1, '请选择申报').max(200),
          action: z.enum(['stepApprove', 'stepReturn', 'stepReject', 'stepForward', 'employerForward']),
        }),
        response: { 200: z.array(z.object({ id: z.uuid(), ok: z.boolean(), message: z.string() })) },
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

  app.get('/applications/:id/publicity.xlsx', { schema: { tags, summary: '导出单位公示表（Excel）', params: ZId } }, async (req, reply) => {
    const auth = requireAuth(req, ['employer']);
    const detail = await getApplication(ctx, auth, req.params.id);
    const [row] = await ctx.db
      .select({ idNumber: users.idNumber, unit: organizations.name, plan: plans.data })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .innerJoin(organizations, eq(organizations.id, applications.employerId))
      .innerJoin(plans, eq(plans.id, applications.planId))
      .where(eq(applications.id, req.params.id));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公示表');
    ws.addRow([`${row?.unit ?? ''}职称申报人员公示表`]);
    ws.addRow([
      `公示期：${detail.publicityStart ?? ''} 至 ${detail.publicityEnd ?? ''}${detail.publicityEndProvisional && detail.publicityEnd ? `（${provisionalEndNote(detail.publicityEnd)}）` : ''}（不少于 ${(row?.plan as Plan | undefined)?.publicity.employerWorkingDays ?? ''} 个工作日）`,
    ]);
    ws.addRow(['姓名', '身份证号', '现从事专业', '申报计划', '申报级别', '申报方式', '代表作及主要业绩']);
    const entries = ((detail.draft.submittedEntries ?? []) as Array<{ summary: string }>).map((e) => e.summary).join('；');
    ws.addRow([
      detail.applicantName,
      row?.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', row.idNumber)) : '',
      detail.currentSpecialty ?? '',
      detail.planName,
      // words, never codes (issue 9 item 6): the plan's own name of the mode, else the domain's
      detail.level ? labelOf('titleLevel', detail.level) : '',
      detail.mode
        ? ((row?.plan as Plan | undefined)?.modes.find((m) => m.mode === detail.mode)?.label ?? labelOf('applicationMode', detail.mode))
        : '',
      entries,
    ]);
    ws.columns.forEach((c) => (c.width = 22));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="publicity.xlsx"; filename*=UTF-8''${encodeURIComponent(`${detail.applicantName}-公示表.xlsx`)}`,
      )
      .send(buf);
  });
};
