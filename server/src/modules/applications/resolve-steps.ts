/**
 * Turns the plan's route steps (kinds) into the organizations that act, for one employer (SPEC §6):
 * county/city bureaus by the employer's region, the provincial department by the employer's competent
 * department, the acceptance point of its county, the plan's committee office at the end.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { ROUTE_STEP_KINDS, type RouteStep } from '@zc/domain';
import { organizations } from '../../platform/db/schema';
import type { Queryable } from '../../platform/db/client';
import { fail } from '../../platform/http/errors';

/** What route resolution reads of an organization. */
type Org = { id: string; kind: string; regionId: string; name: string };
/** What it reads of the employer. */
export type RouteEmployer = { regionPath: string; competentDepartment: string | null };

const ROUTE_ORG_KINDS = [
  'hrBureau',
  'economyBureau',
  'provincialDepartment',
  'personnelAgency',
  'acceptancePoint',
  'industryDepartment',
  'committee',
];

export interface ResolvedStep {
  kind: string;
  label: string;
  orgIds: string[];
  joint: boolean;
}

export async function resolveSteps(
  q: Queryable,
  steps: RouteStep[],
  employer: RouteEmployer,
  officeOrgId: string,
): Promise<ResolvedStep[]> {
  const parts = employer.regionPath.split('/');
  const countyId = parts[2] ?? null;
  const cityId = parts[1] ?? null;
  const provinceId = parts[0]!;
  // only the employer's own province, city and county (and its competent department): a submission on a
  // deadline day reads a handful of rows, not the province's whole directory
  const regionIds = [provinceId, cityId, countyId].filter((x): x is string => !!x);
  const candidates: Org[] = await q
    .select({ id: organizations.id, kind: organizations.kind, regionId: organizations.regionId, name: organizations.name })
    .from(organizations)
    .where(
      and(
        inArray(organizations.kind, ROUTE_ORG_KINDS),
        eq(organizations.status, 'approved'),
        employer.competentDepartment
          ? or(
              inArray(organizations.regionId, regionIds),
              and(eq(organizations.kind, 'provincialDepartment'), eq(organizations.name, employer.competentDepartment)),
            )
          : inArray(organizations.regionId, regionIds),
      ),
    );
  const find = (kind: string, regionId: string | null) =>
    regionId ? candidates.filter((o) => o.kind === kind && o.regionId === regionId) : [];
  const first = (...lists: Org[][]) => lists.find((l) => l.length > 0) ?? [];
  const out: ResolvedStep[] = [];
  for (const s of steps) {
    const label = s.label ?? ROUTE_STEP_KINDS.find((k) => k.value === s.kind)?.label ?? s.kind;
    let orgs: Org[] = [];
    let joint = false;
    switch (s.kind) {
      case 'countyHr':
        orgs = first(find('hrBureau', countyId), find('hrBureau', cityId));
        break;
      case 'countyEconomy':
        orgs = first(find('economyBureau', countyId), find('economyBureau', cityId));
        break;
      case 'cityHr':
        orgs = find('hrBureau', cityId);
        break;
      case 'cityEconomy':
        orgs = find('economyBureau', cityId);
        break;
      case 'cityEconomyOrHr':
        orgs = [...find('economyBureau', cityId), ...find('hrBureau', cityId)];
        break;
      case 'cityEconomyWithHr':
        orgs = [...find('economyBureau', cityId), ...find('hrBureau', cityId)];
        joint = true;
        break;
      case 'competentDepartment':
      case 'provincialDepartment':
        orgs = first(
          candidates.filter((o) => o.kind === 'provincialDepartment' && o.name === employer.competentDepartment),
          find('economyBureau', provinceId),
        );
        break;
      case 'industryDepartment':
        orgs = first(
          find('industryDepartment', countyId),
          find('industryDepartment', cityId),
          find('hrBureau', countyId),
          find('hrBureau', cityId),
        );
        break;
      case 'personnelAgency':
        orgs = first(find('personnelAgency', cityId), find('personnelAgency', provinceId), find('hrBureau', cityId));
        break;
      case 'acceptancePoint':
        orgs = first(find('acceptancePoint', countyId), find('hrBureau', countyId), find('hrBureau', cityId));
        break;
      case 'committeeRecommendation':
        orgs = first(find('committee', cityId), find('hrBureau', cityId));
        break;
      case 'committeeOffice':
        out.push({ kind: s.kind, label, orgIds: [officeOrgId], joint: false });
        continue;
    }
    if (orgs.length === 0) fail('STATE', `审核路线中的"${label}"在您单位所在地区尚未开通账号，暂不能提交，请联系当地人力社保部门`);
    out.push({ kind: s.kind, label, orgIds: orgs.map((o) => o.id), joint });
  }
  return out;
}
