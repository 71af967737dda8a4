/** 双因素认证 settings: enrol TOTP (QR code), see and regenerate recovery codes (issue 8 item 6). */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { useBeginTotp, useConfirmTotp, useMfaStatus, useRenewRecoveryCodes } from '../account-api';

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Alert
      type="warning"
      showIcon
      title="恢复码（仅显示这一次）"
      description={
        <>
          <Typography.Paragraph>
            手机丢失或认证器不可用时，可用恢复码代替动态口令登录，每个只能用一次。请抄写或打印后妥善保存。
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: codes.join('\n') }} style={{ fontFamily: 'monospace', fontSize: 16 }}>
            {codes.map((c) => (
              <span key={c} style={{ display: 'inline-block', width: 140 }}>
                {c}
              </span>
            ))}
          </Typography.Paragraph>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function CodeForm({ label, pending, onSubmit }: { label: string; pending: boolean; onSubmit: (code: string) => void }) {
  return (
    <Form<{ code: string }> layout="inline" onFinish={({ code }) => onSubmit(code)} requiredMark={false}>
      <Form.Item label="动态口令" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入认证器显示的 6 位数字' }]}>
        <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {label}
      </Button>
    </Form>
  );
}

export function SecurityPage() {
  const status = useMfaStatus();
  const begin = useBeginTotp();
  const confirm = useConfirmTotp();
  const renew = useRenewRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const error = begin.error ?? confirm.error ?? renew.error;

  if (status.isLoading || !status.data) return <Spin />;
  const s = status.data;
  return (
    <>
      <PageTitle>双因素认证</PageTitle>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {codes && <RecoveryCodes codes={codes} />}
      <Card>
        <Descriptions column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="是否必需">{s.required ? '是（管理账号登录必须通过第二重验证）' : '否（可自愿启用）'}</Descriptions.Item>
          <Descriptions.Item label="动态口令（认证器 App）">
            {s.totpEnabled ? `已启用（${s.totpEnabledAt?.slice(0, 10) ?? ''}）` : '未启用'}
          </Descriptions.Item>
          <Descriptions.Item label="短信验证码">
            {s.totpEnabled ? '启用动态口令后不再使用' : s.mobileMasked ? `发送至 ${s.mobileMasked}` : '未登记手机号码'}
          </Descriptions.Item>
          {s.totpEnabled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
        </Descriptions>
        {!s.totpEnabled && !begin.data && (
          <Button type="primary" onClick={() => begin.mutate()} loading={begin.isPending}>
            启用动态口令
          </Button>
        )}
        {!s.totpEnabled && begin.data && (
          <Flex vertical gap={16}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              1. 用手机上的认证器 App（如 Microsoft Authenticator、Google Authenticator、阿里云 App
              等）扫描下方二维码；无法扫描时可手动输入密钥。
            </Typography.Paragraph>
            <QRCode value={begin.data.uri} size={180} aria-label="动态口令二维码" />
            <Typography.Text copyable={{ text: begin.data.secret }}>
              密钥：<span style={{ fontFamily: 'monospace' }}>{begin.data.secret}</span>
            </Typography.Text>
            <Typography.Paragraph style={{ marginBottom: 0 }}>2. 输入 App 显示的 6 位动态口令以完成启用：</Typography.Paragraph>
            <CodeForm
              label="确认启用"
              pending={confirm.isPending}
              onSubmit={(code) => confirm.mutate(code, { onSuccess: (r) => setCodes(r.recoveryCodes) })}
            />
          </Flex>
        )}
        {s.totpEnabled && (
          <>
            <Typography.Paragraph>重新生成恢复码后，旧的恢复码全部作废。</Typography.Paragraph>
            <CodeForm
              label="重新生成恢复码"
              pending={renew.isPending}
              onSubmit={(code) => renew.mutate(code, { onSuccess: (r) => setCodes(r.recoveryCodes) })}
            />
          </>
        )}
      </Card>
    </>
  );
}
