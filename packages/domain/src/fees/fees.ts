/**
 * Fees (SPEC §3 fee, §7): which fees fall due at which moment of an application's life, in which amount, by
 * when, and the receipt number. Pure rules shared by the server (fees module) and the web (缴费 card).
 *
 * Seeds: 000 六(五) 评审费用由各送审单位在报送材料时按有关规定标准缴纳 (payer employer, on materials sent, no amount);
 * 001 五(二) 资格审查通过后 … 在线支付; 003 八(三) 收取评审费每人280元, 交费方式：转账汇款, 未缴纳评审费的人员不予评审;
 * 004 五 / 附件1 二.6 线上缴款, 根据12333短信提示 (after submission); 004 附件2 二.2 a department charges nothing
 * (default 不收费) except a 中评委 meeting's 中推高推荐费.
 */
import { z } from 'zod';
import { nextDay, publicityEnd, type CalendarData } from '../calendar/working-days';
import type { Plan } from '../plans/plan';

/** review: the plan's 评审费, collected by the committee office; recommendation: a department's 中推高推荐费 (seed 004 附件2 二.2) */
export const FEE_KINDS = ['review', 'recommendation'] as const;
export const ZFeeKind = z.enum(FEE_KINDS);
export type FeeKind = z.infer<typeof ZFeeKind>;
export const FEE_KIND_LABELS: Record<FeeKind, string> = { review: '评审费', recommendation: '中推高推荐费' };

export const FEE_STATUSES = ['unpaid', 'paid', 'refunded', 'waived'] as const;
export const ZFeeStatus = z.enum(FEE_STATUSES);
export type FeeStatus = z.infer<typeof ZFeeStatus>;
export const FEE_STATUS_LABELS: Record<FeeStatus, string> = { unpaid: '待缴费', paid: '已缴费', refunded: '已退费', waived: '已免缴' };

/**
 * How a fee row is paid: online (payment adapter), bankTransfer (seed 003: the office confirms receipt), offline
 * (the plan names no method, seed 000 "按有关规定标准缴纳": the office confirms what was paid).
 */
export const FEE_METHODS = ['online', 'bankTransfer', 'offline'] as const;
export const ZFeeMethod = z.enum(FEE_METHODS);
export type FeeMethod = z.infer<typeof ZFeeMethod>;
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  online: '网上支付',
  bankTransfer: '转账汇款（评委会办公室确认）',
  offline: '按通知缴纳（收费单位确认）',
};

export const FEE_PAYERS = ['applicant', 'employer'] as const;
export type FeePayer = (typeof FEE_PAYERS)[number];

/** The moments a fee can fall due (server/src/modules/fees/due.ts FeeMoment). */
export const FEE_MOMENTS = ['submitted', 'employerForwarded', 'atDepartment', 'qualified'] as const;
export type FeeMomentName = (typeof FEE_MOMENTS)[number];

/** The plan's `fee.due` → the moment of the application's life it names. */
export const PLAN_FEE_DUE_MOMENT = {
  /** seed 004 附件1 二.6: 申报人员根据12333短信提示 … 完成费用缴纳 (after submission) */
  afterSubmission: 'submitted',
  /** seeds 001 五(二), 003 八(三): after the committee office's qualification review */
  afterQualificationReview: 'qualified',
  /** seed 000 六(五): 由各送审单位在报送材料时 … 缴纳 (when the employer sends the materials on) */
  onMaterialsSent: 'employerForwarded',
} as const satisfies Record<NonNullable<Plan['fee']['due']>, FeeMomentName>;

/**
 * [ours] How long the payer has, counted in working days from the day after the fee falls due. The seeds say only
 * "及时" / "在规定时间内" (003 八(三), 004 附件1 二.6); 10 working days (two working weeks) outlasts the 5-working-day
 * pre-review publicity (SPEC §7) that follows qualification review, so a fee due at qualification can be paid before
 * the application goes on to expert review.
 */
export const FEE_DUE_WORKING_DAYS = 10;

