import { useMemo, useState, type ReactNode } from 'react';
import { Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { BellOutlined, MenuOutlined, SafetyOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useHome } from '../../features/portal/api';
import { useLogout } from '../../features/identity/api';
import { useApiErrorHandler } from '@shared/feedback';
import { roleHome, useCurrentUser } from '@shared/session';
import type { MenuEntry } from '../menus';
import { SiteFooter } from './footer';

/** The longest menu path that the current location starts with. */
function selectedKey(menu: MenuEntry[], pathname: string): string[] {
  const hit = menu.filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return hit ? [hit.path] : [];
}

/** Signed-in portals: header (platform, user, notifications, 退出登录), side menu, <main>. */
export function PortalLayout({ menu, children }: { menu: MenuEntry[]; children: ReactNode }) {
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const home = useHome();
  const logout = useLogout();
  const onError = useApiErrorHandler();
  const [drawer, setDrawer] = useState(false);
  const unread = home.data?.unreadNotifications ?? 0;

  const items = useMemo(() => menu.map((m) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{m.label}</Link> })), [menu]);
  const selected = selectedKey(menu, pathname);

  const doLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (e) => onError(e),
    });

  const nav = (
    <nav aria-label="主菜单">
      <Menu mode="inline" items={items} selectedKeys={selected} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, position: 'sticky', top: 0, zIndex: 10 }}>
        {!wide && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined aria-hidden style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawer(true)}
          />
        )}
        <Link to={roleHome(user.role)} style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          职称申报评审平台
        </Link>
        <Flex align="center" gap={wide ? 16 : 10} style={{ marginInlineStart: 'auto', minWidth: 0 }}>
          {screens.sm && (
            <Typography.Text ellipsis style={{ color: '#fff', maxWidth: 420 }} title={user.orgName ?? undefined}>
              {user.realName}
              {user.orgName ? ` · ${user.orgName}` : ''}
            </Typography.Text>
          )}
          <Link
            to="/notifications"
            aria-label={unread > 0 ? `消息通知，${unread} 条未读` : '消息通知'}
            style={{ color: '#fff', display: 'inline-flex', padding: 4 }}
          >
            <Badge count={unread} size="small" color="#b71c1c" offset={[2, -2]}>
              <BellOutlined aria-hidden style={{ color: '#fff', fontSize: 20 }} />
            </Badge>
          </Link>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: '/account/password', label: <Link to="/account/password">修改密码</Link> },
                { key: '/account/security', label: <Link to="/account/security">双因素认证</Link> },
              ],
            }}
          >
            {screens.sm ? (
              <Button ghost size="small" aria-haspopup="menu">
                账号安全
              </Button>
            ) : (
              // a phone-sized header has room for an icon only (the page must not scroll sideways)
              <Button ghost size="small" aria-haspopup="menu" aria-label="账号安全" icon={<SafetyOutlined aria-hidden />} />
            )}
          </Dropdown>
          <Button ghost size="small" onClick={doLogout} loading={logout.isPending}>
            退出登录
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #e5e8ee' }}>
            {nav}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Content style={{ padding: wide ? 24 : 12 }}>
            {!screens.sm && (
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {user.realName}
                {user.orgName ? ` · ${user.orgName}` : ''}
              </Typography.Paragraph>
            )}
            <div style={{ maxWidth: 1280 }}>{children}</div>
          </Layout.Content>
          <SiteFooter />
        </Layout>
      </Layout>
      <Drawer
        open={!wide && drawer}
        onClose={() => setDrawer(false)}
        placement="left"
        size={260}
        title="菜单"
        styles={{ body: { padding: 0 } }}
      >
        {nav}
      </Drawer>
    </Layout>
  );
}
