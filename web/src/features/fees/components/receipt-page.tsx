/** 缴费凭证: the printable receipt of a paid fee (/applicant/fees/:id/receipt, /employer/…, /manage/…). */
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { errorMessage } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useReceipt } from '../api';

export function ReceiptPage() {
  const { id } = useParams();
  const r = useReceipt(id);
  if (r.isLoading) return <Skeleton active />;
  if (r.error || !r.data) return <Alert type="error" showIcon title="无法显示缴费凭证" description={errorMessage(r.error)} />;
  const d = r.data;
  return (
    <>
      <PageTitle
        extra={
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            打印
          </Button>
        }
      >
        缴费凭证
      </PageTitle>
      <Card className="fee-receipt">
        <Flex vertical gap={12}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0, textAlign: 'center' }}>
            职称评审缴费凭证
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'no', label: '凭证编号', children: d.receiptNo },
              { key: 'kind', label: '费用', children: `${d.kindLabel}（${d.planName}）` },
              { key: 'applicant', label: '申报人', children: d.applicantName },
              { key: 'employer', label: '工作单位', children: d.employerName },
              { key: 'payer', label: '缴费人', children: d.payerLabel },
              { key: 'amount', label: '金额', children: d.amountText },
              { key: 'method', label: '缴费方式', children: d.methodLabel },
              { key: 'paidAt', label: '缴费时间', children: formatDateTime(d.paidAt) },
              { key: 'collector', label: '收费单位', children: d.collectorName },
              { key: 'ref', label: '交易参考', children: d.reference },
              { key: 'status', label: '状态', children: d.statusLabel },
            ]}
          />
          <Typography.Text type="secondary">本凭证由职称申报评审平台生成，凭证编号可向收费单位核对。</Typography.Text>
        </Flex>
      </Card>
    </>
  );
}