export interface FeeDue {
  kind: FeeKind;
  /** the org that collects it: the plan's committee office, or the department */
  orgId: string;
  payer: FeePayer;
  /** null when the plan states no amount (seeds 000, 001, 004): the office confirms what was paid */
  amountFen: number | null;
  method: FeeMethod;
}

/** yuan (the plan's unit, may have 角/分) → fen (what rows and orders keep). */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError('金额必须是不小于 0 的数');
  return Math.round(yuan * 100);
}

/** fen → '280.00' */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** fen → '280.00 元', or the words for "not stated" */
export function feeAmountText(fen: number | null): string {
  return fen == null ? '金额以评委会办公室通知为准' : `${formatFen(fen)} 元`;
}

/** The plan's review fee that falls due at `moment`, or null (no fee, or due at another moment). */
export function planFeeDueAt(fee: Plan['fee'], moment: FeeMomentName, officeOrgId: string): FeeDue | null {
  if (!fee.due || PLAN_FEE_DUE_MOMENT[fee.due] !== moment) return null;
  return {
    kind: 'review',
    orgId: officeOrgId,
    // [ours] a plan that names when but not who: the applicant pays (as seeds 001, 003, 004 do)
    payer: fee.payer ?? 'applicant',
    amountFen: fee.amountYuan == null ? null : yuanToFen(fee.amountYuan),
    method: fee.method ?? 'offline',
  };
}

/**
 * A department's 中推高推荐费 (seed 004 附件2 二.2): due when the application reaches a department whose switch is on.
 * Paid by the applicant online [ours: the seed names the fee, not the payer; 004 五 collects online].
 */
export function departmentFeesDue(
  moment: FeeMomentName,
  orgs: ReadonlyArray<{ id: string; feeEnabled: boolean; feeAmountFen: number | null }>,
): FeeDue[] {
  if (moment !== 'atDepartment') return [];
  return orgs
    .filter((o) => o.feeEnabled && o.feeAmountFen != null && o.feeAmountFen > 0)
    .map((o) => ({ kind: 'recommendation', orgId: o.id, payer: 'applicant', amountFen: o.feeAmountFen, method: 'online' }));
}

/** Every fee that falls due at `moment`. */
export function feesDueAt(args: {
  fee: Plan['fee'];
  moment: FeeMomentName;
  officeOrgId: string;
  departments: ReadonlyArray<{ id: string; feeEnabled: boolean; feeAmountFen: number | null }>;
}): FeeDue[] {
  const own = planFeeDueAt(args.fee, args.moment, args.officeOrgId);
  return [...(own ? [own] : []), ...departmentFeesDue(args.moment, args.departments)];
}

/** The last day to pay: the FEE_DUE_WORKING_DAYS-th working day after `today` (Asia/Shanghai date). */
export function feeDueBy(cal: CalendarData, today: string, workingDays: number = FEE_DUE_WORKING_DAYS): string {
  return publicityEnd(cal, nextDay(today), workingDays).date;
}

/**
 * Receipt number (缴费凭证编号) [ours]: JF (缴费) + the Shanghai date paid + 8 characters of the fee's id, e.g.
 * JF20261122-3F2A9C01. Unique per fee (one paid fee has one receipt); readable over the phone.
 */
export function receiptNumber(feeId: string, paidShanghaiDate: string): string {
  const id = feeId.replace(/-/g, '').slice(0, 8).toUpperCase();
  if (!/^[0-9A-F]{8}$/.test(id)) throw new RangeError('费用编号格式不正确');
  return `JF${paidShanghaiDate.replace(/-/g, '')}-${id}`;
}

/** What the payer is told is owed (unpaidFeesRefusal, the fee card): "评审费 280.00 元（截止 2026-12-07）". */
export function owedText(fees: ReadonlyArray<{ kind: FeeKind; amountFen: number | null; dueBy: string | null }>): string {
  return fees.map((f) => `${FEE_KIND_LABELS[f.kind]} ${feeAmountText(f.amountFen)}${f.dueBy ? `（缴费截止 ${f.dueBy}）` : ''}`).join('；');
}
