import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, type ApplicationStatus } from './transitions';
import { actionView, COMMITTEE_STAGE_OF, progressOf, statusesHeldBy, type ProgressInput } from './progress';

describe('statusesHeldBy: the queue status filter', () => {
  it('the committee office holds 待资格审查, 资格审查通过, 评前公示中, 待专家评审 (SPEC §7)', () => {
    expect(statusesHeldBy('committeeOffice')).toEqual(['atCommittee', 'qualified', 'prePublicity', 'awaitingExpertReview']);
  });
  it('employers hold what awaits their review and their publicity; departments what is in review', () => {
    expect(statusesHeldBy('employer')).toEqual(['submitted', 'employerPublicity']);
    expect(statusesHeldBy('department')).toEqual(['inReview']);
  });
  it('every office status has a committee stage on the progress bar', () => {
    expect(Object.keys(COMMITTEE_STAGE_OF).sort()).toEqual(statusesHeldBy('committeeOffice').sort());
  });
});

describe('actionView: buttons and forms from the table', () => {
  it('takes tone and input from the server when it sends them', () => {
    const v = actionView('atCommittee', {
      action: 'qualifyApprove',
      label: '资格审查通过',
      needsReason: false,
      tone: null,
      input: null,
    });
    expect(v).toMatchObject({ tone: null, input: null });
  });
  it('falls back to the table when the server is silent', () => {
    expect(actionView('atCommittee', { action: 'qualifyApprove', label: '资格审查通过', needsReason: false })).toMatchObject({
      tone: 'primary',
      input: 'qualificationChecks',
      publicity: null,
    });
    expect(actionView('atCommittee', { action: 'officeReturn', label: '退回修改', needsReason: true })).toMatchObject({
      tone: 'danger',
      input: null,
      to: 'returned',
    });
    expect(actionView('inReview', { action: 'stepApprove', label: '审查通过', needsReason: false }).input).toBe('reviewChecks');
    expect(actionView('prePublicity', { action: 'handleObjection', label: '处理异议', needsReason: true }).input).toBe('objectionHandling');
  });
  it('knows which actions start a publicity period (the dialog explains it), whatever their names', () => {
    expect(actionView('submitted', { action: 'employerApprove', label: '通过并公示', needsReason: false }).publicity).toBe('employer');
    expect(actionView('qualified', { action: 'publishPrePublicity', label: '发布评前公示', needsReason: false }).publicity).toBe(
      'preReview',
    );
    expect(actionView('submitted', { action: 'employerReturn', label: '退回', needsReason: true }).publicity).toBeNull();
  });
  it('an action the table does not know in that status gets no tone, input or publicity', () => {
    expect(actionView('draft', { action: 'qualifyApprove', label: 'x', needsReason: false })).toMatchObject({
      tone: null,
      input: null,
      publicity: null,
      to: null,
    });
  });
});

describe('progressOf: the progress bar after the office receives the application', () => {
  // seed 000's chain for a county employer: county bureau, city bureau, then the committee office
  const steps = [
    { kind: 'countyHr', label: '县级人力社保部门' },
    { kind: 'cityHr', label: '市级人力社保部门' },
    { kind: 'committeeOffice', label: '评委会办公室' },
  ];
  const base: ProgressInput = { status: 'submitted', currentStep: -1, steps, employerName: '千岛湖水务', history: [] };
  const titles = ['用人单位：千岛湖水务', '县级人力社保部门', '市级人力社保部门', '评委会资格审查', '评委会评前公示', '评委会专家评审'];
  const at = (status: ApplicationStatus, currentStep: number, history: string[] = []) =>
    progressOf({ ...base, status, currentStep, history });

  it('ends with 资格审查 → 评前公示 → 专家评审 instead of the office step', () => {
    expect(progressOf(base).titles).toEqual(titles);
  });
  it('places each status on its stage', () => {
    expect(at('submitted', -1).current).toBe(0);
    expect(at('employerPublicity', -1).current).toBe(0);
    expect(at('inReview', 0).current).toBe(1);
    expect(at('inReview', 1).current).toBe(2);
    expect(at('atCommittee', 2).current).toBe(3);
    expect(at('qualified', 2).current).toBe(4);
    expect(at('prePublicity', 2).current).toBe(4);
    expect(at('awaitingExpertReview', 2).current).toBe(5);
    for (const s of ['atCommittee', 'qualified', 'prePublicity', 'awaitingExpertReview'] as const) expect(at(s, 2).state).toBe('process');
  });
  it('a return or rejection by the office shows at the office stage, in error when rejected', () => {
    const returned = at('returned', 2, ['submitted', 'employerPublicity', 'inReview', 'inReview', 'atCommittee', 'returned']);
    expect(returned).toMatchObject({ current: 3, state: 'process' });
    const cancelled = at('rejected', 2, [
      'submitted',
      'employerPublicity',
      'inReview',
      'atCommittee',
      'qualified',
      'prePublicity',
      'rejected',
    ]);
    expect(cancelled).toMatchObject({ current: 4, state: 'error' });
  });
  it('a return or rejection below the office shows where it happened', () => {
    expect(at('rejected', 1, ['submitted', 'employerPublicity', 'inReview', 'rejected'])).toMatchObject({ current: 2, state: 'error' });
    expect(at('returned', -1, ['submitted', 'returned']).current).toBe(0);
    // no events (an older server): the step it was at
    expect(at('returned', 0).current).toBe(1);
  });
  it('a chain with no department step: straight from the employer to the office', () => {
    const p = progressOf({ ...base, steps: [{ kind: 'committeeOffice', label: '评委会办公室' }], status: 'atCommittee', currentStep: 0 });
    expect(p.titles).toEqual(['用人单位：千岛湖水务', '评委会资格审查', '评委会评前公示', '评委会专家评审']);
    expect(p.current).toBe(1);
  });
  it('every status has a place on the bar', () => {
    for (const s of Object.keys(APPLICATION_STATUSES) as ApplicationStatus[]) {
      const p = at(s, 1, ['submitted', s]);
      expect(p.current).toBeGreaterThanOrEqual(0);
      expect(p.current).toBeLessThan(titles.length);
    }
  });
});
