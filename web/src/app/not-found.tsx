import { Result } from 'antd';
import { LinkButton } from '@shared/components/link-button';

export function NotFound() {
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>页面不存在</h1>}
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <LinkButton to="/" type="primary">
          返回首页
        </LinkButton>
      }
    />
  );
}
