import type { PaymentTerms, TermsInstalment } from '../domain';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { Dec, fenToText, isDecimalText, toFen } from '../money';
import { addDays } from './dates';

/** What is wrong with payment terms (SPEC §12): positive percents summing to exactly 100. Empty when usable. */
export function termsProblems(terms: { instalments: readonly { percent: string }[] }): { code: MessageKey; params: MessageParams }[] {
  if (terms.instalments.length === 0) return [{ code: 'terms.noInstalments', params: {} }];
  let sum = new Dec(0);
  for (const instalment of terms.instalments) {
    if (!isDecimalText(instalment.percent.trim())) return [{ code: 'terms.percentPositive', params: {} }];
    sum = sum.plus(instalment.percent.trim());
  }
  return sum.eq(100) ? [] : [{ code: 'terms.percentSum', params: { sum: sum.toString() } }];
}

/** Integer fen × a decimal percent ÷ 100, rounded half-up away from zero to the fen. */
export function percentOfFen(amountFen: number, percent: string): number {
  const [whole = '0', fraction = ''] = percent.replace('+', '').split('.');
  const scale = 10 ** fraction.length;
  const numerator = Number(whole + fraction);
  const product = amountFen * numerator;
  const divisor = 100 * scale;
  // Exact in doubles below 2^53; beyond that (amounts no real deal has) decimal arithmetic takes over.
  if (Number.isSafeInteger(product) && fraction.length <= 6) return roundDiv(product, divisor);
  return new Dec(amountFen).times(percent).div(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/** n ÷ d (d > 0) rounded half-up away from zero. */
export function roundDiv(n: number, d: number): number {
  const magnitude = Math.abs(n);
  const q = Math.floor(magnitude / d);
  const rounded = 2 * (magnitude - q * d) >= d ? q + 1 : q;
  return n < 0 ? -rounded : rounded;
}

/** One instalment of a deal's schedule; `dueDate` is null while the deal has not shipped. */
export type ScheduledInstalment = { number: number; percent: string; from: TermsInstalment['from']; days: number; amountFen: number; dueDate: string | null };

/**
 * The instalments of a deal amount (in fen) under `terms` (SPEC §12): each but the last is
 * round-half-up(amount × percent ÷ 100); the last takes the rest; 0.00 ones are dropped and the
 * others keep their numbers. Due = signed or shipped date + days (null when not shipped).
 */
export function scheduleFen(amountFen: number, signedOn: string, shippedOn: string | null, terms: PaymentTerms): ScheduledInstalment[] {
  const out: ScheduledInstalment[] = [];
  let rest = amountFen;
  const last = terms.instalments.length - 1;
  terms.instalments.forEach((t, i) => {
    const share = i === last ? rest : percentOfFen(amountFen, t.percent);
    rest -= share;
    if (share === 0) return;
    const base = t.from === 'signed' ? signedOn : shippedOn;
    out.push({ number: i + 1, percent: t.percent, from: t.from, days: t.days, amountFen: share, dueDate: base === null ? null : addDays(base, t.days) });
  });
  return out;
}

export type InstalmentPreview = { number: number; percent: string; from: TermsInstalment['from']; days: number; amount: string; dueDate: string | null };

/**
 * The instalments a deal would have under `terms`, for a live preview while terms or a deal are
 * edited. Returns [] while the amount is not yet a valid amount.
 */
export function instalmentsOf(deal: { amount: string; signedOn: string; shippedOn?: string | null }, terms: PaymentTerms): InstalmentPreview[] {
  let fen: number;
  try {
    fen = toFen(deal.amount);
  } catch {
    return [];
  }
  return scheduleFen(fen, deal.signedOn, deal.shippedOn ?? null, terms).map(({ amountFen, ...rest }) => ({ ...rest, amount: fenToText(amountFen) }));
}

/** A deal's terms: its own, else its customer's, else the company default (SPEC §12); null = no schedule. */
export function termsFor(
  dealTerms: string | null,
  customerTerms: string | null,
  defaultTerms: string | null,
  byId: ReadonlyMap<string, PaymentTerms>,
): PaymentTerms | null {
  const id = dealTerms ?? customerTerms ?? defaultTerms;
  return id === null ? null : (byId.get(id) ?? null);
}
