/** The wizard's 诚信承诺 step (SPEC §4): the pledge text, a QR code for the phone, and the signature once it arrives. */
import { Alert, Button, Flex, QRCode, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { PLEDGE_TEXT, PLEDGE_TITLE } from '@zc/domain';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { usePledgeToken } from '../api';
import type { StepProps } from './wizard-steps';

/** 2. 真实性保证书: scan the QR code and sign with a finger on the phone; this page notices by itself. */
export function PledgeStep({ app }: StepProps) {
  const token = usePledgeToken(app.id);
  const onError = useApiErrorHandler();
  const link = token.data ? `${window.location.origin}${token.data.path}` : null;
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
      {app.pledgeSignedAt ? (
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
          title="尚未签名"
          description="请用手机扫描二维码，在手机上阅读保证书并用手指签名。签名后本页会自动更新。"
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
              <Space>
                <Spin size="small" /> <Typography.Text type="secondary">正在等待手机签名……</Typography.Text>
              </Space>
            </Flex>
          </>
        ) : null}
        <Button type={link ? 'default' : 'primary'} loading={token.isPending} onClick={() => token.mutateAsync().catch(onError)}>
          {link ? '重新生成二维码' : '生成手机签名二维码'}
        </Button>
      </Flex>
    </Flex>
  );
}
