import { z } from 'zod';
import { AFFILIATION_VALUES, EMPLOYER_NATURE_VALUES, ORGANIZATION_KIND_VALUES, ORGANIZATION_STATUSES } from '@zc/domain';

export const ZEmployerRegistration = z.object({
  name: z.string().trim().min(4, '单位全称至少 4 个字，须与公章一致').max(60, '单位全称不超过 60 个字'),
  creditCode: z.string().trim().min(1, '请输入统一社会信用代码').max(30),
  regionId: z.string().min(1, '请选择所在地区').max(40),
  nature: z.enum(EMPLOYER_NATURE_VALUES, { error: '请选择单位性质' }),
  natureRemark: z.string().trim().max(200).nullable().optional(),
  competentDepartment: z.string().trim().max(40).nullable().optional(),
  affiliation: z.enum(AFFILIATION_VALUES, { error: '请选择隶属关系' }),
  industry: z.string().trim().max(40).nullable().optional(),
  filesAtAgency: z.boolean().default(false),
  contactName: z.string().trim().min(2, '请填写经办人姓名').max(30),
  contactPhone: z.string().trim().min(1, '请填写经办人手机号码').max(20),
  /** required when not signed in with a legal-person account */
  account: z
    .object({
      username: z
        .string()
        .trim()
        .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, '账号须以字母开头，4–32 位字母、数字或下划线'),
      password: z.string().min(1).max(128),
    })
    .optional(),
});

export const ZOrganizationSummary = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANIZATION_KIND_VALUES),
  kindLabel: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  status: z.enum(ORGANIZATION_STATUSES),
  creditCode: z.string().nullable(),
  natureLabel: z.string().nullable(),
  affiliation: z.string().nullable(),
  createdAt: z.string(),
  hasAuthorizationLetter: z.boolean(),
});

export const ZOrganizationDetail = ZOrganizationSummary.extend({
  nature: z.string().nullable(),
  natureRemark: z.string().nullable(),
  competentDepartment: z.string().nullable(),
  industry: z.string().nullable(),
  filesAtAgency: z.boolean(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  authorizationLetterFileId: z.uuid().nullable(),
  authorizationLetter: z.object({ fileId: z.uuid(), mime: z.string(), name: z.string(), size: z.number() }).nullable(),
  refusalReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** actions the current actor may take on this record, so the UI shows only buttons that work */
  allowed: z.array(z.enum(['approve', 'refuse', 'createAccount'])),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZOrganizationQuery = z.object({
  kind: z.enum(ORGANIZATION_KIND_VALUES).optional(),
  /** only management bodies (everything but employers) */
  managementOnly: z.stringbool().optional(),
  status: z.enum(ORGANIZATION_STATUSES).optional(),
  keyword: z.string().trim().max(60).optional(),
  regionId: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZRefuse = z.object({
  reason: z.string().trim().min(2, '请填写原因（至少 2 个字），告诉对方如何修改').max(500, '原因不超过 500 个字'),
});
export const ZApprove = z.object({ opinion: z.string().trim().max(500).optional() });

export const ZCreateOrganization = z.object({
  kind: z.enum(ORGANIZATION_KIND_VALUES),
  name: z.string().trim().min(4, '机构名称至少 4 个字').max(60),
  regionId: z.string().min(1, '请选择所在地区'),
});

export const ZCreateAccount = z.object({
  realName: z.string().trim().min(2, '请填写姓名（至少 2 个字）').max(30, '姓名不超过 30 个字'),
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, '账号须以字母开头，4–32 位字母、数字或下划线'),
  password: z.string().min(1, '请设置初始密码').max(128),
  mobile: z.string().trim().max(20),
});

export const ZEmployerSearchItem = z.object({ id: z.uuid(), name: z.string(), regionName: z.string() });
