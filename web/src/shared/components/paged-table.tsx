import type { TableProps } from 'antd';
// antd's own row constraint (Record<PropertyKey, any>), so plain interfaces fit
import type { AnyObject } from 'antd/es/_util/type';
import { ScrollTable } from './scroll-table';

/** What a list query hook returns: one page of items and the total. */
interface PagedQuery<T> {
  data?: { items: T[]; total: number };
  isFetching: boolean;
}

type Props<T extends AnyObject> = Omit<TableProps<T>, 'scroll' | 'dataSource' | 'loading' | 'pagination'> & {
  label: string;
  minWidth: number;
  query: PagedQuery<T>;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** the counting word in "共 N 条" */
  unit?: string;
};

/** A server-paged list in a ScrollTable: fixed page size, "共 N 条" beside the pager. */
export function PagedTable<T extends AnyObject>({ query, page, pageSize, onPageChange, unit = '条', ...props }: Props<T>) {
  return (
    <ScrollTable<T>
      rowKey="id"
      {...props}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      pagination={{
        current: page,
        pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (t) => `共 ${t} ${unit}`,
        onChange: onPageChange,
      }}
    />
  );
}
