import type { ImportContext } from '../../../shared/bank/classify';
import { normalizePayerName } from '../../../shared/matching/payerName';
import type { Db } from '../../db/connection';
import { getCompany } from '../../db/repositories/company';
import { customersNamed } from '../../db/repositories/customers';
import { getFxRate } from '../../db/repositories/fxRates';
import { prepared } from '../../db/statements';

function cached<T>(lookup: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, lookup(key));
    return cache.get(key) as T;
  };
}

export function importContext(db: Db): ImportContext {
  const customer = cached((key: string) => {
    const found = customersNamed(db, key);
    return found.length === 1 ? (found[0] ?? null) : null;
  });
  const rate = cached((key: string) => {
    const [month = '', currency = ''] = key.split(' ');
    return getFxRate(db, month, currency);
  });
  const byRef = prepared(db, 'SELECT 1 FROM receipts WHERE ref = ?');
  const byFingerprint = prepared(db, 'SELECT 1 FROM receipts WHERE fingerprint = ?');
  return {
    companyKey: normalizePayerName(getCompany(db)?.name ?? ''),
    customerOf: (name) => (name ? customer(normalizePayerName(name)) : null),
    tableRate: (month, currency) => rate(`${month} ${currency}`),
    isStored: (reference, fingerprint) =>
      reference !== null ? byRef.get(reference) !== undefined : fingerprint !== null && byFingerprint.get(fingerprint) !== undefined,
  };
}
