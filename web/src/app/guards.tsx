import type { ReactNode } from 'react';
import { Alert, Button, Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@zc/domain';
import { roleHome, useSession } from '@shared/session';

export function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '50vh' }} role="status" aria-live="polite">
      <Spin size="large" />
      <span className="sr-only">正在加载…</span>
    </Flex>
  );
}

export function SessionError({ retry }: { retry: () => void }) {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Alert
        type="error"
        showIcon
        title="无法连接到平台服务"
        description="请检查网络连接后重试。"
        action={<Button onClick={retry}>重试</Button>}
      />
    </Flex>
  );
}

/** Renders children only for a signed-in user of one of `roles`; others go to /login or their own home. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) return <FullPageSpin />;
  if (session.isError) return <SessionError retry={() => void session.refetch()} />;
  const user = session.data?.user;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}${session.data?.expired ? '&expired=1' : ''}`} replace />;
  }
  if (!roles.includes(user.role)) return <Navigate to={roleHome(user.role)} replace />;
  return children;
}
