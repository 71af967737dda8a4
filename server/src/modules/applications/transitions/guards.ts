/**
 * The table's guards and branches (packages/domain workflow/transitions.ts WORKFLOW_GUARDS, WORKFLOW_BRANCHES),
 * one check each. A guard returns a Chinese refusal that says what is missing and how to go on, or null.
 */
import { provisionalEndNote, shanghaiDate, type WorkflowBranch, type WorkflowGuard } from '@zc/domain';
import { unpaidFeesRefusal } from '../../fees/due';
import { pendingObjectionCount, preReviewNotEnded } from '../../publicity/pre-review';
import { checkSubmission } from '../submission';
import type { Branch, Guard } from './context';

export const GUARDS = {
  employerPublicityEnded: async (c) => {
    const end = c.a.publicityEnd;
    if (end && shanghaiDate(c.now) > end) {
      // allowed against a provisional end, and recorded as such
      if (c.a.publicityEndProvisional)
        c.note(`按暂定公示截止日 ${end} 报送，该日期尚未按正式放假安排确定`, { publicityEnd: end, publicityEndProvisional: true });
      return null;
    }
    return `公示期至 ${end ?? '（未开始）'}${c.a.publicityEndProvisional && end ? `（${provisionalEndNote(end)}）` : ''} 结束，公示期满后方可报送`;
  },
  // the office's pre-review publicity (评前公示) is the publicity module's
  preReviewPublicityEnded: async (c) => preReviewNotEnded(c.tx, c.a.id, shanghaiDate(c.now)),
  stepApproved: async (c) =>
    c.current?.status === 'approved' ? null : c.current?.joint ? '会同审核须各部门均审查通过后才能审核推荐' : '请先审查通过，再审核推荐',
  feesPaid: async (c) => unpaidFeesRefusal(c.tx, c.a.id),
  employerApproved: async (c) =>
    c.employer.status === 'approved'
      ? null
      : '所在单位尚未通过注册审核，暂不能提交：请联系单位经办人补全注册材料，待所在地人力社保部门审核通过后再提交',
  submissionComplete: async (c) => {
    // refuses with what is missing (and its details); the snapshot is kept for the submit handler
    c.submission = await checkSubmission(c.tx, c.a, c.plan);
    return null;
  },
  objectionPending: async (c) => ((await pendingObjectionCount(c.tx, c.a.id)) > 0 ? null : '该申报没有待处理的异议，请刷新后查看异议列表'),
} satisfies Record<WorkflowGuard, Guard>;

export const BRANCHES = {
  /** the next node of the chain fixed at submission is the committee office */
  nextIsCommitteeOffice: (c) => c.steps[c.a.currentStep + 1]?.kind === 'committeeOffice',
} satisfies Record<WorkflowBranch, Branch>;
