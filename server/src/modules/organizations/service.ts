import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  canCreateOrganization,
  canReviewEmployerRegistration,
  employerNatureLabel,
  isWithinJurisdiction,
  maskMobile,
  natureNeedsRemark,
  organizationKindLabel,
  validateCompetentDepartment,
  validateCreditCode,
  validateMobile,
  validatePassword,
  type Actor,
  type OrganizationKind,
  type OrganizationStatus,
} from '@zc/domain';
import { files, organizations, regions, users } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { containsPattern, getRegion, withinJurisdiction } from '../../platform/db/jurisdiction';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notify } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import { hashPassword } from '../../platform/auth/password';
import type { LoadedSession } from '../../platform/auth/session';
import { accountKey } from '../identity/service';
import type { ZCreateAccount, ZCreateOrganization, ZEmployerRegistration, ZOrganizationQuery } from './schemas';

/** The authorization letter: a PDF or an image scan, at most 10 MB [ours]. */
export const AUTHORIZATION_LETTER_MAX_BYTES = 10 * 1024 * 1024;

type OrgRow = typeof organizations.$inferSelect;

function summary(o: OrgRow, regionName: string) {
  return {
    id: o.id,
    kind: o.kind as OrganizationKind,
    kindLabel: organizationKindLabel(o.kind),
    name: o.name,
    regionId: o.regionId,
    regionName,
    status: o.status as OrganizationStatus,
    creditCode: o.creditCode,
    natureLabel: o.nature ? employerNatureLabel(o.nature) : null,
    affiliation: o.affiliation,
    createdAt: o.createdAt.toISOString(),
    hasAuthorizationLetter: o.authorizationLetterFileId !== null,
  };
}

async function assertAccountFree(q: Queryable, username: string) {
  const [u] = await q
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, accountKey(username)));
  if (u) fail('DUPLICATE', '该账号已被使用，请换一个', { username: '该账号已被使用' });
}

export async function registerEmployer(
  ctx: AppContext,
  input: z.infer<typeof ZEmployerRegistration>,
  session: LoadedSession | null,
  ip: string,
): Promise<{ orgId: string; userId: string; newAccount: boolean }> {
  const details: Record<string, string> = {};
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) details.creditCode = code.message;
  if (natureNeedsRemark(input.nature) && !input.natureRemark?.trim()) {
    details.natureRemark = '单位性质选择"其它类企业"时，须在备注中说明情况';
  }
  if (input.affiliation !== 'none') {
    const dep = validateCompetentDepartment(input.competentDepartment ?? '');
    if (!dep.ok) details.competentDepartment = dep.message;
  }
  const phone = validateMobile(input.contactPhone);
  if (!phone.ok) details.contactPhone = phone.message;
  const signedInOperator = session && session.user.role === 'employer' && session.user.orgId === null ? session : null;
  if (session && !signedInOperator) fail('FORBIDDEN', '您已以其他身份登录，请先退出再注册单位');
  if (!signedInOperator) {
    if (!input.account) details['account.username'] = '请设置单位经办人登录账号';
    else {
      const pw = validatePassword(input.account.password);
      if (!pw.ok) details['account.password'] = pw.message;
    }
  }
  const first = Object.values(details)[0];
  if (first || !code.ok) fail('VALIDATION', first, details);
  const region = await getRegion(ctx.db, input.regionId);
  if (region.level === 'province' && input.affiliation !== 'province') {
    details.regionId = '请选择单位所在的市、县（市、区）或开发区';
    fail('VALIDATION', details.regionId, details);
  }
  const passwordHash = input.account ? await hashPassword(input.account.password) : null;

  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.creditCode, code.normalized));
    if (dup) fail('DUPLICATE', '该统一社会信用代码的单位已注册。如需变更经办人，请联系所在地人力社保部门', { creditCode: '该单位已注册' });
    const [org] = await tx
      .insert(organizations)
      .values({
        kind: 'employer',
        name: input.name,
        regionId: region.id,
        regionPath: region.path,
        status: 'pending',
        creditCode: code.normalized,
        nature: input.nature,
        natureRemark: input.natureRemark ?? null,
        competentDepartment: input.affiliation === 'none' ? null : (input.competentDepartment ?? null),
        affiliation: input.affiliation,
        industry: input.industry ?? null,
        filesAtAgency: input.filesAtAgency,
        contactName: input.contactName,
        contactPhone: ctx.pii.encrypt('mobile', input.contactPhone),
      })
      .returning();
    let userId: string;
    if (signedInOperator) {
      userId = signedInOperator.user.id;
      await tx
        .update(users)
        .set({
          orgId: org!.id,
          mobile: ctx.pii.encrypt('mobile', input.contactPhone),
          mobileHash: ctx.pii.hash('mobile', input.contactPhone),
        })
        .where(eq(users.id, userId));
    } else {
      await assertAccountFree(tx, input.account!.username);
      const [u] = await tx
        .insert(users)
        .values({
          role: 'employer',
          orgId: org!.id,
          username: accountKey(input.account!.username),
          passwordHash,
          realName: input.contactName,
          mobile: ctx.pii.encrypt('mobile', input.contactPhone),
          mobileHash: ctx.pii.hash('mobile', input.contactPhone),
          profileCompletedAt: ctx.now(),
        })
        .returning({ id: users.id });
      userId = u!.id;
    }
    await writeAudit(
      tx,
      { actorUserId: userId, actorRole: 'employer', actorOrgId: org!.id, ip },
      {
        action: 'organization.registered',
        targetType: 'organization',
        targetId: org!.id,
        regionPath: region.path,
        after: { name: org!.name, creditCode: org!.creditCode, nature: org!.nature, affiliation: org!.affiliation, regionId: region.id },
      },
    );
    return { orgId: org!.id, userId, newAccount: !signedInOperator };
  });
}

