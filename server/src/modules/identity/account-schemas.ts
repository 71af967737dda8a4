import { z } from 'zod';

const code = z.string().trim().min(1, '请输入验证码').max(20);
const password = z.string().min(1, '请输入密码').max(128);

export const ZMfaChallenge = z.object({
  method: z.enum(['totp', 'sms']),
  mobileMasked: z.string().nullable(),
  /** demo mode only */
  demoCode: z.string().optional(),
});

export const ZLoginResult = z.object({
  ok: z.literal(true),
  stage: z.enum(['full', 'mfa', 'password']),
  mfa: ZMfaChallenge.optional(),
});

export const ZMfaVerify = z
  .object({ code: code.optional(), recoveryCode: z.string().trim().min(1, '请输入恢复码').max(20).optional() })
  .refine((v) => v.code !== undefined || v.recoveryCode !== undefined, { message: '请输入验证码或恢复码', path: ['code'] });

export const ZMfaVerified = z.object({ stage: z.enum(['full', 'password']) });

export const ZChangePassword = z.object({ currentPassword: password, newPassword: z.string().min(1, '请输入新密码').max(128) });

export const ZResetCodeRequest = z.object({
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(30),
  mobile: z.string().trim().min(1, '请输入注册时登记的手机号码').max(20),
});
export const ZResetCodeSent = z.object({ ok: z.literal(true), demoCode: z.string().optional() });
export const ZResetPassword = ZResetCodeRequest.extend({ code, newPassword: z.string().min(1, '请输入新密码').max(128) });

export const ZMfaStatus = z.object({
  required: z.boolean(),
  totpEnabled: z.boolean(),
  totpEnabledAt: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export const ZTotpSetup = z.object({ uri: z.string(), secret: z.string() });
export const ZTotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 6 位数字动态口令'),
});
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
