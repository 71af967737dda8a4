import { useId, useState } from 'react';
import { App, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ACCEPTED_FILE_LABEL, formatBytes } from '@zc/domain';
import { ApiError } from '@shared/api-client';
import { errorMessage } from '@shared/feedback';
import { uploadAuthorizationLetter, useAfterLetterUpload } from '../api';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function acceptable(file: File): boolean {
  return /\.(pdf|jpe?g|png)$/i.test(file.name) || ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type);
}

/** Upload of the 授权委托书 through the API wrapper, so the CSRF header is sent. */
export function LetterUpload({ again }: { again: boolean }) {
  const { message } = App.useApp();
  const after = useAfterLetterUpload();
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const label = again ? '重新上传授权委托书' : '上传授权委托书';

  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        <label htmlFor={inputId}>{label}</label>
      </Typography.Title>
      <Upload.Dragger
        id={inputId}
        name="file"
        accept={ACCEPT}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          if (!acceptable(file)) {
            void message.error(`授权委托书只支持 ${ACCEPTED_FILE_LABEL} 格式`);
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            void message.error(`文件大小为 ${formatBytes(file.size)}，超过 10 MB，请压缩后重新上传`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          setBusy(true);
          uploadAuthorizationLetter(file)
            .then(async (r) => {
              onSuccess?.(r);
              void message.success('授权委托书已上传，请等待主管部门审核');
              await after();
            })
            .catch((e: unknown) => {
              onError?.(Object.assign(new Error(errorMessage(e)), { status: e instanceof ApiError ? e.status : 0 }));
              void message.error(errorMessage(e));
            })
            .finally(() => setBusy(false));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{busy ? '正在上传…' : `点击或将文件拖到此处${label}`}</p>
        <p className="ant-upload-hint">加盖单位公章的授权委托书扫描件，支持 {ACCEPTED_FILE_LABEL}，不超过 10 MB</p>
      </Upload.Dragger>
    </div>
  );
}
