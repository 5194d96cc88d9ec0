import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from '../api/hooks';

type PickerProps = { value?: string | null; onChange?: (value: string | null) => void; disabled?: boolean; allowClear?: boolean; placeholder?: string };

/** Salespeople by id and name. */
export function SalespersonPicker({ value, onChange, disabled, allowClear = true, placeholder }: PickerProps) {
  const people = useQuery('salespeople.list', {});
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 160 }}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.id} ${p.name}` }))}
    />
  );
}

/** Customers are many: searched on the server as the user types, fifty at a time. */
export function CustomerPicker({ value, onChange, disabled, placeholder }: PickerProps) {
  const [search, setSearch] = useState(value ?? '');
  const found = useQuery('customers.list', { search, limit: 50 });
  const options = (found.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.name}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={setSearch}
      filterOption={false}
      disabled={disabled}
      allowClear
      placeholder={placeholder}
      showSearch
      style={{ minWidth: 200 }}
      options={options}
    />
  );
}
