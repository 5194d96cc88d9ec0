import type { ApiHandlers, BadDebtRow, CustomerReceivablesDetail, DealCreditCheck, SmallBalance } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { fenToText, toFen } from '../../shared/money';
import { allocate, receiptShares } from '../../shared/receivables/allocation';
import { exposureFen, isOverLimit } from '../../shared/receivables/credit';
import type { CustomerLedger } from '../../shared/receivables/ledger';
import { fenToCny, instalmentRow, unappliedCny } from '../../shared/receivables/report';
import type { ReadDb } from '../db/handles';
import { monthRates, receivableCustomers } from '../db/receivablesData';
import { getSettings } from '../db/repositories/company';
import { getCustomer, setCreditGrade } from '../db/repositories/customers';
import { getReceipt, receiptLabelsOf, setReceiptDeal } from '../db/repositories/receipts';
import { badDebtSums, deleteWriteOff, getWriteOff, insertWriteOff, listWriteOffs } from '../db/repositories/writeOffs';
import { dealSalesperson } from '../db/repositories/deals';
import { assertUnlocked } from './appraisalLock';
import { checkPin, checkWriteOff } from './receivablesChecks';
import { forEachLedger } from './receivablesService';
import { cachedReceivables, receivablesInSlices } from './receivablesCache';
import { requireFound } from './references';
import type { InstalmentRow } from '../../shared/receivables/report';
import type { Page } from '../../shared/entities';
import { read, write, type ServiceHandlers } from './markers';

type ReceivableMethods =
  | 'receipts.pin'
  | 'receivables.report'
  | 'receivables.instalments'
  | 'receivables.customer'
  | 'receivables.dealCheck'
  | 'receivables.badDebts'
  | 'writeOffs.list'
  | 'writeOffs.create'
  | 'writeOffs.delete'
  | 'writeOffs.smallBalances'
  | 'writeOffs.writeOffSmall'
  | 'customers.acceptGrade';

function ledgerOf(db: ReadDb, customer: string, asOf: string, exceptDeal?: string): CustomerLedger {
  let found: CustomerLedger = { groups: [] };
  forEachLedger(db, asOf, (_c, ledger) => (found = ledger), { only: customer, ...(exceptDeal ? { exceptDeal } : {}) });
  return found;
}

function customerDetail(db: ReadDb, customer: string, asOf: string): CustomerReceivablesDetail {
  if (!getCustomer(db, customer)) throw new DomainError('notFound.customer', { id: customer }, { field: 'customer' });
  const ledger = ledgerOf(db, customer, asOf);
  const info = receiptLabelsOf(db, customer);
  const instalments = ledger.groups.flatMap((g) => g.instalments.map((inst) => instalmentRow(inst, g.currency)));
  instalments.sort((a, b) => (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : a.number - b.number));
  const receipts = ledger.groups.flatMap((g) => {
    const shares = receiptShares(g.group, allocate(g.group, asOf, asOf), asOf);
    return g.receipts.map((r, i) => ({
      id: r.id,
      date: r.date,
      currency: r.currency,
      amount: fenToText(r.amountFen),
      ref: info.get(r.id)?.ref ?? null,
      payer: info.get(r.id)?.remitter ?? null,
      deal: r.deal,
      allocations: shares
        .filter((s) => s.receipt === i)
        .map((s) => {
          const inst = g.instalments[s.instalment];
          return { deal: inst?.deal.id ?? '', number: inst?.number ?? 0, amount: fenToText(s.fen) };
        }),
    }));
  });
  receipts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const unapplied = ledger.groups.filter((g) => g.unappliedFen !== 0).map((g) => ({ currency: g.currency, amount: fenToText(g.unappliedFen) }));
  return { instalments, receipts, unapplied };
}

/**
 * Exposure of the customer as of the deal's signing date without the deal itself, and with the
 * deal's whole CNY value added (warn-only, never blocks). The whole value is added even where
 * unapplied money might pay part of it: a warning should err on the side of caution.
 */
