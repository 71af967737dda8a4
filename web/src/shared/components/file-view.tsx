import { Button, Flex, Grid, Modal, Typography } from 'antd';
import { fileUrl } from '../api-client';

/** A stored file as the API describes it (evidence, an authorization letter). */
export interface StoredFile {
  fileId: string;
  name: string;
  mime: string;
  /** the application through which a reviewer reads the file (its photo, attachments, evidence) */
  application?: string;
}

export function isPdf(file: StoredFile): boolean {
  return file.mime === 'application/pdf';
}

/**
 * A stored file shown inline: a PDF in an <iframe> (the browser's own viewer), an image as <img>.
 * `title` names the frame / describes the image for screen readers.
 */
export function FileView({ file, title, height = '70vh' }: { file: StoredFile; title: string; height?: number | string }) {
  const url = fileUrl(file.fileId, false, file.application);
  if (isPdf(file)) {
    return <iframe title={title} src={url} style={{ width: '100%', height, border: '1px solid #d9d9d9', display: 'block' }} />;
  }
  if (file.mime.startsWith('image/')) {
    return (
      <img
        src={url}
        alt={title}
        style={{
          display: 'block',
          maxWidth: '100%',
          maxHeight: typeof height === 'number' ? height : undefined,
          margin: '0 auto',
          border: '1px solid #d9d9d9',
        }}
      />
    );
  }
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {file.name}（在新窗口打开）
    </a>
  );
}

/** Link that opens the file in a new browser tab (a fallback when the inline viewer cannot show it). */
export function OpenInNewWindow({ file }: { file: StoredFile }) {
  return (
    <a href={fileUrl(file.fileId, false, file.application)} target="_blank" rel="noopener noreferrer">
      在新窗口打开
      <span className="sr-only">{file.name}</span>
    </a>
  );
}

/** A modal showing one file inline. Render it only while open. */
export function FilePreviewModal({ file, title, onClose }: { file: StoredFile; title: string; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <OpenInNewWindow file={file} />
          <Button onClick={onClose}>关闭</Button>
        </Flex>
      }
      width={screens.md ? 900 : '100%'}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis style={{ marginBottom: 8 }}>
        {file.name}
      </Typography.Paragraph>
      <FileView file={file} title={title} height={isPdf(file) ? '70vh' : 600} />
    </Modal>
  );
}
