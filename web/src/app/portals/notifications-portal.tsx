/** /notifications inside the signed-in user's own portal layout. */
import { NotificationsPage } from '../../features/portal/components/notifications-page';
import { useCurrentUser } from '@shared/session';
import { PortalLayout } from '../layouts/portal-layout';
import { menuFor } from '../menus';
import { RequireRole } from '../guards';

function Shell() {
  const user = useCurrentUser();
  return (
    <PortalLayout menu={menuFor(user)}>
      <NotificationsPage />
    </PortalLayout>
  );
}

export default function NotificationsPortal() {
  return (
    <RequireRole roles={['applicant', 'employer', 'officer', 'expert', 'admin']}>
      <Shell />
    </RequireRole>
  );
}
