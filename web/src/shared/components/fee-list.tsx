/**
 * What the payer owes, one block per fee: amount, collector, method, by when, status; 去支付 sends the browser to the
 * payment provider's pay page, which sends it back to the 缴费 page (my-fees-page.tsx) when done.
 */
import { Alert, App, Button, Descriptions, Flex, List, Typography } from 'antd';
import type { FeeStatus } from '@zc/domain';
import { LinkButton } from './link-button';
import { StatusTag, type Tone } from './status-tag';
import { formatDateTime } from '../format';
import { useApiErrorHandler } from '../feedback';
import { awaitingCallback, usePayFee, type PayerFee } from '../fees';

export const FEE_TONES: Record<FeeStatus, Tone> = { unpaid: 'pending', paid: 'success', refunded: 'neutral', waived: 'neutral' };

export function FeeStatusTag({ fee }: { fee: Pick<PayerFee, 'status' | 'statusLabel' | 'overdue'> }) {
  return (
    <StatusTag
      tone={fee.overdue ? 'danger' : FEE_TONES[fee.status]}
      label={fee.overdue ? `${fee.statusLabel}（已逾期）` : fee.statusLabel}
    />
  );
}

export function FeeList({ fees, receiptBase }: { fees: PayerFee[]; receiptBase: string }) {
  const pay = usePayFee();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const start = (f: PayerFee) =>
    void pay.mutateAsync(f.id).then((r) => {
      void message.loading('正在前往支付页面…');
      window.location.assign(r.payUrl);
    }, onError);
  return (
    <List
      dataSource={fees}
      rowKey="id"
      renderItem={(f) => (
        <List.Item>
          <Flex vertical gap={8} style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center" justify="space-between">
              <Typography.Text strong>
                {f.kindLabel} · {f.planName}
              </Typography.Text>
              <FeeStatusTag fee={f} />
            </Flex>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'amount', label: '金额', children: f.amountText },
                { key: 'collector', label: '收费单位', children: f.collectorName },
                {
                  key: 'payer',
                  label: '缴费人',
                  children: f.payer === 'employer' ? `${f.payerLabel}（为 ${f.applicantName} 缴纳）` : f.payerLabel,
                },
                { key: 'method', label: '缴费方式', children: f.methodLabel },
                { key: 'due', label: '缴费截止', children: f.dueBy ?? '—' },
                ...(f.receiptNo ? [{ key: 'receipt', label: '缴费凭证号', children: f.receiptNo }] : []),
                ...(f.paidAt ? [{ key: 'paidAt', label: '缴费时间', children: formatDateTime(f.paidAt) }] : []),
              ]}
            />
            {f.status === 'unpaid' && !f.canPay && !awaitingCallback(f) && (
              <Typography.Text type="secondary">{f.howToPay}。</Typography.Text>
            )}
            {awaitingCallback(f) && (
              <Alert
                type="info"
                showIcon
                title={`订单 ${f.lastOrder!.outTradeNo} 等待支付结果`}
                description={`支付完成后结果会自动显示；未支付的订单于 ${formatDateTime(f.lastOrder!.expiresAt)} 超时关闭，之后可重新发起缴费。`}
              />
            )}
            {f.status !== 'paid' && f.lastOrder?.status === 'failed' && (
              <Alert type="warning" showIcon title="上次支付未成功，可重新支付" />
            )}
            <Flex gap={8} wrap>
              {f.canPay && (
                <Button type="primary" loading={pay.isPending && pay.variables === f.id} onClick={() => start(f)}>
                  去支付
                </Button>
              )}
              {f.status === 'paid' && <LinkButton to={`${receiptBase}/${f.id}/receipt`}>查看缴费凭证</LinkButton>}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
