/**
 * 用人单位 portal. /employer/register is public (registration) and also the status page of a unit
 * awaiting review; everything else needs an approved registration.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Flex } from 'antd';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { roleLabel } from '@zc/domain';
import { EmployerRegisterPage } from '../../features/employers/components/employer-register-page';
import { EmployerBindingsPage } from '../../features/bindings/components/employer-bindings-page';
import { EmployerArchivePage } from '../../features/archive/components/employer-archive-page';
import { ArchiveReviewCard } from '../../features/archive/components/archive-review-card';
import { ReviewQueuePage } from '../../features/applications/components/review-queue-page';
import { ReviewDetailPage } from '../../features/applications/components/review-detail-page';
import { PendingTasksCard } from '../../features/portal/components/pending-cards';
import { MyFeesPage } from '../../features/fees/components/my-fees-page';
import { ReceiptPage } from '../../features/fees/components/receipt-page';
import { useLogout } from '../../features/identity/api';
import { PageTitle } from '@shared/components/page-title';
import { employerApproved, useCurrentUser, useSession } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { PublicLayout } from '../layouts/public-layout';
import { menuFor } from '../menus';
import { FullPageSpin, RequireRole, SessionError } from '../guards';
import { NotFound } from '../not-found';

function EmployerHome() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle>{user.orgName ?? '单位首页'}</PageTitle>
      <Flex vertical gap={16}>
        <PendingTasksCard />
        <ArchiveReviewCard />
      </Flex>
    </>
  );
}

/** Pages that need an approved registration; before that the operator is sent to the registration flow. */
function ApprovedOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (!employerApproved(user)) return <Navigate to="/employer/register" replace />;
  return children;
}

function SignedInAsOther({ role }: { role: string }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>用人单位注册</PageTitle>
      <Alert
        type="warning"
        showIcon
        title={`您已以“${roleLabel(role)}”身份登录，请先退出再注册用人单位。`}
        action={
          <Button onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/employer/register', { replace: true }) })}>
            退出登录
          </Button>
        }
      />
    </>
  );
}

/** /employer/register: public form for visitors, status page for operators. */
function RegisterRoute() {
  const session = useSession();
  if (session.isLoading) return <FullPageSpin />;
  if (session.isError) return <SessionError retry={() => void session.refetch()} />;
  const user = session.data?.user;
  if (!user)
    return (
      <PublicLayout>
        <EmployerRegisterPage />
      </PublicLayout>
    );
  if (user.role !== 'employer')
    return (
      <PublicLayout>
        <SignedInAsOther role={user.role} />
      </PublicLayout>
    );
  return (
    <PortalLayout menu={menuFor(user)}>
      <EmployerRegisterPage />
    </PortalLayout>
  );
}

function EmployerShell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <Routes>
        <Route
          index
          element={
            <ApprovedOnly>
              <EmployerHome />
            </ApprovedOnly>
          }
        />
        <Route
          path="bindings"
          element={
            <ApprovedOnly>
              <EmployerBindingsPage />
            </ApprovedOnly>
          }
        />
        <Route
          path="archive"
          element={
            <ApprovedOnly>
              <EmployerArchivePage />
            </ApprovedOnly>
          }
        />
        <Route
          path="applications"
          element={
            <ApprovedOnly>
              <ReviewQueuePage base="/employer" />
            </ApprovedOnly>
          }
        />
        <Route
          path="applications/:id"
          element={
            <ApprovedOnly>
              <ReviewDetailPage base="/employer" />
            </ApprovedOnly>
          }
        />
        <Route
          path="fees"
          element={
            <ApprovedOnly>
              <MyFeesPage />
            </ApprovedOnly>
          }
        />
        <Route
          path="fees/:id/receipt"
          element={
            <ApprovedOnly>
              <ReceiptPage />
            </ApprovedOnly>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}

export default function EmployerPortal() {
  return (
    <Routes>
      <Route path="register" element={<RegisterRoute />} />
      <Route
        path="*"
        element={
          <RequireRole roles={['employer']}>
            <EmployerShell />
          </RequireRole>
        }
      />
    </Routes>
  );
}