/** Stores the 授权委托书 and puts the registration (back) into the review queue. */
export async function uploadAuthorizationLetter(
  ctx: AppContext,
  auth: LoadedSession,
  file: { stream: Readable; filename: string },
  audit: AuditContext,
) {
  const orgId = auth.user.orgId;
  if (!orgId) fail('STATE', '请先填写单位注册信息，再上传授权委托书');
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) fail('NOT_FOUND');
  if (org.status === 'approved') fail('STATE', '单位注册已审核通过，无需再上传授权委托书');
  const stored = await ctx.store.put(file.stream, {
    maxBytes: AUTHORIZATION_LETTER_MAX_BYTES,
    accept: ['application/pdf', 'image/jpeg', 'image/png'],
    filename: file.filename,
  });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for('update');
      if (!locked || locked.status === 'approved') fail('CONFLICT');
      const [f] = await tx
        .insert(files)
        .values({
          ...stored,
          originalName: file.filename.slice(0, 200),
          purpose: 'authorizationLetter',
          ownerUserId: auth.user.id,
          ownerOrgId: orgId,
        })
        .returning({ id: files.id });
      await tx
        .update(organizations)
        .set({ authorizationLetterFileId: f!.id, status: 'pending', refusalReason: null, updatedAt: ctx.now() })
        .where(eq(organizations.id, orgId));
      await writeAudit(tx, audit, {
        action: 'organization.letterUploaded',
        targetType: 'organization',
        targetId: orgId,
        regionPath: locked.regionPath,
        before: { status: locked.status, authorizationLetterFileId: locked.authorizationLetterFileId },
        after: { status: 'pending', authorizationLetterFileId: f!.id, sha256: stored.sha256, size: stored.size },
      });
      return { fileId: f!.id, sha256: stored.sha256, size: stored.size, mime: stored.mime };
    });
  } catch (e) {
    await ctx.store.remove(stored.storageKey);
    throw e;
  }
}

/** What the actor may do with an organization record. */
export function allowedActions(actor: Actor, o: OrgRow): Array<'approve' | 'refuse' | 'createAccount'> {
  const out: Array<'approve' | 'refuse' | 'createAccount'> = [];
  if (
    o.kind === 'employer' &&
    o.status === 'pending' &&
    o.authorizationLetterFileId &&
    canReviewEmployerRegistration(actor, o.regionPath)
  ) {
    out.push('approve', 'refuse');
  }
  if (o.kind !== 'employer' && actor.role === 'admin' && isWithinJurisdiction(actor.regionPath, o.regionPath)) out.push('createAccount');
  return out;
}

