import type { ImportContext } from '../../../shared/bank/classify';
import { normalizePayerName } from '../../../shared/matching/payerName';
import type { Db } from '../../db/connection';
import { getCompany } from '../../db/repositories/company';
import { getFxRate } from '../../db/repositories/fxRates';
import { approvedAmong } from '../../db/repositories/appraisals';
import { getSalesperson } from '../../db/repositories/salespeople';
import { prepared } from '../../db/statements';
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

const CHUNK = 500;

/** The values of `column` among `values` that receipts already have, asked 500 at a time. */
function existing(db: Db, column: 'ref' | 'fingerprint', values: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const sql = `SELECT ${column} AS v FROM receipts WHERE ${column} IN (${chunk.map(() => '?').join(',')})`;
    for (const row of prepared(db, sql).all(...chunk) as { v: string }[]) found.push(row.v);
  }
  return found;
}

export function importContext(db: Db): ImportContext {
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
    storedAmong: (references, fingerprints) => new Set([...existing(db, 'ref', references), ...existing(db, 'fingerprint', fingerprints)]),
  };
}
