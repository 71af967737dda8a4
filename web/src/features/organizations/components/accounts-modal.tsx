import { App, Divider, Form, Modal, Typography } from 'antd';
import { useApiErrorHandler } from '@shared/feedback';
import { useAccounts, useCreateAccount, type OrganizationSummary } from '../api';
import { AccountForm, type AccountValues } from './account-form';
import { AccountsTable } from './accounts-table';

/** 分配账号: the body's accounts, and a form to allocate one more (admin). */
export function AccountsModal({ org, onClose }: { org: OrganizationSummary; onClose: () => void }) {
  const accounts = useAccounts(org.id);
  const create = useCreateAccount(org.id);
  const [form] = Form.useForm<AccountValues>();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  return (
    <Modal
      open
      title={`分配账号 — ${org.name}`}
      okText="确定"
      cancelText="关闭"
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={820}
    >
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        现有账号
      </Typography.Title>
      <AccountsTable accounts={accounts.data ?? []} loading={accounts.isLoading} />
      <Divider />
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        新增账号
      </Typography.Title>
      <AccountForm
        form={form}
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: () => {
              void message.success(`已为 ${org.name} 分配账号 ${v.username}`);
              form.resetFields();
            },
            onError: (e) => onError(e, form),
          })
        }
      />
    </Modal>
  );
}
