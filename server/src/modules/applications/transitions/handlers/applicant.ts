/** The applicant's actions: 提交 (and 重新提交 after a return), 撤回 until the employer acts (SPEC §4). */
import { eq } from 'drizzle-orm';
import { UnknownCalendarYearError, provisionalEndNote, publicityEnd, routeFor, shanghaiDate, type ApplicationDraft } from '@zc/domain';
import { applicationSteps } from '../../../../platform/db/schema';
import { freezeUpdate } from '../../../archive/service';
import { resolveSteps } from '../../resolve-steps';
import type { Handler } from '../context';
import { feesDue, unfreezeUnlessUsed } from './shared';

export const submit: Handler = async (c) => {
  const { a, tx, plan, now } = c;
  // the submissionComplete guard checked the application and kept the snapshot of its entries
  const snapshot = c.submission!.snapshot;
  if (c.steps.length === 0) {
    // the chain is fixed at submission (STYLE 5)
    const route = routeFor(plan, { affiliation: (c.employer.affiliation ?? 'none') as 'none', filesAtAgency: c.employer.filesAtAgency });
    const resolved = await resolveSteps(tx, route, c.employer, c.officeOrgId);
    c.writes.push(
      tx
        .insert(applicationSteps)
        .values(resolved.map((s, seq) => ({ applicationId: a.id, seq, kind: s.kind, label: s.label, orgIds: s.orgIds, joint: s.joint }))),
    );
  } else {
    // resubmission after a return comes back up the same chain
    c.writes.push(
      tx
        .update(applicationSteps)
        .set({ status: 'pending', approvedOrgIds: [], opinion: null, actedBy: null, actedAt: null })
        .where(eq(applicationSteps.applicationId, a.id)),
    );
  }
  const d = a.draft as ApplicationDraft;
  // the guard saw every chosen entry approved; the freeze keeps them as the application has them
  c.writes.push(freezeUpdate(tx, d.entryIds ?? [], now));
  Object.assign(c.set, {
    currentStep: -1,
    currentOrgIds: [a.employerId],
    submittedAt: a.submittedAt ?? now,
    draft: { ...d, submittedEntries: snapshot },
  });
  c.employerOperators.forEach((u) =>
    c.messages.push({
      userId: u.id,
      title: '新的职称申报待审核',
      body: `${c.applicant.realName}提交了${plan.name}的申报，请在 ${plan.timeline.employerDeadline} 前审核。`,
      link: `/employer/applications/${a.id}`,
    }),
  );
  await feesDue(c, 'submitted');
  // seed 003 三: warn when the personal deadline plus 5 working days of publicity passes the employer deadline
  try {
    const end = publicityEnd(c.calendar, shanghaiDate(now), plan.publicity.employerWorkingDays);
    if (end.date > plan.timeline.employerDeadline)
      c.warn(
        `提醒：单位公示须 ${plan.publicity.employerWorkingDays} 个工作日，若单位今天开始公示，将于 ${end.date}${end.provisional ? `（${provisionalEndNote(end.date)}）` : ''} 结束，晚于单位报送截止日 ${plan.timeline.employerDeadline}，请尽快联系单位审核`,
      );
  } catch (e) {
    if (!(e instanceof UnknownCalendarYearError)) throw e;
  }
};

export const withdraw: Handler = async (c) => {
  c.set.currentOrgIds = [];
  await unfreezeUnlessUsed(c.tx, c.a, (c.a.draft as ApplicationDraft).entryIds ?? []);
};
