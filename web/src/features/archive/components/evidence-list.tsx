import { useState, type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { FilePdfOutlined, FileImageOutlined } from '@ant-design/icons';
import { formatBytes } from '@zc/domain';
import { FilePreviewModal, isPdf } from '@shared/components/file-view';
import type { Evidence } from '../api';

/** The evidence files of one entry: name, description, size, 预览 (inline PDF / image in a modal). */
export function EvidenceList({
  entrySummary,
  evidence,
  empty,
  action,
}: {
  entrySummary: string;
  evidence: Evidence[];
  empty?: ReactNode;
  /** a button per file (删除) */
  action?: (f: Evidence) => ReactNode;
}) {
  const [open, setOpen] = useState<Evidence | null>(null);
  if (evidence.length === 0) return <Typography.Text type="secondary">{empty ?? '无'}</Typography.Text>;
  return (
    <>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {evidence.map((f) => (
          <li key={f.fileId} style={{ padding: '4px 0' }}>
            <Flex align="center" gap={8} wrap>
              {isPdf(f) ? <FilePdfOutlined aria-hidden /> : <FileImageOutlined aria-hidden />}
              <Typography.Text style={{ minWidth: 0, flex: '1 1 180px' }} ellipsis={{ tooltip: f.name }}>
                {f.label ? `${f.label}：` : ''}
                {f.name}
              </Typography.Text>
              <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
              <Button size="small" onClick={() => setOpen(f)}>
                预览<span className="sr-only">{f.name}</span>
              </Button>
              {action?.(f)}
            </Flex>
          </li>
        ))}
      </ul>
      {open && (
        <FilePreviewModal file={open} title={`佐证材料：${open.label ?? open.name}（${entrySummary}）`} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
