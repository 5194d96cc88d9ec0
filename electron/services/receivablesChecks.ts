import { DomainError } from '../../shared/api/errors';
import type { Settings } from '../../shared/domain';
import type { Deal, WriteOff } from '../../shared/entities';
import { fenToText, toFen } from '../../shared/money';
import { instalmentsAsOf, type DatedInstalment } from '../../shared/receivables/schedule';
import type { ReadDb } from '../db/handles';
import { getSettings } from '../db/repositories/company';
import { getCustomer } from '../db/repositories/customers';
import { getDeal, termsInUse } from '../db/repositories/deals';
import { termsSettings } from '../db/receivablesData';
import { writtenOffFen } from '../db/repositories/writeOffs';

/*
 * The receivables rules a schema cannot see because they involve other records (SPEC §12):
 * terms ids that exist, opening balances given whole, pins within one customer and currency,
 * write-offs no larger than what their instalment can still take.
 */

/** A terms id must name terms of the settings; `field` says where it was typed. */
export function requireTerms(settings: Settings, id: string | null, field: string): void {
  if (id !== null && !settings.paymentTerms.some((t) => t.id === id)) throw new DomainError('terms.unknown', { id }, { field });
}

/** An opening balance (期初应收) needs both its amount and its due date. */
export function checkOpening(deal: { openingBalance: string | null; openingDue: string | null }, field = 'openingBalance'): void {
  if ((deal.openingBalance === null) !== (deal.openingDue === null)) throw new DomainError('deal.opening', {}, { field });
}

/** Settings as they would be after an update: the default and every terms id in use must still exist. */
export function checkTermsSettings(db: ReadDb, next: Settings): void {
  requireTerms(next, next.defaultTerms, 'defaultTerms');
  const ids = new Set(next.paymentTerms.map((t) => t.id));
  const used = termsInUse(db);
  const missing = used.find((id) => !ids.has(id));
  if (missing !== undefined) throw new DomainError('terms.inUse', { id: missing }, { field: 'paymentTerms' });
}

/**
 * A pin from the API: the receipt must belong to a customer, be money in (not a refund), and the
 * deal must be that customer's, in the receipt's currency. (A bundle may carry a pin to another
 * currency or on a refund: SPEC §12 treats it as unpinned; the API refuses it, so that the user
 * is told at once rather than seeing a pin that does nothing.)
 */
export function checkPin(
  db: ReadDb,
  receipt: { customer: string | null; currency: string; amount: string },
  dealId: string | null,
  field = 'deal',
): Deal | null {
  if (dealId === null) return null;
  const deal = getDeal(db, dealId);
  if (!deal) throw new DomainError('ref.deal', { id: dealId }, { field });
  if (receipt.customer === null) throw new DomainError('pin.noCustomer', {}, { field });
  if (deal.customer !== receipt.customer) {
    throw new DomainError('pin.otherCustomer', { receiptCustomer: receipt.customer, dealCustomer: deal.customer ?? '-', deal: deal.id }, { field });
  }
  if (deal.currency !== receipt.currency)
    throw new DomainError('pin.otherCurrency', { receiptCurrency: receipt.currency, dealCurrency: deal.currency, deal: deal.id }, { field });
  if (toFen(receipt.amount) < 0) throw new DomainError('pin.refund', {}, { field });
  return deal;
}

/** Every instalment a deal has under its terms today (whatever the date), or its opening balance. */
export function scheduleOf(deal: Deal, customerTerms: string | null, settings: Settings): DatedInstalment[] {
  return instalmentsAsOf(
    {
      id: deal.id,
      salesperson: deal.salesperson,
      customer: deal.customer,
      signedOn: deal.signedOn,
      currency: deal.currency,
      amountFen: toFen(deal.amount),
      active: deal.status === 'active',
      terms: deal.terms,
      shippedOn: deal.shippedOn,
      openingBalanceFen: deal.openingBalance === null ? null : toFen(deal.openingBalance),
      openingDue: deal.openingDue,
    },
    customerTerms,
    termsSettings(settings),
    '9999-12-31',
  );
}

/**
 * A write-off must name an instalment the deal has, and be at most the instalment's amount less
 * its other write-offs (SPEC §12). Returns the deal.
 */
export function checkWriteOff(db: ReadDb, w: WriteOff): Deal {
  const deal = getDeal(db, w.deal);
  if (!deal) throw new DomainError('ref.deal', { id: w.deal }, { field: 'deal' });
  const customerTerms = deal.customer === null ? null : (getCustomer(db, deal.customer)?.terms ?? null);
  const instalment = scheduleOf(deal, customerTerms, getSettings(db)).find((i) => i.number === w.number);
  if (!instalment) throw new DomainError('writeOff.noInstalment', { deal: deal.id, number: w.number }, { field: 'number' });
  const room = instalment.amountFen - writtenOffFen(db, deal.id, w.number);
  if (toFen(w.amount) > room) {
    throw new DomainError(
      'writeOff.tooLarge',
      { amount: w.amount, max: fenToText(Math.max(0, room)), currency: deal.currency, deal: deal.id, number: w.number },
      { field: 'amount' },
    );
  }
  return deal;
}
