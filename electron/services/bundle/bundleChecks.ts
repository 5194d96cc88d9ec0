import { DomainError } from '../../../shared/api/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Bundle } from '../../../shared/schemas/bundle';

/**
 * What the schema cannot see: ids used twice and references to records the bundle does not
 * have. Each problem names the record's place in the file, e.g. `deals[12](D0013).salesperson`.
 */
export function checkBundle(bundle: Bundle): void {
  const plans = uniqueIds(bundle.commissionPlans, 'commissionPlans');
  const people = uniqueIds(bundle.salespeople, 'salespeople');
  const customers = uniqueIds(bundle.customers, 'customers');
  uniqueIds(bundle.deals, 'deals');
  bundle.salespeople.forEach((p, i) => refers(plans, p.commissionPlan, 'ref.plan', `salespeople[${i}](${p.id}).commissionPlan`));
  bundle.customers.forEach((c, i) => refers(people, c.owner, 'ref.salesperson', `customers[${i}](${c.id}).owner`));
  bundle.deals.forEach((d, i) => {
    refers(people, d.salesperson, 'ref.salesperson', `deals[${i}](${d.id}).salesperson`);
    refers(customers, d.customer, 'ref.customer', `deals[${i}](${d.id}).customer`);
  });
  const batches = new Set(bundle.importBatches.map((b) => String(b.id)));
  const refs = new Set<string>();
  bundle.receipts.forEach((r, i) => {
    refers(customers, r.customer, 'ref.customer', `receipts[${i}].customer`);
    refers(people, r.salesperson, 'ref.salesperson', `receipts[${i}].salesperson`);
    refers(people, r.matchedOwner, 'ref.salesperson', `receipts[${i}].matchedOwner`);
    refers(batches, r.batch === null ? null : String(r.batch), 'batch.missing', `receipts[${i}].batch`);
    if (r.ref !== null) {
      if (refs.has(r.ref)) throw new DomainError('dup.id', { id: r.ref }, { field: `receipts[${i}].ref` });
      refs.add(r.ref);
    }
  });
  bundle.errors.forEach((e, i) => refers(people, e.salesperson, 'ref.salesperson', `errors[${i}].salesperson`));
  bundle.adjustments.forEach((a, i) => refers(people, a.salesperson, 'ref.salesperson', `adjustments[${i}].salesperson`));
  checkPerQuarter(bundle.documents, people, 'documents', 'dup.document');
  checkPerQuarter(bundle.targets, people, 'targets', 'dup.target');
  checkPerQuarter(bundle.appraisals, people, 'appraisals', 'dup.target');
  checkFxRates(bundle.fxRates);
}

function uniqueIds(records: readonly { id: string }[], list: string): Set<string> {
  const ids = new Set<string>();
  records.forEach((record, i) => {
    if (ids.has(record.id)) throw new DomainError('dup.id', { id: record.id }, { field: `${list}[${i}].id` });
    ids.add(record.id);
  });
  return ids;
}

export function refers(ids: Set<string>, id: string | null, code: MessageKey, field: string): void {
  if (id !== null && !ids.has(id)) throw new DomainError(code, { id }, { field });
}

function checkPerQuarter(records: readonly { salesperson: string; quarter: string }[], people: Set<string>, list: string, code: MessageKey): void {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    refers(people, record.salesperson, 'ref.salesperson', `${list}[${i}].salesperson`);
    const key = `${record.salesperson} ${record.quarter}`;
    if (seen.has(key)) throw new DomainError(code, { id: record.salesperson, quarter: record.quarter }, { field: `${list}[${i}]` });
    seen.add(key);
  });
}

function checkFxRates(rates: Bundle['fxRates']): void {
  const seen = new Set<string>();
  rates.forEach((rate, i) => {
    const key = `${rate.month} ${rate.currency}`;
    if (rate.currency === 'CNY') throw new DomainError('input.currency', {}, { field: `fxRates[${i}].currency` });
    if (seen.has(key)) throw new DomainError('dup.fxRate', { month: rate.month, currency: rate.currency }, { field: `fxRates[${i}]` });
    seen.add(key);
  });
}
