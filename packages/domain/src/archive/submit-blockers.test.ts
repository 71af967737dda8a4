/**
 * Issue 9 item 4: a bound applicant whose degree failed the registry check was told "尚未绑定工作单位，或单位
 * 尚未确认绑定" with a 去绑定 button. The reason is now specific (SPEC §2; seed 004 (四), seed 003 七(三):
 * a degree that cannot be extracted needs its documents uploaded).
 */
import { describe, expect, it } from 'vitest';
import { bindingBlocker, bindingStateOf, entrySubmitBlockers } from './submit-blockers';

const first = (...a: Parameters<typeof entrySubmitBlockers>) => entrySubmitBlockers(...a)[0] ?? null;

const degree = (verification: { status: string; documents?: string[] } | null, hasEvidence = false) => ({
  kind: 'education',
  summary: '本科 · 浙江大学',
  verification,
  hasEvidence,
});

describe('why an archive entry cannot be sent for review', () => {
  it('a bound applicant whose degree the registry did not confirm is told about the degree, not the binding', () => {
    const b = first(degree({ status: 'needsUpload', documents: ['学历学位证书', '教育部学历证书电子注册备案表'] }), 'approved');
    expect(b?.code).toBe('degreeNotVerified');
    expect(b?.message).toContain('未通过学信数据自动核验');
    expect(b?.message).toContain('教育部学历证书电子注册备案表');
    expect(b?.message).not.toContain('绑定');
    expect(entrySubmitBlockers(degree({ status: 'needsUpload' }), 'approved')).toHaveLength(1);
  });
  it('the registry being down says so and offers 重新核验', () => {
    expect(first(degree({ status: 'unavailable' }), 'approved')).toMatchObject({
      code: 'degreeRegistryUnavailable',
      message: expect.stringContaining('重新核验'),
    });
  });
  it('a verified degree needs no upload; then only the binding can stop it', () => {
    expect(first(degree({ status: 'verified' }), 'approved')).toBeNull();
    expect(first(degree({ status: 'verified' }), 'pending')?.code).toBe('bindingPending');
    expect(first(degree({ status: 'verified' }), 'none')?.code).toBe('unbound');
  });
  it('unbound with a degree problem: both reasons, the entry’s own first', () => {
    expect(entrySubmitBlockers(degree({ status: 'needsUpload' }), 'none').map((b) => b.code)).toEqual(['degreeNotVerified', 'unbound']);
  });
  it('an unverified degree with its documents uploaded can be submitted', () => {
    expect(first(degree({ status: 'needsUpload' }, true), 'approved')).toBeNull();
  });
  it('other kinds without evidence: upload first', () => {
    expect(first({ kind: 'achievement', summary: '论文', verification: null, hasEvidence: false }, 'approved')?.code).toBe(
      'evidenceMissing',
    );
  });
});

describe('binding state and its message', () => {
  it('approved wins over an older pending or refused row; pending is not "unbound"', () => {
    expect(bindingStateOf(['refused', 'approved'])).toBe('approved');
    expect(bindingStateOf(['cancelled', 'pending'])).toBe('pending');
    expect(bindingStateOf(['refused'])).toBe('none');
    expect(bindingStateOf([])).toBe('none');
  });
  it('pending asks to have the employer confirm; none asks to bind', () => {
    expect(bindingBlocker('pending', 'application')?.message).toContain('等待单位确认');
    expect(bindingBlocker('none', 'application')?.message).toContain('请先在“单位绑定”中申请绑定');
    expect(bindingBlocker('approved', 'archive')).toBeNull();
  });
});
