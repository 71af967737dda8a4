import { Alert, Button, Flex, Typography } from 'antd';
import { StatusTag } from '@shared/components/status-tag';
import type { ArchiveEntry, Verification } from '../api';

/** Status, 已冻结 and version tags of an entry. */
export function EntryTags({ entry }: { entry: Pick<ArchiveEntry, 'status' | 'statusLabel' | 'frozen' | 'supersedesId' | 'version'> }) {
  return (
    <Flex gap={6} wrap align="center">
      <StatusTag status={entry.status} label={entry.statusLabel} />
      {entry.frozen && <StatusTag tone="info" label="已冻结" />}
      {entry.supersedesId && <StatusTag tone="neutral" label="新版本" />}
    </Flex>
  );
}

/** 退回原因, in red. */
export function ReturnReason({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <Typography.Text type="danger" style={{ display: 'block' }}>
      退回原因：{reason}
    </Typography.Text>
  );
}

/**
 * The degree registry's answer for an education entry: verified (green), documents to upload, or the
 * registry was unavailable (warning); 重新核验 when the applicant may ask again (the registry was down, or
 * it found no matching record).
 */
export function VerificationNote({
  verification,
  onReverify,
  pending,
}: {
  verification: Verification | null;
  onReverify?: () => void;
  pending?: boolean;
}) {
  if (!verification) return null;
  if (verification.status === 'verified') {
    return <Alert type="success" showIcon title={verification.explanation ?? '已通过学信数据核验'} />;
  }
  if (verification.status === 'needsUpload') {
    return (
      <Alert
        type="warning"
        showIcon
        title={verification.explanation ?? '无法自动核验，请上传证明材料'}
        description={verification.documents?.length ? `须上传：${verification.documents.join('；')}` : undefined}
        action={
          onReverify ? (
            <Button size="small" onClick={onReverify} loading={pending}>
              重新核验
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={verification.explanation ?? '学历核验服务暂不可用，请稍后重新核验'}
      action={
        onReverify ? (
          <Button size="small" onClick={onReverify} loading={pending}>
            重新核验
          </Button>
        ) : undefined
      }
    />
  );
}
