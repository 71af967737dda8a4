/** 申报人 portal: home, basic info, employer binding, the personal archive. */
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { OpenPlansPage } from '../../features/plans/components/open-plans-page';
import { MyApplicationsPage } from '../../features/applications/components/my-applications-page';
import { WizardPage } from '../../features/applications/components/wizard-page';
import { PendingTasksCard } from '../../features/portal/components/pending-cards';
import { ProfilePage } from '../../features/identity/components/profile-page';
import { ApplicantBindingPage } from '../../features/bindings/components/applicant-binding-page';
import { useMyBindings } from '../../features/bindings/api';
import { ApplicantArchivePage } from '../../features/archive/components/applicant-archive-page';
import { MyFeesPage } from '../../features/fees/components/my-fees-page';
import { ReceiptPage } from '../../features/fees/components/receipt-page';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { LinkButton } from '@shared/components/link-button';
import { formatDateTime } from '@shared/format';
import { useCurrentUser } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { menuFor } from '../menus';
import { RequireRole } from '../guards';
import { NotFound } from '../not-found';

function BindingStatusCard() {
  const mine = useMyBindings();
  if (mine.isLoading) return <Skeleton active paragraph={{ rows: 1 }} />;
  const list = mine.data ?? [];
  const current = list.find((b) => b.status === 'approved') ?? list.find((b) => b.status === 'pending') ?? list[0];
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          工作单位
        </Typography.Title>
      }
    >
      {current ? (
        <Flex vertical gap={8}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{current.employerName}</Typography.Text>
            <StatusTag status={current.status} label={current.statusLabel} />
          </Flex>
          <Typography.Text type="secondary">
            {current.regionName} · 申请于 {formatDateTime(current.requestedAt)}
          </Typography.Text>
          {current.reason && <Typography.Text>原因：{current.reason}</Typography.Text>}
          {current.status !== 'approved' && current.status !== 'pending' && (
            <div>
              <LinkButton to="/applicant/binding">重新申请绑定</LinkButton>
            </div>
          )}
        </Flex>
      ) : (
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text>尚未绑定工作单位。绑定后，单位可审核您的业绩档案和职称申报。</Typography.Text>
          <LinkButton to="/applicant/binding" type="primary">
            去绑定单位
          </LinkButton>
        </Flex>
      )}
    </Card>
  );
}

function ApplicantHome() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle>您好，{user.realName}</PageTitle>
      <Flex vertical gap={16}>
        {!user.profileCompleted && (
          <Alert
            type="warning"
            showIcon
            title="请先完善个人基本信息"
            description="首次登录须填写手机号码、现从事专业和参加工作时间，完善后才能绑定工作单位、办理职称申报。"
            action={
              <LinkButton to="/applicant/profile" type="primary" size="small">
                去完善
              </LinkButton>
            }
          />
        )}
        <PendingTasksCard />
        <BindingStatusCard />
      </Flex>
    </>
  );
}

function ApplicantShell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <Routes>
        <Route index element={<ApplicantHome />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="binding" element={<ApplicantBindingPage />} />
        <Route path="archive" element={<ApplicantArchivePage />} />
        <Route path="plans" element={<OpenPlansPage />} />
        <Route path="applications" element={<MyApplicationsPage />} />
        <Route path="applications/:id" element={<WizardPage />} />
        <Route path="fees" element={<MyFeesPage />} />
        <Route path="fees/:id/receipt" element={<ReceiptPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}

export default function ApplicantPortal() {
  return (
    <RequireRole roles={['applicant']}>
      <ApplicantShell />
    </RequireRole>
  );
}
