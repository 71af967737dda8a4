/**
 * 缴费 (/applicant/fees, /employer/fees): every fee the viewer pays. The payment provider sends the payer back here
 * with ?fee=…; the page polls until the provider's callback has landed and then says 缴费成功.
 */
import { Alert, Card, Empty, Flex, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@shared/components/page-title';
import { useCurrentUser } from '@shared/session';
import { awaitingCallback, FEE_POLL_MS, type PayerFee } from '../api';
import { useQuery } from '@tanstack/react-query';
import { api } from '@shared/api-client';
import { FeeList } from '@shared/components/fee-list';

function ReturnNotice({ fee }: { fee: PayerFee | undefined }) {
  if (!fee) return null;
  if (fee.status === 'paid')
    return (
      <Alert
        type="success"
        showIcon
        title="缴费成功"
        description={`${fee.kindLabel} ${fee.amountText}，缴费凭证号 ${fee.receiptNo ?? ''}。`}
      />
    );
  if (awaitingCallback(fee))
    return <Alert type="info" showIcon title="正在确认支付结果，请稍候…" description="支付渠道的到账通知送达后，本页自动更新。" />;
  if (fee.lastOrder?.status === 'failed') return <Alert type="warning" showIcon title="支付未成功" description="可重新发起缴费。" />;
  if (fee.lastOrder?.status === 'closed')
    return <Alert type="warning" showIcon title="支付已取消或超时，订单已关闭" description="可重新发起缴费。" />;
  return null;
}

export function MyFeesPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const back = params.get('fee');
  const fees = useQuery({
    queryKey: ['fees', 'mine'],
    queryFn: () => api<PayerFee[]>('/me/fees'),
    refetchInterval: (q) => {
      const f = (q.state.data ?? []).find((x) => x.id === back);
      return f && awaitingCallback(f) && q.state.dataUpdateCount < 60 ? FEE_POLL_MS : false;
    },
  });
  const base = user.role === 'employer' ? '/employer/fees' : '/applicant/fees';
  return (
    <>
      <PageTitle>缴费</PageTitle>
      <Flex vertical gap={16}>
        <ReturnNotice fee={fees.data?.find((f) => f.id === back)} />
        <Card>
          {fees.isLoading ? (
            <Skeleton active />
          ) : (fees.data ?? []).length === 0 ? (
            <Empty description="暂无需缴纳的费用：费用按评审计划的规定在相应环节产生，届时会有短信和站内消息通知" />
          ) : (
            <FeeList fees={fees.data ?? []} receiptBase={base} />
          )}
        </Card>
      </Flex>
    </>
  );
}
