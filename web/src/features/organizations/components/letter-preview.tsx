import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { formatBytes } from '@zc/domain';
import { FilePreviewModal, OpenInNewWindow } from '@shared/components/file-view';
import type { AuthorizationLetter } from '../api';

/** The 授权委托书 shown inline in a modal (a PDF in a frame, an image as a picture), with a new-window link as a fallback. */
export function LetterPreview({ letter, orgName }: { letter: AuthorizationLetter; orgName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Space wrap>
        <Button size="small" onClick={() => setOpen(true)}>
          预览授权委托书
        </Button>
        <OpenInNewWindow file={letter} />
        <Typography.Text type="secondary">{formatBytes(letter.size)}</Typography.Text>
      </Space>
      {open && <FilePreviewModal file={letter} title={`${orgName}的授权委托书`} onClose={() => setOpen(false)} />}
    </>
  );
}
