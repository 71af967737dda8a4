import { describe, expect, it } from 'vitest';
import {
  FEE_DUE_WORKING_DAYS,
  departmentFeesDue,
  feeAmountText,
  feeDueBy,
  feesDueAt,
  formatFen,
  owedText,
  planFeeDueAt,
  receiptNumber,
  yuanToFen,
} from './fees';
import { PAYMENT_EVENTS, PAYMENT_STATUSES, applyPaymentEvent, isLiveOrder, type PaymentEvent, type PaymentStatus } from './payment-state';
import { CALLBACK_FRESHNESS_SECONDS, callbackFreshnessProblem, canonicalString } from './signature';
import type { CalendarData } from '../calendar/working-days';

const OFFICE = 'office-1';
const noDept: never[] = [];

describe('which fee falls due when (the plan `fee`)', () => {
  it('seed 003 八(三): 280 元 after qualification review, bank transfer, paid by the applicant', () => {
    const fee = { amountYuan: 280, payer: 'applicant', due: 'afterQualificationReview', method: 'bankTransfer' } as const;
    expect(planFeeDueAt(fee, 'qualified', OFFICE)).toEqual({
      kind: 'review',
      orgId: OFFICE,
      payer: 'applicant',
      amountFen: 28000,
      method: 'bankTransfer',
    });
    // not at submission, not when the employer forwards
    expect(planFeeDueAt(fee, 'submitted', OFFICE)).toBeNull();
    expect(planFeeDueAt(fee, 'employerForwarded', OFFICE)).toBeNull();
  });
  it('seed 004 附件1 二.6: online after submission (12333 SMS), amount not stated', () => {
    const fee = { amountYuan: null, payer: 'applicant', due: 'afterSubmission', method: 'online' } as const;
    expect(planFeeDueAt(fee, 'submitted', OFFICE)).toMatchObject({ amountFen: null, method: 'online', payer: 'applicant' });
    expect(planFeeDueAt(fee, 'qualified', OFFICE)).toBeNull();
  });
  it('seed 000 六(五): the employer pays when it sends the materials; no method named → confirmed offline', () => {
    const fee = { amountYuan: null, payer: 'employer', due: 'onMaterialsSent', method: null } as const;
    expect(planFeeDueAt(fee, 'employerForwarded', OFFICE)).toMatchObject({ payer: 'employer', method: 'offline', amountFen: null });
    expect(planFeeDueAt(fee, 'submitted', OFFICE)).toBeNull();
  });
  it('seed 001 五(二): online after qualification review', () => {
    const fee = { amountYuan: null, payer: 'applicant', due: 'afterQualificationReview', method: 'online' } as const;
    expect(planFeeDueAt(fee, 'qualified', OFFICE)?.method).toBe('online');
  });
  it('a plan without a fee (seed 002 says nothing) charges nothing at any moment', () => {
    const fee = { amountYuan: null, payer: null, due: null, method: null };
    for (const m of ['submitted', 'employerForwarded', 'atDepartment', 'qualified'] as const)
      expect(feesDueAt({ fee, moment: m, officeOrgId: OFFICE, departments: noDept })).toEqual([]);
  });
  it('a plan that says when but not who: the applicant pays [ours]', () => {
    expect(planFeeDueAt({ amountYuan: 100, payer: null, due: 'afterSubmission', method: 'online' }, 'submitted', OFFICE)?.payer).toBe(
      'applicant',
    );
  });
});

describe("a department's 中推高推荐费 (seed 004 附件2 二.2)", () => {
  const depts = [
    { id: 'd-off', feeEnabled: false, feeAmountFen: 5000 },
    { id: 'd-on', feeEnabled: true, feeAmountFen: 20000 },
    { id: 'd-on-no-amount', feeEnabled: true, feeAmountFen: null },
  ];
  it('only a department whose switch is on (default 不收费) charges, and only with an amount, when it holds the step', () => {
    expect(departmentFeesDue('atDepartment', depts)).toEqual([
      { kind: 'recommendation', orgId: 'd-on', payer: 'applicant', amountFen: 20000, method: 'online' },
    ]);
    expect(departmentFeesDue('submitted', depts)).toEqual([]);
    expect(departmentFeesDue('qualified', depts)).toEqual([]);
  });
  it('feesDueAt joins the plan fee and the departments', () => {
    const fee = { amountYuan: 280, payer: 'applicant', due: 'afterSubmission', method: 'online' } as const;
    expect(feesDueAt({ fee, moment: 'atDepartment', officeOrgId: OFFICE, departments: depts }).map((f) => f.kind)).toEqual([
      'recommendation',
    ]);
    expect(feesDueAt({ fee, moment: 'submitted', officeOrgId: OFFICE, departments: depts }).map((f) => f.kind)).toEqual(['review']);
  });
});

