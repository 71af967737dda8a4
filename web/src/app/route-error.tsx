import { Button, Result } from 'antd';

/** Shown when a route fails to render, e.g. a portal's code chunk could not be loaded after a deployment. */
export function RouteError() {
  return (
    <main style={{ padding: 48 }}>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>页面加载失败</h1>}
        subTitle="平台可能刚刚更新，请刷新页面后重试。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    </main>
  );
}
