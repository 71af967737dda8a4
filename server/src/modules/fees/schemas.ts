import { z } from 'zod';
import { FEE_KINDS, FEE_METHODS, FEE_STATUSES, PAYMENT_STATUSES } from '@zc/domain';

export const ZFeeId = z.object({ id: z.uuid('费用编号格式不正确') });

/** A fee as its payer sees it (the 缴费 card and page). */
export const ZPayerFee = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  planName: z.string(),
  kind: z.enum(FEE_KINDS),
  kindLabel: z.string(),
  collectorName: z.string(),
  payer: z.enum(['applicant', 'employer']),
  payerLabel: z.string(),
  applicantName: z.string(),
  amountFen: z.number().int().nullable(),
  amountText: z.string(),
  method: z.enum(FEE_METHODS),
  methodLabel: z.string(),
  howToPay: z.string(),
  status: z.enum(FEE_STATUSES),
  statusLabel: z.string(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  receiptNo: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** the viewer is the payer and may pay online now */
  canPay: z.boolean(),
  /** the last online order: the page polls while it is 待支付 */
  lastOrder: z
    .object({ outTradeNo: z.string(), status: z.enum(PAYMENT_STATUSES), statusLabel: z.string(), expiresAt: z.string() })
    .nullable(),
});
export type PayerFee = z.infer<typeof ZPayerFee>;

export const ZPayAnswer = z.object({ payUrl: z.string(), outTradeNo: z.string(), expiresAt: z.string() });

export const ZReceipt = z.object({
  receiptNo: z.string(),
  kindLabel: z.string(),
  planName: z.string(),
  applicantName: z.string(),
  employerName: z.string(),
  payerLabel: z.string(),
  collectorName: z.string(),
  amountText: z.string(),
  methodLabel: z.string(),
  paidAt: z.string(),
  /** online: our order number and the provider's; offline: the office's note (voucher number) */
  reference: z.string(),
  statusLabel: z.string(),
});

export const ZOfficeFeeQuery = z.object({
  status: z.enum(FEE_STATUSES).optional(),
  method: z.enum(FEE_METHODS).optional(),
  planId: z.uuid('计划编号格式不正确').optional(),
  keyword: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZOfficeFee = ZPayerFee.omit({ canPay: true, howToPay: true }).extend({
  employerName: z.string(),
  planId: z.uuid(),
  note: z.string().nullable(),
  /** the office may confirm receipt (bank transfer / offline / no amount stated) */
  canConfirm: z.boolean(),
  canRefund: z.boolean(),
});

export const ZConfirmBody = z.object({
  voucherNo: z.string().trim().min(1, '请填写转账凭证号（银行回单号）').max(60, '凭证号不超过 60 个字符'),
  note: z.string().trim().max(300, '备注不超过 300 个字').optional(),
  /** required when the plan stated no amount: what was received, in yuan */
  amountYuan: z.number().positive('收款金额必须大于 0').max(100000, '收款金额过大，请核对').optional(),
});

export const ZRefundBody = z.object({
  reason: z.string().trim().min(2, '请填写退费原因').max(300, '退费原因不超过 300 个字'),
});

export const ZRefundAnswer = z.object({
  /** refunded at once (offline), or asked of the provider (online: the 'refunded' callback completes it) */
  state: z.enum(['refunded', 'requested']),
  message: z.string(),
});

export const ZFeeSetting = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  feeEnabled: z.boolean(),
  amountYuan: z.number().nullable(),
  /** seed 004 附件2 二.2, shown beside the switch */
  warning: z.string(),
});

export const ZFeeSettingBody = z
  .object({
    feeEnabled: z.boolean(),
    amountYuan: z.number().positive('收费金额必须大于 0').max(10000, '收费金额过大，请核对').nullable().optional(),
  })
  .refine((b) => !b.feeEnabled || b.amountYuan != null, { message: '开启收费须填写中推高推荐费金额', path: ['amountYuan'] });
