import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { Page } from '../../shared/entities';
import type { ReadDb } from '../db/handles';
import { customerNames } from '../db/repositories/customers';
import { deleteDeal, getDeal, insertDeal, listDeals, updateDeal } from '../db/repositories/deals';
import { deleteFxRate, listFxRates, setFxRate } from '../db/repositories/fxRates';
import { deleteReceipt, getReceipt, insertReceipt, listReceipts, receiptIdByRef, updateReceipt } from '../db/repositories/receipts';
import { assertMonthUnlocked, assertUnlocked } from './appraisalLock';
import { attributeReceipt } from './matching';
import { requireCustomer, requireFound, requireSalesperson } from './references';
import { getSettings } from '../db/repositories/company';
import { checkOpening, checkPin, requireTerms } from './receivablesChecks';
import { read, write, type ServiceHandlers } from './markers';

type LedgerMethods =
  | 'fxRates.list'
  | 'fxRates.set'
  | 'fxRates.delete'
  | 'fxRates.setMonth'
  | 'deals.list'
  | 'deals.create'
  | 'deals.update'
  | 'deals.delete'
  | 'receipts.list'
  | 'receipts.create'
  | 'receipts.update'
  | 'receipts.delete'
  | 'receipts.setNotCustomer';

type DealInput = Parameters<ApiHandlers['deals.create']>[0];
type ReceiptInput = Parameters<ApiHandlers['receipts.create']>[0];

function checkDeal(db: ReadDb, deal: DealInput): void {
  requireSalesperson(db, deal.salesperson, 'salesperson');
  requireCustomer(db, deal.customer, 'customer');
  requireTerms(getSettings(db), deal.terms, 'terms');
  checkOpening(deal);
}

function checkReceipt(db: ReadDb, receipt: ReceiptInput, id: number | null): void {
  requireCustomer(db, receipt.customer, 'customer');
  requireSalesperson(db, receipt.salesperson, 'salesperson');
  requireSalesperson(db, receipt.matchedOwner, 'matchedOwner');
  checkPin(db, receipt, receipt.deal);
  if (receipt.ref !== null) {
    const other = receiptIdByRef(db, receipt.ref);
    if (other !== null && other !== id) throw new DomainError('dup.id', { id: receipt.ref }, { field: 'ref' });
  }
}

const dealFeeds = (d: { salesperson: string; signedOn: string }) => ({ salesperson: d.salesperson, date: d.signedOn });
const receiptFeeds = (r: { salesperson: string | null; matchedOwner: string | null; valueDate: string }) => ({
  salesperson: r.salesperson ?? r.matchedOwner,
  date: r.valueDate,
});

/** A page of deals or receipts with each customer's name beside its id (lists show names). */
function withCustomerNames<T extends { customer: string | null }>(db: ReadDb, page: Page<T>): Page<T & { customerName: string | null }> {
  const names = customerNames(
    db,
    page.rows.map((r) => r.customer),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, customerName: r.customer === null ? null : (names.get(r.customer) ?? null) })) };
}

/** FX table rates, deals and receipts entered by hand. */
export function ledgerHandlers(): ServiceHandlers<LedgerMethods> {
  return {
    'fxRates.list': read((db, { year }) => listFxRates(db, year)),
    'fxRates.set': write((db, rate) => {
      assertMonthUnlocked(db, rate.month);
      setFxRate(db, rate);
      return rate;
    }),
    'fxRates.setMonth': write((db, { month, rates }) => {
      assertMonthUnlocked(db, month);
      const seen = new Set<string>();
      rates.forEach(({ currency }, index) => {
        if (seen.has(currency)) throw new DomainError('dup.fxRate', { month, currency }, { field: `rates[${index}].currency` });
        seen.add(currency);
      });
      // One call, one transaction (services/index.ts): all of the month's rates are stored, or none.
      rates.forEach((r) => setFxRate(db, { month, ...r }));
      return rates.map((r) => ({ month, ...r }));
    }),
    'fxRates.delete': write((db, { month, currency }) => {
      assertMonthUnlocked(db, month);
      if (!deleteFxRate(db, month, currency)) throw new DomainError('notFound.record', { id: `${month} ${currency}` });
      return null;
    }),
    'deals.list': read((db, query) => withCustomerNames(db, listDeals(db, query))),
    'deals.create': write((db, deal) => {
      if (getDeal(db, deal.id)) throw new DomainError('dup.id', { id: deal.id }, { field: 'id' });
      checkDeal(db, deal);
      assertUnlocked(db, dealFeeds(deal));
      insertDeal(db, deal);
      return deal;
    }),
    'deals.update': write((db, deal) => {
      checkDeal(db, deal);
      const before = getDeal(db, deal.id);
      assertUnlocked(db, dealFeeds(deal), ...(before ? [dealFeeds(before)] : []));
      if (!updateDeal(db, deal)) throw new DomainError('notFound.record', { id: deal.id });
      return deal;
    }),
    'deals.delete': write((db, { id }) => {
      const before = getDeal(db, id);
      if (before) assertUnlocked(db, dealFeeds(before));
      if (!deleteDeal(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
    'receipts.list': read((db, query) => withCustomerNames(db, listReceipts(db, query))),
    'receipts.create': write((db, input) => {
      checkReceipt(db, input, null);
      const receipt = attributeReceipt(db, { ...input, batchId: null });
      assertUnlocked(db, receiptFeeds(receipt));
      return requireFound(getReceipt(db, insertReceipt(db, receipt)), 'receipt');
    }),
    'receipts.update': write((db, { id, deal: pin, ...rest }) => {
      const previous = requireFound(getReceipt(db, id), id);
      // How the bank quoted the rate is known only from the import: an edit keeping the rate keeps it.
      const rateQuotedPer = rest.rateQuotedPer ?? (rest.rate === previous.rate ? previous.rateQuotedPer : null);
      const input = { ...rest, rateQuotedPer, deal: pin === undefined ? previous.deal : pin };
      checkReceipt(db, input, id);
      const next = attributeReceipt(db, { ...input, batchId: previous.batchId }, previous);
      assertUnlocked(db, receiptFeeds(previous), receiptFeeds(next));
      updateReceipt(db, id, next);
      return requireFound(getReceipt(db, id), id);
    }),
    'receipts.delete': write((db, { id }) => {
      const before = getReceipt(db, id);
      if (before) assertUnlocked(db, receiptFeeds(before));
      if (!deleteReceipt(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
    'receipts.setNotCustomer': write((db, { id, notCustomer }) => {
      const receipt = requireFound(getReceipt(db, id), id);
      assertUnlocked(db, receiptFeeds(receipt));
      updateReceipt(db, id, { ...receipt, notCustomer });
      return requireFound(getReceipt(db, id), id);
    }),
  };
}
