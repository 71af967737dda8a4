/**
 * 缴费管理 (/manage/fees): the fees this office (or department) collects, with filters; 确认收款 for bank transfers
 * (seed 003 八(三)) and fees paid as the notice says, 退费 with a reason (online: the provider returns the money).
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { FEE_METHODS, FEE_STATUSES, LABELS, type FeeMethod, type FeeStatus } from '@zc/domain';
import { FilterBar, SearchFilter, SelectFilter } from '@shared/components/filter-bar';
import { FormModal } from '@shared/components/form-modal';
import { PageTitle } from '@shared/components/page-title';
import { PagedTable } from '@shared/components/paged-table';
import { ReasonModal } from '@shared/components/reason-modal';
import { required } from '@shared/form-rules';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useListFilters } from '@shared/use-list-filters';
import { useConfirmFee, useOfficeFees, useOwnPlans, useRefundFee, type OfficeFee } from '../api';
import { useCurrentUser } from '@shared/session';
import { FeeStatusTag } from '@shared/components/fee-list';

const PAGE_SIZE = 20;
type Filters = { planId: string; status: FeeStatus | 'all'; method: FeeMethod | 'all'; keyword: string };

function ConfirmModal({ fee, onClose }: { fee: OfficeFee; onClose: () => void }) {
  const confirm = useConfirmFee();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <FormModal<{ voucherNo: string; note?: string; amountYuan?: number }>
      title={`确认收款：${fee.applicantName} 的${fee.kindLabel}`}
      pending={confirm.isPending}
      onCancel={onClose}
      intro={
        <Typography.Paragraph>
          应收金额：{fee.amountText}。请核对银行到账记录后填写转账凭证号（银行回单号）；确认后申报人即可看到缴费凭证。
        </Typography.Paragraph>
      }
      onFinish={(v, form) =>
        void confirm.mutateAsync({ id: fee.id, ...v }).then(
          () => {
            void message.success(`已确认收到 ${fee.applicantName} 的${fee.kindLabel}`);
            onClose();
          },
          (e: unknown) => onError(e, form),
        )
      }
    >
      <Form.Item label="转账凭证号" name="voucherNo" rules={[required('请填写转账凭证号（银行回单号）')]}>
        <Input maxLength={60} />
      </Form.Item>
      {fee.amountFen == null && (
        <Form.Item label="实收金额（元）" name="amountYuan" rules={[required('评审计划未载明金额：请填写实际收款金额')]}>
          <InputNumber min={0.01} max={100000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
    </FormModal>
  );
}

export function OfficeFeesPage() {
  const { filters, setFilter, page, setPage } = useListFilters<Filters>({ planId: 'all', status: 'all', method: 'all', keyword: '' });
  const user = useCurrentUser();
  const plans = useOwnPlans(user.orgKind === 'committeeOffice');
  const fees = useOfficeFees({
    page,
    pageSize: PAGE_SIZE,
    ...(filters.planId === 'all' ? {} : { planId: filters.planId }),
    ...(filters.status === 'all' ? {} : { status: filters.status }),
    ...(filters.method === 'all' ? {} : { method: filters.method }),
    ...(filters.keyword ? { keyword: filters.keyword } : {}),
  });
  const [confirming, setConfirming] = useState<OfficeFee | null>(null);
  const [refunding, setRefunding] = useState<OfficeFee | null>(null);
  const refund = useRefundFee();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <>
      <PageTitle>缴费管理</PageTitle>
      <FilterBar>
        {user.orgKind === 'committeeOffice' && (
          <SelectFilter
            span={{ xs: 24, md: 8 }}
            label="评审计划"
            value={filters.planId}
            options={[{ value: 'all', label: '全部计划' }, ...(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            onChange={(v) => setFilter('planId', v)}
          />
        )}
        <SelectFilter
          span={{ xs: 24, md: 5 }}
          label="缴费状态"
          value={filters.status}
          options={[{ value: 'all' as const, label: '全部状态' }, ...FEE_STATUSES.map((s) => ({ value: s, label: LABELS.feeStatus[s] }))]}
          onChange={(v) => setFilter('status', v)}
        />
        <SelectFilter
          span={{ xs: 24, md: 5 }}
          label="缴费方式"
          value={filters.method}
          options={[{ value: 'all' as const, label: '全部方式' }, ...FEE_METHODS.map((m) => ({ value: m, label: LABELS.feeRowMethod[m] }))]}
          onChange={(v) => setFilter('method', v)}
        />
        <SearchFilter
          span={{ xs: 24, md: 6 }}
          label="搜索申报人、单位或凭证号"
          placeholder="申报人姓名、单位名称或缴费凭证号"
          maxLength={30}
          onSearch={(v) => setFilter('keyword', v)}
        />
      </FilterBar>
      <PagedTable<OfficeFee>
        label="本单位收取的费用"
        minWidth={1100}
        query={fees}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        unit="笔"
        columns={[
          { title: '申报人', dataIndex: 'applicantName', width: 90 },
          { title: '工作单位', dataIndex: 'employerName' },
          { title: '评审计划', dataIndex: 'planName' },
          { title: '费用', dataIndex: 'kindLabel', width: 110 },
          { title: '金额', dataIndex: 'amountText', width: 120 },
          { title: '缴费方式', dataIndex: 'methodLabel', width: 140 },
          { title: '缴费截止', dataIndex: 'dueBy', width: 110 },
          { title: '状态', key: 'status', width: 110, render: (_: unknown, f) => <FeeStatusTag fee={f} /> },
          {
            title: '凭证 / 说明',
            key: 'receipt',
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={0}>
                {f.receiptNo && <span>{f.receiptNo}</span>}
                {f.paidAt && <Typography.Text type="secondary">{formatDateTime(f.paidAt)}</Typography.Text>}
                {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, f) => (
              <Space wrap>
                {f.canConfirm && (
                  <Button size="small" type="primary" onClick={() => setConfirming(f)}>
                    确认收款
                  </Button>
                )}
                {f.canRefund && (
                  <Button size="small" danger onClick={() => setRefunding(f)}>
                    退费
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {confirming && <ConfirmModal fee={confirming} onClose={() => setConfirming(null)} />}
      {refunding && (
        <ReasonModal
          title={`确认退费：${refunding.applicantName} 的${refunding.kindLabel}（${refunding.amountText}）`}
          intro={
            <Typography.Paragraph>退费后该费用恢复为未缴清，申报不能进入专家评审。网上支付的款项由支付渠道原路退回。</Typography.Paragraph>
          }
          label="退费原因"
          requiredMessage="请填写退费原因"
          minMessage="退费原因至少 2 个字"
          placeholder="例如：申报人撤回申报"
          pending={refund.isPending}
          onCancel={() => setRefunding(null)}
          onSubmit={(reason, form) =>
            void refund.mutateAsync({ id: refunding.id, reason }).then(
              (r) => {
                void message.success(r.message);
                setRefunding(null);
              },
              (e: unknown) => onError(e, form),
            )
          }
        />
      )}
    </>
  );
}
