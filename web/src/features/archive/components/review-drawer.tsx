import { useState } from 'react';
import { App, Button, Drawer, Flex, Grid, Popconfirm, Space, Typography, type FormInstance } from 'antd';
import { ReasonModal } from '@shared/components/reason-modal';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useDecideEntry, type QueueEntry } from '../api';
import { categoryLabel } from '../fields';
import { EntryDataDescriptions, EvidencePreviews } from './entry-details';
import { EntryTags, ReturnReason, VerificationNote } from './entry-status';
import { EntryProblems } from './entry-problems';

/** One submitted entry for the employer: its data, its evidence inline, and 审核通过 / 退回 when allowed. */
export function ReviewDrawer({ entry, onClose }: { entry: QueueEntry; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const decide = useDecideEntry();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const canApprove = entry.allowed.includes('approve');
  const canReturn = entry.allowed.includes('return');
  const who = `${entry.applicantName}的“${entry.summary}”`;

  const approve = () =>
    decide.mutateAsync({ id: entry.id, kind: 'approve' }).then(
      () => {
        void message.success(`已审核通过：${who}`);
        onClose();
      },
      (e: unknown) => onError(e),
    );

  const doReturn = (reason: string, form: FormInstance<{ reason: string }>) =>
    decide.mutate(
      { id: entry.id, kind: 'return', reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已退回：${who}`);
          setReturning(false);
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={`${entry.applicantName} · ${categoryLabel(entry)}`}
      size={screens.md ? 820 : '100%'}
      destroyOnHidden
      footer={
        canApprove || canReturn ? (
          <Space>
            {canApprove && (
              <Popconfirm
                title="确定审核通过？"
                description="审核通过后，该条目可用于职称申报。"
                okText="审核通过"
                cancelText="取消"
                onConfirm={() => void approve()}
              >
                <Button type="primary" loading={decide.isPending && decide.variables?.kind === 'approve'}>
                  审核通过
                </Button>
              </Popconfirm>
            )}
            {canReturn && (
              <Button danger onClick={() => setReturning(true)}>
                退回
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Flex vertical gap={6}>
          <Typography.Text strong>{entry.summary}</Typography.Text>
          <EntryTags entry={entry} />
          <ReturnReason reason={entry.status === 'returned' ? entry.returnReason : null} />
          <EntryProblems entry={entry} viewer="employer" />
        </Flex>
        {entry.kind === 'education' && <VerificationNote verification={entry.verification} />}
        <EntryDataDescriptions
          entry={entry}
          extra={[
            { key: 'applicant', label: '申请人', children: entry.applicantName },
            { key: 'id', label: '身份证号', children: entry.idNumberMasked || '—' },
            { key: 'category', label: '类别', children: categoryLabel(entry) },
            { key: 'submitted', label: '提交时间', children: formatDateTime(entry.submittedAt) },
          ]}
        />
        <div>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            佐证材料（{entry.evidence.length} 份）
          </Typography.Title>
          <EvidencePreviews entry={entry} />
        </div>
      </Flex>

      {returning && (
        <ReasonModal
          title="退回档案条目"
          label="退回原因"
          requiredMessage="请填写退回原因"
          minMessage="请填写退回原因（至少 2 个字），告诉申报人如何修改"
          placeholder="如：学时证明不清晰，请上传登记平台的完整截图"
          pending={decide.isPending}
          onCancel={() => setReturning(false)}
          onSubmit={doReturn}
          intro={<p>退回后，申报人可按原因修改并重新提交。将以站内消息通知{entry.applicantName}。</p>}
        />
      )}
    </Drawer>
  );
}
