import { Children, useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';

const SITE = '职称申报评审平台';

function textOf(children: ReactNode): string {
  return Children.toArray(children)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : ''))
    .join('');
}

/** The page's single <h1>, with optional actions on the right; it also names the browser tab. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const text = textOf(children);
  useEffect(() => {
    document.title = text ? `${text} - ${SITE}` : SITE;
    return () => {
      document.title = SITE;
    };
  }, [text]);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
