import type { Key, ReactNode } from 'react';
import { Flex } from 'antd';

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => Key;
  /** the item's main content */
  render: (item: T) => ReactNode;
  /** buttons, links or a date on the right */
  extra?: (item: T) => ReactNode;
  empty?: ReactNode;
}

/** A plain <ul> of rows with content on the left and actions on the right (antd's List is deprecated in v6.6). */
export function ItemList<T>({ items, itemKey, render, extra, empty }: Props<T>) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, i) => (
        <li key={itemKey(item)} style={{ padding: '12px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>{render(item)}</div>
            {extra && (
              <Flex gap={8} align="center" wrap>
                {extra(item)}
              </Flex>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
