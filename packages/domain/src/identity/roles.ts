/**
 * Roles and what they may do in the identity & organizations context (SPEC §1).
 * Permissions are plain functions; the server calls them, the web uses them to show buttons.
 */
import type { OrganizationKind } from './organizations';
import type { RegionLevel } from '../regions/zhejiang';

export const ROLES = [
  { value: 'applicant', label: '申报人' },
  { value: 'employer', label: '用人单位经办人' },
  { value: 'officer', label: '主管部门/评委会经办人' },
  { value: 'expert', label: '评审专家' },
  { value: 'admin', label: '系统管理员' },
] as const;
export type Role = (typeof ROLES)[number]['value'];
export const ROLE_VALUES = ROLES.map((r) => r.value) as [Role, ...Role[]];

export function roleLabel(role: string): string {
  return ROLES.find((r) => r.value === role)?.label ?? role;
}

/** The actor as the policy sees it. `regionPath` is the jurisdiction root of the actor's organization. */
export interface Actor {
  userId: string;
  role: Role;
  orgId: string | null;
  orgKind: OrganizationKind | null;
  regionPath: string | null;
  regionLevel: RegionLevel | null;
}

/**
 * Region paths are the keys from the root joined by '/', e.g. '330000/330100/330127'.
 * A target is within a jurisdiction when its path equals or descends from the jurisdiction's root.
 */
export function isWithinJurisdiction(jurisdictionPath: string | null, targetPath: string | null): boolean {
  if (!jurisdictionPath || !targetPath) return false;
  return targetPath === jurisdictionPath || targetPath.startsWith(`${jurisdictionPath}/`);
}

/** Who may approve or refuse an employer's registration (授权委托书): HR bureaus and acceptance points over its region (seeds 002, 004). */
export function canReviewEmployerRegistration(actor: Actor, employerRegionPath: string): boolean {
  if (actor.role === 'admin') return isWithinJurisdiction(actor.regionPath, employerRegionPath);
  if (actor.role !== 'officer') return false;
  if (actor.orgKind !== 'hrBureau' && actor.orgKind !== 'acceptancePoint') return false;
  return isWithinJurisdiction(actor.regionPath, employerRegionPath);
}

/** Who may see employers and applicants of a region: any management actor whose jurisdiction covers it. */
export function canViewRegion(actor: Actor, targetRegionPath: string): boolean {
  if (actor.role !== 'officer' && actor.role !== 'admin') return false;
  return isWithinJurisdiction(actor.regionPath, targetRegionPath);
}

/**
 * Management accounts are allocated, never self-registered (SPEC §1):
 * the province's administrator creates departments, 中评委 and committee offices;
 * a city's administrator creates the acceptance points of its area (seeds 002 四(三), 004 三).
 */
export function canCreateOrganization(
  actor: Actor,
  kind: OrganizationKind,
  target: { regionPath: string; regionLevel: RegionLevel },
): { ok: true } | { ok: false; message: string } {
  if (actor.role !== 'admin') return { ok: false, message: '只有系统管理员可以创建管理机构' };
  if (kind === 'employer') return { ok: false, message: '用人单位须自行注册并提交授权委托书，不能由管理员创建' };
  if (!isWithinJurisdiction(actor.regionPath, target.regionPath)) {
    return { ok: false, message: '所选地区不在您的管辖范围内' };
  }
  if (actor.regionLevel === 'province') return { ok: true };
  if (actor.regionLevel === 'city') {
    if (kind === 'acceptancePoint') return { ok: true };
    return { ok: false, message: '市级管理员只能创建本市的职称申报受理点；其他管理机构由省级管理员创建' };
  }
  return { ok: false, message: '您的账号无权创建管理机构' };
}

/** Experts are added by their committee office (SPEC §1). */
export function canAddExpert(actor: Actor): boolean {
  return actor.role === 'officer' && actor.orgKind === 'committeeOffice';
}
