/** 系统管理 portal: management bodies and their accounts, employer review, SMS outbox, audit log. */
import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { PendingTasksCard } from '../../features/portal/components/pending-cards';
import { EmployerReviewPage } from '../../features/organizations/components/employer-review-page';
import { OrganizationsAdminPage } from '../../features/organizations/components/organizations-admin-page';
import { SmsOutboxPage } from '../../features/admin/components/sms-outbox-page';
import { AuditPage } from '../../features/admin/components/audit-page';
import { CalendarPage } from '../../features/calendar/components/calendar-page';
import { StatisticsPage } from '../../features/statistics/components/statistics-page';
import { ScheduleAlert } from '../../features/calendar/components/schedule-alert';
import { PageTitle } from '@shared/components/page-title';
import { useCurrentUser } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { menuFor } from '../menus';
import { RequireRole } from '../guards';
import { NotFound } from '../not-found';

function AdminHome() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle>系统管理</PageTitle>
      <Typography.Paragraph>
        {user.realName} · {user.orgName ?? ''}
        {user.regionName ? ` · 管辖范围：${user.regionName}` : ''}
      </Typography.Paragraph>
      <ScheduleAlert />
      <PendingTasksCard />
    </>
  );
}

function AdminShell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="organizations" element={<OrganizationsAdminPage />} />
        <Route path="employers" element={<EmployerReviewPage />} />
        <Route path="sms" element={<SmsOutboxPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}

export default function AdminPortal() {
  return (
    <RequireRole roles={['admin']}>
      <AdminShell />
    </RequireRole>
  );
}
