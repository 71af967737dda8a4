/** A plan file's text: chosen from disk (YAML or JSON) or pasted; with the server's field errors listed under it. */
import { Alert, Button, Input, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { describePath } from './plan-form';

interface Props {
  id: string;
  text: string;
  onChange: (text: string) => void;
  errors: Array<[string, string]>;
}

export function PlanFileInput({ id, text, onChange, errors }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".yaml,.yml,.json"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then(onChange);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />}>选择计划文件</Button>
      </Upload>
      <label htmlFor={id}>计划文件内容</label>
      <Input.TextArea id={id} rows={14} value={text} onChange={(e) => onChange(e.target.value)} style={{ fontFamily: 'monospace' }} />
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="计划文件有误，请按下列提示修改"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map(([path, msg]) => (
                <li key={path}>
                  <code>{path}</code>（{describePath(path)}）：{msg}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
