import type { ImportContext } from '../../../shared/bank/classify';
import { normalizePayerName } from '../../../shared/matching/payerName';
import type { ReadDb } from '../../db/handles';
import { getCompany } from '../../db/repositories/company';
import { getFxRate } from '../../db/repositories/fxRates';
import { approvedAmong } from '../../db/repositories/appraisals';
import { getSalesperson } from '../../db/repositories/salespeople';
import { existingReceiptValues } from '../../db/repositories/receipts';
import { quarterOfDate } from '../../../shared/quarter';
import type { MessageParams } from '../../../shared/i18n/messages';
import { payerMatcher } from '../matching';

function cached<T>(lookup: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, lookup(key));
    return cache.get(key) as T;
  };
}

export function importContext(db: ReadDb): ImportContext {
  const customer = payerMatcher(db);
  const rate = cached((key: string) => {
    const [month = '', currency = ''] = key.split(' ');
    return getFxRate(db, month, currency);
  });

  // Whose approved quarter a receipt would change (SPEC §8): asked once per person and quarter.
  const locked = cached((key: string): MessageParams | null => {
    const [salesperson = '', quarter = ''] = key.split(' ');
    const hit = approvedAmong(db, [{ salesperson, quarter }]);
    return hit ? { name: getSalesperson(db, hit.salesperson)?.name ?? hit.salesperson, salesperson: hit.salesperson, quarter: hit.quarter } : null;
  });

  return {
    lockedFor: (owner, date) => (owner === null ? null : locked(`${owner} ${quarterOfDate(date)}`)),
    companyKey: normalizePayerName(getCompany(db)?.name ?? ''),
    customerOf: customer,
    tableRate: (month, currency) => rate(`${month} ${currency}`),
    storedAmong: (references, fingerprints) =>
      new Set([...existingReceiptValues(db, 'ref', references), ...existingReceiptValues(db, 'fingerprint', fingerprints)]),
  };
}
