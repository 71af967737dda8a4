/** Each role's home page data, in-app notifications and the region list (the public portal itself: public-routes.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { applications, employmentBindings, notifications, organizations, regions, smsOutbox } from '../../platform/db/schema';
import { requireAuth } from '../../platform/auth/plugin';
import { withinJurisdiction } from '../../platform/db/jurisdiction';
import { markAllRead, markRead, unreadCount } from '../../platform/notifications/notify';
import { heldCount } from '../applications/queue';
import { canReviewEmployerRegistration, type ApplicationStatus } from '@zc/domain';
import { ZOk } from '../identity/schemas';

const ZRegion = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  mountainCounty: z.boolean(),
});
const ZHome = z.object({
  unreadNotifications: z.number().int(),
  /** what waits for this user, each with a label and a link: the home page shows them as cards */
  pending: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), link: z.string() })),
});
const ZNotification = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const portalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/regions',
    { schema: { tags: ['公共'], summary: '行政区划（含开发区）', response: { 200: z.array(ZRegion) } } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return ctx.db
        .select({
          id: regions.id,
          code: regions.code,
          name: regions.name,
          level: regions.level,
          parentId: regions.parentId,
          mountainCounty: regions.mountainCounty,
        })
        .from(regions)
        .orderBy(asc(regions.sortOrder));
    },
  );

  /** applications this unit holds now (its queue) */
  const heldApplications = (orgId: string) => heldCount(ctx.db, orgId);
  /** applications a committee office holds in 待资格审查 (it is their only holder) */
  const awaitingQualification = async (orgId: string) => {
    const [r] = await ctx.db
      .select({ n: count() })
      .from(applications)
      .where(
        and(eq(applications.status, 'atCommittee' satisfies ApplicationStatus), sql`${applications.currentOrgIds}[1] = ${orgId}::uuid`),
      );
    return r?.n ?? 0;
  };

  app.get('/home', { schema: { tags: ['公共'], summary: '首页待办数量', response: { 200: ZHome } } }, async (req) => {
    const auth = requireAuth(req);
    const { user, actor } = auth;
    const pending: Array<{ key: string; label: string; count: number; link: string }> = [];
    if (user.role === 'applicant') {
      if (!user.profileCompleted) pending.push({ key: 'profile', label: '完善基本信息', count: 1, link: '/applicant/profile' });
      const [b] = await ctx.db
        .select({ n: count() })
        .from(employmentBindings)
        .where(and(eq(employmentBindings.applicantId, user.id), eq(employmentBindings.status, 'approved')));
      if ((b?.n ?? 0) === 0) pending.push({ key: 'binding', label: '绑定工作单位', count: 1, link: '/applicant/binding' });
      const [r] = await ctx.db
        .select({ n: count() })
        .from(applications)
        .where(and(eq(applications.applicantId, user.id), eq(applications.status, 'returned')));
      if ((r?.n ?? 0) > 0)
        pending.push({ key: 'returnedApplications', label: '被退回需修改的申报', count: r!.n, link: '/applicant/applications' });
    }
    if (user.role === 'employer') {
      if (!user.orgId) pending.push({ key: 'register', label: '填写单位注册信息', count: 1, link: '/employer/register' });
      else if (user.orgStatus !== 'approved')
        pending.push({ key: 'letter', label: '上传授权委托书并等待审核', count: 1, link: '/employer/register' });
      else {
        const [b] = await ctx.db
          .select({ n: count() })
          .from(employmentBindings)
          .where(and(eq(employmentBindings.employerId, user.orgId), eq(employmentBindings.status, 'pending')));
        pending.push({ key: 'bindings', label: '待确认的人员绑定申请', count: b?.n ?? 0, link: '/employer/bindings' });
        pending.push({
          key: 'applications',
          label: '待审核的职称申报',
          count: await heldApplications(user.orgId),
          link: '/employer/applications',
        });
      }
    }
    if ((user.role === 'officer' || user.role === 'admin') && actor.regionPath && canReviewEmployerRegistration(actor, actor.regionPath)) {
      const [o] = await ctx.db
        .select({ n: count() })
        .from(organizations)
        .where(
          and(
            eq(organizations.kind, 'employer'),
            eq(organizations.status, 'pending'),
            isNotNull(organizations.authorizationLetterFileId),
            withinJurisdiction(organizations.regionPath, actor.regionPath),
          ),
        );
      pending.push({
        key: 'employerRegistrations',
        label: '待审核的单位注册',
        count: o?.n ?? 0,
        link: user.role === 'admin' ? '/admin/employers' : '/manage/employers',
      });
    }
    if (user.role === 'officer' && user.orgId) {
      const committee = user.orgKind === 'committeeOffice';
      pending.push({
        key: 'applications',
        // the office: what awaits its qualification review (资格审查); its later stages are in the same queue
        label: committee ? '待资格审查的申报' : '待审核的职称申报',
        count: committee ? await awaitingQualification(user.orgId) : await heldApplications(user.orgId),
        link: '/manage/applications',
      });
    }
    if (user.role === 'admin') {
      const [s] = await ctx.db.select({ n: count() }).from(smsOutbox).where(eq(smsOutbox.status, 'failed'));
      pending.push({ key: 'smsFailed', label: '发送失败的短信', count: s?.n ?? 0, link: '/admin/sms' });
    }
    return { unreadNotifications: await unreadCount(ctx.db, user.id), pending };
  });

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['消息'],
        summary: '站内消息',
        querystring: z.object({ unreadOnly: z.stringbool().default(false), limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.array(ZNotification) },
      },
    },
    async (req) => {
      const auth = requireAuth(req);
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, auth.user.id), req.query.unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt))
        .limit(req.query.limit);
      return rows.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      }));
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['消息'],
        summary: '标记已读（ids，或 all: true 全部已读）',
        body: z.object({ ids: z.array(z.uuid()).max(100).default([]), all: z.boolean().default(false) }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const auth = requireAuth(req);
      if (req.body.all) await markAllRead(ctx.db, auth.user.id);
      else await markRead(ctx.db, auth.user.id, req.body.ids);
      return { ok: true as const };
    },
  );
};
