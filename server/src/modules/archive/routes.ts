import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ARCHIVE_KINDS, ARCHIVE_STATUSES, checkSocialSecurity, type ArchiveKind } from '@zc/domain';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireApprovedEmployer, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { archiveEntries, users } from '../../platform/db/schema';
import { RegistryUnavailableError } from '../../platform/adapters/degree-registry';
import { ZError, ZOk } from '../identity/schemas';
import { ZPage, ZRefuse } from '../organizations/schemas';
import {
  attachEvidence,
  createEntry,
  decideEntry,
  deleteEntry,
  getEntry,
  listOwnEntries,
  newVersion,
  removeEvidence,
  reverify,
  reviewQueue,
  submitEntries,
  updateEntry,
} from './service';
import { appendChunk, getUpload, startUpload } from './files';

const tags = ['个人业绩档案'];
const kindValues = ARCHIVE_KINDS.map((k) => k.value) as [ArchiveKind, ...ArchiveKind[]];
const statusValues = ARCHIVE_STATUSES.map((s) => s.value) as [
  (typeof ARCHIVE_STATUSES)[number]['value'],
  ...Array<(typeof ARCHIVE_STATUSES)[number]['value']>,
];
const ZId = z.object({ id: z.uuid('记录编号格式不正确') });
const ZEvidence = z.object({ fileId: z.uuid(), name: z.string(), mime: z.string(), size: z.number(), label: z.string().nullable() });
const ZEntry = z.object({
  id: z.uuid(),
  kind: z.enum(kindValues),
  kindLabel: z.string(),
  data: z.record(z.string(), z.unknown()),
  summary: z.string(),
  status: z.enum(statusValues),
  statusLabel: z.string(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  supersedesId: z.uuid().nullable(),
  frozen: z.boolean(),
  verification: z.record(z.string(), z.unknown()).nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  evidence: z.array(ZEvidence),
  allowed: z.array(z.enum(['edit', 'delete', 'submit', 'newVersion', 'addEvidence', 'approve', 'return'])),
  /** fields to correct: the stored data checked again against the domain's lists (issue 9 item 5); {} when none */
  problems: z.record(z.string(), z.string()),
  /** why 提交单位审核 is not offered for the owner's draft, the entry's own reason first (empty: it is, or not the owner's view) */
  submitBlockers: z.array(
    z.object({
      code: z.enum(['unbound', 'bindingPending', 'degreeNotVerified', 'degreeRegistryUnavailable', 'evidenceMissing']),
      message: z.string(),
    }),
  ),
});
const ZQueueEntry = ZEntry.extend({ applicantName: z.string(), idNumberMasked: z.string() });
const ZUpload = z.object({
  id: z.uuid(),
  filename: z.string(),
  size: z.number(),
  received: z.number(),
  status: z.string(),
  fileId: z.uuid().nullable(),
});
const uploadView = (u: { id: string; filename: string; size: number; received: number; status: string; fileId: string | null }) => ({
  id: u.id,
  filename: u.filename,
  size: u.size,
  received: u.received,
  status: u.status,
  fileId: u.fileId,
});

export const archiveRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // raw chunks of a resumable upload are streamed, never buffered
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  app.get(
    '/archive/entries',
    {
      schema: {
        tags,
        summary: '我的档案条目',
        querystring: z.object({ kind: z.enum(kindValues).optional() }),
        response: { 200: z.array(ZEntry) },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return listOwnEntries(ctx, auth, req.query.kind);
    },
  );

  app.post(
    '/archive/entries',
    {
      schema: {
        tags,
        summary: '新增档案条目（data 按类别校验）',
        body: z.object({ data: z.record(z.string(), z.unknown()) }),
        response: { 201: ZEntry, 400: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['applicant']);
      return reply.status(201).send(await createEntry(ctx, auth, req.body.data, auditContextOf(req)));
    },
  );

  app.get(
    '/archive/entries/:id',
    { schema: { tags, summary: '档案条目详情', params: ZId, response: { 200: ZEntry, 404: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant', 'employer']);
      return getEntry(ctx, auth, req.params.id);
    },
  );

  app.put(
    '/archive/entries/:id',
    {
      schema: {
        tags,
        summary: '修改档案条目',
        params: ZId,
        body: z.object({ data: z.record(z.string(), z.unknown()) }),
        response: { 200: ZEntry, 400: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return updateEntry(ctx, auth, req.params.id, req.body.data, auditContextOf(req));
    },
  );

  app.delete(
    '/archive/entries/:id',
    { schema: { tags, summary: '删除档案条目', params: ZId, response: { 200: ZOk, 409: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await deleteEntry(ctx, auth, req.params.id, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/archive/entries/submit',
    {
      schema: {
        tags,
        summary: '提交单位审核',
        body: z.object({ ids: z.array(z.uuid()).min(1, '请选择要提交的条目').max(200) }),
        response: { 200: ZOk, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await submitEntries(ctx, auth, req.body.ids, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/archive/entries/:id/new-version',
    { schema: { tags, summary: '为已冻结条目新建版本', params: ZId, response: { 201: ZEntry } } },
    async (req, reply) => {
      const auth = requireAuth(req, ['applicant']);
      return reply.status(201).send(await newVersion(ctx, auth, req.params.id, auditContextOf(req)));
    },
  );

  app.post(
    '/archive/entries/:id/verify',
    { schema: { tags, summary: '重新核验学历', params: ZId, response: { 200: ZEntry } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return reverify(ctx, auth, req.params.id);
    },
  );

  app.post(
    '/archive/entries/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传佐证材料（multipart 字段 file，或 JSON {fileId} 引用已续传完成的文件）',
        params: ZId,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 201: ZEntry, 400: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['applicant']);
      if (req.isMultipart()) {
        const part = await req.file();
        if (!part) fail('FILE_REJECTED', '请选择要上传的文件');
        const label =
          typeof part.fields.label === 'object' && part.fields.label && 'value' in part.fields.label
            ? String(part.fields.label.value).slice(0, 40)
            : null;
        return reply
          .status(201)
          .send(await attachEvidence(ctx, auth, req.params.id, { stream: part.file, filename: part.filename }, label, auditContextOf(req)));
      }
      const body = z.object({ fileId: z.uuid(), label: z.string().max(40).optional() }).safeParse(req.body);
      if (!body.success) fail('VALIDATION', '请上传文件，或提供已上传文件的编号');
      return reply
        .status(201)
        .send(await attachEvidence(ctx, auth, req.params.id, { fileId: body.data.fileId }, body.data.label ?? null, auditContextOf(req)));
    },
  );

  app.delete(
    '/archive/entries/:id/evidence/:fileId',
    { schema: { tags, summary: '移除佐证材料', params: z.object({ id: z.uuid(), fileId: z.uuid() }), response: { 200: ZOk } } },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      await removeEvidence(ctx, auth, req.params.id, req.params.fileId, auditContextOf(req));
      return { ok: true as const };
    },
  );

  // resumable uploads
  app.post(
    '/uploads',
    {
      schema: {
        tags,
        summary: '开始（或继续）一个可续传的上传',
        body: z.object({ filename: z.string().trim().min(1).max(200), size: z.number().int(), clientKey: z.string().min(8).max(128) }),
        response: { 200: ZUpload, 400: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return uploadView(await startUpload(ctx, auth.user.id, req.body));
    },
  );
  app.get('/uploads/:id', { schema: { tags, summary: '查询已收到的字节数', params: ZId, response: { 200: ZUpload } } }, async (req) => {
    const auth = requireAuth(req, ['applicant']);
    return uploadView(await getUpload(ctx, auth.user.id, req.params.id));
  });
  app.put(
    '/uploads/:id/content',
    {
      schema: {
        tags,
        summary:
          '追加数据（头 upload-offset，类型 application/offset+octet-stream）：同一时刻只接受一段，其余 409 并告知服务器的位置；超出声明大小的一段 400',
        params: ZId,
        headers: z.object({ 'upload-offset': z.coerce.number().int().min(0), 'content-length': z.coerce.number().int().min(0).optional() }),
        response: { 200: ZUpload, 400: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      return uploadView(
        await appendChunk(ctx, auth.user.id, req.params.id, req.headers['upload-offset'], req.raw, req.headers['content-length']),
      );
    },
  );

  // social security for the last 3 years (SPEC §2)
  app.get(
    '/archive/social-security',
    {
      schema: {
        tags,
        summary: '近三年社保缴纳情况（省数据源）',
        response: {
          200: z.object({
            available: z.boolean(),
            periods: z.array(z.object({ startMonth: z.string(), endMonth: z.string(), province: z.string(), employerName: z.string() })),
            check: z
              .object({
                fromMonth: z.string(),
                toMonth: z.string(),
                inProvinceMonths: z.number(),
                unprovenMonths: z.array(z.string()),
                missingMonths: z.array(z.string()),
                ok: z.boolean(),
                explanation: z.string(),
              })
              .nullable(),
            message: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['applicant']);
      const [u] = await ctx.db.select({ idNumber: users.idNumber }).from(users).where(eq(users.id, auth.user.id));
      const current = ctx.now().toISOString().slice(0, 7);
      try {
        const periods = u?.idNumber
          ? await ctx.socialSecurity.history({ idNumber: ctx.pii.decrypt('id_number', u.idNumber), fromMonth: '1900-01', toMonth: current })
          : [];
        const proofs = await ctx.db
          .select({ data: archiveEntries.data })
          .from(archiveEntries)
          .where(
            and(
              eq(archiveEntries.applicantId, auth.user.id),
              eq(archiveEntries.kind, 'socialSecurityProof'),
              eq(archiveEntries.status, 'approved'),
            ),
          );
        const check = checkSocialSecurity(
          periods,
          proofs.map((p) => p.data as { startMonth: string; endMonth: string }),
          current,
        );
        return { available: true, periods, check, message: null };
      } catch (e) {
        if (e instanceof RegistryUnavailableError)
          return { available: false, periods: [], check: null, message: `${e.message}，请稍后再试` };
        throw e;
      }
    },
  );

  // the employer's verification queue
  app.get(
    '/archive/review-queue',
    {
      schema: {
        tags,
        summary: '单位：待审核的档案条目',
        querystring: z.object({
          status: z.enum(statusValues).optional(),
          kind: z.enum(kindValues).optional(),
          keyword: z.string().trim().max(30).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: ZPage(ZQueueEntry) },
      },
    },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      return reviewQueue(ctx, auth, req.query);
    },
  );
  app.post(
    '/archive/entries/:id/approve',
    { schema: { tags, summary: '单位：审核通过', params: ZId, response: { 200: ZOk, 404: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      await decideEntry(ctx, auth, req.params.id, { kind: 'approve' }, auditContextOf(req));
      return { ok: true as const };
    },
  );
  app.post(
    '/archive/entries/:id/return',
    { schema: { tags, summary: '单位：退回（须写明原因）', params: ZId, body: ZRefuse, response: { 200: ZOk, 404: ZError, 409: ZError } } },
    async (req) => {
      const auth = requireApprovedEmployer(req);
      await decideEntry(ctx, auth, req.params.id, { kind: 'return', reason: req.body.reason }, auditContextOf(req));
      return { ok: true as const };
    },
  );
};
