/** The login page's second step for management accounts: TOTP, SMS code or a recovery code (issue 8 item 6). */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { ApiError } from '@shared/api-client';
import { applyFieldErrors } from '@shared/feedback';
import { required } from '@shared/form-rules';
import type { SessionInfo } from '@shared/session';
import { useLogout } from '../api';
import { useResendSms, useVerifySecondFactor, type MfaChallenge } from '../account-api';

export function SecondFactorStep({ challenge, onDone }: { challenge: MfaChallenge | null; onDone: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [current, setCurrent] = useState<MfaChallenge | null>(challenge);
  const verify = useVerifySecondFactor();
  const resend = useResendSms();
  const logout = useLogout();
  const sms = current?.method === 'sms';
  const error = verify.error ?? resend.error;

  const submit = ({ code }: { code: string }) =>
    verify.mutate(useRecovery ? { recoveryCode: code } : { code }, {
      onSuccess: onDone,
      onError: (e) => {
        if (e instanceof ApiError) applyFieldErrors(form, e.details);
      },
    });

  const prompt = useRecovery
    ? '请输入一个未使用过的恢复码（每个恢复码只能使用一次）'
    : sms
      ? `验证码已发送至 ${current?.mobileMasked ?? '登记的手机'}，10 分钟内有效`
      : current?.method === 'totp'
        ? '请打开手机上的认证器 App，输入本平台账号当前显示的 6 位动态口令'
        : '请输入认证器 App 显示的 6 位动态口令，或短信验证码';

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
        双因素认证
      </Typography.Title>
      <Typography.Paragraph>管理账号登录需要第二重验证。{prompt}</Typography.Paragraph>
      {current?.demoCode && !useRecovery && (
        <Alert type="info" showIcon title={`演示模式：短信验证码 ${current.demoCode}`} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={useRecovery ? '恢复码' : '验证码'} name="code" rules={[required(useRecovery ? '请输入恢复码' : '请输入验证码')]}>
          <Input
            size="large"
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            maxLength={useRecovery ? 11 : 6}
            placeholder={useRecovery ? 'XXXXX-XXXXX' : '6 位数字'}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          验证并登录
        </Button>
      </Form>
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
        {current?.method !== 'sms' && (
          <Button type="link" style={{ padding: 0 }} onClick={() => setUseRecovery((v) => !v)}>
            {useRecovery ? '改用动态口令' : '手机不在身边？使用恢复码'}
          </Button>
        )}
        {current?.method !== 'totp' && (
          <Button
            type="link"
            style={{ padding: 0 }}
            loading={resend.isPending}
            onClick={() => resend.mutate(undefined, { onSuccess: setCurrent })}
          >
            重新发送短信验证码
          </Button>
        )}
        <Button type="link" style={{ padding: 0 }} onClick={() => logout.mutate()}>
          返回，换个账号登录
        </Button>
      </Flex>
    </Card>
  );
}
