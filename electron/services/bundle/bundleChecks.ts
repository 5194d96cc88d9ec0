import { DomainError } from '../../../shared/api/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Bundle, BundleReceipt } from '../../../shared/schemas/bundle';
import { fenToText, toFen } from '../../../shared/money';
import { instalmentsAsOf } from '../../../shared/receivables/schedule';
import { checkOpening } from '../receivablesChecks';

/**
 * What the schema cannot see: ids used twice and references to records the bundle does not
 * have. Each problem names the record's place in the file, e.g. `deals[12](D0013).salesperson`.
 */
export function checkBundle(bundle: Bundle, options: { streamed?: boolean } = {}): void {
  const plans = uniqueIds(bundle.commissionPlans, 'commissionPlans');
  const people = uniqueIds(bundle.salespeople, 'salespeople');
  const customers = uniqueIds(bundle.customers, 'customers');
  const deals = uniqueIds(bundle.deals, 'deals');
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
  checkPerQuarter(bundle.appraisalSnapshots, people, 'appraisalSnapshots', 'dup.target');
  checkSnapshots(bundle);
  checkFxRates(bundle.fxRates);
  // A streamed load has no deals yet: it runs these once it has read them.
  if (!options.streamed) checkReceivables(bundle, deals);
}

/**
 * SPEC §12 in a bundle: terms ids that exist, opening balances given whole, a pin to a deal of
 * the receipt's own customer (a pin to another currency or on a refund is allowed: the
 * allocation treats it as unpinned), write-offs on instalments that exist and within them.
 */
export function checkReceivables(bundle: Bundle, deals: Set<string>, receipts: Iterable<[number, BundleReceipt]> = bundle.receipts.entries()): void {
  const terms = new Map(bundle.settings.paymentTerms.map((t) => [t.id, t]));
  const known = new Set(terms.keys());
  refers(known, bundle.settings.defaultTerms, 'terms.unknown', 'settings.defaultTerms');
  bundle.customers.forEach((c, i) => refers(known, c.terms, 'terms.unknown', `customers[${i}](${c.id}).terms`));
  bundle.deals.forEach((d, i) => {
    refers(known, d.terms, 'terms.unknown', `deals[${i}](${d.id}).terms`);
    checkOpening(d, `deals[${i}](${d.id}).openingBalance`);
  });
  const dealById = new Map(bundle.deals.map((d) => [d.id, d]));
  for (const [i, r] of receipts) {
    refers(deals, r.deal, 'ref.deal', `receipts[${i}].deal`);
    const deal = r.deal === null ? undefined : dealById.get(r.deal);
    if (deal && r.customer !== null && deal.customer !== r.customer) {
      throw new DomainError(
        'pin.otherCustomer',
        { receiptCustomer: r.customer, dealCustomer: deal.customer ?? '-', deal: deal.id },
        { field: `receipts[${i}].deal` },
      );
    }
  }
  const customerTerms = new Map(bundle.customers.map((c) => [c.id, c.terms]));
  const settings = { termsById: terms, defaultTerms: bundle.settings.defaultTerms, receivablesFrom: bundle.settings.receivablesFrom };
  const taken = new Map<string, number>();
  bundle.writeOffs.forEach((w, i) => {
    const field = `writeOffs[${i}]`;
    const deal = dealById.get(w.deal);
    if (!deal) throw new DomainError('ref.deal', { id: w.deal }, { field: `${field}.deal` });
    const schedule = instalmentsAsOf(
      {
        ...deal,
        amountFen: toFen(deal.amount),
        active: deal.status === 'active',
        openingBalanceFen: deal.openingBalance === null ? null : toFen(deal.openingBalance),
      },
      deal.customer === null ? null : (customerTerms.get(deal.customer) ?? null),
      settings,
      '9999-12-31',
    );
    const instalment = schedule.find((s) => s.number === w.number);
    if (!instalment) throw new DomainError('writeOff.noInstalment', { deal: deal.id, number: w.number }, { field: `${field}.number` });
    const key = `${w.deal} ${w.number}`;
    const total = (taken.get(key) ?? 0) + toFen(w.amount);
    if (total > instalment.amountFen) {
      const max = fenToText(Math.max(0, instalment.amountFen - (taken.get(key) ?? 0)));
      throw new DomainError(
        'writeOff.tooLarge',
        { amount: w.amount, max, currency: deal.currency, deal: deal.id, number: w.number },
        { field: `${field}.amount` },
      );
    }
    taken.set(key, total);
  });
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

/**
 * `refers` for the million records of a bundle's deals and receipts: the field's path
 * (`receipts[12].customer`, `deals[3](D3).salesperson`) is written only when the check fails.
 * Built for every record, those strings cost seconds of a load and its garbage.
 */
export function refersAt(ids: Set<string>, id: string | null, code: MessageKey, list: string, index: number, key: string, recordId?: string): void {
  if (id !== null && !ids.has(id)) refers(ids, id, code, `${list}[${index}]${recordId === undefined ? '' : `(${recordId})`}.${key}`);
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

/** A snapshot is what an approval stored: it belongs to an approved appraisal of its own person. */
function checkSnapshots(bundle: Bundle): void {
  const approved = new Set(bundle.appraisals.filter((a) => a.stage === 'approved' || a.stage === 'archived').map((a) => `${a.salesperson} ${a.quarter}`));
  bundle.appraisalSnapshots.forEach((s, i) => {
    if (!approved.has(`${s.salesperson} ${s.quarter}`) || s.data.row.salesperson !== s.salesperson) {
      throw new DomainError('bundle.snapshotNotApproved', { id: s.salesperson, quarter: s.quarter }, { field: `appraisalSnapshots[${i}]` });
    }
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
