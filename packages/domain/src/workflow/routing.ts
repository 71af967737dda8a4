/**
 * Routing (SPEC §6): the plan's route for the employer's affiliation, copied into the application at
 * submission. Specialty picks the committee (专业对口): the plan is the committee's, so its office ends
 * every chain.
 */
import type { Plan } from '../plans/plan';

export interface EmployerFacts {
  affiliation: 'county' | 'city' | 'province' | 'none';
  filesAtAgency: boolean;
}

export type RouteStep = Plan['routes'][number]['steps'][number];

export function routeFor(plan: Plan, employer: EmployerFacts): RouteStep[] {
  const candidates = plan.routes.filter((r) => r.affiliation === employer.affiliation);
  const exact = candidates.find((r) => r.filesAtAgency === undefined || r.filesAtAgency === employer.filesAtAgency);
  const route = exact ?? plan.routes.find((r) => r.affiliation === 'any');
  if (!route) throw new Error(`计划"${plan.name}"没有适用于该单位隶属关系的审核路线，请联系评委会办公室`);
  const steps = route.steps.filter((s) => !s.paperOnly);
  if (steps.at(-1)?.kind !== 'committeeOffice') steps.push({ kind: 'committeeOffice', paperOnly: false });
  return steps;
}
