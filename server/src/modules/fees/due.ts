/**
 * Fees as the workflow sees them (SPEC §7; the plan's `fee`; a department's fee switch): which fees fall due at a
 * moment of the application's life, and whether every fee due is paid (the `feesPaid` guard).
 * [interface agreed for issue 10: the workflow's act() handlers call these inside their transaction]
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  FEE_KIND_LABELS,
  feeAmountText,
  feeDueBy,
  feesDueAt,
  mergeCalendar,
  owedText,
  shanghaiDate,
  type FeeDue,
  type FeeKind,
  type Plan,
} from '@zc/domain';
import type { Tx } from '../../platform/db/client';
import { applicationFees, calendarYears, organizations, users } from '../../platform/db/schema';
import type { InboxMessage } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';
import { libraryCalendar } from '../calendar/service';

/** The moments a fee can fall due (plan.fee.due, and a department holding a step when its switch is on). */
export type FeeMoment = 'submitted' | 'employerForwarded' | 'atDepartment' | 'qualified';

export interface FeeDueArgs {
  app: { id: string; planId: string; applicantId: string; employerId: string };
  plan: Plan;
  /** the committee office of the plan */
  officeOrgId: string;
  /** at 'atDepartment': the departments now holding the step */
  orgIds: string[];
  moment: FeeMoment;
  now: Date;
}

/** Where the payer pays: the applicant's and the employer's 缴费 pages. */
export function feePageOf(payer: string): string {
  return payer === 'employer' ? '/employer/fees' : '/applicant/fees';
}

/** How the payer is told to pay (the notice text; seed 004 附件1 二.6: 根据12333短信提示 … 完成费用缴纳). */
export function howToPay(f: Pick<FeeDue, 'method' | 'amountFen'>): string {
  if (f.method === 'online' && f.amountFen != null) return '请登录职称申报评审平台，在“缴费”页面完成网上支付';
  if (f.method === 'bankTransfer') return '请按评委会办公室的缴费通知转账汇款，收款后由评委会办公室在平台确认';
  return '请按收费单位的通知缴纳，收款后由收费单位在平台确认';
}

/** The working-day calendar read through the transaction (a query on ctx.db would wait for it on PGlite). */
async function calendarIn(tx: Tx) {
  const rows = await tx.select().from(calendarYears);
  return mergeCalendar(
    libraryCalendar(),
    rows.map((r) => ({ year: r.year, holidays: r.holidays as string[], workdays: r.workdays as string[] })),
  );
}

/** Creates the fee rows that fall due now (none twice), and returns the messages telling the payer. */
export async function feesFallDue(tx: Tx, args: FeeDueArgs): Promise<InboxMessage[]> {
  const departments =
    args.moment === 'atDepartment' && args.orgIds.length > 0
      ? await tx
          .select({ id: organizations.id, feeEnabled: organizations.feeEnabled, feeAmountFen: organizations.feeAmountFen })
          .from(organizations)
          .where(inArray(organizations.id, args.orgIds))
      : [];
  const due = feesDueAt({ fee: args.plan.fee, moment: args.moment, officeOrgId: args.officeOrgId, departments });
  if (due.length === 0) return [];
  const dueBy = feeDueBy(await calendarIn(tx), shanghaiDate(args.now));
  const created = await tx
    .insert(applicationFees)
    .values(
      due.map((f) => ({
        applicationId: args.app.id,
        kind: f.kind,
        orgId: f.orgId,
        payer: f.payer,
        amountFen: f.amountFen,
        method: f.method,
        dueBy,
        createdAt: args.now,
        updatedAt: args.now,
      })),
    )
    // a fee already due (the application came back and went through the moment again) is not charged twice
    .onConflictDoNothing()
    .returning({ id: applicationFees.id, kind: applicationFees.kind, orgId: applicationFees.orgId });
  const messages: InboxMessage[] = [];
  for (const row of created) {
    const f = due.find((d) => d.kind === row.kind && d.orgId === row.orgId)!;
    const what = `${args.plan.name}的${FEE_KIND_LABELS[f.kind]}`;
    const body = `您需缴纳${what}（${feeAmountText(f.amountFen)}），缴费截止 ${dueBy}。${howToPay(f)}。未按时缴费的不予评审。`;
    const recipients =
      f.payer === 'employer'
        ? await unitOperators(tx, args.app.employerId, { activeOnly: true })
        : await tx.select({ id: users.id, mobile: users.mobile }).from(users).where(eq(users.id, args.app.applicantId));
    for (const r of recipients)
      messages.push({ userId: r.id, title: '缴费通知', body, link: feePageOf(f.payer), sms: { mobile: r.mobile, template: 'feeNotice' } });
  }
  return messages;
}

/** Why the application may not go on for fees (unpaid, with what and how much), or null when all are paid. */
export async function unpaidFeesRefusal(tx: Tx, applicationId: string): Promise<string | null> {
  const owed = await tx
    .select({ kind: applicationFees.kind, amountFen: applicationFees.amountFen, dueBy: applicationFees.dueBy })
    .from(applicationFees)
    .where(and(eq(applicationFees.applicationId, applicationId), inArray(applicationFees.status, ['unpaid', 'refunded'])));
  if (owed.length === 0) return null;
  return `尚有费用未缴清：${owedText(owed.map((o) => ({ ...o, kind: o.kind as FeeKind })))}。未缴纳评审费的人员不予评审（请缴费人在平台缴费，转账汇款由收费单位确认收款后方可继续）`;
}
