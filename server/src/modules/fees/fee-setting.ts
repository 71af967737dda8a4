/**
 * 收费设定 (seed 004 附件2 二.2): a department's fee switch. The seed tells departments to set the system's default
 * 收费 to 不收费 — "原则上，地方主管部门除召开中评委会议收取'中推高推荐费'外，其他审核环节不得收取任何费用" — so ours
 * starts at 不收费 (organizations.fee_enabled default false) and turning it on needs an amount and shows that rule.
 */
import { eq } from 'drizzle-orm';
import { formatFen, isWithinJurisdiction, yuanToFen } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { organizations } from '../../platform/db/schema';
import type { LoadedSession } from '../../platform/auth/session';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { fail } from '../../platform/http/errors';

export const FEE_SETTING_WARNING =
  '原则上，地方主管部门除召开中评委会议收取“中推高推荐费”外，其他审核环节不得收取任何费用（系统默认“不收费”）。开启后，申报材料送达本单位时向申报人收取下列金额的中推高推荐费。';

/** The bodies that hold review steps and so may have a switch: not employers, the committee office (its fee is the plan's) or the platform. */
const NO_SWITCH = new Set(['employer', 'committeeOffice', 'administration']);

async function loadOrg(ctx: AppContext, auth: LoadedSession, orgId: string) {
  const [o] = await ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
  const mayManage =
    !!o &&
    ((auth.user.role === 'officer' && auth.user.orgId === o.id) ||
      (auth.user.role === 'admin' && isWithinJurisdiction(auth.user.regionPath, o.regionPath)));
  if (!o || !mayManage) fail('NOT_FOUND');
  if (NO_SWITCH.has(o.kind)) fail('STATE', '只有审核推荐环节的主管部门有收费设定；评审费由评审计划规定');
  return o;
}

function view(o: { id: string; name: string; feeEnabled: boolean; feeAmountFen: number | null }) {
  return {
    orgId: o.id,
    orgName: o.name,
    feeEnabled: o.feeEnabled,
    amountYuan: o.feeAmountFen == null ? null : Number(formatFen(o.feeAmountFen)),
    warning: FEE_SETTING_WARNING,
  };
}

export async function feeSetting(ctx: AppContext, auth: LoadedSession, orgId: string) {
  return view(await loadOrg(ctx, auth, orgId));
}

export async function saveFeeSetting(
  ctx: AppContext,
  auth: LoadedSession,
  orgId: string,
  body: { feeEnabled: boolean; amountYuan?: number | null | undefined },
  audit: AuditContext,
) {
  await loadOrg(ctx, auth, orgId);
  return ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for('update');
    const feeAmountFen = body.feeEnabled ? yuanToFen(body.amountYuan!) : o!.feeAmountFen;
    const [saved] = await tx
      .update(organizations)
      .set({ feeEnabled: body.feeEnabled, feeAmountFen, updatedAt: ctx.now() })
      .where(eq(organizations.id, orgId))
      .returning();
    await writeAudit(tx, audit, {
      action: 'organization.feeSettingChanged',
      targetType: 'organization',
      targetId: orgId,
      regionPath: o!.regionPath,
      before: { feeEnabled: o!.feeEnabled, feeAmountFen: o!.feeAmountFen },
      after: { feeEnabled: saved!.feeEnabled, feeAmountFen: saved!.feeAmountFen },
    });
    return view(saved!);
  });
}
