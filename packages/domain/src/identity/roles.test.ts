import { describe, expect, it } from 'vitest';
import { canAddExpert, canCreateOrganization, canReviewEmployerRegistration, isWithinJurisdiction, type Actor } from './roles';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  role: 'officer',
  orgId: 'o',
  orgKind: 'hrBureau',
  regionPath: '330000/330100/330127',
  regionLevel: 'county',
  ...over,
});

describe('isWithinJurisdiction (SPEC §1: every management account sees only its own jurisdiction)', () => {
  it('a county sees itself, not its siblings or its city', () => {
    expect(isWithinJurisdiction('330000/330100/330127', '330000/330100/330127')).toBe(true);
    expect(isWithinJurisdiction('330000/330100/330127', '330000/330100/330122')).toBe(false);
    expect(isWithinJurisdiction('330000/330100/330127', '330000/330100')).toBe(false);
  });
  it('a city sees its counties and zones; the province sees everything', () => {
    expect(isWithinJurisdiction('330000/330400', '330000/330400/zone-jiaxing-port')).toBe(true);
    expect(isWithinJurisdiction('330000/330400', '330000/330500/330502')).toBe(false);
    expect(isWithinJurisdiction('330000', '330000/330500/330502')).toBe(true);
  });
  it('a prefix that is not a path segment does not match', () => {
    expect(isWithinJurisdiction('330000/33010', '330000/330100')).toBe(false);
  });
  it('no jurisdiction means nothing', () => {
    expect(isWithinJurisdiction(null, '330000')).toBe(false);
    expect(isWithinJurisdiction('330000', null)).toBe(false);
  });
});

describe('canReviewEmployerRegistration', () => {
  it('the county HR bureau reviews its own county only', () => {
    expect(canReviewEmployerRegistration(actor({}), '330000/330100/330127')).toBe(true);
    expect(canReviewEmployerRegistration(actor({}), '330000/330100/330122')).toBe(false);
  });
  it('an economy bureau, an employer or an applicant cannot', () => {
    expect(canReviewEmployerRegistration(actor({ orgKind: 'economyBureau' }), '330000/330100/330127')).toBe(false);
    expect(canReviewEmployerRegistration(actor({ role: 'employer', orgKind: 'employer' }), '330000/330100/330127')).toBe(false);
    expect(canReviewEmployerRegistration(actor({ role: 'applicant', orgKind: null }), '330000/330100/330127')).toBe(false);
  });
});

describe('canCreateOrganization (management accounts are allocated: seeds 002 四(三), 004 三)', () => {
  const province = actor({ role: 'admin', orgKind: 'administration', regionPath: '330000', regionLevel: 'province' });
  const jiaxing = actor({ role: 'admin', orgKind: 'administration', regionPath: '330000/330400', regionLevel: 'city' });
  it('the province creates committees and offices anywhere', () => {
    expect(canCreateOrganization(province, 'committeeOffice', { regionPath: '330000', regionLevel: 'province' }).ok).toBe(true);
    expect(canCreateOrganization(province, 'committee', { regionPath: '330000/330400', regionLevel: 'city' }).ok).toBe(true);
  });
  it('a city creates acceptance points in its own area only', () => {
    expect(canCreateOrganization(jiaxing, 'acceptancePoint', { regionPath: '330000/330400/330421', regionLevel: 'county' }).ok).toBe(true);
    expect(canCreateOrganization(jiaxing, 'acceptancePoint', { regionPath: '330000/330500/330502', regionLevel: 'county' }).ok).toBe(false);
    expect(canCreateOrganization(jiaxing, 'committeeOffice', { regionPath: '330000/330400', regionLevel: 'city' }).ok).toBe(false);
  });
  it('nobody creates employers, and officers create nothing', () => {
    expect(canCreateOrganization(province, 'employer', { regionPath: '330000', regionLevel: 'province' }).ok).toBe(false);
    expect(canCreateOrganization(actor({}), 'acceptancePoint', { regionPath: '330000/330100/330127', regionLevel: 'county' }).ok).toBe(
      false,
    );
  });
  it('experts are added by committee offices', () => {
    expect(canAddExpert(actor({ orgKind: 'committeeOffice' }))).toBe(true);
    expect(canAddExpert(actor({}))).toBe(false);
  });
});
