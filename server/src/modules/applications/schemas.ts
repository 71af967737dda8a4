/** The applications module's request and response schemas (STYLE 1: a field not declared here never leaves the server). */
import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  QUALIFICATION_CHECKS,
  REVIEW_CHECKS,
  WORKFLOW_ACTIONS,
  ZObjectionHandling,
  batchActionsFor,
  type ApplicationStatus,
  type QualificationCheckKey,
  type ReviewCheckKey,
  type WorkflowAction,
  type WorkflowActor,
} from '@zc/domain';

export const tags = ['职称申报与审核'];
export const ZId = z.object({ id: z.uuid('申报编号格式不正确') });
export const statusValues = Object.keys(APPLICATION_STATUSES) as [ApplicationStatus, ...ApplicationStatus[]];
const CHECK_KEYS = [...REVIEW_CHECKS, ...QUALIFICATION_CHECKS].map((c) => c.key) as [
  ReviewCheckKey | QualificationCheckKey,
  ...Array<ReviewCheckKey | QualificationCheckKey>,
];
/** Every action of the workflow table: another name is refused with a 400 before any lookup. */
export const ZAction = z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]], { error: '未知的操作，请刷新页面后重试' });
const BATCH_ACTORS: WorkflowActor[] = ['employer', 'department', 'committeeOffice'];
/** The queue's batch actions: the table's, for whoever works a queue. */
export const BATCH_ACTIONS = [...new Set(BATCH_ACTORS.flatMap((w) => batchActionsFor(w).map((x) => x.action)))] as [
  WorkflowAction,
  ...WorkflowAction[],
];
export const ZActInput = z.object({
  reason: z.string().trim().max(1000).optional(),
  opinion: z.string().trim().max(1000).optional(),
  /** SPEC §6: what this level checked (REVIEW_CHECKS); SPEC §7: what the office's qualification review checked (QUALIFICATION_CHECKS) */
  checks: z.partialRecord(z.enum(CHECK_KEYS, { error: '审查事项不正确' }), z.boolean()).optional(),
  originalsVerifiedBy: z.string().trim().max(30).optional(),
  objection: z.object({ content: z.string().trim().min(1).max(1000), handling: z.string().trim().max(1000) }).optional(),
  /** 处理异议 (评前公示): which objection, the outcome, how it was handled (the domain's schema) */
  objectionHandling: ZObjectionHandling.optional(),
});
export const ZDraft = z.object({
  personalStatement: z.string().max(20000).optional(),
  entryIds: z.array(z.uuid()).max(200).optional(),
  representativeWorkId: z.uuid().nullable().optional(),
  selfScore: z
    .array(z.object({ itemKey: z.string().max(40), points: z.number().min(0).max(1000), evidenceIds: z.array(z.string().max(64)).max(50) }))
    .max(100)
    .optional(),
  attachments: z.record(z.string().max(40), z.uuid()).optional(),
  recommenders: z.number().int().min(0).max(20).optional(),
  hasApprovalForm: z.boolean().optional(),
  transfer: z.boolean().optional(),
  incomeTaxMultiples: z
    .array(z.object({ year: z.number().int(), multiple: z.number().min(0) }))
    .max(10)
    .optional(),
  mentoring: z.boolean().optional(),
});
export const ZApplication = z.object({
  files: z.record(z.string(), z.object({ name: z.string(), mime: z.string(), size: z.number() })),
  id: z.uuid(),
  planId: z.uuid(),
  planName: z.string(),
  timeline: z.record(z.string(), z.string().optional()),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  currentSpecialty: z.string().nullable(),
  employerName: z.string(),
  status: z.enum(statusValues),
  statusLabel: z.string(),
  level: z.string().nullable(),
  mode: z.string().nullable(),
  specialtyCode: z.string().nullable(),
  draft: z.record(z.string(), z.unknown()),
  photoFileId: z.uuid().nullable(),
  pledgeSignatureFileId: z.uuid().nullable(),
  pledgeSignedAt: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  /** the end rests on a year whose official schedule is not entered yet (issue 9 item 2) */
  publicityEndProvisional: z.boolean(),
  objections: z.array(z.record(z.string(), z.string())),
  submittedAt: z.string().nullable(),
  version: z.number(),
  currentStep: z.number(),
  steps: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      label: z.string(),
      status: z.string(),
      opinion: z.string().nullable(),
      joint: z.boolean(),
      checks: z.record(z.string(), z.boolean()).nullable(),
      /** the committee office's step: what its qualification review checked (QUALIFICATION_CHECKS) */
      qualificationChecks: z.record(z.string(), z.boolean()).nullable(),
      originalsVerifiedBy: z.string().nullable(),
      originalsVerifiedAt: z.string().nullable(),
      actedAt: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      actorOrgName: z.string().nullable(),
      label: z.string(),
      toStatus: z.string(),
      toStatusLabel: z.string(),
      opinion: z.string().nullable(),
      /** 登记异议 only: the objection and the employer's handling (null: not recorded yet) */
      objection: z.object({ content: z.string(), handling: z.string().nullable() }).nullable(),
    }),
  ),
  /** the reader's actions from the workflow table: the button's tone and what its form asks for beside a reason */
  allowed: z.array(
    z.object({
      action: z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]]),
      label: z.string(),
      needsReason: z.boolean(),
      tone: z.enum(['primary', 'danger']).nullable(),
      input: z.enum(['reviewChecks', 'qualificationChecks', 'objection', 'objectionHandling']).nullable(),
    }),
  ),
});
export const ZFit = z.object({ fit: z.stringbool().default(false) });
export const ZPhotoResult = z.object({
  ok: z.boolean(),
  fileId: z.uuid().nullable(),
  problems: z.array(z.string()),
  suggestedSize: z.object({ width: z.number(), height: z.number() }).nullable(),
  photo: z.object({ format: z.string(), bytes: z.number(), width: z.number(), height: z.number() }),
});
export const ZQueueItem = z.object({
  id: z.uuid(),
  planName: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  employerName: z.string(),
  specialtyCode: z.string().nullable(),
  level: z.string().nullable(),
  mode: z.string().nullable(),
  status: z.enum(statusValues),
  statusLabel: z.string(),
  stepLabel: z.string(),
  stepApproved: z.boolean(),
  publicityEnd: z.string().nullable(),
  publicityEndProvisional: z.boolean(),
  submittedAt: z.string().nullable(),
});
