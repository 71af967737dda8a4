import type { ReactNode } from 'react';
import { Col, Input, Row, Select, type RowProps } from 'antd';
import { RegionCascader } from './region-cascader';

/** Column widths of one filter in the bar. */
interface Span {
  xs: number;
  md: number;
}

/** The row of filters above a list's table. */
export function FilterBar({ gutter = [12, 12], children }: { gutter?: RowProps['gutter']; children: ReactNode }) {
  return (
    <Row gutter={gutter} style={{ marginBottom: 16 }}>
      {children}
    </Row>
  );
}

/** A keyword search with a 查询 button; `onSearch` receives the trimmed text. */
export function SearchFilter({
  span,
  label,
  placeholder,
  maxLength,
  onSearch,
}: {
  span: Span;
  label: string;
  placeholder: string;
  maxLength: number;
  onSearch: (keyword: string) => void;
}) {
  return (
    <Col {...span}>
      <Input.Search
        aria-label={label}
        placeholder={placeholder}
        allowClear
        enterButton="查询"
        maxLength={maxLength}
        onSearch={(v) => onSearch(v.trim())}
      />
    </Col>
  );
}

/** A full-width select among fixed options. */
export function SelectFilter<V extends string>({
  span,
  label,
  value,
  options,
  onChange,
}: {
  span: Span;
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <Col {...span}>
      <Select<V> aria-label={label} style={{ width: '100%' }} value={value} options={options} onChange={onChange} />
    </Col>
  );
}

/** 所在地区: a province, city or county; empty for all. */
export function RegionFilter({ span, value, onChange }: { span: Span; value: string[]; onChange: (value: string[]) => void }) {
  return (
    <Col {...span}>
      <RegionCascader aria-label="筛选所在地区" placeholder="全部地区" changeOnSelect allowClear value={value} onChange={onChange} />
    </Col>
  );
}
