/** Inputs whose form value is what the plan document stores: a 'YYYY-MM-DD' string, a 'YYYY-MM' string, a list of years. */
import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';

const DAY = 'YYYY-MM-DD';
const MONTH = 'YYYY-MM';

interface ValueProps<T> {
  id?: string;
  value?: T;
  onChange?: (v: T | undefined) => void;
  'aria-invalid'?: boolean;
}

/** A date picker holding 'YYYY-MM-DD' (or the month picker holding 'YYYY-MM'). */
export function DateText({ id, value, onChange, month }: ValueProps<string> & { month?: boolean }) {
  const format = month ? MONTH : DAY;
  return (
    <DatePicker
      id={id}
      picker={month ? 'month' : 'date'}
      format={format}
      style={{ width: '100%' }}
      value={value ? dayjs(value, format) : null}
      onChange={(d) => onChange?.(d ? d.format(format) : undefined)}
    />
  );
}

/** Years typed as tags ("2019 2020 2021"), kept as sorted integers. */
export function YearsInput({ id, value, onChange }: ValueProps<number[]>) {
  return (
    <Select
      id={id}
      mode="tags"
      open={false}
      suffixIcon={null}
      placeholder="输入年份后按回车，如 2021"
      tokenSeparators={[',', '，', ' ', '、']}
      value={(value ?? []).map(String)}
      onChange={(v: string[]) =>
        onChange?.([...new Set(v.map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && /^\d{4}$/.test(String(n))))].sort())
      }
    />
  );
}
