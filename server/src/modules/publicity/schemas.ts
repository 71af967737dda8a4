/** Request and response schemas of the publicity routes (public portal and committee office). */
import { z } from 'zod';
import { ZObjectionStatus, ZPublicityKind } from '@zc/domain';

export const ZPublicityPageQuery = z.object({
  page: z.coerce.number().int('页码应为整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(20),
});

export const ZPublicListQuery = ZPublicityPageQuery.extend({ kind: ZPublicityKind.optional() });

export const ZEntryQuery = ZPublicityPageQuery.extend({
  keyword: z.string().trim().max(40, '关键字最多 40 个字').optional(),
});

export const ZOfficeListQuery = ZPublicityPageQuery.extend({ planId: z.uuid('计划编号格式不正确').optional() });

export const ZObjectionQuery = ZPublicityPageQuery.extend({
  status: ZObjectionStatus.optional(),
  planId: z.uuid('计划编号格式不正确').optional(),
});

export const ZListId = z.object({ listId: z.uuid('公示编号格式不正确') });
export const ZId = z.object({ id: z.uuid('编号格式不正确') });

/** A list as the portal's index shows it. */
export const ZPublicList = z.object({
  id: z.uuid(),
  kind: ZPublicityKind,
  planId: z.uuid(),
  planName: z.string(),
  publisher: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  endProvisional: z.boolean(),
  /** objections accepted today (the end day included) */
  open: z.boolean(),
  entryCount: z.number().int(),
});

/** One person on a list: the public fields only (domain publicEntry). */
export const ZPublicEntry = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  name: z.string(),
  employerName: z.string(),
  specialty: z.string(),
  level: z.string(),
  mode: z.string(),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZPublicListDetail = z.object({ list: ZPublicList, entries: ZPage(ZPublicEntry) });

export const ZObjectionReceipt = z.object({ receiptNo: z.string(), lodgedAt: z.string() });

/** An objection as the office's 异议处理 list shows it: the contact in clear (the office only). */
export const ZOfficeObjection = z.object({
  id: z.uuid(),
  receiptNo: z.string(),
  applicationId: z.uuid(),
  listId: z.uuid(),
  listTitle: z.string(),
  planName: z.string(),
  personName: z.string(),
  employerName: z.string(),
  content: z.string(),
  contactName: z.string().nullable(),
  contact: z.string(),
  evidenceFileId: z.uuid().nullable(),
  status: ZObjectionStatus,
  handling: z.string().nullable(),
  handledAt: z.string().nullable(),
  lodgedAt: z.string(),
});

/** The review page's pending objections (its 处理异议 form): a simple shape, the contact masked. */
export const ZApplicationObjection = z.object({
  id: z.uuid(),
  lodgedAt: z.string(),
  content: z.string(),
  contactMasked: z.string(),
  evidenceFileId: z.uuid().nullable(),
  status: ZObjectionStatus,
  handling: z.string().nullable(),
});
