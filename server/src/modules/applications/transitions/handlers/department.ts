/** A department's actions on the step it holds (SPEC §6): 审查通过 (with its checks), 退回修改, 审查不通过, 审核推荐. */
import { eq } from 'drizzle-orm';
import { REVIEW_CHECKS } from '@zc/domain';
import { applicationSteps } from '../../../../platform/db/schema';
import { fail } from '../../../../platform/http/errors';
import type { Handler } from '../context';
import { checksFrom, handToNextStep, orgIdsBelow, rejectApplication, returnToApplicant } from './shared';

export const stepApprove: Handler = async (c) => {
  const { current, auth, now, input } = c;
  if (!current) fail('CONFLICT');
  const checks = checksFrom(c, REVIEW_CHECKS);
  if (current.status === 'approved' || current.approvedOrgIds.includes(auth.user.orgId!)) fail('CONFLICT', '该申报已审查通过，请刷新');
  const approved = [...current.approvedOrgIds, auth.user.orgId!];
  const complete = !current.joint || current.orgIds.every((o) => approved.includes(o));
  c.writes.push(
    c.tx
      .update(applicationSteps)
      .set({
        approvedOrgIds: approved,
        status: complete ? 'approved' : 'pending',
        opinion: [current.opinion, `${auth.user.orgName}：${c.reason || '审查通过'}`].filter(Boolean).join('；'),
        checks: checks ?? current.checks,
        originalsVerifiedBy: input.originalsVerifiedBy ?? current.originalsVerifiedBy,
        originalsVerifiedAt: input.originalsVerifiedBy ? now : current.originalsVerifiedAt,
        actedBy: auth.user.id,
        actedAt: now,
      })
      .where(eq(applicationSteps.id, current.id)),
  );
  if (!complete) c.warn('会同审核：另一部门审查通过后方可审核推荐');
};

/** 退回修改: to the applicant; the level below (the department before, or the employer) is told too. */
export const stepReturn: Handler = async (c) => {
  const below = orgIdsBelow(c);
  return returnToApplicant(c, below.length ? below : [c.a.employerId]);
};

export const stepReject: Handler = rejectApplication;

/** 审核推荐: to the next step (the stepApproved guard has passed), or to the committee office after the last one. */
export const stepForward: Handler = async (c) => {
  c.writes.push(c.tx.update(applicationSteps).set({ status: 'forwarded' }).where(eq(applicationSteps.id, c.current!.id)));
  const next = await handToNextStep(c);
  c.toApplicant('审核推荐', `${c.auth.user.orgName}已审核推荐，报送${next.label}。`);
};
