/** 修改密码: current + new password (domain rules); every other session of the user ends. */
import { Alert, Button, Form, Input } from 'antd';
import { validatePassword } from '@zc/domain';
import { ApiError } from '@shared/api-client';
import { applyFieldErrors } from '@shared/feedback';
import { domainRule, required, sameAs } from '@shared/form-rules';
import type { SessionInfo } from '@shared/session';
import { useChangePassword } from '../account-api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone, submitLabel = '修改密码' }: { onDone: (s: SessionInfo) => void; submitLabel?: string }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (s) => {
          form.resetFields();
          onDone(s);
        },
        onError: (e) => {
          if (e instanceof ApiError) applyFieldErrors(form, e.details);
        },
      },
    );
  return (
    <>
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
        <Form.Item label="当前密码" name="currentPassword" rules={[required('请输入当前密码')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          required
          name="newPassword"
          rules={[domainRule(validatePassword, '请输入新密码')]}
          extra="8–64 位，须包含大写字母、小写字母、数字、符号中的至少三类"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" required name="confirm" dependencies={['newPassword']} rules={[sameAs('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
