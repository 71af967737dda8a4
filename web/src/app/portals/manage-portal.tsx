/** 管理部门 portal for officers (HR bureaus, acceptance points, departments, committee offices …) and experts. */
import { Typography } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { organizationKindLabel, roleLabel } from '@zc/domain';
import { ReviewQueuePage } from '../../features/applications/components/review-queue-page';
import { ReviewDetailPage } from '../../features/applications/components/review-detail-page';
import { PendingTasksCard } from '../../features/portal/components/pending-cards';
import { EmployerReviewPage } from '../../features/organizations/components/employer-review-page';
import { ExpertsPage } from '../../features/organizations/components/experts-page';
import { OfficePlansPage } from '../../features/plans/components/office-plans-page';
import { PlanDetailPage } from '../../features/plans/components/plan-detail-page';
import { StatisticsPage } from '../../features/statistics/components/statistics-page';
import { ObjectionsPage, OfficePublicityPage } from '../../features/publicity/components/office-publicity-pages';
import { OfficeFeesPage } from '../../features/fees/components/office-fees-page';
import { ReceiptPage } from '../../features/fees/components/receipt-page';
import { FeeSettingPage } from '../../features/fees/components/fee-setting-page';
import { PageTitle } from '@shared/components/page-title';
import { useCurrentUser, useSession } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { menuFor } from '../menus';
import { RequireRole } from '../guards';
import { NotFound } from '../not-found';

function ManageHome() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle>您好，{user.realName}</PageTitle>
      <Typography.Paragraph>
        {user.orgName ?? ''}
        {user.orgKind ? `（${organizationKindLabel(user.orgKind)}）` : ''} · {roleLabel(user.role)}
        {user.regionName ? ` · 管辖范围：${user.regionName}` : ''}
      </Typography.Paragraph>
      <PendingTasksCard />
    </>
  );
}

function ManageShell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <Routes>
        <Route index element={<ManageHome />} />
        {user.role === 'officer' && <Route path="employers" element={<EmployerReviewPage />} />}
        {user.role === 'officer' && <Route path="applications" element={<ReviewQueuePage base="/manage" />} />}
        {user.role === 'officer' && <Route path="applications/:id" element={<ReviewDetailPage base="/manage" />} />}
        {user.role === 'officer' && user.orgKind === 'committeeOffice' && <Route path="experts" element={<ExpertsPage />} />}
        {user.role === 'officer' && user.orgKind === 'committeeOffice' && <Route path="plans" element={<OfficePlansPage />} />}
        {user.role === 'officer' && user.orgKind === 'committeeOffice' && <Route path="plans/:id" element={<PlanDetailPage />} />}
        {user.role === 'officer' && user.orgKind === 'committeeOffice' && <Route path="publicity" element={<OfficePublicityPage />} />}
        {user.role === 'officer' && user.orgKind === 'committeeOffice' && (
          <Route path="publicity/objections" element={<ObjectionsPage />} />
        )}
        {user.role === 'officer' && <Route path="statistics" element={<StatisticsPage />} />}
        {user.role === 'officer' && <Route path="fees" element={<OfficeFeesPage />} />}
        {user.role === 'officer' && <Route path="fees/:id/receipt" element={<ReceiptPage />} />}
        {user.role === 'officer' && user.orgKind !== 'committeeOffice' && <Route path="fee-setting" element={<FeeSettingPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}

/** Administrators reach the same pages under /admin (the server's /home links point to /manage/…). */
function AdminRedirect() {
  const { pathname, search } = useLocation();
  return <Navigate to={pathname.replace(/^\/manage/, '/admin') + search} replace />;
}

export default function ManagePortal() {
  const session = useSession();
  if (session.data?.user?.role === 'admin') return <AdminRedirect />;
  return (
    <RequireRole roles={['officer', 'expert']}>
      <ManageShell />
    </RequireRole>
  );
}
