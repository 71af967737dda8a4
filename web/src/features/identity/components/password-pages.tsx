/** 修改密码 (in every portal), the forced change of an allocated initial password, and 忘记密码 (applicants). */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { validateIdNumber, validateMobile, validatePassword } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { ApiError } from '@shared/api-client';
import { applyFieldErrors } from '@shared/feedback';
import { domainRule, required, sameAs } from '@shared/form-rules';
import { roleHome } from '@shared/session';
import { useLogout } from '../api';
import { useResetPassword, useSendResetCode } from '../account-api';
import { ChangePasswordForm } from './change-password-form';

export function ChangePasswordPage() {
  const [done, setDone] = useState(false);
  return (
    <>
      <PageTitle>修改密码</PageTitle>
      <Card>
        {done && <Alert type="success" showIcon title="密码已修改，您在其他设备上的登录已全部退出" style={{ marginBottom: 16 }} />}
        <ChangePasswordForm onDone={() => setDone(true)} />
      </Card>
    </>
  );
}

/** First sign-in of a centrally allocated account: nothing else works until the password is changed. */
export function ForcedPasswordChangePage() {
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Flex justify="center">
      <div style={{ width: '100%', maxWidth: 460 }}>
        <PageTitle>首次登录：修改初始密码</PageTitle>
        <Card>
          <Typography.Paragraph>
            您的账号由管理员分配。为保障账号安全，请先把初始密码改为只有您知道的新密码，然后才能办理业务。
          </Typography.Paragraph>
          <ChangePasswordForm
            submitLabel="修改并进入系统"
            onDone={(s) => s.user && void navigate(roleHome(s.user.role), { replace: true })}
          />
          <Button
            type="link"
            style={{ padding: 0, marginTop: 16 }}
            onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/login', { replace: true }) })}
          >
            退出登录
          </Button>
        </Card>
      </div>
    </Flex>
  );
}

interface ResetValues {
  idNumber: string;
  mobile: string;
  code: string;
  newPassword: string;
  confirm: string;
}

export function ForgotPasswordPage() {
  const [form] = Form.useForm<ResetValues>();
  const send = useSendResetCode();
  const reset = useResetPassword();
  const [sent, setSent] = useState<{ demoCode?: string } | null>(null);
  const error = send.error ?? reset.error;

  const sendCode = async () => {
    const { idNumber, mobile } = await form.validateFields(['idNumber', 'mobile']);
    send.mutate({ idNumber, mobile }, { onSuccess: (r) => setSent(r) });
  };
  const submit = ({ idNumber, mobile, code, newPassword }: ResetValues) =>
    reset.mutate(
      { idNumber, mobile, code, newPassword },
      {
        onError: (e) => {
          if (e instanceof ApiError) applyFieldErrors(form, e.details);
        },
      },
    );

  if (reset.isSuccess) {
    return (
      <Result
        status="success"
        title="密码已重设"
        subTitle="您在所有设备上的登录均已退出，请用新密码重新登录。"
        extra={
          <Link to="/login">
            <Button type="primary">去登录</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Flex justify="center">
      <div style={{ width: '100%', maxWidth: 460 }}>
        <PageTitle>忘记密码</PageTitle>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Card>
          <Typography.Paragraph>
            申报人可凭身份证号码和注册时登记的手机号码接收验证码，重设密码。单位经办人和管理账号请联系本单位或上级管理员。
          </Typography.Paragraph>
          <Form<ResetValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              label="身份证号码"
              required
              name="idNumber"
              rules={[domainRule((v: string) => validateIdNumber(v), '请输入身份证号码')]}
            >
              <Input autoComplete="username" maxLength={18} />
            </Form.Item>
            <Form.Item label="手机号码" required name="mobile" rules={[domainRule(validateMobile, '请输入注册时登记的手机号码')]}>
              <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Button onClick={() => void sendCode()} loading={send.isPending} block style={{ marginBottom: 16 }}>
              {sent ? '重新获取验证码' : '获取短信验证码'}
            </Button>
            {sent && (
              <Alert
                type="success"
                showIcon
                title="如果身份证号码与手机号码匹配，验证码已发送到该手机，10 分钟内有效"
                style={{ marginBottom: 16 }}
              />
            )}
            {sent?.demoCode && <Alert type="info" showIcon title={`演示模式：验证码 ${sent.demoCode}`} style={{ marginBottom: 16 }} />}
            <Form.Item label="短信验证码" name="code" rules={[required('请输入短信验证码')]}>
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Form.Item
              label="新密码"
              required
              name="newPassword"
              rules={[domainRule(validatePassword, '请设置新密码')]}
              extra="8–64 位，须包含大写字母、小写字母、数字、符号中的至少三类"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label="确认新密码" required name="confirm" dependencies={['newPassword']} rules={[sameAs('newPassword')]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending} disabled={!sent}>
              重设密码
            </Button>
          </Form>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            <Link to="/login">返回登录</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    </Flex>
  );
}
