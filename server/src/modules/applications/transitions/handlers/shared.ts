/**
 * What several handlers do alike: hand the application to the next step of its chain, send it back to the
 * applicant, refuse it, record an approval on a step; who to tell; entries unfrozen when it leaves review.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, type ApplicationDraft, type ApplicationStatus } from '@zc/domain';
import { applicationSteps, applications, archiveEntries, users } from '../../../../platform/db/schema';
import type { Tx } from '../../../../platform/db/client';
import { fail } from '../../../../platform/http/errors';
import { feesFallDue, type FeeMoment } from '../../../fees/due';
import type { AppRow } from '../../access';
import type { ActContext, StepRow } from '../context';

/** The users of a role in the organizations. */
export async function usersOf(tx: Tx, orgIds: string[], role: string) {
  if (orgIds.length === 0) return [];
  return tx
    .select({ id: users.id, mobile: users.mobile })
    .from(users)
    .where(and(inArray(users.orgId, orgIds), eq(users.role, role)));
}

/** Statuses in which an application holds its entries frozen: past the applicant, not finished (from the table). */
const HOLDING = (Object.entries(APPLICATION_STATUSES) as Array<[ApplicationStatus, (typeof APPLICATION_STATUSES)[ApplicationStatus]]>)
  .filter(([, s]) => !s.terminal && s.holder !== 'applicant')
  .map(([status]) => status);

/** Entries go back to editable when the application leaves review, unless another application of the same person still holds them. */
export async function unfreezeUnlessUsed(tx: Tx, a: AppRow, entryIds: string[]) {
  if (entryIds.length === 0) return;
  const held = await tx
    .select({ draft: applications.draft })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, a.applicantId),
        sql`${applications.id} <> ${a.id}`,
        inArray(applications.status, HOLDING),
        sql`${applications.draft}->'entryIds' ?| array[${sql.join(
          entryIds.map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  const stillUsed = new Set(held.flatMap((h) => (h.draft as ApplicationDraft).entryIds ?? []));
  const free = entryIds.filter((x) => !stillUsed.has(x));
  if (free.length) await tx.update(archiveEntries).set({ frozenAt: null }).where(inArray(archiveEntries.id, free));
}

/** The fees that fall due at this moment (the fees module decides which), their payers told in the same transaction. */
export async function feesDue(c: ActContext, moment: FeeMoment, orgIds: string[] = []) {
  const { id, planId, applicantId, employerId } = c.a;
  c.messages.push(
    ...(await feesFallDue(c.tx, {
      app: { id, planId, applicantId, employerId },
      plan: c.plan,
      officeOrgId: c.officeOrgId,
      orgIds,
      moment,
      now: c.now,
    })),
  );
}

/** Hands the application to the next step of its chain (a department, or the committee office); its officers are told. */
export async function handToNextStep(c: ActContext): Promise<StepRow> {
  const seq = c.a.currentStep + 1;
  const next = c.steps[seq];
  if (!next) fail('STATE', '审核路线已到终点');
  Object.assign(c.set, { currentStep: seq, currentOrgIds: next.orgIds });
  const office = next.kind === 'committeeOffice';
  (await usersOf(c.tx, next.orgIds, 'officer')).forEach((u) =>
    c.messages.push({
      userId: u.id,
      title: office ? '新的申报材料已报送评委会' : '新的职称申报待审核',
      body: `${c.auth.user.orgName}报送了${c.applicant.realName}的${c.plan.name}申报。`,
      link: `/manage/applications/${c.a.id}`,
    }),
  );
  if (!office) await feesDue(c, 'atDepartment', next.orgIds);
  return next;
}

/** Marks the step holding the application with the decision and its opinion. */
function closeCurrentStep(c: ActContext, status: 'returned' | 'rejected') {
  if (!c.current) return;
  c.writes.push(
    c.tx
      .update(applicationSteps)
      .set({ status, opinion: c.reason, actedBy: c.auth.user.id, actedAt: c.now })
      .where(eq(applicationSteps.id, c.current.id)),
  );
}

/**
 * 退回修改: back to the applicant with what to fix; the entries unfreeze; the organizations below that
 * handled it (`toldOrgIds`: the employer, the department below) are told too.
 */
export async function returnToApplicant(c: ActContext, toldOrgIds: string[]) {
  c.set.currentOrgIds = [];
  await unfreezeUnlessUsed(c.tx, c.a, (c.a.draft as ApplicationDraft).entryIds ?? []);
  closeCurrentStep(c, 'returned');
  c.toApplicant('申报被退回修改', `${c.auth.user.orgName}退回了您的申报，请按意见修改后重新提交：${c.reason}`);
  for (const role of ['employer', 'officer'])
    (await usersOf(c.tx, toldOrgIds, role)).forEach((u) =>
      c.messages.push({
        userId: u.id,
        title: '申报被上级退回',
        body: `${c.applicant.realName}的申报被${c.auth.user.orgName}退回：${c.reason}`,
        link: '/',
      }),
    );
}

/** 不通过: the application ends here; the applicant is told why. */
export async function rejectApplication(c: ActContext) {
  c.set.currentOrgIds = [];
  closeCurrentStep(c, 'rejected');
  c.toApplicant('申报审核不通过', `${c.auth.user.orgName}：${c.reason}`);
}

/** The checks recorded with an approval: only the list's keys (what this level checks) are accepted. */
export function checksFrom(c: ActContext, list: ReadonlyArray<{ key: string; label: string }>): Record<string, boolean> | undefined {
  const checks = c.input.checks;
  if (!checks) return undefined;
  const bad = Object.keys(checks).filter((k) => !list.some((x) => x.key === k));
  if (bad.length)
    fail('VALIDATION', `审查事项不正确（${bad.join('、')}），请按页面所列事项勾选：${list.map((x) => x.label).join('、')}`, {
      checks: '审查事项不正确',
    });
  return checks;
}

/** The department rows the step before the one holding the application, or [] when the employer is below it. */
export function orgIdsBelow(c: ActContext): string[] {
  return c.a.currentStep > 0 ? c.steps[c.a.currentStep - 1]!.orgIds : [];
}