function dealCheck(db: ReadDb, args: { customer: string; currency: string; amount: string; signedOn: string; deal?: string | undefined }): DealCreditCheck {
  const customer = getCustomer(db, args.customer);
  if (!customer) throw new DomainError('notFound.customer', { id: args.customer }, { field: 'customer' });
  const month = args.signedOn.slice(0, 7);
  const rate = monthRates(db, month);
  const ledger = ledgerOf(db, args.customer, args.signedOn, args.deal);
  let outstanding = 0;
  let backlog = 0;
  for (const g of ledger.groups) {
    for (const inst of g.instalments) {
      const cny = fenToCny(inst.outstandingFen, g.currency, rate, month);
      if (inst.receivable) outstanding += cny;
      else backlog += cny;
    }
  }
  const exposure = exposureFen(outstanding, backlog, unappliedCny(ledger, rate, month));
  const after = exposure + fenToCny(toFen(args.amount), args.currency, rate, month);
  const limit = customer.creditLimit === null ? null : toFen(customer.creditLimit);
  return {
    exposure: fenToText(exposure),
    after: fenToText(after),
    creditLimit: customer.creditLimit,
    overLimit: isOverLimit(after, limit),
    creditGrade: customer.creditGrade,
  };
}

/** Instalments whose outstanding is at most `smallBalance` CNY at the day's table rate (from the kept report: no ledger is computed again). */
function smallBalances(db: ReadDb, asOf: string): SmallBalance[] {
  const limit = toFen(getSettings(db).smallBalance);
  const month = asOf.slice(0, 7);
  const rate = monthRates(db, month);
  const out: SmallBalance[] = [];
  for (const row of cachedReceivables(db, asOf).instalments) {
    if (row.customer === null) continue;
    const outstanding = toFen(row.outstanding);
    if (outstanding <= 0) continue;
    const cny = fenToCny(outstanding, row.currency, rate, month);
    if (cny <= limit)
      out.push({ deal: row.deal, number: row.number, customer: row.customer, currency: row.currency, outstanding: row.outstanding, cny: fenToText(cny) });
  }
  // The report lists instalments by deal then number already.
  return out;
}

/** 坏账 written off up to the date, per salesperson and customer, CNY at the date's month. */
function badDebts(db: ReadDb, asOf: string): BadDebtRow[] {
  const month = asOf.slice(0, 7);
  const rate = monthRates(db, month);
  const rows = badDebtSums(db, asOf);
  const customers = receivableCustomers(db);
  const sums = new Map<string, BadDebtRow & { fen: number }>();
  for (const r of rows) {
    const key = `${r.sp}\u0000${r.customer ?? ''}`;
    let row = sums.get(key);
    if (!row) {
      const customer = r.customer ?? '';
      sums.set(
        key,
        (row = { salesperson: r.sp, name: r.name ?? r.sp, customer, customerName: customers.get(customer)?.name ?? customer, cny: '0.00', fen: 0 }),
      );
    }
    row.fen += fenToCny(r.fen, r.currency, rate, month);
  }
  return [...sums.values()]
    .sort((a, b) => (a.salesperson < b.salesperson ? -1 : a.salesperson > b.salesperson ? 1 : a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0))
    .map(({ fen, ...row }) => ({ ...row, cny: fenToText(fen) }));
}

type InstalmentQuery = Parameters<ApiHandlers['receivables.instalments']>[0];

/** One page of the report's instalments, filtered and sorted as the 应收 page asks (ties keep deal then number order). */
function instalmentPage(rows: readonly InstalmentRow[], q: InstalmentQuery): Page<InstalmentRow> {
  const kept = rows.filter(
    (r) =>
      (q.customer === undefined || r.customer === q.customer) &&
      (q.salesperson === undefined || r.salesperson === q.salesperson) &&
      (q.deal === undefined || r.deal === q.deal) &&
      (q.receivable === undefined || r.receivable === q.receivable) &&
      (!q.overdueOnly || r.daysOverdue > 0),
  );
  const sign = q.descending ? -1 : 1;
  if (q.sort !== 'deal' || q.descending) {
    const value = (r: InstalmentRow): number | string =>
      q.sort === 'dueDate'
        ? (r.dueDate ?? '9999-99-99')
        : q.sort === 'daysOverdue'
          ? r.daysOverdue
          : q.sort === 'outstanding'
            ? toFen(r.outstanding)
            : `${r.deal}\u0000${String(r.number).padStart(4, '0')}`;
    const indexed = kept.map((r, i) => ({ r, i, v: value(r) }));
    indexed.sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i));
    return { rows: indexed.slice(q.offset, q.offset + q.limit).map((x) => x.r), total: kept.length, offset: q.offset, limit: q.limit };
  }
  return { rows: kept.slice(q.offset, q.offset + q.limit), total: kept.length, offset: q.offset, limit: q.limit };
}

