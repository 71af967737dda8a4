/** The 缴费 card on an application's page (application-view.tsx): shown once a fee has fallen due. */
import { Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api-client';
import { useCurrentUser } from '../session';
import { awaitingCallback, FEE_POLL_MS, type PayerFee } from '../fees';
import { FeeList } from './fee-list';

export function FeeCard({ applicationId }: { applicationId: string }) {
  const user = useCurrentUser();
  const fees = useQuery({
    queryKey: ['fees', 'application', applicationId],
    queryFn: () => api<PayerFee[]>(`/applications/${applicationId}/fees`),
    // a payment in flight: poll until the provider's callback lands (at most about two minutes)
    refetchInterval: (q) => ((q.state.data ?? []).some(awaitingCallback) && q.state.dataUpdateCount < 60 ? FEE_POLL_MS : false),
  });
  const list = fees.data ?? [];
  if (list.length === 0) return null;
  const base = user.role === 'employer' ? '/employer/fees' : user.role === 'applicant' ? '/applicant/fees' : null;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          缴费
        </Typography.Title>
      }
      style={{ marginBottom: 16 }}
    >
      <FeeList fees={list} receiptBase={base ?? '/applicant/fees'} />
    </Card>
  );
}
