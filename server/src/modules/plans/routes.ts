import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, or, sql } from 'drizzle-orm';
import { APPLICATION_MODES, evaluate, isWithinJurisdiction, planWarnings, type ApplicationMode } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { applicationSteps, applications, employmentBindings, organizations } from '../../platform/db/schema';
import { ZError, ZOk } from '../identity/schemas';
import { approvedFacts } from './facts';
import { checked, copyPlan, createPlan, exportPlan, getPlan, listPlans, parsePlanText, setPublished, updatePlan } from './service';

const tags = ['评审计划'];
const ZId = z.object({ id: z.uuid('计划编号格式不正确') });
const modeValues = APPLICATION_MODES.map((m) => m.value) as [ApplicationMode, ...ApplicationMode[]];
const ZSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.enum(['draft', 'published']),
  version: z.number(),
  officeName: z.string(),
  committeeName: z.string(),
  levels: z.array(z.string()),
  specialties: z.array(z.object({ code: z.string(), name: z.string() })),
  timeline: z.record(z.string(), z.string().optional()),
  phase: z.enum(['upcoming', 'open', 'closed']),
  phaseLabel: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  allowed: z.array(z.enum(['edit', 'publish', 'unpublish', 'export'])),
});
/** a plan file's text; the largest seed is about 20 KB */
const PLAN_TEXT_MAX_CHARS = 500_000;
const ZPlanText = z.string().min(1, '计划文件是空的').max(PLAN_TEXT_MAX_CHARS, '计划文件过大');
/** warnings do not block a save (domain planWarnings: a review month before a deadline, rule years of another year …) */
const ZWarning = z.object({ path: z.string(), message: z.string() });
const ZSaved = z.object({ ok: z.literal(true), version: z.number().int(), warnings: z.array(ZWarning) });
const ZCopied = z.object({
  id: z.uuid(),
  plan: z.record(z.string(), z.unknown()),
  moved: z.array(z.object({ path: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  toCheck: z.array(z.object({ path: z.string(), label: z.string(), text: z.string() })),
  warnings: z.array(ZWarning),
});
const ZRuleResult = z.object({
  rule: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'needsReview']),
  explanation: z.string(),
  numbers: z.record(z.string(), z.union([z.number(), z.string()])),
  evidence: z.array(z.string()),
});

export const planRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  /** Whether the office holds, or is on the route of, the applicant's application to the plan. */
  async function officeHasApplicationOf(orgId: string | null, applicantId: string, planId: string): Promise<boolean> {
    if (!orgId) return false;
    const [hit] = await ctx.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.applicantId, applicantId),
          eq(applications.planId, planId),
          or(
            sql`${applications.currentOrgIds} @> array[${orgId}]::uuid[]`,
            sql`exists (select 1 from ${applicationSteps} where ${applicationSteps.applicationId} = ${applications.id} and ${applicationSteps.orgIds} @> array[${orgId}]::uuid[])`,
          ),
        ),
      )
      .limit(1);
    return !!hit;
  }

  app.get('/plans', { schema: { tags, summary: '已发布的评审计划（公开）', response: { 200: z.array(ZSummary) } } }, async (req) =>
    listPlans(ctx, req.auth?.actor ?? null, 'published'),
  );

  app.get(
    '/plans/mine',
    { schema: { tags, summary: '本评委会办公室的计划（含草稿）', response: { 200: z.array(ZSummary) } } },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      return listPlans(ctx, auth.actor, 'mine');
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '计划详情（含完整计划数据）',
        params: ZId,
        response: { 200: z.object({ summary: ZSummary, plan: z.record(z.string(), z.unknown()) }), 404: ZError },
      },
    },
    async (req) => getPlan(ctx, req.auth?.actor ?? null, req.params.id),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: '新建计划（JSON）',
        body: z.object({ plan: z.unknown() }),
        response: { 201: z.object({ id: z.uuid() }), 400: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const id = await createPlan(ctx, auth.actor, checked(req.body.plan), auditContextOf(req), 'plan.created');
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/plans/import',
    {
      schema: {
        tags,
        summary: '导入计划文件（YAML 或 JSON 文本）',
        body: z.object({ text: ZPlanText }),
        response: { 201: z.object({ id: z.uuid() }), 400: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const id = await createPlan(ctx, auth.actor, parsePlanText(req.body.text), auditContextOf(req), 'plan.imported');
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '修改计划（整份计划数据，须带上读取时的版本号）',
        params: ZId,
        body: z.object({ plan: z.unknown(), version: z.number().int() }),
        response: { 200: ZSaved, 400: ZError, 403: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const plan = checked(req.body.plan);
      const version = await updatePlan(ctx, auth.actor, req.params.id, plan, req.body.version, auditContextOf(req));
      return { ok: true as const, version, warnings: planWarnings(plan) };
    },
  );

  app.post(
    '/plans/:id/copy',
    {
      schema: {
        tags,
        summary: '复制计划：asNewYear 为"复制为新年度"，年度、日期、评审月份和条件中的年度一并移到 targetYear；返回移动了哪些字段',
        params: ZId,
        body: z.object({
          asNewYear: z.boolean().default(true),
          targetYear: z
            .number({ error: '新年度应为数字' })
            .int('新年度应为整数')
            .min(2000, '新年度不早于 2000 年')
            .max(2100, '新年度不晚于 2100 年')
            .optional(),
          key: z.string().max(64, '计划代号不超过 64 位').optional(),
          name: z.string().max(120, '计划名称不超过 120 个字').optional(),
        }),
        response: { 201: ZCopied, 400: ZError, 403: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const r = await copyPlan(ctx, auth.actor, req.params.id, req.body, auditContextOf(req));
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/plans/:id/import',
    {
      schema: {
        tags,
        summary: '导入覆盖：用计划文件（YAML 或 JSON 文本）替换草稿计划的全部内容，须带上读取时的版本号',
        params: ZId,
        body: z.object({ text: ZPlanText, version: z.number().int() }),
        response: { 200: ZSaved, 400: ZError, 403: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      const plan = parsePlanText(req.body.text);
      const version = await updatePlan(ctx, auth.actor, req.params.id, plan, req.body.version, auditContextOf(req), 'import');
      return { ok: true as const, version, warnings: planWarnings(plan) };
    },
  );

  app.post('/plans/:id/publish', { schema: { tags, summary: '发布', params: ZId, response: { 200: ZOk, 409: ZError } } }, async (req) => {
    const auth = requireAuth(req, ['officer', 'admin']);
    await setPublished(ctx, auth.actor, req.params.id, true, auditContextOf(req));
    return { ok: true as const };
  });
  app.post(
    '/plans/:id/unpublish',
    { schema: { tags, summary: '撤回发布', params: ZId, response: { 200: ZOk, 409: ZError } } },
    async (req) => {
      const auth = requireAuth(req, ['officer', 'admin']);
      await setPublished(ctx, auth.actor, req.params.id, false, auditContextOf(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/plans/:id/export',
    { schema: { tags, summary: '导出计划文件', params: ZId, querystring: z.object({ format: z.enum(['yaml', 'json']).default('yaml') }) } },
    async (req, reply) => {
      const { plan } = await getPlan(ctx, req.auth?.actor ?? null, req.params.id);
      const ext = req.query.format === 'json' ? 'json' : 'yaml';
      return reply
        .header('content-type', ext === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${plan.key}.${ext}"`)
        .send(exportPlan(plan, req.query.format));
    },
  );

  app.post(
    '/plans/:id/eligibility',
    {
      schema: {
        tags,
        summary: '资格检查：某人按某申报方式申报本计划是否符合条件（逐条说明）',
        params: ZId,
        body: z.object({
          mode: z.enum(modeValues),
          level: z.string().max(30),
          applicantId: z.uuid().optional(),
          application: z
            .object({
              selfScore: z.array(z.object({ itemKey: z.string(), points: z.number(), evidenceIds: z.array(z.string()) })).optional(),
              recommenders: z.number().int().min(0).max(20).optional(),
              hasApprovalForm: z.boolean().optional(),
              transfer: z.boolean().optional(),
              incomeTaxMultiples: z.array(z.object({ year: z.number().int(), multiple: z.number() })).optional(),
              mentoring: z.boolean().optional(),
            })
            .optional(),
        }),
        response: {
          200: z.object({
            eligible: z.boolean(),
            interviewRequired: z.boolean(),
            interviewReasons: z.array(z.string()),
            results: z.array(ZRuleResult),
          }),
        },
      },
    },
    async (req) => {
      const auth = requireAuth(req);
      const { plan } = await getPlan(ctx, auth.actor, req.params.id);
      if (!plan.levels.includes(req.body.level as (typeof plan.levels)[number])) fail('VALIDATION', '本计划不评审该级别');
      let applicantId = auth.user.id;
      if (auth.user.role !== 'applicant') {
        if (!req.body.applicantId) fail('VALIDATION', '请指定申报人');
        applicantId = req.body.applicantId;
        const [b] = await ctx.db
          .select({ employerId: employmentBindings.employerId, regionPath: organizations.regionPath })
          .from(employmentBindings)
          .innerJoin(organizations, eq(organizations.id, employmentBindings.employerId))
          .where(and(eq(employmentBindings.applicantId, applicantId), eq(employmentBindings.status, 'approved')));
        // a committee office reads the applicants whose applications to this plan it holds or was routed (issue 8 item 2), not everyone in the province
        const allowed =
          auth.user.orgKind === 'committeeOffice'
            ? await officeHasApplicationOf(auth.user.orgId, applicantId, req.params.id)
            : !!b &&
              ((auth.user.role === 'employer' && b.employerId === auth.user.orgId) ||
                ((auth.user.role === 'officer' || auth.user.role === 'admin') &&
                  isWithinJurisdiction(auth.actor.regionPath, b.regionPath)));
        if (!allowed) fail('NOT_FOUND', '未找到该申报人，或其不在您的管辖范围内');
      }
      const facts = await approvedFacts(ctx.db, applicantId);
      if (req.body.application) facts.application = req.body.application;
      return evaluate(plan, req.body.mode, req.body.level, facts);
    },
  );
};
