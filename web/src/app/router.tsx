import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { FeedbackBridge } from './feedback-bridge';
import { FullPageSpin } from './guards';
import { RouteError } from './route-error';

// one chunk per portal: a visitor of the public pages never downloads the management screens
const PublicPortal = lazy(() => import('./portals/public-portal'));
const ApplicantPortal = lazy(() => import('./portals/applicant-portal'));
const EmployerPortal = lazy(() => import('./portals/employer-portal'));
const ManagePortal = lazy(() => import('./portals/manage-portal'));
const AdminPortal = lazy(() => import('./portals/admin-portal'));
const NotificationsPortal = lazy(() => import('./portals/notifications-portal'));
const AccountPortal = lazy(() => import('./portals/account-portal'));
// the phone signing page: small, no layout, no login
const SignPage = lazy(() => import('../features/applications/components/sign-page').then((m) => ({ default: m.SignPage })));

function Root() {
  return (
    <>
      <FeedbackBridge />
      <ScrollRestoration />
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/applicant/*', element: <ApplicantPortal /> },
      { path: '/employer/*', element: <EmployerPortal /> },
      { path: '/manage/*', element: <ManagePortal /> },
      { path: '/admin/*', element: <AdminPortal /> },
      { path: '/notifications', element: <NotificationsPortal /> },
      { path: '/account/*', element: <AccountPortal /> },
      { path: '/sign/:token', element: <SignPage /> },
      { path: '/*', element: <PublicPortal /> },
    ],
  },
]);
