import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { AFFILIATIONS, labelOf } from '@zc/domain';
import { fileUrl } from '@shared/api-client';
import { LinkButton } from '@shared/components/link-button';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { formatDateTime } from '@shared/format';
import { refreshSession, useSession } from '@shared/session';
import { useCurrentEmployer, type EmployerDetail } from '../api';
import { LetterUpload } from './letter-upload';
import { EmployerRegistrationForm } from './registration-form';
import { RegistrationSteps } from './registration-steps';

/**
 * /employer/register: the registration form (public, or for a legal-person SSO operator without a unit),
 * then the 授权委托书 upload and the review status.
 */
export function EmployerRegisterPage() {
  const session = useSession();
  const user = session.data?.user ?? null;
  const hasOrg = user?.role === 'employer' && user.orgId !== null;
  const current = useCurrentEmployer(hasOrg);

  if (session.isLoading || (hasOrg && current.isLoading)) return <Skeleton active />;

  if (!hasOrg || !current.data) {
    return (
      <>
        <PageTitle>用人单位注册</PageTitle>
        <RegistrationSteps org={null} />
        {user ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您已通过浙江政务服务网法人账号登录，请核对并补全单位注册信息。" />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="已有浙江政务服务网法人账号的单位，可在登录页选择“法人用户：浙江政务服务网登录”后注册，无需另设账号。"
          />
        )}
        <EmployerRegistrationForm withAccount={!user} />
      </>
    );
  }

  return <RegistrationStatus org={current.data} sessionStatus={user?.orgStatus ?? null} />;
}

function RegistrationStatus({ org, sessionStatus }: { org: EmployerDetail; sessionStatus: string | null }) {
  const qc = useQueryClient();
  // the review may have happened since the session was read: the portal's menu and guards follow the session
  useEffect(() => {
    if (org.status !== sessionStatus) void refreshSession(qc);
  }, [org.status, sessionStatus, qc]);
  const affiliation = AFFILIATIONS.find((a) => a.value === org.affiliation)?.label ?? '—';
  return (
    <>
      <PageTitle>单位注册</PageTitle>
      <RegistrationSteps org={org} />
      <Flex vertical gap={16}>
        {org.status === 'approved' && (
          <Alert
            type="success"
            showIcon
            title="单位注册已审核通过"
            description="现可办理人员绑定、职称申报审核等业务。"
            action={
              <LinkButton to="/employer" type="primary">
                进入单位首页
              </LinkButton>
            }
          />
        )}
        {org.status === 'refused' && (
          <Alert
            type="error"
            showIcon
            title="单位注册审核未通过"
            description={`原因：${org.refusalReason ?? '未说明'}。请按要求修改后重新上传授权委托书。`}
          />
        )}
        {org.status === 'pending' && !org.hasAuthorizationLetter && (
          <Alert
            type="warning"
            showIcon
            title="请上传授权委托书"
            description="请填写授权委托书并加盖单位公章，扫描或拍照后上传。主管部门审核通过前，申报人无法绑定本单位。"
          />
        )}
        {org.status === 'pending' && org.hasAuthorizationLetter && (
          <Alert
            type="info"
            showIcon
            title="授权委托书已提交，等待主管部门审核"
            description="审核结果将以短信和站内消息通知经办人。如需更换文件，可重新上传。"
          />
        )}

        {org.status !== 'approved' && (
          <Card>
            <LetterUpload again={org.hasAuthorizationLetter} />
          </Card>
        )}

        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              注册信息
            </Typography.Title>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="单位全称">{org.name}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{org.creditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在地区">{org.regionName}</Descriptions.Item>
            <Descriptions.Item label="单位性质">
              {org.natureLabel ?? '—'}
              {org.natureRemark ? `（${org.natureRemark}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="隶属关系">{affiliation}</Descriptions.Item>
            <Descriptions.Item label="主管部门">{org.competentDepartment ?? '无'}</Descriptions.Item>
            <Descriptions.Item label="所属行业">{org.industry ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="人事档案由人才交流中心代理">{org.filesAtAgency ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="经办人">
              {org.contactName ?? '—'} {org.contactPhoneMasked ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label="审核状态">
              <Space>
                <StatusTag status={org.status} label={labelOf('organizationStatus', org.status)} />
                {org.decidedAt && <Typography.Text type="secondary">{formatDateTime(org.decidedAt)}</Typography.Text>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="授权委托书">
              {org.authorizationLetterFileId ? (
                <a href={fileUrl(org.authorizationLetterFileId)} target="_blank" rel="noopener noreferrer">
                  查看已上传的授权委托书（新窗口）
                </a>
              ) : (
                '未上传'
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Flex>
    </>
  );
}
