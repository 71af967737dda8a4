/**
 * An application as its reader sees it (STYLE 7: with the actions the reader may take, from the workflow
 * table, so the UI shows only buttons that will work), and the applicant's list.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  APPLICATION_STATUSES,
  actionsFor,
  departmentActionsFor,
  maskIdNumber,
  type ApplicationDraft,
  type ApplicationStatus,
  type Plan,
} from '@zc/domain';
import { applicationEvents, applicationSteps, applications, files, organizations, plans, users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import type { LoadedSession } from '../../platform/auth/session';
import { applicantsOwn, canView, roleIn } from './access';

/** The objection recorded at this instant (recordObjection writes the objection and its event with the same `now`). */
export function objectionAt(objections: unknown, at: Date): { content: string; handling: string | null } | null {
  const list = Array.isArray(objections) ? (objections as Array<{ at?: string; content?: string; handling?: string }>) : [];
  const o = list.find((x) => x.at === at.toISOString());
  return o ? { content: o.content ?? '', handling: o.handling?.trim() || null } : null;
}

export async function getApplication(ctx: AppContext, auth: LoadedSession, id: string) {
  const [a] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  if (!a || !(await canView(ctx.db, auth, a))) fail('NOT_FOUND');
  const [p] = await ctx.db.select({ name: plans.name, data: plans.data }).from(plans).where(eq(plans.id, a.planId));
  const [applicant] = await ctx.db
    .select({ realName: users.realName, idNumber: users.idNumber, currentSpecialty: users.currentSpecialty })
    .from(users)
    .where(eq(users.id, a.applicantId));
  const [employer] = await ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, a.employerId));
  const steps = await ctx.db
    .select()
    .from(applicationSteps)
    .where(eq(applicationSteps.applicationId, a.id))
    .orderBy(asc(applicationSteps.seq));
  const events = await ctx.db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, a.id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const who = roleIn(auth, a);
  const plan = p?.data as Plan;
  // names and types of every file the application refers to, so reviewers can open them (the applicant's own only)
  const d = a.draft as ApplicationDraft;
  const fileIds = [
    a.photoFileId,
    a.pledgeSignatureFileId,
    ...Object.values(d.attachments ?? {}),
    ...(d.submittedEntries ?? []).flatMap((e) => e.evidenceFileIds),
  ].filter((x): x is string => !!x);
  const fileRows = fileIds.length
    ? await ctx.db
        .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size })
        .from(files)
        .where(and(inArray(files.id, [...new Set(fileIds)]), applicantsOwn(a.applicantId)))
    : [];
  return {
    files: Object.fromEntries(fileRows.map((f) => [f.id, { name: f.name, mime: f.mime, size: Number(f.size) }])),
    id: a.id,
    planId: a.planId,
    planName: p?.name ?? '',
    timeline: plan.timeline,
    applicantName: applicant?.realName ?? '',
    idNumberMasked: applicant?.idNumber ? maskIdNumber(ctx.pii.decrypt('id_number', applicant.idNumber)) : '',
    currentSpecialty: applicant?.currentSpecialty ?? null,
    employerName: employer?.name ?? '',
    status: a.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUSES[a.status as ApplicationStatus].label,
    level: a.level,
    mode: a.mode,
    specialtyCode: a.specialtyCode,
    draft: a.draft as Record<string, unknown>,
    photoFileId: a.photoFileId,
    pledgeSignatureFileId: a.pledgeSignatureFileId,
    pledgeSignedAt: a.pledgeSignedAt?.toISOString() ?? null,
    publicityStart: a.publicityStart,
    publicityEnd: a.publicityEnd,
    publicityEndProvisional: a.publicityEndProvisional,
    objections: a.objections as Array<Record<string, string>>,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    version: a.version,
    currentStep: a.currentStep,
    steps: steps.map((s) => ({
      seq: s.seq,
      kind: s.kind,
      label: s.label,
      status: s.status,
      opinion: s.opinion,
      joint: s.joint,
      // what a department checked (REVIEW_CHECKS), or on the office's step what its qualification review checked
      checks: s.kind === 'committeeOffice' ? null : ((s.checks ?? null) as Record<string, boolean> | null),
      qualificationChecks: s.kind === 'committeeOffice' ? ((s.checks ?? null) as Record<string, boolean> | null) : null,
      originalsVerifiedBy: s.originalsVerifiedBy,
      originalsVerifiedAt: s.originalsVerifiedAt?.toISOString() ?? null,
      actedAt: s.actedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actorOrgName: e.actorOrgName,
      label: e.label,
      toStatus: e.toStatus,
      toStatusLabel: APPLICATION_STATUSES[e.toStatus as ApplicationStatus]?.label ?? e.toStatus,
      opinion: e.opinion,
      // 登记异议: the objection and how the employer handled it, as recorded with the event (same instant)
      objection: e.action === 'recordObjection' ? objectionAt(a.objections, e.at) : null,
    })),
    allowed: (who === 'department'
      ? departmentActionsFor(a.status as ApplicationStatus, a.currentStep >= 0 ? steps[a.currentStep] : undefined, auth.user.orgId!)
      : who
        ? actionsFor(a.status as ApplicationStatus, who)
        : []
    ).map((x) => ({
      action: x.action,
      label: x.transition.label,
      needsReason: !!x.transition.needsReason,
      tone: x.transition.tone ?? null,
      input: x.transition.input ?? null,
    })),
  };
}

export async function myApplications(ctx: AppContext, auth: LoadedSession) {
  const rows = await ctx.db
    .select({ a: applications, planName: plans.name })
    .from(applications)
    .innerJoin(plans, eq(plans.id, applications.planId))
    .where(eq(applications.applicantId, auth.user.id))
    .orderBy(desc(applications.updatedAt));
  return rows.map((r) => ({
    id: r.a.id,
    planId: r.a.planId,
    planName: r.planName,
    status: r.a.status as ApplicationStatus,
    statusLabel: APPLICATION_STATUSES[r.a.status as ApplicationStatus].label,
    submittedAt: r.a.submittedAt?.toISOString() ?? null,
    updatedAt: r.a.updatedAt.toISOString(),
  }));
}
