import { useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { ApiError } from '@shared/api-client';
import { applyFieldErrors } from '@shared/feedback';
import { required } from '@shared/form-rules';
import { roleHome, useSession, type SessionInfo } from '@shared/session';
import { SSO_LEGAL_PERSON_URL, SSO_PERSONAL_URL, useLogin, type LoginInput } from '../api';
import type { MfaChallenge } from '../account-api';
import { SecondFactorStep } from './second-factor-step';

/** Only same-site paths may be used as the after-login destination. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const navigate = useNavigate();
  const ssoError = params.get('error');
  // e.g. a legal-person login waiting for the unit's operator to accept it
  const ssoInfo = params.get('info');
  // the 政务服务网 buttons only when the server has SSO on (demo mode or a real provider)
  const ssoEnabled = useSession().data?.sso.enabled ?? false;
  const expired = params.get('expired') === '1';
  const stage = useSession().data?.stage;
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  const enter = (s: SessionInfo) => {
    if (s.stage === 'password') void navigate('/password-change', { replace: true });
    else if (s.user) void navigate(safeNext(params.get('next')) ?? roleHome(s.user.role), { replace: true });
  };

  // the password was right and a second factor is due (also after a reload on this step)
  if (stage === 'mfa') {
    return (
      <Flex justify="center">
        <div style={{ width: '100%', maxWidth: 460 }}>
          <PageTitle>用户登录</PageTitle>
          <SecondFactorStep challenge={challenge} onDone={enter} />
        </div>
      </Flex>
    );
  }

  const submit = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: ({ session: s, result }) => {
        setChallenge(result.mfa ?? null);
        enter(s);
      },
      // the Alert above shows the message; field details go on the fields
      onError: (e) => {
        if (e instanceof ApiError) applyFieldErrors(form, e.details);
      },
    });

  return (
    <Flex justify="center">
      <div style={{ width: '100%', maxWidth: 460 }}>
        <PageTitle>用户登录</PageTitle>
        {ssoError && <Alert type="error" showIcon title={ssoError} style={{ marginBottom: 16 }} />}
        {ssoInfo && !ssoError && <Alert type="info" showIcon title={ssoInfo} style={{ marginBottom: 16 }} />}
        {expired && !ssoError && <Alert type="warning" showIcon title="登录已超时，请重新登录" style={{ marginBottom: 16 }} />}
        {login.error && !login.isPending && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Card>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
            账号密码登录
          </Typography.Title>
          <Form<LoginInput> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item label="账号" name="username" rules={[required('请输入账号')]}>
              <Input prefix={<UserOutlined aria-hidden />} placeholder="申报人请输入身份证号码" autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} placeholder="请输入密码" autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              登录
            </Button>
          </Form>
          {ssoEnabled && (
            <>
              <Divider plain>浙江政务服务网登录</Divider>
              <Flex vertical gap={12}>
                <Button href={SSO_PERSONAL_URL} block size="large">
                  个人用户：浙江政务服务网登录
                </Button>
                <Button href={SSO_LEGAL_PERSON_URL} block size="large">
                  法人用户：浙江政务服务网登录
                </Button>
              </Flex>
            </>
          )}
          <Divider />
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Text>
              还没有账号？<Link to="/register">申报人注册</Link>
            </Typography.Text>
            <Link to="/employer/register">用人单位注册</Link>
          </Flex>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            <Link to="/forgot-password">忘记密码？</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    </Flex>
  );
}
