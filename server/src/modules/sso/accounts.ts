/**
 * Who a 浙江政务服务网 login is on this platform (issue 8 item 1).
 *
 * - Found by the provider's subject: that account (unless it waits for, or was refused, a unit's approval).
 * - Personal, new subject: an account with the same ID number is linked only when the provider is
 *   trusted to have authenticated the person (a real 政务服务网, never the demo provider) and that
 *   account has no subject yet; otherwise the login is refused. No account: a new applicant.
 * - Legal person, new subject: a unit not yet registered gets a new operator without organization
 *   (who then registers it). A unit already registered gets a pending join request (unit-join.ts):
 *   no operator, no session, until the unit's operator (or, without one, its reviewing bureau) agrees.
 */
import { eq } from 'drizzle-orm';
import type * as oidc from 'openid-client';
import { validateIdNumber } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { organizations, users } from '../../platform/db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { UNIT_JOIN_STATUS, pendingMessageFor, requestUnitJoin, unitApprovers } from './unit-join';

export type GovLoginOutcome =
  { kind: 'signedIn'; userId: string } | { kind: 'refused'; message: string } | { kind: 'pending'; message: string };

export const GOV_LOGIN_MESSAGES = {
  badIdNumber: '政务服务网返回的身份证号码无效，请联系政务服务网',
  idNumberTaken:
    '该身份证号码已注册本平台账号，不能用此政务服务网身份登录。请使用账号密码登录；如账号不是您本人注册，请联系所在地人力社保部门',
  joinRefused: '该单位经办人未同意您的加入申请。如有疑问，请联系该单位或所在地人力社保部门',
  disabled: '该账号已停用，请联系管理员',
} as const;

/** The user's ID-number look-up (keyed hash, issue 8 item 7). */
export function findUserByIdNumber(ctx: AppContext, q: Queryable, idNumber: string) {
  return q
    .select()
    .from(users)
    .where(eq(users.idNumberHash, ctx.pii.hash('id_number', idNumber)));
}

export async function resolveGovLogin(
  ctx: AppContext,
  input: { accountKind: 'personal' | 'legalPerson'; claims: oidc.IDToken; trustedForIdNumberLink: boolean; ip: string },
): Promise<GovLoginOutcome> {
  const { claims, ip } = input;
  const sub = claims.sub;
  const name = String(claims.name ?? '');
  const mobile = typeof claims.phone_number === 'string' ? claims.phone_number : null;
  // the claims kept for prefilling a registration, without the person's mobile or ID number (issue 8 item 7)
  const storedClaims = Object.fromEntries(Object.entries(claims).filter(([k]) => k !== 'phone_number' && k !== 'id_number'));

  return ctx.db.transaction(async (tx): Promise<GovLoginOutcome> => {
    const [existing] = await tx.select().from(users).where(eq(users.govSubject, sub));
    if (existing) {
      if (existing.status === UNIT_JOIN_STATUS.pending) return { kind: 'pending', message: await pendingMessage(tx, existing.govClaims) };
      if (existing.status === UNIT_JOIN_STATUS.refused) return { kind: 'refused', message: GOV_LOGIN_MESSAGES.joinRefused };
      if (existing.status !== 'active') return { kind: 'refused', message: GOV_LOGIN_MESSAGES.disabled };
      if (input.accountKind === 'legalPerson') await tx.update(users).set({ govClaims: storedClaims }).where(eq(users.id, existing.id));
      return { kind: 'signedIn', userId: existing.id };
    }

    if (input.accountKind === 'personal') {
      const id = validateIdNumber(String(claims.id_number ?? ''));
      if (!id.ok) return { kind: 'refused', message: GOV_LOGIN_MESSAGES.badIdNumber };
      const [same] = await findUserByIdNumber(ctx, tx, id.normalized);
      if (same) {
        // the same person only if the provider really authenticated them and the account has no other subject
        if (!input.trustedForIdNumberLink || same.govSubject) return { kind: 'refused', message: GOV_LOGIN_MESSAGES.idNumberTaken };
        await tx.update(users).set({ govSubject: sub }).where(eq(users.id, same.id));
        await writeAudit(
          tx,
          { actorUserId: same.id, actorRole: same.role, actorOrgId: same.orgId, ip },
          { action: 'user.ssoLinked', targetType: 'user', targetId: same.id },
        );
        return { kind: 'signedIn', userId: same.id };
      }
      const [u] = await tx
        .insert(users)
        .values({
          role: 'applicant',
          realName: name,
          idNumber: ctx.pii.encrypt('id_number', id.normalized),
          idNumberHash: ctx.pii.hash('id_number', id.normalized),
          mobile: ctx.pii.encrypt('mobile', mobile),
          mobileHash: ctx.pii.hash('mobile', mobile),
          sex: id.sex,
          birthDate: id.birthDate,
          govSubject: sub,
        })
        .returning({ id: users.id });
      await writeAudit(
        tx,
        { actorUserId: u!.id, actorRole: 'applicant', actorOrgId: null, ip },
        { action: 'user.registered', targetType: 'user', targetId: u!.id, after: { via: 'govAccount', realName: name } },
      );
      return { kind: 'signedIn', userId: u!.id };
    }

    // legal person: the unit's operator
    const uscc = String(claims.uscc ?? '').toUpperCase();
    const [org] = uscc ? await tx.select().from(organizations).where(eq(organizations.creditCode, uscc)) : [];
    const realName = String(claims.agent_name ?? name);
    const [u] = await tx
      .insert(users)
      .values({
        role: 'employer',
        orgId: null,
        realName,
        mobile: ctx.pii.encrypt('mobile', mobile),
        mobileHash: ctx.pii.hash('mobile', mobile),
        govSubject: sub,
        govClaims: storedClaims,
        profileCompletedAt: ctx.now(),
        status: org ? UNIT_JOIN_STATUS.pending : 'active',
      })
      .returning({ id: users.id });
    await writeAudit(
      tx,
      { actorUserId: u!.id, actorRole: 'employer', actorOrgId: null, ip },
      { action: 'user.registered', targetType: 'user', targetId: u!.id, after: { via: 'legalPersonAccount', unit: name } },
    );
    if (!org) return { kind: 'signedIn', userId: u!.id };
    const message = await requestUnitJoin(ctx, tx, { userId: u!.id, realName, mobile, org, ip });
    return { kind: 'pending', message };
  });
}

async function pendingMessage(q: Queryable, govClaims: unknown): Promise<string> {
  const uscc = (govClaims as Record<string, unknown> | null)?.uscc;
  const [org] = typeof uscc === 'string' ? await q.select().from(organizations).where(eq(organizations.creditCode, uscc)) : [];
  return org ? pendingMessageFor((await unitApprovers(q, org)).by) : pendingMessageFor('operators');
}
