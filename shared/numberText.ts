/*
 * Numbers as people type them: the app shows amounts as 1,234.56, and a Chinese input method
 * gives full-width digits (１２３４．５６). Both are read as the plain decimal they mean; text that
 * is still not a plain decimal afterwards is left for the schema to refuse with its message.
 */

const PLAIN = /^[+-]?\d+(\.\d*)?$/;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Thousands separators only where they group threes, so "1,5" (a decimal comma) stays wrong. */
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/;

/** "1,234.56" / "１，２３４．５６" / " 300,000 " → "1234.56" / "1234.56" / "300000"; anything else as given (trimmed). */
export function normalizeNumberText(text: string): string {
  // The bulk load passes millions of plain decimals through here: leave them at once.
  if (PLAIN.test(text)) return text;
  const narrow = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
    .replace(/^([+-]) /, '$1');
  const grouped = GROUPED.exec(narrow);
  return grouped ? `${grouped[1] ?? ''}${(grouped[2] ?? '').replace(/,/g, '')}${grouped[3] ?? ''}` : narrow;
}
