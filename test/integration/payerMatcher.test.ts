import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { payerMatcher } from '../../electron/services/matching';
import { ok, tempDir } from '../helpers';

/*
 * SPEC §10: a payer belongs to the one customer whose name or alias reads alike; to nobody when
 * none or several do. The matcher asks the database one name at a time, and past a few hundred
 * names reads every customer's keys at once; both ways must give the same answers.
 */

async function companyDb(): Promise<WriteDb> {
  const db = openDatabase(path.join(tempDir(), 'payers.db'), { create: true });
  const api = createApi(createServices(db));
  await ok(api['plans.save']({ id: 'std', brackets: [{ upTo: null, rate: '0.01' }], newCustomerBonus: '0' }));
  await ok(api['salespeople.create']({ id: 'S1', name: '张三', performanceBasePay: '2000', commissionPlan: 'std' }));
  const customer = (id: string, name: string, owner: string | null, aliases: string[] = []) =>
    ok(api['customers.create']({ id, name, aliases, ...(owner ? { owner } : {}) }));
  await customer('C1', 'Pacific Imports S.A.S.', 'S1', ['PACIFIC IMP']);
  // Two customers whose names read alike: a payer of that name is nobody's.
  await customer('C2', 'Nordic Trading Ltd', 'S1');
  await customer('C3', 'NORDIC TRADING LIMITED', null);
  // One customer reached by its name and by an alias reading alike: still one customer.
  await customer('C4', 'Acme Co', null, ['ACME COMPANY']);
  // A name whose key, normalised again, is another key.
  await customer('C5', 'The The Company', 'S1');
  for (let i = 0; i < 300; i++) await customer(`F${i}`, `FILLER ${i} GMBH`, null);
  return db;
}

const PAYERS: [string, string | null][] = [
  ['PACIFIC IMPORTS SAS', 'C1'],
  ['pacific imp', 'C1'],
  ['NORDIC TRADING LTD', null],
  ['ACME COMPANY', 'C4'],
  ['THE THE COMPANY', 'C5'],
  ['UNKNOWN PAYER', null],
  ['', null],
];

describe('matching payers to customers', () => {
  it('answers alike one name at a time and from every key at once', async () => {
    const db = await companyDb();
    const fresh = payerMatcher(db);
    const few = PAYERS.map(([payer]) => fresh(payer)?.id ?? null);
    expect(few).toEqual(PAYERS.map(([, id]) => id));

    // Past a few hundred distinct names the matcher reads every key at once; the same payers after that.
    const busy = payerMatcher(db);
    for (let i = 0; i < 300; i++) expect(busy(`FILLER ${i} GMBH`)?.id).toBe(`F${i}`);
    expect(PAYERS.map(([payer]) => busy(payer)?.id ?? null)).toEqual(PAYERS.map(([, id]) => id));
    expect(busy('PACIFIC IMPORTS SAS')?.owner).toBe('S1');
    db.close();
  });
});
