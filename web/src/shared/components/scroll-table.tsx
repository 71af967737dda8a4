import { Table, type TableProps } from 'antd';
// antd's own row constraint (Record<PropertyKey, any>), so plain interfaces fit
import type { AnyObject } from 'antd/es/_util/type';

/**
 * A table that scrolls sideways on narrow screens inside a focusable, labelled region, so keyboard users
 * can scroll it too (axe scrollable-region-focusable). antd's own `scroll.x` container is not focusable.
 */
export function ScrollTable<T extends AnyObject>({
  label,
  minWidth,
  ...props
}: Omit<TableProps<T>, 'scroll'> & { label: string; minWidth: number }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table<T> {...props} style={{ minWidth, ...props.style }} />
    </div>
  );
}
