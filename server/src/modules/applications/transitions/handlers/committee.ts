/**
 * The committee office's actions (SPEC §7): 资格审查 (通过 with its checks / 退回修改 / 不通过), 评前公示 on the public
 * portal, objections handled, and the end of the publicity (its guards: the period ended, the fees paid).
 */
import { eq } from 'drizzle-orm';
import { QUALIFICATION_CHECKS, labelOf, provisionalEndNote } from '@zc/domain';
import { applicationSteps } from '../../../../platform/db/schema';
import { fail } from '../../../../platform/http/errors';
import { handleObjection as recordHandling, publishPreReview, withdrawFromPublicity } from '../../../publicity/pre-review';
import type { ActContext, Handler } from '../context';
import { checksFrom, feesDue, orgIdsBelow, rejectApplication, returnToApplicant } from './shared';

/** The office's step: the last of the chain fixed at submission. */
function officeStep(c: ActContext) {
  const step = c.steps.at(-1);
  if (!step || step.kind !== 'committeeOffice') fail('CONFLICT', '该申报的审核路线中没有评委会办公室环节，请刷新');
  return step;
}

export const qualifyApprove: Handler = async (c) => {
  const step = officeStep(c);
  const checks = checksFrom(c, QUALIFICATION_CHECKS);
  c.writes.push(
    c.tx
      .update(applicationSteps)
      .set({
        status: 'approved',
        approvedOrgIds: [...new Set([...step.approvedOrgIds, c.auth.user.orgId!])],
        opinion: `${c.auth.user.orgName}：${c.reason || '资格审查通过'}`,
        checks: checks ?? step.checks,
        actedBy: c.auth.user.id,
        actedAt: c.now,
      })
      .where(eq(applicationSteps.id, step.id)),
  );
  // seeds 001, 003: the review fee may fall due now
  await feesDue(c, 'qualified');
  c.toApplicant('资格审查通过', `${c.auth.user.orgName}已完成资格审查，您的申报符合评审条件。${c.reason ? `意见：${c.reason}` : ''}`);
};

/** 退回修改 to the applicant with what to fix; the employer and the last department are told. */
export const officeReturn: Handler = async (c) => {
  // off the public lists it is on: the public no longer sees it, no objection can be lodged against it
  c.writes.push(withdrawFromPublicity(c.tx, c.a.id, c.now));
  await returnToApplicant(c, [c.a.employerId, ...orgIdsBelow(c)]);
};

/** 资格审查不通过 / 取消评审资格: also off the public lists. */
export const officeReject: Handler = async (c) => {
  c.writes.push(withdrawFromPublicity(c.tx, c.a.id, c.now));
  await rejectApplication(c);
};

/** 发布评前公示: on the plan's list of the day (the publicity module's); the applicant is told the period. */
export const publishPrePublicity: Handler = async (c) => {
  const { a } = c;
  const published = await publishPreReview(c.tx, {
    app: {
      id: a.id,
      planId: a.planId,
      applicantId: a.applicantId,
      employerId: a.employerId,
      specialtyCode: a.specialtyCode,
      level: a.level,
      mode: a.mode,
    },
    plan: c.plan,
    officeOrgId: c.officeOrgId,
    applicantName: c.applicant.realName,
    publishedBy: c.auth.user.id,
    now: c.now,
  });
  c.messages.push(...published.messages);
  const endText = `${published.end}${published.provisional ? `（${provisionalEndNote(published.end)}）` : ''}`;
  c.toApplicant('评前公示', `您的申报已通过资格审查，在平台公示栏进行评前公示，公示期 ${published.start} 至 ${endText}。`);
  if (published.provisional)
    c.note(`公示截止日 ${published.end} 为暂定日期：${provisionalEndNote(published.end)}`, {
      publicityEnd: published.end,
      publicityEndProvisional: true,
    });
};

/** 处理异议: the office records its handling; the applicant learns the outcome, never who lodged it. */
export const handleObjection: Handler = async (c) => {
  const h = c.input.objectionHandling;
  if (!h) fail('VALIDATION', '请选择要处理的异议，并填写处理结果和处理情况', { objectionHandling: '必填' });
  await recordHandling(c.tx, {
    applicationId: c.a.id,
    objectionId: h.objectionId,
    outcome: h.outcome,
    handling: h.handling,
    handledBy: c.auth.user.id,
    now: c.now,
  });
  c.note(labelOf('objectionStatus', h.outcome), { objectionId: h.objectionId, outcome: h.outcome });
  c.toApplicant(
    '评前公示异议处理结果',
    `评前公示期间收到的一项异议已处理：${labelOf('objectionStatus', h.outcome)}。处理情况：${h.handling}`,
  );
};

/** 公示期满，提交评审: the guards did the work (period ended, fees paid). */
export const concludePrePublicity: Handler = async (c) => {
  c.toApplicant('已提交评委会评审', `您的申报评前公示期满，已提交评委会评审。`);
};
