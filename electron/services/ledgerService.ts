import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { deleteDeal, getDeal, insertDeal, listDeals, updateDeal } from '../db/repositories/deals';
import { deleteFxRate, listFxRates, setFxRate } from '../db/repositories/fxRates';
import { deleteReceipt, getReceipt, insertReceipt, listReceipts, updateReceipt } from '../db/repositories/receipts';
import { prepared } from '../db/statements';
import { attributeReceipt } from './matching';
import { requireCustomer, requireFound, requireSalesperson } from './references';

type LedgerMethods =
  | 'fxRates.list'
  | 'fxRates.set'
  | 'fxRates.delete'
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

function checkDeal(db: Db, deal: DealInput): void {
  requireSalesperson(db, deal.salesperson, 'salesperson');
  requireCustomer(db, deal.customer, 'customer');
}

function checkReceipt(db: Db, receipt: ReceiptInput, id: number | null): void {
  requireCustomer(db, receipt.customer, 'customer');
  requireSalesperson(db, receipt.salesperson, 'salesperson');
  requireSalesperson(db, receipt.matchedOwner, 'matchedOwner');
  if (receipt.ref !== null) {
    const other = prepared(db, 'SELECT id FROM receipts WHERE ref = ?').get(receipt.ref) as { id: number } | undefined;
    if (other && other.id !== id) throw new DomainError('dup.id', { id: receipt.ref }, { field: 'ref' });
  }
}

/** FX table rates, deals and receipts entered by hand. */
export function ledgerHandlers(db: Db): Pick<ApiHandlers, LedgerMethods> {
  return {
    'fxRates.list': ({ year }) => listFxRates(db, year),
    'fxRates.set': (rate) => {
      setFxRate(db, rate);
      return rate;
    },
    'fxRates.delete': ({ month, currency }) => {
      if (!deleteFxRate(db, month, currency)) throw new DomainError('notFound.record', { id: `${month} ${currency}` });
      return null;
    },
    'deals.list': (query) => listDeals(db, query),
    'deals.create': (deal) => {
      if (getDeal(db, deal.id)) throw new DomainError('dup.id', { id: deal.id }, { field: 'id' });
      checkDeal(db, deal);
      insertDeal(db, deal);
      return deal;
    },
    'deals.update': (deal) => {
      checkDeal(db, deal);
      if (!updateDeal(db, deal)) throw new DomainError('notFound.record', { id: deal.id });
      return deal;
    },
    'deals.delete': ({ id }) => {
      if (!deleteDeal(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    },
    'receipts.list': (query) => listReceipts(db, query),
    'receipts.create': (input) => {
      checkReceipt(db, input, null);
      const receipt = attributeReceipt(db, { ...input, batchId: null });
      return requireFound(getReceipt(db, insertReceipt(db, receipt)), 'receipt');
    },
    'receipts.update': ({ id, ...input }) => {
      const previous = requireFound(getReceipt(db, id), id);
      checkReceipt(db, input, id);
      updateReceipt(db, id, attributeReceipt(db, { ...input, batchId: previous.batchId }, previous));
      return requireFound(getReceipt(db, id), id);
    },
    'receipts.delete': ({ id }) => {
      if (!deleteReceipt(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    },
    'receipts.setNotCustomer': ({ id, notCustomer }) => {
      const receipt = requireFound(getReceipt(db, id), id);
      updateReceipt(db, id, { ...receipt, notCustomer });
      return requireFound(getReceipt(db, id), id);
    },
  };
}
