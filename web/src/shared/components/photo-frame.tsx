/** The 150 × 200 frame an ID photo (证件照) is shown in, or 尚未上传 when there is none. */
import { Typography } from 'antd';
import { fileUrl } from '@shared/api-client';

const FRAME: React.CSSProperties = {
  width: 150,
  height: 200,
  border: '1px dashed #bfbfbf',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: '#fafafa',
};

export function PhotoFrame({ fileId, alt }: { fileId: string | null | undefined; alt: string }) {
  return (
    <div style={FRAME}>
      {fileId ? (
        <img src={fileUrl(fileId)} alt={alt} style={{ maxWidth: '100%', maxHeight: '100%' }} />
      ) : (
        <Typography.Text type="secondary">尚未上传</Typography.Text>
      )}
    </div>
  );
}
