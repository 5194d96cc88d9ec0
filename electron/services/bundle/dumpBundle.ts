import type { Salesperson, TargetIndicator } from '../../../shared/domain';
import type { StoredReceipt } from '../../../shared/entities';
import type { BundleInput, ReceiptInput, SalespersonInput, TargetIndicatorInput } from '../../../shared/schemas/bundle';
import type { ReadDb } from '../../db/handles';
import { listAdjustments } from '../../db/repositories/adjustments';
import { listAppraisals } from '../../db/repositories/appraisals';
import { listSnapshots } from '../../db/repositories/appraisalSnapshots';
import { listPlans } from '../../db/repositories/commissionPlans';
import { getCompany, getSettings } from '../../db/repositories/company';
import { allCustomers } from '../../db/repositories/customers';
import { allDeals } from '../../db/repositories/deals';
import { listDocumentCounts } from '../../db/repositories/documentCounts';
import { listErrorRecords } from '../../db/repositories/errorRecords';
import { listFxRates } from '../../db/repositories/fxRates';
import { listColumnMappings } from '../../db/repositories/columnMappings';
import { listBatches } from '../../db/repositories/importBatches';
import { allReceipts } from '../../db/repositories/receipts';
import { allWriteOffs } from '../../db/repositories/writeOffs';
import { listSalespeople } from '../../db/repositories/salespeople';
import { listTargetSheets } from '../../db/repositories/targets';

/** Drops null and false fields so a dump reads like the bundles people write by hand. */
function compact<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== false && v !== undefined)) as Partial<T>;
}

/**
 * The whole database as a bundle (SPEC §9). `load` of the result rebuilds the same database:
 * a receipt keeps `matchedOwner` only where it differs from its customer's owner today.
 */
export function dumpBundle(db: ReadDb): BundleInput {
  const customers = allCustomers(db);
  const columnMappings = listColumnMappings(db);
  const owners = new Map(customers.map((c) => [c.id, c.owner]));
  return {
    format: 'trade-kpi-bundle',
    version: 1,
    company: getCompany(db) ?? { name: '', baseCurrency: 'CNY' },
    settings: getSettings(db),
    commissionPlans: listPlans(db),
    salespeople: listSalespeople(db).map((p) => ({ ...compact<Salesperson>(p), id: p.id, name: p.name }) as SalespersonInput),
    // Credit grade B is the default: left out, like other defaults, so bundles without it dump as they were.
    customers: customers.map(({ creditGrade, ...c }) => ({
      ...compact(c),
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      ...(creditGrade !== 'B' ? { creditGrade } : {}),
    })),
    fxRates: listFxRates(db),
    deals: allDeals(db).map((d) => ({ ...compact(d), id: d.id, salesperson: d.salesperson, signedOn: d.signedOn, currency: d.currency, amount: d.amount })),
    receipts: allReceipts(db).map((r) => dumpReceipt(r, owners)),
    errors: listErrorRecords(db).map(({ id: _id, ...e }) => ({ ...compact(e), salesperson: e.salesperson, date: e.date, weight: e.weight })),
    documents: listDocumentCounts(db),
    targets: listTargetSheets(db).map((sheet) => ({ ...sheet, indicators: sheet.indicators.map(dumpIndicator) })),
    adjustments: listAdjustments(db).map((a) => ({
      salesperson: a.salesperson,
      ...(a.period.includes('Q') ? { quarter: a.period } : { year: Number(a.period) }),
      points: Number(a.points),
      reason: a.reason,
    })),
    appraisals: listAppraisals(db).map((a) => ({ ...a, steps: a.steps as Record<string, unknown>, result: a.result ?? undefined })),
    appraisalSnapshots: listSnapshots(db).map((s) => ({ ...s, data: s.data as unknown as { row: Record<string, unknown> } })),
    importBatches: listBatches(db)
      .reverse()
      .map((b) => ({ ...compact(b), id: b.id, source: b.source, createdAt: b.createdAt })),
    // Remembered statement column mappings (SPEC §10); left out while there are none.
    ...(columnMappings.length > 0
      ? { columnMappings: columnMappings.map((m) => ({ ...compact(m), headerKey: m.headerKey, columns: m.columns, createdAt: m.createdAt })) }
      : {}),
    ...writeOffsOf(db),
  };
}

/** Write-offs only when there are any, so bundles from before receivables dump as they were. */
function writeOffsOf(db: ReadDb): { writeOffs?: BundleInput['writeOffs'] } {
  const writeOffs = allWriteOffs(db).map(({ id: _id, ...w }) => w);
  return writeOffs.length > 0 ? { writeOffs } : {};
}

function dumpReceipt(receipt: StoredReceipt, owners: Map<string, string | null>): ReceiptInput {
  const { id: _id, batchId, matchedOwner, ...rest } = receipt;
  const ownerNow = rest.customer === null ? null : (owners.get(rest.customer) ?? null);
  return {
    ...compact(rest),
    valueDate: rest.valueDate,
    currency: rest.currency,
    amount: rest.amount,
    ...(matchedOwner !== ownerNow ? { matchedOwner } : {}),
    ...(batchId !== null ? { batch: batchId } : {}),
  };
}

/** Weights and counts as JSON numbers, money and rates as text, as SPEC's bundle shows them. */
function dumpIndicator(indicator: TargetIndicator): TargetIndicatorInput {
  const { kpi, weight, target, ...rest } = indicator;
  return {
    kpi,
    weight: Number(weight),
    ...(target !== undefined ? { target: kpi === 'new_customers' ? Number(target) : target } : {}),
    ...rest,
  };
}
