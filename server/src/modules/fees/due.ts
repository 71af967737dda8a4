/**
 * Fees as the workflow sees them (SPEC §7; the plan's `fee`; a department's fee switch): which fees fall due at a
 * moment of the application's life, and whether every fee due is paid (the `feesPaid` guard).
 * [interface agreed for issue 10: the fees module fills these in]
 */
import type { Plan } from '@zc/domain';
import type { Tx } from '../../platform/db/client';
import type { InboxMessage } from '../../platform/notifications/notify';

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

/** Creates the fee rows that fall due now (none twice), and returns the messages telling the payer. */
export async function feesFallDue(_tx: Tx, _args: FeeDueArgs): Promise<InboxMessage[]> {
  return [];
}

/** Why the application may not go on for fees (unpaid, with what and how much), or null when all are paid. */
export async function unpaidFeesRefusal(_tx: Tx, _applicationId: string): Promise<string | null> {
  return null;
}
