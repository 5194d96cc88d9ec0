import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { ok, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;

/** Two salespeople, one customer, and receipts from a payer no customer is named after. */
beforeEach(async () => {
  db = openDatabase(path.join(tempDir(), 'payers.db'), { create: true });
  api = createApi(createServices(db));
  await ok(api['plans.save']({ id: 'std', brackets: [{ upTo: null, rate: '0.01' }], newCustomerBonus: '0' }));
  await ok(api['salespeople.create']({ id: 'S1', name: '张三', performanceBasePay: '2000', commissionPlan: 'std' }));
  await ok(api['salespeople.create']({ id: 'S2', name: '李四', performanceBasePay: '2000', commissionPlan: 'std' }));
  await ok(api['customers.create']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', aliases: [] }));
  for (const [date, amount] of [
    ['2026-07-03', '1000.00'],
    ['2026-08-11', '2500.00'],
  ] as const) {
    await ok(api['receipts.create']({ valueDate: date, currency: 'CNY', amount, remitter: 'ZENITH HOLDINGS LIMITED' }));
  }
  await ok(api['receipts.create']({ valueDate: '2026-07-20', currency: 'CNY', amount: '700.00', remitter: 'OTHER PAYER' }));
});

function customerOf(remitter: string): (string | null)[] {
  return (db.prepare('SELECT customer_id AS c FROM receipts WHERE remitter = ? ORDER BY id').all(remitter) as { c: string | null }[]).map((r) => r.c);
}

function approve(salesperson: string, quarter: string): void {
  db.prepare("INSERT INTO appraisals (salesperson_id, quarter, updated_at, stage) VALUES (?, ?, '2026-10-20T00:00:00Z', 'approved')").run(salesperson, quarter);
}

describe('assigning unmatched payers, recorded and undoable', () => {
  it('listing assignments writes nothing to the audit log', async () => {
    const before = (await ok(api['audit.list']({}))).total;
    await ok(api['payers.assignments']({}));
    expect((await ok(api['audit.list']({}))).total).toBe(before);
  });

  it('assign then undo restores the payer as unmatched and removes the alias', async () => {
    const { matched, assignment } = await ok(api['payers.assign']({ payer: 'ZENITH HOLDINGS LIMITED', customer: 'C1' }));
    expect(matched).toBe(2);
    expect(customerOf('ZENITH HOLDINGS LIMITED')).toEqual(['C1', 'C1']);
    expect((await ok(api['customers.list']({ search: 'C1' }))).rows[0]?.aliases).toEqual(['ZENITH HOLDINGS LIMITED']);
    const listed = await ok(api['payers.assignments']({}));
    expect(listed).toMatchObject([
      { id: assignment, payer: 'ZENITH HOLDINGS LIMITED', customer: 'C1', receipts: 2, cny: '3500.00', aliasAdded: true, undoneAt: null },
    ]);

    expect(await ok(api['payers.undoAssign']({ id: assignment }))).toEqual({ unassigned: 2 });
    expect(customerOf('ZENITH HOLDINGS LIMITED')).toEqual([null, null]);
    expect((await ok(api['customers.list']({ search: 'C1' }))).rows[0]?.aliases).toEqual([]);
    const queue = await ok(api['payers.unmatched']({}));
    expect(queue.find((p) => p.payer === 'ZENITH HOLDINGS LIMITED')).toMatchObject({ count: 2, cny: '3500.00' });
    expect((await ok(api['payers.assignments']({})))[0]?.undoneAt).not.toBeNull();
    expect(await api['payers.undoAssign']({ id: assignment })).toMatchObject({ ok: false, error: { code: 'payerAssign.undone' } });
  });

  it('refuses the undo while an approved appraisal counts one of the receipts, naming it', async () => {
    const { assignment } = await ok(api['payers.assign']({ payer: 'ZENITH HOLDINGS LIMITED', customer: 'C1' }));
    approve('S1', '2026Q3');
    const refused = await api['payers.undoAssign']({ id: assignment });
    expect(refused).toMatchObject({ ok: false, error: { code: 'payerAssign.locked' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/张三.*2026Q3/);
    // Nothing changed: still matched, alias kept, not marked undone.
    expect(customerOf('ZENITH HOLDINGS LIMITED')).toEqual(['C1', 'C1']);
    expect((await ok(api['customers.list']({ search: 'C1' }))).rows[0]?.aliases).toEqual(['ZENITH HOLDINGS LIMITED']);
    expect((await ok(api['payers.assignments']({})))[0]?.undoneAt).toBeNull();
  });

  it('removing an alias by editing the customer unassigns what it matched, unless approved', async () => {
    await ok(api['payers.assign']({ payer: 'ZENITH HOLDINGS LIMITED', customer: 'C1' }));
    approve('S1', '2026Q3');
    const refused = await api['customers.update']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', aliases: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'alias.locked' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/张三.*2026Q3/);
    db.prepare('DELETE FROM appraisals').run();
    await ok(api['customers.update']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', aliases: [] }));
    expect(customerOf('ZENITH HOLDINGS LIMITED')).toEqual([null, null]);
    // The assignment that added the alias is over with it.
    expect((await ok(api['payers.assignments']({})))[0]?.undoneAt).not.toBeNull();
  });

  it('a new customer named like an unmatched payer picks up its receipts, credited to its owner', async () => {
    await ok(api['customers.create']({ id: 'C2', name: 'Zenith Holdings Ltd.', owner: 'S2', aliases: [] }));
    expect(customerOf('ZENITH HOLDINGS LIMITED')).toEqual(['C2', 'C2']);
    const owners = db.prepare("SELECT matched_owner_id AS o FROM receipts WHERE remitter = 'ZENITH HOLDINGS LIMITED'").all() as { o: string }[];
    expect(owners.map((r) => r.o)).toEqual(['S2', 'S2']);
    expect(customerOf('OTHER PAYER')).toEqual([null]);
    // An alias added later picks up that payer too.
    await ok(api['customers.update']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', aliases: ['Other Payer'] }));
    expect(customerOf('OTHER PAYER')).toEqual(['C1']);
  });

  it('offers only suggestions at or above the similarity threshold', async () => {
    await ok(api['customers.create']({ id: 'C3', name: 'ZENITH HOLDING GROUP', owner: 'S1', aliases: [] }));
    await ok(api['customers.create']({ id: 'C4', name: 'HOLDINGS TRADING LIMITED', owner: 'S1', aliases: [] }));
    const zenith = (await ok(api['payers.unmatched']({}))).find((p) => p.payer === 'ZENITH HOLDINGS LIMITED');
    expect(zenith?.suggestions.map((s) => s.customer)).toEqual(['C3']);
    expect(
      zenith?.suggestions.filter((s) => s.score < 0.6),
      'suggestions under the 0.6 threshold',
    ).toEqual([]);
  });
});
