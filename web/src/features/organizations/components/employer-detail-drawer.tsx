import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Input, Skeleton, Space, type FormInstance } from 'antd';
import { AFFILIATIONS, LABELS } from '@zc/domain';
import { FormModal } from '@shared/components/form-modal';
import { ReasonModal } from '@shared/components/reason-modal';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { formatDateTime } from '@shared/format';
import { useDecideEmployer, useOrganization } from '../api';
import { LetterPreview } from './letter-preview';

/** the domain's words for a registration's status (issue 9 item 6: one source of labels) */
export const ORG_STATUS_LABELS: Readonly<Record<string, string>> = LABELS.organizationStatus;

/** Detail of an employer's registration, with 审核通过 / 审核不通过 when the server allows them. */
export function EmployerDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const detail = useOrganization(id);
  const decide = useDecideEmployer();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'approve' | 'refuse' | null>(null);
  const o = detail.data;

  const approve = (opinion: string | undefined, form: FormInstance<{ opinion?: string }>) => {
    if (!o) return;
    decide.mutate(
      { id: o.id, kind: 'approve', opinion: opinion?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(`已审核通过：${o.name}`);
          setDialog(null);
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  const refuse = (reason: string, form: FormInstance<{ reason: string }>) => {
    if (!o) return;
    decide.mutate(
      { id: o.id, kind: 'refuse', reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已审核不通过：${o.name}`);
          setDialog(null);
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  const canApprove = o?.allowed.includes('approve') ?? false;
  const canRefuse = o?.allowed.includes('refuse') ?? false;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={o ? o.name : '单位注册详情'}
      size={screens.md ? 720 : '100%'}
      footer={
        canApprove || canRefuse ? (
          <Space>
            {canApprove && (
              <Button type="primary" onClick={() => setDialog('approve')}>
                审核通过
              </Button>
            )}
            {canRefuse && (
              <Button danger onClick={() => setDialog('refuse')}>
                审核不通过
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {detail.isLoading || !o ? (
        detail.isError ? (
          <Alert type="error" showIcon title={detail.error.message} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <>
          {o.status === 'pending' && !o.hasAuthorizationLetter && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该单位尚未上传授权委托书，暂不能审核。" />
          )}
          {o.status === 'refused' && o.refusalReason && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`审核未通过，原因：${o.refusalReason}`} />
          )}
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
            <Descriptions.Item label="单位全称">{o.name}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{o.creditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在地区">{o.regionName}</Descriptions.Item>
            <Descriptions.Item label="单位性质">{o.natureLabel ?? '—'}</Descriptions.Item>
            {o.natureRemark && <Descriptions.Item label="单位性质备注">{o.natureRemark}</Descriptions.Item>}
            <Descriptions.Item label="隶属关系">{AFFILIATIONS.find((a) => a.value === o.affiliation)?.label ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="主管部门">{o.competentDepartment ?? '无'}</Descriptions.Item>
            <Descriptions.Item label="所属行业">{o.industry ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="人事档案由人才交流中心代理">{o.filesAtAgency ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="经办人">{o.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="经办人手机">{o.contactPhoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="注册时间">{formatDateTime(o.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="审核状态">
              <StatusTag status={o.status} label={ORG_STATUS_LABELS[o.status] ?? o.status} />
            </Descriptions.Item>
            {o.decidedAt && <Descriptions.Item label="审核时间">{formatDateTime(o.decidedAt)}</Descriptions.Item>}
            <Descriptions.Item label="授权委托书">
              {o.authorizationLetter ? (
                <LetterPreview letter={o.authorizationLetter} orgName={o.name} />
              ) : o.hasAuthorizationLetter ? (
                '已上传（仅本单位、审核其注册的人力社保部门和管理员可查看）'
              ) : (
                '未上传'
              )}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}

      {dialog === 'approve' && (
        <FormModal<{ opinion?: string }>
          title="审核通过"
          pending={decide.isPending}
          onCancel={() => setDialog(null)}
          onFinish={(v, form) => approve(v.opinion, form)}
          intro={<p>审核通过后，将以短信和站内消息通知单位经办人，申报人即可绑定该单位。</p>}
        >
          <Form.Item label="审核意见" name="opinion">
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'refuse' && (
        <ReasonModal
          title="审核不通过"
          label="不通过原因"
          requiredMessage="请填写不通过的原因"
          minMessage="请填写不通过的原因，告诉对方如何修改"
          placeholder="如：授权委托书未加盖单位公章，请盖章后重新上传"
          pending={decide.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={refuse}
        />
      )}
    </Drawer>
  );
}
