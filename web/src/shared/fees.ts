/**
 * What a payer owes (SPEC §7), shared by the 缴费 pages (features/fees) and the fee card on an application's page
 * (features/applications): the payer's view of a fee, paying it online, and the polling while a payment is in flight.
 */
import { useMutation } from '@tanstack/react-query';
import type { FeeKind, FeeMethod, FeeStatus, PaymentStatus } from '@zc/domain';
import { api } from './api-client';

export interface PayerFee {
  id: string;
  applicationId: string;
  planName: string;
  kind: FeeKind;
  kindLabel: string;
  collectorName: string;
  payer: 'applicant' | 'employer';
  payerLabel: string;
  applicantName: string;
  amountFen: number | null;
  amountText: string;
  method: FeeMethod;
  methodLabel: string;
  howToPay: string;
  status: FeeStatus;
  statusLabel: string;
  dueBy: string | null;
  overdue: boolean;
  receiptNo: string | null;
  paidAt: string | null;
  canPay: boolean;
  lastOrder: { outTradeNo: string; status: PaymentStatus; statusLabel: string; expiresAt: string } | null;
}

/** While the payer is back from the provider and the callback has not landed: poll every 2 s. */
export const FEE_POLL_MS = 2000;

/** An online order still waiting for the provider's callback. */
export const awaitingCallback = (f: PayerFee) => f.status !== 'paid' && f.lastOrder?.status === 'created';

export function usePayFee() {
  return useMutation({
    mutationFn: (feeId: string) =>
      api<{ payUrl: string; outTradeNo: string; expiresAt: string }>(`/fees/${feeId}/pay`, { method: 'POST', body: {} }),
  });
}
