import { useMemo } from 'react';
import { Cascader } from 'antd';
import { buildRegionTree, useRegions } from '../regions';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** allow picking a province or city, not only a leaf */
  changeOnSelect?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** 省 / 市 / 县（市、区） region picker; the value is the id path, the last id is the region. */
export function RegionCascader({
  id,
  value,
  onChange,
  changeOnSelect,
  placeholder = '请选择省 / 市 / 县（市、区）',
  allowClear,
  style,
  ...rest
}: Props) {
  const regions = useRegions();
  const options = useMemo(() => buildRegionTree(regions.data ?? []), [regions.data]);
  return (
    <Cascader
      id={id}
      aria-label={rest['aria-label']}
      options={options}
      value={value}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      changeOnSelect={changeOnSelect}
      placeholder={placeholder}
      loading={regions.isLoading}
      allowClear={allowClear}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())) }}
      style={{ width: '100%', ...style }}
      notFoundContent="没有匹配的地区"
    />
  );
}
