/** One handler per action of the workflow table: a table action without a handler does not compile. */
import type { WorkflowAction } from '@zc/domain';
import type { Handler } from '../context';
import { submit, withdraw } from './applicant';
import { employerApprove, employerForward, employerReject, employerReturn, recordObjection } from './employer';
import { stepApprove, stepForward, stepReject, stepReturn } from './department';
import { concludePrePublicity, handleObjection, officeReject, officeReturn, publishPrePublicity, qualifyApprove } from './committee';

export const HANDLERS = {
  submit,
  withdraw,
  employerApprove,
  employerReturn,
  employerReject,
  recordObjection,
  employerForward,
  stepApprove,
  stepReturn,
  stepReject,
  stepForward,
  qualifyApprove,
  officeReturn,
  officeReject,
  publishPrePublicity,
  handleObjection,
  concludePrePublicity,
} satisfies Record<WorkflowAction, Handler>;
