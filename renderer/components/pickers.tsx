import { Select } from 'antd';
import { useState } from 'react';
import type { Customer } from '../../shared/entities';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n/strings';

type PickerProps = { value?: string | null; onChange?: (value: string | null) => void; disabled?: boolean; allowClear?: boolean; placeholder?: string };

/** Salespeople by id and name. */
export function SalespersonPicker({ value, onChange, disabled, allowClear = true, placeholder }: PickerProps) {
  const t = useT();
  const people = useQuery('salespeople.list', {});
  // People who left (离职) stay choosable for old records, marked and listed last.
  const ordered = [...(people.data ?? [])].sort((a, b) => Number(!!a.leftOn) - Number(!!b.leftOn));
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
      options={ordered.map((p) => ({ value: p.id, label: p.leftOn ? `${p.id} ${p.name}（${t('sp.left')}）` : `${p.id} ${p.name}` }))}
    />
  );
}

/**
 * Customers are many: searched on the server as the user types, fifty at a time. `onPicked` is
 * told the customer the user chose (with its owner), for forms that fill other fields from it.
 */
export function CustomerPicker({ value, onChange, disabled, placeholder, onPicked }: PickerProps & { onPicked?: (customer: Customer | null) => void }) {
  const [search, setSearch] = useState(value ?? '');
  const found = useQuery('customers.list', { search, limit: 50 });
  const options = (found.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.id} ${c.name}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        onChange?.(v ?? null);
        onPicked?.((v && found.data?.rows.find((c) => c.id === v)) || null);
      }}
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