export async function listOrganizations(ctx: AppContext, actor: Actor, q: z.infer<typeof ZOrganizationQuery>) {
  if (actor.role !== 'officer' && actor.role !== 'admin') fail('FORBIDDEN');
  const where: SQL[] = [withinJurisdiction(organizations.regionPath, actor.regionPath)];
  if (q.kind) where.push(eq(organizations.kind, q.kind));
  if (q.managementOnly) where.push(ne(organizations.kind, 'employer'));
  if (q.status) where.push(eq(organizations.status, q.status));
  if (q.regionId) {
    const r = await getRegion(ctx.db, q.regionId);
    where.push(withinJurisdiction(organizations.regionPath, r.path));
  }
  if (q.keyword) {
    const kw = containsPattern(q.keyword);
    where.push(or(ilike(organizations.name, kw), ilike(organizations.creditCode, kw))!);
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ o: organizations, regionName: regions.name })
      .from(organizations)
      .innerJoin(regions, eq(regions.id, organizations.regionId))
      .where(cond)
      .orderBy(desc(organizations.createdAt), asc(organizations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(organizations).where(cond),
  ]);
  return { items: rows.map((r) => summary(r.o, r.regionName)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getOrganization(ctx: AppContext, actor: Actor, id: string) {
  const [row] = await ctx.db
    .select({ o: organizations, regionName: regions.name })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(organizations.id, id));
  if (!row) fail('NOT_FOUND');
  const own = actor.orgId === id;
  const manager = (actor.role === 'officer' || actor.role === 'admin') && isWithinJurisdiction(actor.regionPath, row.o.regionPath);
  if (!own && !manager) fail(actor.role === 'officer' || actor.role === 'admin' ? 'OUT_OF_JURISDICTION' : 'FORBIDDEN');
  const o = row.o;
  // an employer's registration record (authorization letter, contact person, decision) is the unit's own and
  // its registration reviewers' (issue 8 item 2); other officers over the region see the unit, not the record
  const record = own || o.kind !== 'employer' || canReviewEmployerRegistration(actor, o.regionPath);
  const [letter] =
    record && o.authorizationLetterFileId
      ? await ctx.db
          .select({ fileId: files.id, mime: files.mime, name: files.originalName, size: files.size })
          .from(files)
          .where(eq(files.id, o.authorizationLetterFileId))
      : [];
  return {
    authorizationLetter: letter ?? null,
    ...summary(o, row.regionName),
    nature: o.nature,
    natureRemark: o.natureRemark,
    competentDepartment: o.competentDepartment,
    industry: o.industry,
    filesAtAgency: o.filesAtAgency,
    contactName: record ? o.contactName : null,
    contactPhoneMasked: record && o.contactPhone ? maskMobile(ctx.pii.decrypt('mobile', o.contactPhone)) : null,
    authorizationLetterFileId: record ? o.authorizationLetterFileId : null,
    refusalReason: record ? o.refusalReason : null,
    decidedAt: o.decidedAt?.toISOString() ?? null,
    allowed: allowedActions(actor, o),
  };
}

/**
 * Approve or refuse an employer's registration: lock, re-check, write + audit, notify — one transaction.
 * Approval notifies the operator by SMS and inbox (seed 004 附件2 一.1).
 */
export async function decideEmployer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: { kind: 'approve'; opinion?: string } | { kind: 'refuse'; reason: string },
  audit: AuditContext,
) {
  await ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
    if (!o || o.kind !== 'employer') fail('NOT_FOUND');
    if (!canReviewEmployerRegistration(actor, o.regionPath)) {
      fail(isWithinJurisdiction(actor.regionPath, o.regionPath) ? 'FORBIDDEN' : 'OUT_OF_JURISDICTION');
    }
    if (o.status !== 'pending') fail('CONFLICT', `该单位注册已被处理（${o.status === 'approved' ? '已通过' : '未通过'}），请刷新列表`);
    if (!o.authorizationLetterFileId) fail('STATE', '该单位尚未上传授权委托书，暂不能审核');
    const status = decision.kind === 'approve' ? 'approved' : 'refused';
    const reason = decision.kind === 'refuse' ? decision.reason : null;
    await tx
      .update(organizations)
      .set({ status, refusalReason: reason, decidedBy: actor.userId, decidedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(organizations.id, id));
    await writeAudit(tx, audit, {
      action: decision.kind === 'approve' ? 'organization.approved' : 'organization.refused',
      targetType: 'organization',
      targetId: id,
      regionPath: o.regionPath,
      before: { status: o.status },
      after: { status, reason, opinion: decision.kind === 'approve' ? (decision.opinion ?? null) : null },
    });
    const operators = await unitOperators(tx, id);
    await notify(
      tx,
      operators.map((u) =>
        decision.kind === 'approve'
          ? {
              userId: u.id,
              title: '单位注册审核通过',
              body: `${o.name}的注册及授权委托书已审核通过，现可登录平台办理职称申报审核业务。`,
              link: '/employer',
              sms: { mobile: u.mobile, template: 'employerApproved' },
            }
          : {
              userId: u.id,
              title: '单位注册审核未通过',
              body: `${o.name}的注册未通过审核，原因：${decision.reason}。请按要求修改后重新上传授权委托书。`,
              link: '/employer',
              sms: { mobile: u.mobile, template: 'employerRefused' },
            },
      ),
    );
  });
}

