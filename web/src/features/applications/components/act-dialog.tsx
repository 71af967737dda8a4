/**
 * The dialog of one workflow action on the review page. Its form comes from the table's `input` (review checks,
 * qualification checks, an objection, handling a pre-review objection), its reason field from `needsReason`,
 * its explanation from where the action leads; nothing here knows an action by its name.
 */
import type { ReactNode } from 'react';
import { Checkbox, Flex, Form, Input, Radio, Select, type ModalFuncProps } from 'antd';
import { QUALIFICATION_CHECKS, REVIEW_CHECKS, type ActionView } from '@zc/domain';
import { FormModal } from '@shared/components/form-modal';
import { formatDateTime } from '@shared/format';
import type { ActInput, LodgedObjection, ObjectionOutcome } from '../api';

export interface ActForm {
  opinion?: string;
  checks?: string[];
  originalsVerifiedBy?: string;
  overestimated?: string[];
  content?: string;
  handling?: string;
  objectionId?: string;
  outcome?: ObjectionOutcome;
}

const CHECK_LISTS = { reviewChecks: REVIEW_CHECKS, qualificationChecks: QUALIFICATION_CHECKS } as const;

const OUTCOMES: Array<{ value: ObjectionOutcome; label: string }> = [
  { value: 'upheld', label: '异议成立' },
  { value: 'dismissed', label: '异议不成立' },
];

/** What the action sends: the checks of its list (each one ticked or not), the reason or opinion, the objection fields. */
export function actInputOf(a: ActionView, v: ActForm): ActInput {
  const input: ActInput = {};
  if (a.input === 'objection') {
    input.objection = { content: v.content ?? '', handling: v.handling ?? '' };
    return input;
  }
  if (a.input === 'objectionHandling') {
    // the form requires all three before it finishes
    return {
      objectionHandling: { objectionId: v.objectionId ?? '', outcome: v.outcome ?? 'dismissed', handling: v.handling?.trim() ?? '' },
    };
  }
  if (a.needsReason)
    input.reason = [v.overestimated?.length ? `自评分严重高估：${v.overestimated.join('、')}` : '', v.opinion ?? '']
      .filter(Boolean)
      .join('。');
  else input.opinion = v.opinion;
  if (a.input === 'reviewChecks' || a.input === 'qualificationChecks') {
    input.checks = Object.fromEntries(CHECK_LISTS[a.input].map((c) => [c.key, (v.checks ?? []).includes(c.key)]));
    if (a.input === 'reviewChecks' && v.originalsVerifiedBy?.trim()) input.originalsVerifiedBy = v.originalsVerifiedBy.trim();
  }
  return input;
}

/** What follows the action, told before it is taken. */
export function consequenceOf(a: ActionView): string | undefined {
  if (a.publicity === 'employer') return '通过后即开始单位公示，系统按工作日计算公示截止日期。';
  if (a.publicity === 'preReview')
    return '发布后该申报列入本计划的评前公示名单，在门户网站向社会公示（只公示姓名、单位、专业、级别和申报方式），公示期按工作日计算，期满后方可提交评审。';
  if (a.to === 'returned') return '退回后申报人修改再提交，材料将按原路线逐级重新审核；下一级也会收到通知。';
  if (a.to === 'rejected') return '作不通过处理后，本次申报即告终止，申报人不能再修改提交；申报人会收到通知和原因。';
  return undefined;
}

/** A way out (return, rejection) is confirmed once more, saying what follows; other actions run at once. */
export function confirmIfDanger(confirm: (p: ModalFuncProps) => unknown, a: ActionView, what: string, run: () => void) {
  if (a.tone !== 'danger') return run();
  confirm({
    title: `确定${what}？`,
    content: consequenceOf(a) ?? '此操作将通知申报人，提交后不能撤销。',
    okText: '确定',
    okButtonProps: { danger: true },
    cancelText: '再想想',
    onOk: run,
  });
}

interface Props {
  action: ActionView;
  /** the dialog's title (default: the action's label) */
  title?: string;
  /** said before the explanation (the batch: which statuses it applies to) */
  note?: ReactNode;
  pending: boolean;
  /** the plan's self-score items, offered when a return names overestimated ones */
  scoringItems: Array<{ name: string }>;
  /** the application's pre-review objections (objectionHandling only) */
  objections: LodgedObjection[] | undefined;
  onCancel: () => void;
  onFinish: (v: ActForm) => void;
}

export function ActDialog({ action: a, title, note, pending, scoringItems, objections, onCancel, onFinish }: Props) {
  const checks = a.input === 'reviewChecks' || a.input === 'qualificationChecks' ? CHECK_LISTS[a.input] : null;
  const pendingObjections = (objections ?? []).filter((o) => o.status === 'pending');
  return (
    <FormModal<ActForm>
      title={title ?? a.label}
      danger={a.tone === 'danger'}
      pending={pending}
      onCancel={onCancel}
      onFinish={onFinish}
      intro={
        note || consequenceOf(a) ? (
          <Flex vertical gap={4} style={{ marginBottom: 12 }}>
            {note}
            {consequenceOf(a)}
          </Flex>
        ) : undefined
      }
    >
      {a.input === 'objection' ? (
        <>
          <Form.Item name="content" label="异议内容" rules={[{ required: true, min: 2, message: '请填写异议内容' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="handling" label="处理情况">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      ) : a.input === 'objectionHandling' ? (
        <>
          <Form.Item
            name="objectionId"
            label="待处理的异议"
            htmlFor="act-objection"
            initialValue={pendingObjections.length === 1 ? pendingObjections[0]!.id : undefined}
            rules={[{ required: true, message: '请选择要处理的异议' }]}
          >
            <Select
              id="act-objection"
              loading={objections === undefined}
              notFoundContent="该申报没有待处理的异议"
              placeholder="请选择"
              options={pendingObjections.map((o) => ({
                value: o.id,
                label: `${formatDateTime(o.lodgedAt)}：${o.content.length > 40 ? `${o.content.slice(0, 40)}…` : o.content}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择异议是否成立' }]}>
            <Radio.Group options={OUTCOMES} />
          </Form.Item>
          <Form.Item
            name="handling"
            label="处理情况"
            rules={[{ required: true, min: 2, message: '请填写核查和处理情况（至少 2 个字），申报人将看到处理结果' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} placeholder="如：经核查，所反映问题与事实不符" />
          </Form.Item>
        </>
      ) : (
        <>
          {checks && (
            <Form.Item name="checks" label="已审查事项" initialValue={checks.map((c) => c.key)}>
              {/* one per line: the list reads as a checklist, also on a phone */}
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={checks.map((c) => ({ value: c.key, label: c.label }))}
              />
            </Form.Item>
          )}
          {a.input === 'reviewChecks' && (
            <Form.Item name="originalsVerifiedBy" label="原件核验人" extra="核对复印件与原件一致的经办人姓名；系统记录核验时间">
              <Input maxLength={30} />
            </Form.Item>
          )}
          {a.to === 'returned' && scoringItems.length > 0 && (
            <Form.Item name="overestimated" label="自评分严重高估的项目" htmlFor="act-overestimated">
              <Select
                id="act-overestimated"
                mode="multiple"
                allowClear
                placeholder="如有，请选择"
                options={scoringItems.map((i) => ({ value: i.name, label: i.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="opinion"
            label={a.needsReason ? '原因' : '意见'}
            rules={a.needsReason ? [{ required: true, min: 2, message: '请填写原因（至少 2 个字），告诉申报人如何修改' }] : []}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              placeholder={a.needsReason ? '写明需要修改或不通过的原因' : '如：经审核，情况属实，同意推荐'}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
