/** Public portal (no sign-in): home with notices, notices, plans and their conditions, certificate verification, login, registration. */
import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { PublicHome } from '../../features/portal/components/public-home';
import { NoticeListPage, NoticePage } from '../../features/portal/components/notice-pages';
import { PublicPlanPage, PublicPlansPage } from '../../features/portal/components/public-plan-pages';
import { ApplyPage } from '../../features/portal/components/apply-page';
import { VerifyPage } from '../../features/portal/components/verify-page';
import { PublicPublicityListPage, PublicPublicityPage } from '../../features/publicity/components/public-publicity-pages';
import { LoginPage, safeNext } from '../../features/identity/components/login-page';
import { RegisterPage } from '../../features/identity/components/register-page';
import { ForcedPasswordChangePage, ForgotPasswordPage } from '../../features/identity/components/password-pages';
import { roleHome, useSession } from '@shared/session';
import { PublicLayout } from '../layouts/public-layout';
import { FullPageSpin, SessionError } from '../guards';
import { NotFound } from '../not-found';

/** A signed-in visitor of `/`, `/login` or `/register` goes to the home of their role. */
function SignedOutOnly({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.isLoading) return <FullPageSpin />;
  if (session.isError) return <SessionError retry={() => void session.refetch()} />;
  if (session.data?.stage === 'password') return <Navigate to="/password-change" replace />;
  const user = session.data?.user;
  if (user) return <Navigate to={safeNext(params.get('next')) ?? roleHome(user.role)} replace />;
  return children;
}

/** The forced change of an allocated initial password: only for a session at that stage. */
function PasswordStageOnly({ children }: { children: React.ReactNode }) {
  const session = useSession();
  if (session.isLoading) return <FullPageSpin />;
  if (session.isError) return <SessionError retry={() => void session.refetch()} />;
  if (session.data?.stage !== 'password') return <Navigate to={session.data?.user ? roleHome(session.data.user.role) : '/login'} replace />;
  return children;
}

export default function PublicPortal() {
  return (
    <PublicLayout>
      <Routes>
        <Route
          index
          element={
            <SignedOutOnly>
              <PublicHome />
            </SignedOutOnly>
          }
        />
        <Route
          path="login"
          element={
            <SignedOutOnly>
              <LoginPage />
            </SignedOutOnly>
          }
        />
        <Route
          path="register"
          element={
            <SignedOutOnly>
              <RegisterPage />
            </SignedOutOnly>
          }
        />
        <Route
          path="forgot-password"
          element={
            <SignedOutOnly>
              <ForgotPasswordPage />
            </SignedOutOnly>
          }
        />
        <Route
          path="password-change"
          element={
            <PasswordStageOnly>
              <ForcedPasswordChangePage />
            </PasswordStageOnly>
          }
        />
        {/* pages anyone can open, signed in or not (SPEC §10); add further public pages here */}
        <Route path="public/notices" element={<NoticeListPage />} />
        <Route path="public/notices/:id" element={<NoticePage />} />
        <Route path="public/plans" element={<PublicPlansPage />} />
        <Route path="public/plans/:id" element={<PublicPlanPage />} />
        <Route path="public/plans/:id/apply" element={<ApplyPage />} />
        <Route path="public/verify" element={<VerifyPage />} />
        <Route path="public/publicity" element={<PublicPublicityListPage />} />
        <Route path="public/publicity/:listId" element={<PublicPublicityPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PublicLayout>
  );
}