describe('amounts', () => {
  it('yuan ↔ fen without float drift', () => {
    expect(yuanToFen(280)).toBe(28000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(() => yuanToFen(-1)).toThrow();
    expect(formatFen(28000)).toBe('280.00');
    expect(formatFen(1999)).toBe('19.99');
    expect(formatFen(5)).toBe('0.05');
    expect(feeAmountText(null)).toContain('通知为准');
    expect(feeAmountText(28000)).toBe('280.00 元');
  });
});

describe('due-by date [ours: FEE_DUE_WORKING_DAYS working days]', () => {
  // 2026-10-01..07 national holiday, 2026-10-10 (Sat) a make-up working day (a minimal calendar for the test)
  const cal: CalendarData = {
    holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
    workdays: new Set(['2026-10-10']),
    knownYears: new Set([2026]),
  };
  it('counts from the day after, skipping weekends and holidays', () => {
    expect(FEE_DUE_WORKING_DAYS).toBe(10);
    // Monday 2026-11-23 → Tue 24 … : 10 working days end Monday 2026-12-07
    expect(feeDueBy(cal, '2026-11-23')).toBe('2026-12-07');
    // 2026-09-30 (Wed): Oct 8, 9, 10(Sat, make-up), 12, 13, 14, 15, 16, 19, 20
    expect(feeDueBy(cal, '2026-09-30')).toBe('2026-10-20');
  });
});

describe('receipt number and the owed text', () => {
  it('JF + Shanghai date + 8 characters of the fee id', () => {
    expect(receiptNumber('3f2a9c01-aaaa-4bbb-8ccc-123456789abc', '2026-11-22')).toBe('JF20261122-3F2A9C01');
    expect(() => receiptNumber('zz', '2026-11-22')).toThrow();
  });
  it('names each unpaid fee, its amount and its due date', () => {
    expect(owedText([{ kind: 'review', amountFen: 28000, dueBy: '2026-12-07' }])).toBe('评审费 280.00 元（缴费截止 2026-12-07）');
    expect(owedText([{ kind: 'recommendation', amountFen: null, dueBy: null }])).toBe('中推高推荐费 金额以评委会办公室通知为准');
  });
});

describe('payment order state machine (every status × every event)', () => {
  const expected: Record<PaymentStatus, Record<PaymentEvent, string>> = {
    created: { paid: 'applied→paid', failed: 'applied→failed', closed: 'applied→closed', refunded: 'stale→created' },
    // paid after failed: the payer tried again on the provider's page
    failed: { paid: 'applied→paid', failed: 'duplicate→failed', closed: 'applied→closed', refunded: 'stale→failed' },
    // an earlier failed / closed arriving after paid is stale: money received is never undone by a callback
    paid: { paid: 'duplicate→paid', failed: 'stale→paid', closed: 'stale→paid', refunded: 'applied→refunded' },
    // money received after the order expired: still recorded (late)
    closed: { paid: 'applied→paid', failed: 'stale→closed', closed: 'duplicate→closed', refunded: 'stale→closed' },
    refunded: { paid: 'stale→refunded', failed: 'stale→refunded', closed: 'stale→refunded', refunded: 'duplicate→refunded' },
  };
  for (const from of PAYMENT_STATUSES)
    for (const ev of PAYMENT_EVENTS)
      it(`${from} + ${ev} → ${expected[from][ev]}`, () => {
        const t = applyPaymentEvent(from, ev);
        expect(`${t.outcome}→${t.to}`).toBe(expected[from][ev]);
      });
  it('marks paid-after-closed as late, and only that', () => {
    expect(applyPaymentEvent('closed', 'paid')).toEqual({ outcome: 'applied', to: 'paid', late: true });
    expect(applyPaymentEvent('created', 'paid')).toEqual({ outcome: 'applied', to: 'paid', late: false });
    expect(applyPaymentEvent('failed', 'paid')).toEqual({ outcome: 'applied', to: 'paid', late: false });
  });
  it('a live order is created and not yet expired', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    expect(isLiveOrder({ status: 'created', expiresAt: new Date('2026-11-22T02:10:00Z') }, now)).toBe(true);
    expect(isLiveOrder({ status: 'created', expiresAt: new Date('2026-11-22T01:59:00Z') }, now)).toBe(false);
    expect(isLiveOrder({ status: 'failed', expiresAt: new Date('2026-11-22T02:10:00Z') }, now)).toBe(false);
  });
});

describe('callback signature text and freshness', () => {
  it('sorts fields by name, drops empty ones, then timestamp and nonce', () => {
    expect(canonicalString({ outTradeNo: 'A1', event: 'paid', amountFen: 28000, note: '', x: null }, '1764000000', 'nonce1234')).toBe(
      'amountFen=28000&event=paid&outTradeNo=A1&timestamp=1764000000&nonce=nonce1234',
    );
    // the order of the object's keys does not matter
    expect(canonicalString({ b: 1, a: 2 }, '1', 'n')).toBe(canonicalString({ a: 2, b: 1 }, '1', 'n'));
  });
  it(`refuses a callback more than ${CALLBACK_FRESHNESS_SECONDS} s away from our clock, or malformed`, () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const ts = String(Math.floor(now.getTime() / 1000));
    expect(callbackFreshnessProblem(ts, 'abcdefgh12', now)).toBeNull();
    expect(callbackFreshnessProblem(String(Number(ts) - CALLBACK_FRESHNESS_SECONDS - 1), 'abcdefgh12', now)).toMatch(/超过/);
    expect(callbackFreshnessProblem(String(Number(ts) + CALLBACK_FRESHNESS_SECONDS + 1), 'abcdefgh12', now)).toMatch(/超过/);
    expect(callbackFreshnessProblem('yesterday', 'abcdefgh12', now)).toMatch(/时间戳/);
    expect(callbackFreshnessProblem(ts, 'a b', now)).toMatch(/随机串/);
  });
});
