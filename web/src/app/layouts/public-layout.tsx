import type { ReactNode } from 'react';
import { Flex, Grid, Layout } from 'antd';
import { Link, useLocation } from 'react-router';
import { SiteFooter } from './footer';

/** the public portal's menu (SPEC §10); 公示公告's pages are the publicity feature's */
const PUBLIC_NAV = [
  { to: '/', label: '首页' },
  { to: '/public/notices', label: '通知公告' },
  { to: '/public/plans', label: '申报计划' },
  { to: '/public/publicity', label: '公示公告' },
  { to: '/public/verify', label: '证书查验' },
] as const;

/** Pages without sign-in: home, notices, plans, publicity, certificate verification, login, registration. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ height: 'auto', lineHeight: '48px', paddingInline: 16 }}>
        <Flex align="center" wrap style={{ width: '100%', maxWidth: 1160, margin: '0 auto', columnGap: 24 }}>
          <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            职称申报评审平台
          </Link>
          {/* on a phone the menu takes the second row (order 1, full width); on a wide screen it sits between */}
          <nav aria-label="公共服务" style={{ order: screens.md ? 0 : 1, flex: screens.md ? '1 1 auto' : '1 1 100%', overflowX: 'auto' }}>
            <Flex gap={16} style={{ whiteSpace: 'nowrap' }}>
              {PUBLIC_NAV.map((n) => {
                const here = n.to === '/' ? pathname === '/' : pathname.startsWith(n.to);
                return (
                  <Link
                    key={n.to}
                    to={n.to}
                    aria-current={here ? 'page' : undefined}
                    style={{ color: '#fff', fontWeight: here ? 600 : 400 }}
                  >
                    {n.label}
                  </Link>
                );
              })}
            </Flex>
          </nav>
          {pathname !== '/login' && (
            <Link to="/login" style={{ color: '#fff', marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
              登录
            </Link>
          )}
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px' }}>
        <div style={{ maxWidth: 1160, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
