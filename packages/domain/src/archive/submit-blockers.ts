/**
 * Why an archive entry cannot be sent to the employer for review yet, or an application cannot be
 * started (issue 9 item 4: "messages tell the truth"). Each blocker is one specific reason with a Chinese
 * message that says what is wrong and how to fix it; the page picks the action (去绑定, 上传证明材料, 重新核验)
 * from the code, never from a guess.
 *
 * SPEC §2: the bound employer reviews the archive (seed 003 附件2.2, 004 附件2 一.2); a domestic degree from
 * 2001 on is extracted from the registry, otherwise it needs the documents the plan lists (seed 004 (四),
 * seed 003 七(三)).
 */
import { entryNeedsEvidence } from './entries';

/** The applicant's binding to an employer: none, waiting for the employer, or confirmed. */
export type BindingState = 'none' | 'pending' | 'approved';

export type SubmitBlockerCode = 'unbound' | 'bindingPending' | 'degreeNotVerified' | 'degreeRegistryUnavailable' | 'evidenceMissing';

export interface SubmitBlocker {
  code: SubmitBlockerCode;
  /** Chinese: what is wrong and how to fix it */
  message: string;
}

/** The binding states of an applicant's binding rows (any order) reduced to one. */
export function bindingStateOf(statuses: readonly string[]): BindingState {
  if (statuses.includes('approved')) return 'approved';
  if (statuses.includes('pending')) return 'pending';
  return 'none';
}

/** Why the applicant's binding stops archive review or a new application (null: bound). */
export function bindingBlocker(state: BindingState, purpose: 'archive' | 'application'): SubmitBlocker | null {
  const what = purpose === 'archive' ? '档案条目须由所在单位审核' : '申报须由所在单位审核推荐';
  if (state === 'pending')
    return {
      code: 'bindingPending',
      message: `您的绑定申请正在等待单位确认，${what}：请联系单位经办人在“人员绑定审核”中确认，确认后即可提交`,
    };
  if (state === 'none') return { code: 'unbound', message: `尚未绑定工作单位，${what}：请先在“单位绑定”中申请绑定所在单位` };
  return null;
}

interface EntryFacts {
  kind: string;
  summary: string;
  verification: { status?: unknown; explanation?: unknown; documents?: unknown } | null | undefined;
  hasEvidence: boolean;
}

/** The entry's own reason it cannot be sent for review (evidence, degree check), or null. */
export function entryOwnBlocker(e: EntryFacts): SubmitBlocker | null {
  if (e.hasEvidence || !entryNeedsEvidence(e.kind, e.verification ?? null)) return null;
  if (e.kind === 'education') {
    const v = e.verification ?? {};
    const docs = Array.isArray(v.documents) && v.documents.length ? v.documents.join('、') : '学历学位证书及学历证明材料';
    if (v.status === 'unavailable')
      return {
        code: 'degreeRegistryUnavailable',
        message: `学历“${e.summary}”因学信数据暂时无法查询尚未核验：请稍后点击“重新核验”，或上传${docs}`,
      };
    return {
      code: 'degreeNotVerified',
      message: `学历“${e.summary}”未通过学信数据自动核验：请核对毕业院校、学历和毕业时间后修改该条目（修改后自动重新核验），或上传${docs}`,
    };
  }
  return { code: 'evidenceMissing', message: `“${e.summary}”还没有上传佐证材料：请点击“上传佐证材料”上传后再提交单位审核` };
}

/**
 * Every reason this draft or returned entry cannot be sent for review, the entry's own first (empty: it
 * can). Both are named: a bound applicant never reads a binding message about a degree the registry did not
 * confirm, and an unbound one learns both what to fix on the entry and that a binding is needed.
 */
export function entrySubmitBlockers(e: EntryFacts, binding: BindingState): SubmitBlocker[] {
  return [entryOwnBlocker(e), bindingBlocker(binding, 'archive')].filter((b): b is SubmitBlocker => b !== null);
}
