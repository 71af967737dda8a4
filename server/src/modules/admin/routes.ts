/** Administrators: the SMS outbox (what the demo gateway "sent") and the audit trail of their jurisdiction. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, count, desc, eq } from 'drizzle-orm';
import { labelOf, maskMobile } from '@zc/domain';
import { auditActionLabel, resolveAuditTargets, targetKey } from './audit-targets';
import type { AppContext } from '../../platform/context';
import { auditEvents, smsOutbox, users } from '../../platform/db/schema';
import { requireAuth } from '../../platform/auth/plugin';
import { withinJurisdiction } from '../../platform/db/jurisdiction';
import { ZPage } from '../organizations/schemas';
import { describeAuditChain, verifyAuditChain } from '../../platform/audit/chain';
import { fail } from '../../platform/http/errors';
import { hideSmsCode } from '../../platform/auth/codes';

const ZPaging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const adminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/sms-outbox',
    {
      schema: {
        tags: ['系统管理'],
        summary: '短信发件箱（演示短信网关）',
        querystring: ZPaging,
        response: {
          200: ZPage(
            z.object({
              id: z.uuid(),
              mobileMasked: z.string(),
              template: z.string(),
              /** the template's name in words (the key stays for support staff) */
              templateLabel: z.string(),
              body: z.string(),
              statusLabel: z.string(),
              status: z.string(),
              attempts: z.number(),
              lastError: z.string().nullable(),
              createdAt: z.string(),
              sentAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['admin']);
      if (auth.actor.regionLevel !== 'province') return { items: [], total: 0, page: req.query.page, pageSize: req.query.pageSize };
      const [rows, [t]] = await Promise.all([
        ctx.db
          .select()
          .from(smsOutbox)
          .orderBy(desc(smsOutbox.createdAt))
          .limit(req.query.pageSize)
          .offset((req.query.page - 1) * req.query.pageSize),
        ctx.db.select({ n: count() }).from(smsOutbox),
      ]);
      return {
        items: rows.map((m) => ({
          id: m.id,
          mobileMasked: maskMobile(ctx.pii.decrypt('mobile', m.mobile)),
          template: m.template,
          templateLabel: labelOf('smsTemplate', m.template),
          body: hideSmsCode(m.template, m.body),
          status: m.status,
          statusLabel: labelOf('smsStatus', m.status),
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
        total: t?.n ?? 0,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['系统管理'],
        summary: '审计日志（限本辖区）',
        querystring: ZPaging.extend({ targetId: z.string().max(64).optional() }),
        response: {
          200: ZPage(
            z.object({
              id: z.number(),
              at: z.string(),
              actorName: z.string().nullable(),
              actorRole: z.string().nullable(),
              actorRoleLabel: z.string().nullable(),
              ip: z.string().nullable(),
              action: z.string(),
              actionLabel: z.string(),
              targetType: z.string(),
              /** 评审计划, 职称申报, 用户 … */
              targetLabel: z.string(),
              /** the object's name (people masked), null when the object no longer exists */
              targetName: z.string().nullable(),
              targetId: z.string(),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['admin']);
      // the province sees everything, including events that belong to no region (logins, registrations)
      const scope = auth.actor.regionLevel === 'province' ? undefined : withinJurisdiction(auditEvents.regionPath, auth.actor.regionPath);
      const cond = and(scope, req.query.targetId ? eq(auditEvents.targetId, req.query.targetId) : undefined);
      const [rows, [t]] = await Promise.all([
        ctx.db
          .select({ e: auditEvents, actorName: users.realName })
          .from(auditEvents)
          .leftJoin(users, eq(users.id, auditEvents.actorUserId))
          .where(cond)
          .orderBy(desc(auditEvents.at), desc(auditEvents.id))
          .limit(req.query.pageSize)
          .offset((req.query.page - 1) * req.query.pageSize),
        ctx.db.select({ n: count() }).from(auditEvents).where(cond),
      ]);
      const names = await resolveAuditTargets(
        ctx.db,
        rows.map(({ e }) => e),
      );
      return {
        items: rows.map(({ e, actorName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorName,
          actorRole: e.actorRole,
          actorRoleLabel: e.actorRole ? labelOf('role', e.actorRole) : null,
          ip: e.ip,
          action: e.action,
          actionLabel: auditActionLabel(e.action, e.before, e.after),
          targetType: e.targetType,
          targetLabel: labelOf('auditTarget', e.targetType),
          targetName: names.get(targetKey(e)) ?? null,
          targetId: e.targetId,
          before: e.before,
          after: e.after,
        })),
        total: t?.n ?? 0,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/admin/audit/verify',
    {
      schema: {
        tags: ['系统管理'],
        summary: '校验审计日志哈希链（省级管理员）',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            unsealed: z.number(),
            head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
            firstBroken: z.object({ id: z.number(), seq: z.number().nullable(), reason: z.string() }).optional(),
            summary: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['admin']);
      // the chain spans every region: only the province's administrators see it whole
      if (auth.actor.regionLevel !== 'province') fail('FORBIDDEN', '审计链校验仅限省级管理员');
      const report = await verifyAuditChain(ctx.db);
      return { ...report, summary: describeAuditChain(report) };
    },
  );
};
