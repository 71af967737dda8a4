/**
 * When the province administrator enters a year's schedule, every open employer publicity whose end was
 * provisional is recomputed from its start on the new calendar (issue 9 item 2): the end becomes final (or stays
 * provisional if it still reaches a year not entered), each change is audited, put on the application's
 * timeline, and told to the applicant and the employer.
 */
import { and, eq, sql } from 'drizzle-orm';
import { provisionalEndNote, publicityEnd, type CalendarData, type Plan } from '@zc/domain';
import { applicationEvents, applications, plans } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/client';
import { writeAudit, type AuditContext } from '../../platform/audit/audit';
import { notify, type InboxMessage } from '../../platform/notifications/notify';
import { unitOperators } from '../../platform/notifications/recipients';

export interface Recomputed {
  id: string;
  before: string;
  after: string;
  provisional: boolean;
}

export async function recomputeProvisionalPublicity(
  tx: Tx,
  cal: CalendarData,
  year: number,
  actor: { userId: string; orgName: string },
  audit: AuditContext,
  now: Date,
): Promise<Recomputed[]> {
  const open = await tx
    .select({
      id: applications.id,
      start: applications.publicityStart,
      end: applications.publicityEnd,
      status: applications.status,
      regionPath: applications.regionPath,
      applicantId: applications.applicantId,
      employerId: applications.employerId,
      plan: plans.data,
    })
    .from(applications)
    .innerJoin(plans, eq(plans.id, applications.planId))
    .where(and(eq(applications.status, 'employerPublicity'), eq(applications.publicityEndProvisional, true)))
    .for('update', { of: applications });
  const changed: Recomputed[] = [];
  for (const a of open) {
    if (!a.start || !a.end) continue;
    const end = publicityEnd(cal, a.start, (a.plan as Plan).publicity.employerWorkingDays);
    if (end.date === a.end && end.provisional) continue;
    changed.push({ id: a.id, before: a.end, after: end.date, provisional: end.provisional });
    await tx
      .update(applications)
      .set({ publicityEnd: end.date, publicityEndProvisional: end.provisional, updatedAt: now, version: sql`${applications.version} + 1` })
      .where(eq(applications.id, a.id));
    const after = `${end.date}${end.provisional ? `（${provisionalEndNote(end.date)}）` : ''}`;
    const text = `${year} 年放假调休安排已录入，公示截止日由 ${a.end}（暂定）${end.date === a.end ? '确定为' : '改为'} ${after}`;
    await tx.insert(applicationEvents).values({
      applicationId: a.id,
      at: now,
      actorUserId: actor.userId,
      actorOrgName: actor.orgName,
      action: 'publicityRecomputed',
      label: '公示期按正式放假安排重新计算',
      fromStatus: a.status,
      toStatus: a.status,
      opinion: text,
    });
    await writeAudit(tx, audit, {
      action: 'application.publicityRecomputed',
      targetType: 'application',
      targetId: a.id,
      regionPath: a.regionPath,
      before: { publicityEnd: a.end, publicityEndProvisional: true },
      after: { publicityEnd: end.date, publicityEndProvisional: end.provisional, year },
    });
    const operators = await unitOperators(tx, a.employerId);
    const messages: InboxMessage[] = [
      { userId: a.applicantId, title: '公示截止日已确定', body: text, link: `/applicant/applications/${a.id}` },
      ...operators.map((u) => ({ userId: u.id, title: '公示截止日已确定', body: text, link: `/employer/applications/${a.id}` })),
    ];
    await notify(tx, messages);
  }
  return changed;
}
