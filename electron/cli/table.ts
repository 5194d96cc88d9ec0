import stringWidth from 'string-width';

export type Align = 'left' | 'right';
export type Column = { title: string; align?: Align };

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

/** A plain-text table whose columns line up with Chinese text (wide characters count double). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(stringWidth(c.title), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join('\n');
}

/** 1234567.5 → "1,234,567.50": amounts as owners read them. */
export function thousands(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
