/** 1234567.5 → "1,234,567.50": amounts always with thousands separators and two decimals. */
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function percent(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}
