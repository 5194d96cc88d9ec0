import type { LoadSummary } from '../../../shared/api/contract';
import { DomainError } from '../../../shared/api/errors';
import { bundleSchema, type Bundle } from '../../../shared/schemas/bundle';
import { issueToError } from '../../../shared/schemas/issues';
import type { Db } from '../../db/connection';
import { insertAdjustment } from '../../db/repositories/adjustments';
import { savePlan } from '../../db/repositories/commissionPlans';
import { setCompany, setSettings } from '../../db/repositories/company';
import { insertCustomer } from '../../db/repositories/customers';
import { insertDeal } from '../../db/repositories/deals';
import { setDocumentCount } from '../../db/repositories/documentCounts';
import { insertErrorRecord } from '../../db/repositories/errorRecords';
import { setFxRate } from '../../db/repositories/fxRates';
import { insertBatch } from '../../db/repositories/importBatches';
import { insertReceipt } from '../../db/repositories/receipts';
import { insertWriteOff } from '../../db/repositories/writeOffs';
import { insertSalesperson } from '../../db/repositories/salespeople';
import { setTargetSheet } from '../../db/repositories/targets';
import { appendAudit } from '../../db/repositories/auditLog';
import { saveAppraisal } from '../../db/repositories/appraisals';
import type { StepRecords } from '../../../shared/schemas/workflow';
import { withIndexesRebuilt } from '../../db/bulkLoad';
import { DATA_TABLES } from '../../db/dataTables';
import { inTransaction } from '../../db/statements';
import { payerMatcher } from '../matching';
import { checkBundle } from './bundleChecks';

/** Parses and checks a bundle completely before anything is written. */
export function parseBundle(raw: unknown, source = 'bundle'): Bundle {
  const shape = raw as { format?: unknown; version?: unknown } | null;
  if (shape === null || typeof shape !== 'object' || shape.format !== 'trade-kpi-bundle' || shape.version !== 1) {
    throw new DomainError('bundle.format', { file: source });
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const error = issueToError(parsed.error, raw);
    throw new DomainError(error.code, error.params, error.field === undefined ? {} : { field: error.field });
  }
  checkBundle(parsed.data);
  return parsed.data;
}

/** Replaces every record in the database with the bundle's, in one transaction (SPEC §9). */
export function loadBundle(db: Db, raw: unknown, source?: string): LoadSummary {
  return replaceWithBundle(db, parseBundle(raw, source), source);
}

/** `loadBundle` for a bundle that `parseBundle` has already checked. */
export function replaceWithBundle(db: Db, bundle: Bundle, source?: string): LoadSummary {
  return inTransaction(db, () => {
    for (const table of DATA_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    const summary = withIndexesRebuilt(db, ['deals', 'receipts'], () => writeBundle(db, bundle));
    appendAudit(db, { action: 'bundle.load', detail: { source: source ?? null, ...summary } });
    return summary;
  });
}

function writeBundle(db: Db, bundle: Bundle): LoadSummary {
  setCompany(db, bundle.company);
  setSettings(db, bundle.settings);
  bundle.commissionPlans.forEach((plan) => savePlan(db, plan));
  bundle.salespeople.forEach((person) => insertSalesperson(db, person));
  bundle.customers.forEach((customer) => insertCustomer(db, customer));
  bundle.fxRates.forEach((rate) => setFxRate(db, rate));
  bundle.deals.forEach((deal) => insertDeal(db, deal));
  bundle.importBatches.forEach((batch) => insertBatch(db, { ...batch, summary: batch.summary ?? null }));
  // Customers are written by now, so payers are matched as an import would match them.
  const matchPayer = payerMatcher(db);
  const owners = new Map(bundle.customers.map((c) => [c.id, c.owner]));
  let matched = 0;
  let unmatched = 0;
  for (const receipt of bundle.receipts) {
    const customer = receipt.customer ?? (receipt.notCustomer ? null : (matchPayer(receipt.remitter)?.id ?? null));
    if (customer !== null) matched++;
    else if (!receipt.notCustomer && receipt.salesperson === null) unmatched++;
    const matchedOwner = customer === null ? null : (receipt.matchedOwner ?? owners.get(customer) ?? null);
    insertReceipt(db, { ...receipt, customer, matchedOwner, batchId: receipt.batch });
  }
  bundle.writeOffs.forEach((w) => insertWriteOff(db, w));
  bundle.errors.forEach((record) => insertErrorRecord(db, record));
  bundle.documents.forEach((d) => setDocumentCount(db, d.salesperson, d.quarter, d.count));
  bundle.targets.forEach((sheet) => setTargetSheet(db, sheet));
  for (const a of bundle.appraisals) {
    saveAppraisal(db, { ...a, steps: a.steps as StepRecords, overrideReason: a.overrideReason, result: a.result ?? null });
  }
  for (const a of bundle.adjustments) {
    insertAdjustment(db, { salesperson: a.salesperson, period: a.quarter ?? String(a.year), points: a.points, reason: a.reason });
  }
  return {
    salespeople: bundle.salespeople.length,
    customers: bundle.customers.length,
    deals: bundle.deals.length,
    receipts: bundle.receipts.length,
    matched,
    unmatched,
  };
}

