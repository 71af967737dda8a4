/** The wizard's 诚信承诺 step (SPEC §4): the pledge text, a QR code for the phone, and the signature once it arrives. */
import { useState } from 'react';
import { Alert, Button, Flex, QRCode, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { PLEDGE_TEXT, PLEDGE_TITLE } from '@zc/domain';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useApplication, usePledgeToken } from '../api';
import type { StepProps } from './wizard-steps';

/**
 * 2. 真实性保证书: scan the QR code and sign with a finger on the phone; this page notices by itself. It polls
 * only while a fresh QR code waits for its signature, and stops (showing 已签名 and the time) as soon as the
 * signature is recorded (issue 9 item 4). The link is one a phone can open, or the page says why not (item 7).
 */
export function PledgeStep({ app }: StepProps) {
  const token = usePledgeToken(app.id);
  const onError = useApiErrorHandler();
  /** the signature time when the current QR code was made: a newer one is the phone's answer to it */
  const [signedBefore, setSignedBefore] = useState<string | null>(null);
  const link = token.data?.url ?? null;
  const waiting = !!link && app.pledgeSignedAt === signedBefore;
  useApplication(app.id, waiting);
  const generate = () => {
    setSignedBefore(app.pledgeSignedAt);
    token.mutateAsync().catch(onError);
  };
  return (
    <Flex vertical gap={16}>
      <div style={{ background: '#fafafa', padding: 16, border: '1px solid #f0f0f0' }}>
        <Typography.Title level={3} style={{ fontSize: 16, textAlign: 'center' }}>
          {PLEDGE_TITLE}
        </Typography.Title>
        {PLEDGE_TEXT.map((t) => (
          <Typography.Paragraph key={t} style={{ marginBottom: 8 }}>
            {t}
          </Typography.Paragraph>
        ))}
      </div>
      <div aria-live="polite">
        {app.pledgeSignedAt && !waiting ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={`已于 ${formatDateTime(app.pledgeSignedAt)} 在手机上签名`}
            description="如需重签，可重新生成二维码再签一次。"
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={app.pledgeSignedAt ? '正在等待手机重新签名' : '尚未签名'}
            description="请用手机扫描二维码，在手机上阅读保证书并用手指签名。签名后本页会自动更新。"
          />
        )}
      </div>
      {token.data && !token.data.phoneReachable && (
        <Alert
          type="warning"
          showIcon
          data-testid="pledge-loopback-note"
          title="手机无法访问 127.0.0.1 等本机地址，扫码后可能打不开"
          description="请管理员设置 PUBLIC_URL（本平台对外的访问地址），或在电脑上改用本机局域网地址（如 http://192.168.x.x:3000）访问本平台后重新生成二维码。下面的链接仍可在本机浏览器中打开签名。"
        />
      )}
      <Flex gap={24} wrap align="center">
        {link ? (
          <>
            <QRCode value={link} size={180} aria-label="手机签名二维码" />
            <Flex vertical gap={8} style={{ maxWidth: 360 }}>
              <Typography.Text>二维码 15 分钟内有效，过期请重新生成。无法扫码时，可在手机浏览器打开：</Typography.Text>
              <Typography.Text copyable={{ text: link }} code style={{ wordBreak: 'break-all' }} data-testid="pledge-link">
                {link}
              </Typography.Text>
              {waiting ? (
                <Space data-testid="pledge-waiting">
                  <Spin size="small" /> <Typography.Text type="secondary">正在等待手机签名……</Typography.Text>
                </Space>
              ) : app.pledgeSignedAt ? (
                <Space data-testid="pledge-signed">
                  <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />
                  <Typography.Text>已签名（{formatDateTime(app.pledgeSignedAt)}）</Typography.Text>
                </Space>
              ) : null}
            </Flex>
          </>
        ) : null}
        <Button type={link ? 'default' : 'primary'} loading={token.isPending} onClick={generate}>
          {link ? '重新生成二维码' : '生成手机签名二维码'}
        </Button>
      </Flex>
    </Flex>
  );
}