/** Receivables, pins, write-offs and credit grades (SPEC §12). */
export function receivableHandlers(): ServiceHandlers<ReceivableMethods> {
  return {
    'receipts.pin': write((db, { id, deal }) => {
      const receipt = requireFound(getReceipt(db, id), id);
      const target = checkPin(db, receipt, deal);
      const before = receipt.deal === null ? null : checkedDeal(db, receipt.deal);
      const owner = receipt.salesperson ?? receipt.matchedOwner;
      assertUnlocked(
        db,
        { salesperson: owner, date: receipt.valueDate },
        ...[target, before].filter((d) => d !== null).map((d) => ({ salesperson: d.salesperson, date: receipt.valueDate })),
      );
      setReceiptDeal(db, id, deal);
      return requireFound(getReceipt(db, id), id);
    }),
    // Asynchronous: the first computation after start yields between customer ranges, so other calls are answered meanwhile.
    'receivables.report': read(async (db, { asOf, instalments, customers }) => {
      const report = await receivablesInSlices(db, asOf);
      return instalments && customers
        ? report
        : { ...report, instalments: instalments ? report.instalments : [], customers: customers ? report.customers : [] };
    }),
    'receivables.instalments': read(async (db, query) => instalmentPage((await receivablesInSlices(db, query.asOf)).instalments, query)),
    'receivables.customer': read((db, { customer, asOf }) => customerDetail(db, customer, asOf)),
    'receivables.dealCheck': read((db, args) => dealCheck(db, args)),
    'receivables.badDebts': read((db, { asOf }) => badDebts(db, asOf)),
    'writeOffs.list': read((db, filter) => listWriteOffs(db, filter)),
    'writeOffs.create': write((db, w) => {
      const deal = checkWriteOff(db, w);
      assertUnlocked(db, { salesperson: deal.salesperson, date: w.date });
      return requireFound(getWriteOff(db, insertWriteOff(db, w)), 'writeOff');
    }),
    'writeOffs.delete': write((db, { id }) => {
      const w = requireFound(getWriteOff(db, id), id);
      const deal = checkedDeal(db, w.deal);
      if (deal) assertUnlocked(db, { salesperson: deal.salesperson, date: w.date });
      deleteWriteOff(db, id);
      return null;
    }),
    'writeOffs.smallBalances': read((db, { asOf }) => smallBalances(db, asOf)),
    'writeOffs.writeOffSmall': write((db, { asOf, reason }) => {
      const small = smallBalances(db, asOf);
      for (const s of small) {
        const w = { deal: s.deal, number: s.number, date: asOf, amount: s.outstanding, kind: 'bank_charges' as const, reason: reason ?? '小额尾差一键核销' };
        const deal = checkWriteOff(db, w);
        assertUnlocked(db, { salesperson: deal.salesperson, date: asOf });
        insertWriteOff(db, w);
      }
      return { created: small.length };
    }),
    'customers.acceptGrade': write((db, { customer, grade, asOf }, audit) => {
      const before = getCustomer(db, customer);
      if (!before) throw new DomainError('notFound.customer', { id: customer }, { field: 'customer' });
      setCreditGrade(db, customer, grade);
      audit.note({ action: 'customers.creditGrade', entity: 'customer', entityId: customer, detail: { from: before.creditGrade, to: grade, asOf } });
      return requireFound(getCustomer(db, customer), customer);
    }),
  };
}

function checkedDeal(db: ReadDb, id: string): { salesperson: string } | null {
  return dealSalesperson(db, id);
}
