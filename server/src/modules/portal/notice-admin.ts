/**
 * 通知公告 entered by a committee office or the province administrator (issue 10: "notices carry the date of
 * their own document"): title, text, 文号, the document's date and the plan it announces, each change audited.
 * The notices table has no publishing-organization column (migration 0005 is the lead's): an office may edit
 * the notices published under its own name; the province administrator any notice.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { zDate } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import type { LoadedSession } from '../../platform/auth/session';
import { auditInsert } from '../../platform/audit/audit';
import { notices, plans } from '../../platform/db/schema';
import { fail } from '../../platform/http/errors';
import { ZError } from '../identity/schemas';

const ZNoticeInput = z.object({
  title: z.string().trim().min(1, '请填写通知标题').max(200, '通知标题不超过 200 个字'),
  body: z.string().trim().min(1, '请填写通知正文').max(20_000, '通知正文不超过 20000 个字'),
  documentNumber: z.string().trim().max(60, '文号不超过 60 个字').nullable().default(null),
  documentDate: zDate('发文日期'),
  planId: z.uuid('计划编号格式不正确').nullable().default(null),
});
type NoticeInput = z.infer<typeof ZNoticeInput>;

function isProvinceAdmin(auth: LoadedSession): boolean {
  return auth.user.role === 'admin' && auth.actor.regionLevel === 'province';
}

/** Offices publish under their own name; the province administrator as the platform's operator. */
function publisherOf(auth: LoadedSession): string {
  if (isProvinceAdmin(auth)) return auth.user.orgName ?? '职称申报评审平台';
  if (auth.user.role === 'officer' && auth.actor.orgKind === 'committeeOffice' && auth.user.orgName) return auth.user.orgName;
  return fail('FORBIDDEN', '只有评委会办公室或省级管理员可以发布通知公告');
}

/** The plan a notice names must be one the author may speak for: its own office's (any, for the province). */
async function checkPlan(ctx: AppContext, auth: LoadedSession, planId: string | null) {
  if (!planId) return;
  const [p] = await ctx.db.select({ officeOrgId: plans.officeOrgId }).from(plans).where(eq(plans.id, planId));
  if (!p || (!isProvinceAdmin(auth) && p.officeOrgId !== auth.actor.orgId))
    fail('VALIDATION', '所选评审计划不存在或不属于本评委会办公室，请重新选择', { planId: '请选择本办公室的评审计划' });
}

const values = (v: NoticeInput) => ({
  title: v.title,
  body: v.body,
  documentNumber: v.documentNumber || null,
  documentDate: v.documentDate,
  planId: v.planId,
});

export const noticeAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/notices',
    {
      schema: {
        tags: ['公共'],
        summary: '发布通知公告（评委会办公室、省级管理员）',
        body: ZNoticeInput,
        response: { 201: z.object({ id: z.uuid() }), 400: ZError, 403: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const publisher = publisherOf(auth);
      await checkPlan(ctx, auth, req.body.planId);
      const id = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(notices)
          .values({ ...values(req.body), publisher, publishedAt: ctx.now() })
          .returning({ id: notices.id });
        await auditInsert(tx, auditContextOf(req), {
          action: 'notice.published',
          targetType: 'notice',
          targetId: row!.id,
          after: { title: req.body.title, documentNumber: req.body.documentNumber, documentDate: req.body.documentDate },
        });
        return row!.id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/notices/:id',
    {
      schema: {
        tags: ['公共'],
        summary: '修改通知公告（发布机构或省级管理员）',
        params: z.object({ id: z.uuid('通知编号格式不正确') }),
        body: ZNoticeInput,
        response: { 200: z.object({ ok: z.literal(true) }), 400: ZError, 403: ZError, 404: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const publisher = publisherOf(auth);
      await checkPlan(ctx, auth, req.body.planId);
      await ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(notices).where(eq(notices.id, req.params.id)).for('update');
        if (!before) fail('NOT_FOUND', '未找到该通知公告，可能已被删除，请刷新后重试');
        if (!isProvinceAdmin(auth) && before.publisher !== publisher) fail('FORBIDDEN', '只能修改本机构发布的通知公告');
        await tx.update(notices).set(values(req.body)).where(eq(notices.id, before.id));
        await auditInsert(tx, auditContextOf(req), {
          action: 'notice.updated',
          targetType: 'notice',
          targetId: before.id,
          before: { title: before.title, documentNumber: before.documentNumber, documentDate: before.documentDate, planId: before.planId },
          after: {
            title: req.body.title,
            documentNumber: req.body.documentNumber,
            documentDate: req.body.documentDate,
            planId: req.body.planId,
          },
        });
      });
      return { ok: true as const };
    },
  );
};
