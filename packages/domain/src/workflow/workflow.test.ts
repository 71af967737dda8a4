import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  WORKFLOW,
  actionsFor,
  departmentActionsFor,
  stepRefusal,
  transitionFor,
  type ApplicationStatus,
} from './transitions';
import { routeFor } from './routing';
import { testPlan } from '../rules/fixtures';

describe('the transition table (SPEC §6)', () => {
  const statuses = Object.keys(APPLICATION_STATUSES) as ApplicationStatus[];
  it('every non-terminal status has actions; terminal ones have none', () => {
    for (const s of statuses) {
      const n = Object.keys(WORKFLOW[s]).length;
      expect(n > 0, s).toBe(!APPLICATION_STATUSES[s].terminal);
    }
  });
  it('no dead ends: from every status a terminal status is reachable', () => {
    const reach = (from: ApplicationStatus, seen = new Set<ApplicationStatus>()): boolean => {
      if (APPLICATION_STATUSES[from].terminal) return true;
      seen.add(from);
      return Object.values(WORKFLOW[from]).some((t) => (t.to === from && from === 'inReview') || (!seen.has(t.to) && reach(t.to, seen)));
    };
    for (const s of statuses) expect(reach(s), s).toBe(true);
  });
  it('every target is a known status, and every return or rejection asks for a reason', () => {
    for (const s of statuses) {
      for (const [action, t] of Object.entries(WORKFLOW[s])) {
        expect(statuses).toContain(t.to);
        if (t.to === 'returned' || t.to === 'rejected') expect((t as { needsReason?: boolean }).needsReason, `${s}.${action}`).toBe(true);
      }
    }
  });
  it('the applicant can withdraw until the employer acts, not after', () => {
    expect(actionsFor('submitted', 'applicant').map((a) => a.action)).toEqual(['withdraw']);
    expect(actionsFor('employerPublicity', 'applicant')).toEqual([]);
    expect(transitionFor('inReview', 'withdraw')).toBeNull();
  });
  it('deadlines guard submission, employer forwarding and department forwarding ("逾期不再受理")', () => {
    expect(transitionFor('draft', 'submit')?.deadline).toBe('personalDeadline');
    expect(transitionFor('employerPublicity', 'employerForward')?.deadline).toBe('employerDeadline');
    expect(transitionFor('inReview', 'stepForward')?.deadline).toBe('departmentDeadline');
  });
});

describe('either-or and joint steps (issue 8 item 10)', () => {
  const eitherOr = { orgIds: ['eco', 'hr'], joint: false, approvedOrgIds: [] as string[] };
  const names = (orgId: string, step = eitherOr) => departmentActionsFor('inReview', step, orgId).map((a) => a.action);
  it('before anyone approves, both departments of an either-or step may approve, return or reject', () => {
    expect(names('eco')).toEqual(['stepApprove', 'stepReturn', 'stepReject', 'stepForward']);
    expect(names('hr')).toEqual(names('eco'));
  });
  it('once one approved, the other can no longer approve, return or reject; it may still send the step on', () => {
    const approved = { ...eitherOr, approvedOrgIds: ['eco'] };
    expect(names('hr', approved)).toEqual(['stepForward']);
    for (const action of ['stepApprove', 'stepReturn', 'stepReject'])
      expect(stepRefusal(approved, 'hr', action), action).toContain('另一部门审查通过');
    expect(stepRefusal(approved, 'hr', 'stepForward')).toBeNull();
    // the department that approved keeps its own decision open until it sends the step on
    expect(stepRefusal(approved, 'eco', 'stepReturn')).toBeNull();
  });
  it('a joint (会同) step needs every department: one approval leaves the other free to return or reject', () => {
    const joint = { orgIds: ['eco', 'hr'], joint: true, approvedOrgIds: ['eco'] };
    expect(stepRefusal(joint, 'hr', 'stepReject')).toBeNull();
    expect(names('hr', joint)).toContain('stepReturn');
  });
  it('a single-department step is not either-or', () => {
    expect(stepRefusal({ orgIds: ['ca'], joint: false, approvedOrgIds: ['ca'] }, 'ca', 'stepReturn')).toBeNull();
  });
});

describe('routing for each affiliation', () => {
  const plan = testPlan({
    routes: [
      {
        affiliation: 'county',
        steps: [{ kind: 'countyHr' }, { kind: 'countyEconomy', paperOnly: true }, { kind: 'cityEconomyOrHr' }, { kind: 'committeeOffice' }],
      },
      {
        affiliation: 'city',
        steps: [{ kind: 'competentDepartment', paperOnly: true }, { kind: 'cityEconomyOrHr' }, { kind: 'committeeOffice' }],
      },
      { affiliation: 'province', steps: [{ kind: 'provincialDepartment' }, { kind: 'committeeOffice' }] },
      {
        affiliation: 'none',
        filesAtAgency: true,
        steps: [{ kind: 'personnelAgency' }, { kind: 'cityEconomyOrHr' }, { kind: 'committeeOffice' }],
      },
      { affiliation: 'none', filesAtAgency: false, steps: [{ kind: 'cityEconomyOrHr' }, { kind: 'committeeOffice' }] },
    ],
  });
  it('seed 000: 县属 → county HR → city 经信或人社 → office; paper-only steps are not electronic steps', () => {
    expect(routeFor(plan, { affiliation: 'county', filesAtAgency: false }).map((s) => s.kind)).toEqual([
      'countyHr',
      'cityEconomyOrHr',
      'committeeOffice',
    ]);
    expect(routeFor(plan, { affiliation: 'city', filesAtAgency: false }).map((s) => s.kind)).toEqual([
      'cityEconomyOrHr',
      'committeeOffice',
    ]);
    expect(routeFor(plan, { affiliation: 'province', filesAtAgency: false }).map((s) => s.kind)).toEqual([
      'provincialDepartment',
      'committeeOffice',
    ]);
    expect(routeFor(plan, { affiliation: 'none', filesAtAgency: true }).map((s) => s.kind)).toEqual([
      'personnelAgency',
      'cityEconomyOrHr',
      'committeeOffice',
    ]);
    expect(routeFor(plan, { affiliation: 'none', filesAtAgency: false }).map((s) => s.kind)).toEqual([
      'cityEconomyOrHr',
      'committeeOffice',
    ]);
  });
  it('a plan without a route for the affiliation says so', () => {
    const only = testPlan({ routes: [{ affiliation: 'county', steps: [{ kind: 'countyHr' }] }] });
    expect(() => routeFor(only, { affiliation: 'province', filesAtAgency: false })).toThrow('没有适用');
    expect(routeFor(only, { affiliation: 'county', filesAtAgency: false }).map((s) => s.kind)).toEqual(['countyHr', 'committeeOffice']);
  });
});
