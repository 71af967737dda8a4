/**
 * Organizations and their fixed vocabularies.
 * Sources: SPEC §1; seed 000 附件4 四.3 (单位性质), 四.4 (主管部门 wording).
 */

/** 单位性质 — exactly the ten categories of seed 000 附件4 四.3. */
export const EMPLOYER_NATURES = [
  { value: 'supervisoryInstitution', label: '监督管理类事业', publicInstitution: true },
  { value: 'publicWelfareInstitution', label: '社会公益类事业', publicInstitution: true },
  { value: 'productionInstitution', label: '生产经营类事业', publicInstitution: true },
  { value: 'intermediaryInstitution', label: '中介服务类事业', publicInstitution: true },
  { value: 'stateOwnedEnterprise', label: '国有企业', publicInstitution: false },
  { value: 'collectiveEnterprise', label: '集体企业', publicInstitution: false },
  { value: 'privateEnterprise', label: '私营企业和个体工商户', publicInstitution: false },
  { value: 'foreignInvestedEnterprise', label: '外商投资企业', publicInstitution: false },
  { value: 'hkMacaoTaiwanInvestedEnterprise', label: '港澳台投资企业', publicInstitution: false },
  { value: 'otherEnterprise', label: '其它类企业', publicInstitution: false },
] as const;
export type EmployerNature = (typeof EMPLOYER_NATURES)[number]['value'];
export const EMPLOYER_NATURE_VALUES = EMPLOYER_NATURES.map((n) => n.value) as [EmployerNature, ...EmployerNature[]];

/** 其它类 needs a remark (seed 000 附件4 四.3: "如确要填其他类，需在备注栏说明情况"). */
export function natureNeedsRemark(nature: EmployerNature): boolean {
  return nature === 'otherEnterprise';
}

export function employerNatureLabel(nature: string): string {
  return EMPLOYER_NATURES.find((n) => n.value === nature)?.label ?? nature;
}

/** 隶属关系 — the routes of seed 000 三 depend on it. */
export const AFFILIATIONS = [
  { value: 'county', label: '县属' },
  { value: 'city', label: '市属' },
  { value: 'province', label: '省属' },
  { value: 'none', label: '无主管部门' },
] as const;
export type Affiliation = (typeof AFFILIATIONS)[number]['value'];
export const AFFILIATION_VALUES = AFFILIATIONS.map((a) => a.value) as [Affiliation, ...Affiliation[]];

/**
 * 主管部门 wording, seed 000 附件4 四.4: "××县（市、区）××局" or "××厅（局）".
 * We accept a name that ends with 局/厅/委/办/会/中心 and is 4–40 characters.
 */
export function validateCompetentDepartment(name: string): { ok: true } | { ok: false; message: string } {
  const trimmed = name.trim();
  if ([...trimmed].length < 3 || [...trimmed].length > 40) {
    return { ok: false, message: '主管部门名称长度应为 3–40 个字，请按"××县（市、区）××局"或"××厅（局）"填写全称' };
  }
  if (!/(局|厅|委员会|委|办公室|办|中心|会)$/.test(trimmed)) {
    return { ok: false, message: '主管部门请填写部门全称，如"××县（市、区）××局"或"××厅（局）"，无主管部门请选择"无主管部门"' };
  }
  return { ok: true };
}

/** Kinds of organization on the platform (GLOSSARY). */
export const ORGANIZATION_KINDS = [
  { value: 'employer', label: '用人单位', management: false },
  { value: 'hrBureau', label: '人力社保局（职改办）', management: true },
  { value: 'economyBureau', label: '经济和信息化局', management: true },
  { value: 'industryDepartment', label: '行业主管部门', management: true },
  { value: 'provincialDepartment', label: '省级主管部门', management: true },
  { value: 'personnelAgency', label: '人才交流中心（人事代理机构）', management: true },
  { value: 'acceptancePoint', label: '职称申报受理点', management: true },
  { value: 'committee', label: '评委会', management: true },
  { value: 'committeeOffice', label: '评委会办公室', management: true },
  { value: 'administration', label: '平台管理', management: true },
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]['value'];
export const ORGANIZATION_KIND_VALUES = ORGANIZATION_KINDS.map((k) => k.value) as [OrganizationKind, ...OrganizationKind[]];
export type ManagementKind = Exclude<OrganizationKind, 'employer'>;

export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const ORGANIZATION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];
export const ORGANIZATION_STATUS_LABELS: Record<OrganizationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  refused: '未通过',
};

export const BINDING_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type BindingStatus = (typeof BINDING_STATUSES)[number];
export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '待单位确认',
  approved: '已绑定',
  refused: '单位已拒绝',
  cancelled: '已撤销',
};
