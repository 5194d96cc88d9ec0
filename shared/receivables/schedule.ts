import type { PaymentTerms } from '../domain';
import { scheduleFen, termsFor } from './terms';

/** A deal as receivables read it; money in integer fen of its currency. */
export type ReceivableDeal = {
  id: string;
  salesperson: string;
  customer: string | null;
  signedOn: string;
  currency: string;
  amountFen: number;
  active: boolean;
  terms: string | null;
  shippedOn: string | null;
  openingBalanceFen: number | null;
  openingDue: string | null;
};

export type TermsSettings = { termsById: ReadonlyMap<string, PaymentTerms>; defaultTerms: string | null; receivablesFrom: string | null };

/** One instalment that exists as of the date. */
export type DatedInstalment = { number: number; amountFen: number; dueDate: string | null; receivable: boolean; fromSigned: boolean };

/**
 * The instalments of a deal as of `asOf` (SPEC §12): none for a cancelled deal, one signed after
 * `asOf`, or one without terms; a deal signed before `receivablesFrom` has only its opening
 * balance. An instalment from shipment of a deal not shipped by `asOf` has no due date yet.
 */
export function instalmentsAsOf(deal: ReceivableDeal, customerTerms: string | null, settings: TermsSettings, asOf: string): DatedInstalment[] {
  if (!deal.active || deal.signedOn > asOf) return [];
  const shipped = deal.shippedOn !== null && deal.shippedOn <= asOf;
  if (settings.receivablesFrom !== null && deal.signedOn < settings.receivablesFrom) {
    if (deal.openingBalanceFen === null || deal.openingDue === null) return [];
    return [{ number: 1, amountFen: deal.openingBalanceFen, dueDate: deal.openingDue, receivable: shipped, fromSigned: false }];
  }
  const terms = termsFor(deal.terms, customerTerms, settings.defaultTerms, settings.termsById);
  if (terms === null) return [];
  return scheduleFen(deal.amountFen, deal.signedOn, shipped ? deal.shippedOn : null, terms).map((i) => ({
    number: i.number,
    amountFen: i.amountFen,
    dueDate: i.dueDate,
    receivable: shipped,
    fromSigned: i.from === 'signed',
  }));
}
