import { Empty } from 'antd';

/**
 * Empty-table text. antd draws a plain-string `emptyText` in its disabled grey (#bfbfbf, 1.8:1);
 * the Empty component's description colour passes 4.5:1.
 */
export function tableEmpty(text: string) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
