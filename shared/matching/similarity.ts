import { normalizePayerName } from './payerName';

function bigrams(text: string): Map<string, number> {
  const compact = text.replace(/\s+/g, ' ');
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < compact.length; i++) {
    const gram = compact.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * Words that say what kind of company it is, not which one: legal forms and trade words. Two
 * names sharing only these ("MUELLER GMBH" and "SCHMIDT GMBH", "ALPHA SUPPLY CO" and "OMEGA
 * SUPPLY CO") are different companies, yet share most of their character pairs.
 */
const COMMON_WORDS = new Set([
  ...['LTD', 'CO', 'CORP', 'INC', 'LLC', 'LLP', 'PLC', 'GMBH', 'AG', 'KG', 'SA', 'SAS', 'SARL', 'SRL', 'SPA', 'BV', 'NV', 'AB', 'AS', 'OY', 'PTY', 'PTE'],
  ...['SL', 'SC', 'LDA', 'KFT', 'SP', 'ZOO', 'OOO', 'JSC', 'DOO', 'EURL', 'CIA', 'DE', 'CV', 'THE', 'AND', 'OF'],
  ...['TRADING', 'TRADE', 'TRADERS', 'IMPORT', 'IMPORTS', 'EXPORT', 'EXPORTS', 'IMPEX', 'SUPPLY', 'SUPPLIES', 'INTERNATIONAL', 'INTL', 'GROUP', 'HOLDING'],
  ...['HOLDINGS', 'INDUSTRIES', 'INDUSTRIAL', 'ENTERPRISE', 'ENTERPRISES', 'GLOBAL', 'DISTRIBUTION', 'SOLUTIONS', 'SERVICES', 'PRODUCTS', 'HK', 'USA', 'UK'],
]);

function distinctive(normalized: string): string {
  return normalized
    .split(' ')
    .filter((w) => !COMMON_WORDS.has(w))
    .join(' ');
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * How alike two company names are, 0 to 1: the Dice coefficient of their character pairs after
 * normalisation, so "PACIFIC IMPORT SAS" and "PACIFIC IMPORTS S.A.S." score high. When both
 * names have words beyond the common ones, they must be alike in those words too (the lower of
 * the two scores): a shared GMBH or SUPPLY alone no longer makes two companies look alike, nor
 * does one shared word make PACIFIC TRADING look like PACIFIC IMPORTS.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizePayerName(a);
  const y = normalizePayerName(b);
  const whole = dice(x, y);
  const dx = distinctive(x);
  const dy = distinctive(y);
  if (dx === '' || dy === '') return whole;
  return Math.min(whole, dice(dx, dy));
}

export type Suggestion = { customer: string; name: string; score: number };

/**
 * The least similarity at which a customer is offered for a payer. Below it (40–59%) the names
 * share only common words (TRADING, IMPORT …), and a one-click offer invites wrong assignments.
 */
export const SUGGESTION_THRESHOLD = 0.6;

/** The customers most like a payer's name, best first, above a floor that hides noise. */
export function suggestCustomers(
  payer: string,
  customers: readonly { id: string; name: string; aliases: readonly string[] }[],
  count = 3,
  floor = SUGGESTION_THRESHOLD,
): Suggestion[] {
  return customers
    .map((c) => ({ customer: c.id, name: c.name, score: Math.max(...[c.name, ...c.aliases].map((n) => nameSimilarity(payer, n))) }))
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || (a.customer < b.customer ? -1 : 1))
    .slice(0, count)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}
