/**
 * /public/verify — 证书查验: type a certificate number or arrive from the certificate's QR code (?no=…).
 * Says valid, revoked or not found; the holder's name and ID number come masked from the server.
 */
import { useSearchParams } from 'react-router';
import { Alert, Card, Descriptions, Form, Input, Button, Skeleton } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { useCertificate, type PublicCertificate } from '../api';

export function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const no = (params.get('no') ?? '').trim();
  const cert = useCertificate(no);
  const [form] = Form.useForm<{ no: string }>();
  return (
    <>
      <PageTitle>证书查验</PageTitle>
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" initialValues={{ no }} onFinish={(v) => setParams(v.no.trim() ? { no: v.no.trim() } : {})}>
          <Form.Item
            name="no"
            label="证书编号"
            extra="请输入电子证书上的证书编号，或用手机扫描证书上的二维码"
            rules={[{ required: true, whitespace: true, message: '请输入证书编号' }]}
          >
            <Input allowClear maxLength={40} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={cert.isFetching}>
            查验
          </Button>
        </Form>
      </Card>
      {no !== '' && (
        <Card style={{ maxWidth: 720, marginTop: 16 }} aria-live="polite">
          {cert.isLoading ? (
            <Skeleton active />
          ) : cert.data && 'notFound' in cert.data ? (
            <Alert type="warning" showIcon title={cert.data.notFound} description={`查询的证书编号：${no}`} />
          ) : cert.data ? (
            <Found c={cert.data.found} />
          ) : (
            <Alert type="error" showIcon title="查验暂时无法完成，请稍后重试" />
          )}
        </Card>
      )}
    </>
  );
}

function Found({ c }: { c: PublicCertificate }) {
  return (
    <>
      <Alert
        type={c.status === 'valid' ? 'success' : 'error'}
        showIcon
        title={c.status === 'valid' ? '证书有效' : `证书已撤销${c.revokedOn ? `（${c.revokedOn}）` : ''}`}
        description={c.revokedReason ?? undefined}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} size="small">
        <Descriptions.Item label="证书编号">{c.certificateNumber}</Descriptions.Item>
        <Descriptions.Item label="状态">{c.statusLabel}</Descriptions.Item>
        <Descriptions.Item label="姓名">{c.holderName}</Descriptions.Item>
        <Descriptions.Item label="身份证号码">{c.idNumber}</Descriptions.Item>
        <Descriptions.Item label="资格名称">{c.title}</Descriptions.Item>
        <Descriptions.Item label="专业">{c.specialty}</Descriptions.Item>
        <Descriptions.Item label="评审委员会">{c.committee}</Descriptions.Item>
        <Descriptions.Item label="发证日期">{c.issuedOn}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
