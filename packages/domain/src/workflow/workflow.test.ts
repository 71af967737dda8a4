import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  WORKFLOW,
  WORKFLOW_ACTIONS,
  WORKFLOW_BRANCHES,
  WORKFLOW_GUARDS,
  actionsFor,
  batchActionsFor,
  isWorkflowAction,
  targetsOf,
  departmentActionsFor,
  stepRefusal,
  transitionFor,
  type ApplicationStatus,
  type Transition,
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
  it('no dead ends: from every status a terminal status is reachable (through every target and branch)', () => {
    const reachesEnd = (from: ApplicationStatus): boolean => {
      const seen = new Set<ApplicationStatus>([from]);
      const todo = [from];
      while (todo.length) {
        const s = todo.pop()!;
        if (APPLICATION_STATUSES[s].terminal) return true;
        for (const t of Object.values(WORKFLOW[s]) as Transition[])
          for (const to of targetsOf(t))
            if (!seen.has(to)) {
              seen.add(to);
              todo.push(to);
            }
      }
      return false;
    };
    for (const s of statuses) expect(reachesEnd(s), s).toBe(true);
  });
  it('every target and branch target is a known status; every return or rejection asks for a reason', () => {
    for (const s of statuses) {
      for (const [action, t] of Object.entries(WORKFLOW[s]) as Array<[string, Transition]>) {
        for (const to of targetsOf(t)) {
          expect(statuses, `${s}.${action} → ${to}`).toContain(to);
          if (to === 'returned' || to === 'rejected') expect(t.needsReason, `${s}.${action}`).toBe(true);
        }
      }
    }
  });
  it('every guard and branch the table names exists (the server checks each one: applications/transitions/guards.ts)', () => {
    const used = Object.values(WORKFLOW).flatMap((row) => Object.values(row) as Transition[]);
    for (const t of used) {
      for (const g of t.guards ?? []) expect(Object.keys(WORKFLOW_GUARDS), g).toContain(g);
      if (t.branch) expect(Object.keys(WORKFLOW_BRANCHES), t.branch.when).toContain(t.branch.when);
    }
    // and every guard is used somewhere: a guard nobody names is a check that never runs
    expect(new Set(used.flatMap((t) => t.guards ?? []))).toEqual(new Set(Object.keys(WORKFLOW_GUARDS)));
  });
  it('every status an actor holds offers that actor something to do (the committee office is never left without buttons)', () => {
    for (const s of statuses) {
      const holder = APPLICATION_STATUSES[s].holder;
      if (holder) expect(actionsFor(s, holder).length, s).toBeGreaterThan(0);
    }
  });
  it('WORKFLOW_ACTIONS lists every action once, and isWorkflowAction knows only those', () => {
    const all = Object.values(WORKFLOW).flatMap((row) => Object.keys(row));
    expect(new Set(WORKFLOW_ACTIONS)).toEqual(new Set(all));
    expect(WORKFLOW_ACTIONS.length).toBe(new Set(all).size);
    expect(isWorkflowAction('qualifyApprove')).toBe(true);
    expect(isWorkflowAction('approveEverything')).toBe(false);
    expect(isWorkflowAction('toString')).toBe(false);
  });
  it("the queue's batch actions: the department's are those its queue offered before; the office's are its own (SPEC §6, §7)", () => {
    expect(batchActionsFor('department').map((x) => x.action)).toEqual(['stepApprove', 'stepReturn', 'stepReject', 'stepForward']);
    expect(batchActionsFor('employer').map((x) => x.action)).toEqual(['employerForward']);
    expect(batchActionsFor('applicant')).toEqual([]);
    const office = batchActionsFor('committeeOffice');
    expect(office.map((x) => x.action)).toEqual([
      'qualifyApprove',
      'officeReturn',
      'officeReject',
      'publishPrePublicity',
      'concludePrePublicity',
    ]);
    // 退回修改 and 不通过 are batch actions at 资格审查 only: later the office decides one application at a time
    expect(office.find((x) => x.action === 'officeReturn')!.statuses).toEqual(['atCommittee']);
  });
  it('forwarding leads to the committee office after the last step (the branch); expert review waits for the publicity and the fees', () => {
    expect(transitionFor('employerPublicity', 'employerForward')?.branch).toEqual({ when: 'nextIsCommitteeOffice', to: 'atCommittee' });
    expect(transitionFor('inReview', 'stepForward')?.branch).toEqual({ when: 'nextIsCommitteeOffice', to: 'atCommittee' });
    expect(transitionFor('inReview', 'stepForward')?.guards).toEqual(['stepApproved']);
    // seed 003 八(三): unpaid applications are not reviewed
    expect(transitionFor('prePublicity', 'concludePrePublicity')?.guards).toEqual(['preReviewPublicityEnded', 'feesPaid']);
    expect(transitionFor('atCommittee', 'stepApprove')).toBeNull();
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
