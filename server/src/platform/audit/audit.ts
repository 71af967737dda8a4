/**
 * Typed audit events (STYLE 6): one payload shape per action, written with the change in the same transaction.
 */
import { auditEvents } from '../db/schema';
import type { Queryable } from '../db/client';

export const AUDIT_ACTIONS = {
  'user.registered': '申报人注册',
  'user.loggedIn': '登录',
  'user.loginFailed': '登录失败',
  'user.locked': '账号锁定',
  'user.loggedOut': '退出登录',
  'user.profileCompleted': '完善基本信息',
  'user.photoUploaded': '上传档案证件照',
  'user.photoRemoved': '删除档案证件照',
  'user.created': '分配账号',
  'user.ssoLinked': '政务服务网账号登录',
  'user.unitJoinRequested': '法人登录申请成为已注册单位的经办人',
  'user.unitJoinApproved': '同意经办人加入单位',
  'user.unitJoinRefused': '拒绝经办人加入单位',
  'user.passwordChanged': '修改密码',
  'user.passwordReset': '短信验证码重设密码',
  'user.mfaFailed': '双因素认证失败',
  'user.totpEnabled': '启用动态口令',
  'user.recoveryCodesRegenerated': '重新生成恢复码',
  'binding.requested': '申请绑定单位',
  'binding.cancelled': '撤销绑定申请',
  'binding.approved': '单位同意绑定',
  'binding.refused': '单位拒绝绑定',
  'organization.registered': '单位注册',
  'organization.letterUploaded': '上传授权委托书',
  'organization.approved': '单位注册审核通过',
  'organization.refused': '单位注册审核不通过',
  'organization.created': '创建管理机构',
  'notice.published': '发布通知公告',
  'notice.updated': '修改通知公告',
  'archive.created': '新增档案条目',
  'archive.updated': '修改档案条目',
  'archive.deleted': '删除档案条目',
  'archive.submitted': '提交档案条目审核',
  'archive.versioned': '新建档案条目版本',
  'archive.evidenceAdded': '上传佐证材料',
  'archive.evidenceRemoved': '删除佐证材料',
  'archive.approved': '单位审核通过档案条目',
  'archive.returned': '单位退回档案条目',
  'calendar.entered': '录入放假调休安排',
  'plan.created': '创建评审计划',
  'plan.imported': '导入评审计划',
  'plan.copied': '复制评审计划（复制为新年度）',
  'plan.updated': '修改评审计划',
  'plan.published': '发布评审计划',
  'plan.unpublished': '撤回评审计划',
  'application.created': '开始申报',
  'application.transition': '申报流转',
  'application.pledgeSigned': '签署真实性保证书',
  'application.publicityRecomputed': '按正式放假安排重新计算公示期',
  'file.read': '查看文件',
  'fee.orderCreated': '发起网上缴费',
  'fee.paid': '缴费成功',
  'fee.paidLate': '订单关闭后收到付款（已入账）',
  'fee.confirmed': '确认收到转账汇款',
  'fee.refundRequested': '申请退费',
  'fee.refunded': '退费成功',
  'fee.duplicateRefunded': '重复缴费自动退款',
  'fee.callbackRejected': '拒绝支付通知（签名或金额不符）',
  'organization.feeSettingChanged': '修改收费设定',
  'publicity.objectionLodged': '公示期间收到异议',
  'publicity.exported': '导出公示名单',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditContext {
  actorUserId: string | null;
  actorRole: string | null;
  actorOrgId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  targetType: 'user' | 'organization' | 'binding' | 'notice' | 'file' | 'archiveEntry' | 'calendar' | 'plan' | 'application' | 'fee';
  targetId: string;
  regionPath?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Fields that must never be copied into an audit row in clear. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'idNumber', 'csrfToken']);

function scrub(obj: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!obj) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (SECRET_FIELDS.has(k)) out[k] = v == null ? v : '[已隐藏]';
    else out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** The audit row's INSERT, not yet run: for callers that send several writes in one statement (see db/together.ts). */
export function auditInsert(q: Queryable, ctx: AuditContext, entry: AuditEntry) {
  return q.insert(auditEvents).values({
    actorUserId: ctx.actorUserId,
    actorRole: ctx.actorRole,
    actorOrgId: ctx.actorOrgId,
    ip: ctx.ip,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    regionPath: entry.regionPath ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
}

export async function writeAudit(q: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await auditInsert(q, ctx, entry);
}