/** Management bodies are created by administrators only (SPEC §1). */
export async function createOrganization(ctx: AppContext, actor: Actor, input: z.infer<typeof ZCreateOrganization>, audit: AuditContext) {
  const region = await getRegion(ctx.db, input.regionId);
  const can = canCreateOrganization(actor, input.kind, { regionPath: region.path, regionLevel: region.level as 'province' });
  if (!can.ok) fail('FORBIDDEN', can.message);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.name, input.name), eq(organizations.regionId, region.id)));
    if (dup) fail('DUPLICATE', '该地区已有同名机构', { name: '该地区已有同名机构' });
    const [o] = await tx
      .insert(organizations)
      .values({
        kind: input.kind,
        name: input.name,
        regionId: region.id,
        regionPath: region.path,
        status: 'approved',
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, audit, {
      action: 'organization.created',
      targetType: 'organization',
      targetId: o!.id,
      regionPath: region.path,
      after: { kind: o!.kind, name: o!.name, regionId: region.id },
    });
    return o!.id;
  });
}

/**
 * Allocates an account to a management body (admin, within jurisdiction) or an expert to a committee office.
 * An 'administration' body's accounts are administrators; all others are officers; experts are experts.
 */
export async function createAccount(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.infer<typeof ZCreateAccount>,
  audit: AuditContext,
  as: 'staff' | 'expert' = 'staff',
) {
  const pw = validatePassword(input.password);
  if (!pw.ok) fail('VALIDATION', pw.message, { password: pw.message });
  const mobile = validateMobile(input.mobile);
  if (!mobile.ok) fail('VALIDATION', mobile.message, { mobile: mobile.message });
  // answer a taken name at once, before spending argon2 time (checked again in the transaction)
  await assertAccountFree(ctx.db, input.username);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
    if (!o) fail('NOT_FOUND');
    if (as === 'expert') {
      if (!(actor.role === 'officer' && actor.orgKind === 'committeeOffice' && actor.orgId === orgId))
        fail('FORBIDDEN', '评审专家由所属评委会办公室添加');
    } else {
      if (actor.role !== 'admin') fail('FORBIDDEN', '管理账号只能由系统管理员分配');
      if (!isWithinJurisdiction(actor.regionPath, o.regionPath)) fail('OUT_OF_JURISDICTION');
      if (o.kind === 'employer') fail('FORBIDDEN', '用人单位经办人账号由单位自行注册');
      if (o.kind === 'administration' && actor.regionLevel !== 'province') fail('FORBIDDEN', '管理员账号只能由省级管理员分配');
    }
    await assertAccountFree(tx, input.username);
    const role = as === 'expert' ? 'expert' : o.kind === 'administration' ? 'admin' : 'officer';
    const [u] = await tx
      .insert(users)
      .values({
        role,
        orgId,
        username: accountKey(input.username),
        passwordHash,
        realName: input.realName,
        mobile: ctx.pii.encrypt('mobile', input.mobile),
        mobileHash: ctx.pii.hash('mobile', input.mobile),
        profileCompletedAt: ctx.now(),
        createdBy: actor.userId,
        // allocated by someone else: the holder chooses their own password at first sign-in (issue 8 item 6)
        passwordMustChange: true,
      })
      .returning({ id: users.id });
    await writeAudit(tx, audit, {
      action: 'user.created',
      targetType: 'user',
      targetId: u!.id,
      regionPath: o.regionPath,
      after: { role, orgId, username: accountKey(input.username), realName: input.realName },
    });
    return u!.id;
  });
}

/** Approved employers matching a keyword, for an applicant's binding request (seed 003 附件2.2). */
export async function searchEmployers(ctx: AppContext, keyword: string) {
  const kw = containsPattern(keyword);
  const rows = await ctx.db
    .select({ id: organizations.id, name: organizations.name, regionName: regions.name })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(
      and(
        eq(organizations.kind, 'employer'),
        eq(organizations.status, 'approved'),
        or(ilike(organizations.name, kw), eq(organizations.creditCode, keyword.toUpperCase())),
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(20);
  return rows;
}

export async function listAccounts(ctx: AppContext, actor: Actor, orgId: string) {
  const [o] = await ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!o) fail('NOT_FOUND');
  const mine = actor.orgId === orgId;
  if (!mine && !(actor.role === 'admin' && isWithinJurisdiction(actor.regionPath, o.regionPath))) fail('OUT_OF_JURISDICTION');
  const rows = await ctx.db
    .select({
      id: users.id,
      role: users.role,
      realName: users.realName,
      username: users.username,
      mobile: users.mobile,
      status: users.status,
    })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['officer', 'admin', 'expert', 'employer'])))
    .orderBy(asc(users.realName));
  return rows.map((r) => ({ ...r, mobile: r.mobile ? maskMobile(ctx.pii.decrypt('mobile', r.mobile)) : null }));
}
