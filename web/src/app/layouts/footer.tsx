import { Layout } from 'antd';

export function SiteFooter() {
  return (
    <Layout.Footer style={{ textAlign: 'center', color: '#4a4a4a', background: 'transparent', padding: '16px' }}>
      职称申报评审平台 · 浙江省专业技术职务任职资格申报与评审管理服务 · 咨询电话 12333
    </Layout.Footer>
  );
}
