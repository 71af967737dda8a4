import { z } from 'zod';
import { ROLE_VALUES, zMonth } from '@zc/domain';

export const ZSessionUser = z.object({
  id: z.uuid(),
  role: z.enum(ROLE_VALUES),
  realName: z.string(),
  username: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  orgKind: z.string().nullable(),
  orgStatus: z.string().nullable(),
  regionName: z.string().nullable(),
  regionLevel: z.string().nullable(),
  profileCompleted: z.boolean(),
});

export const ZSessionInfo = z.object({
  user: ZSessionUser.nullable(),
  csrfToken: z.string(),
  expired: z.boolean(),
  /** null: not signed in; 'mfa' / 'password': the second factor or the initial password change is still due */
  stage: z.enum(['full', 'mfa', 'password']).nullable(),
  sso: z.object({ enabled: z.boolean() }),
});

export const ZLogin = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const ZApplicantRegistration = z.object({
  realName: z.string().trim().min(1, '请输入姓名').max(30),
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(30),
  mobile: z.string().trim().min(1, '请输入手机号码').max(20),
  password: z.string().min(1, '请设置密码').max(128),
});

export const ZProfileInput = z.object({
  /** omitted: keep the registered number */
  mobile: z.string().trim().max(20).optional(),
  email: z.email('电子邮箱格式不正确').max(100).nullable().optional(),
  currentSpecialty: z.string().trim().min(2, '请填写现从事专业').max(50),
  workStartMonth: zMonth('参加工作时间'),
});

export const ZMyProfile = z.object({
  id: z.uuid(),
  role: z.enum(ROLE_VALUES),
  realName: z.string(),
  idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  currentSpecialty: z.string().nullable(),
  workStartMonth: z.string().nullable(),
  profileCompleted: z.boolean(),
  viaGovAccount: z.boolean(),
  /** the archive's 证件照 (SPEC §2), readable by its owner through GET /files/:id */
  photoFileId: z.uuid().nullable(),
});

export const ZOk = z.object({ ok: z.literal(true) });
export const ZError = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() });
