import type { ReactNode } from 'react';
import { Flex, Layout } from 'antd';
import { Link, useLocation } from 'react-router';
import { SiteFooter } from './footer';

/** Pages without sign-in: home, login, registration. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center' }}>
        <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 1160, margin: '0 auto' }}>
          <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            职称申报评审平台
          </Link>
          <Flex gap={16}>
            {pathname !== '/login' && (
              <Link to="/login" style={{ color: '#fff' }}>
                登录
              </Link>
            )}
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px' }}>
        <div style={{ maxWidth: 1160, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
