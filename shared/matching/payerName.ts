/**
 * Comparison key of a company name as banks write it (SPEC §10): case, punctuation and spacing
 * ignored, LIMITED/LTD, COMPANY/CO and L.L.C./LLC read alike, a leading THE dropped.
 * "PACIFIC IMPORTS S.A.S." and "Pacific Imports SAS" give the same key.
 *
 * The stored duplicate fingerprint of bank rows without a reference is built on this key
 * (shared/bank/classify.ts, `sortRows`): a change here changes the fingerprints of statements
 * already imported, and re-importing them would then add their rows again. Pinned by
 * test/integration/bankReader.test.ts ("the duplicate fingerprint").
 */
export function normalizePayerName(name: string): string {
  const words = name
    .normalize('NFKC')
    .toUpperCase()
    // Dots inside abbreviations join letters (S.A.S. → SAS); other punctuation separates words.
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => SYNONYMS[word] ?? word);
  if (words[0] === 'THE' && words.length > 1) words.shift();
  return words.join(' ');
}

const SYNONYMS: Record<string, string> = {
  LIMITED: 'LTD',
  COMPANY: 'CO',
  CORPORATION: 'CORP',
  INCORPORATED: 'INC',
};
