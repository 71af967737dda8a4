import { useState } from 'react';
import { App, Button, Card, Form, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageTitle } from '@shared/components/page-title';
import { useApiErrorHandler } from '@shared/feedback';
import { useCurrentUser } from '@shared/session';
import { useAccounts, useAddExpert } from '../api';
import { AccountForm, type AccountValues } from './account-form';
import { AccountsTable } from './accounts-table';

/** 评审专家: a committee office adds experts to its pool (SPEC §1, §7). */
export function ExpertsPage() {
  const user = useCurrentUser();
  const accounts = useAccounts(user.orgId);
  const [open, setOpen] = useState(false);
  const experts = (accounts.data ?? []).filter((a) => a.role === 'expert');

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
            添加专家
          </Button>
        }
      >
        评审专家
      </PageTitle>
      <Card>
        <AccountsTable accounts={experts} loading={accounts.isLoading} emptyText="专家库暂无专家" />
      </Card>
      {open && <AddExpertModal orgId={user.orgId} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddExpertModal({ orgId, onClose }: { orgId: string | null; onClose: () => void }) {
  const add = useAddExpert(orgId);
  const [form] = Form.useForm<AccountValues>();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title="添加评审专家"
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
    >
      <AccountForm
        form={form}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: () => {
              void message.success(`已添加评审专家：${v.realName}`);
              onClose();
            },
            onError: (e) => onError(e, form),
          })
        }
      />
    </Modal>
  );
}
