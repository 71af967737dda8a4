/** /account/*: 修改密码 and 双因素认证, inside the signed-in user's own portal layout (reached from the header's 账号安全 menu). */
import { Navigate, Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../../features/identity/components/password-pages';
import { SecurityPage } from '../../features/identity/components/security-page';
import { useCurrentUser } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { menuFor } from '../menus';
import { RequireRole } from '../guards';
import { NotFound } from '../not-found';

function Shell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <Routes>
        <Route index element={<Navigate to="password" replace />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="security" element={<SecurityPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PortalLayout>
  );
}

export default function AccountPortal() {
  return (
    <RequireRole roles={['applicant', 'employer', 'officer', 'expert', 'admin']}>
      <Shell />
    </RequireRole>
  );
}
