import { Select } from 'antd';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n/strings';

type Props = { value?: string | null; onChange?: (value: string | null) => void };

/** The company's 付款方式 by id and name; empty means "the default". */
export function TermsPicker({ value, onChange }: Props) {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const terms = settings.data?.paymentTerms ?? [];
  const fallback = terms.find((p) => p.id === settings.data?.defaultTerms);
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={fallback ? t('terms.useDefault', { name: fallback.name }) : t('terms.noneChosen')}
      options={terms.map((p) => ({ value: p.id, label: `${p.id} ${p.name}` }))}
    />
  );
}
