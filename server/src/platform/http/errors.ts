/** One error-code enum, mapped to an HTTP status and a Chinese message (STYLE 9). */
export const ERROR_CODES = {
  VALIDATION: { status: 400, message: '提交的内容有误，请按提示修改后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  BAD_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '该账号因多次密码错误已临时锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已停用，请联系管理员' },
  CSRF: { status: 403, message: '页面已过期，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  OUT_OF_JURISDICTION: { status: 403, message: '该记录不在您的管辖范围内' },
  NOT_FOUND: { status: 404, message: '记录不存在或已被删除' },
  CONFLICT: { status: 409, message: '记录已被他人修改，请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  STATE: { status: 409, message: '当前状态下不能进行此操作' },
  EMPLOYER_NOT_APPROVED: { status: 403, message: '单位注册尚未审核通过：请先上传授权委托书，待主管部门审核通过后再办理业务' },
  PROFILE_INCOMPLETE: { status: 403, message: '请先完善个人基本信息' },
  FILE_REJECTED: { status: 400, message: '文件不符合要求' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作过于频繁，请稍后再试' },
  MFA_REQUIRED: { status: 401, message: '请先完成双因素认证（输入动态口令或短信验证码）' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录请先修改初始密码' },
  SSO: { status: 502, message: '政务服务网登录失败，请重试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试；如持续出现请联系管理员' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, string> | undefined;
  constructor(code: ErrorCode, message?: string, details?: Record<string, string>) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

export function fail(code: ErrorCode, message?: string, details?: Record<string, string>): never {
  throw new AppError(code, message, details);
}
