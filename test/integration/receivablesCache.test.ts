import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import type { BundleInput } from '../../shared/schemas/bundle';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { computeReceivables } from '../../electron/services/receivablesService';
import { generateCompany } from '../../bench/generateCompany';
import { withReceivables } from '../../bench/receivables';
import { ok, tempDir } from '../helpers';

/*
 * The 应收 page's report is kept per customer and put together again after a write from the
 * customers the write touched (migration 014's revisions). After every kind of write, the kept
 * report must be exactly what a fresh computation on a new connection gives.
 */

const AS_OF = '2026-09-30';

type Setup = { db: WriteDb; api: Api; file: string; company: BundleInput };

function company(): BundleInput {
  return withReceivables(generateCompany({ salespeople: 3, customers: 24, deals: 240, receipts: 480 }));
}

function setup(): Setup {
  const file = path.join(tempDir(), 'cache.db');
  const db = openDatabase(file, { create: true });
  const bundle = company();
  loadBundle(db, bundle, 'test');
  return { db, api: createApi(createServices(db)), file, company: bundle };
}

/** The report as a new connection computes it from scratch (as `tkpi receivables` would). */
function fresh(file: string) {
  const other = openDatabase(file);
  try {
    return JSON.parse(JSON.stringify(computeReceivables(other, AS_OF))) as unknown;
  } finally {
    other.close();
  }
}

async function report(api: Api) {
  return JSON.parse(JSON.stringify(await ok(api['receivables.report']({ asOf: AS_OF })))) as unknown;
}

/** A customer of the bundle with active deals and counted receipts, and one of its deals. */
function busyCustomer(db: WriteDb): { customer: string; deal: string; other: string } {
  const row = db
    .prepare(
      `SELECT d.customer_id AS customer, d.id AS deal FROM deals d
       WHERE d.status = 'active' AND d.shipped_on IS NOT NULL AND d.signed_on <= '2026-06-30'
         AND EXISTS (SELECT 1 FROM receipts r WHERE r.customer_id = d.customer_id AND r.value_date <= '2026-09-30' AND r.currency = d.currency)
       ORDER BY d.customer_id, d.id LIMIT 1`,
    )
    .get() as { customer: string; deal: string };
  const other = db.prepare('SELECT id FROM customers WHERE id <> ? ORDER BY id LIMIT 1').pluck().get(row.customer) as string;
  return { ...row, other };
}

function dealOf(s: Setup, id: string) {
  const deal = (s.company.deals ?? []).find((d) => d.id === id);
  if (!deal) throw new Error(`deal ${id} not in the bundle`);
  const shipped = s.db.prepare('SELECT terms_id, shipped_on FROM deals WHERE id = ?').get(id) as { terms_id: string | null; shipped_on: string | null };
  return { ...deal, customer: deal.customer ?? null, terms: shipped.terms_id, shippedOn: shipped.shipped_on };
}

function customerOf(s: Setup, id: string) {
  const customer = (s.company.customers ?? []).find((c) => c.id === id);
  if (!customer) throw new Error(`customer ${id} not in the bundle`);
  return customer;
}

function receiptOf(db: WriteDb, customer: string): { id: number; value_date: string; currency: string; amount_fen: number; ref: string | null } {
  return db
    .prepare("SELECT id, value_date, currency, amount_fen, ref FROM receipts WHERE customer_id = ? AND value_date <= '2026-09-30' ORDER BY id LIMIT 1")
    .get(customer) as { id: number; value_date: string; currency: string; amount_fen: number; ref: string | null };
}

const money = (fen: number) => (fen / 100).toFixed(2);

const WRITES: [string, (s: Setup) => Promise<void>][] = [
  [
    'a new deal',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      const owner = customerOf(s, customer).owner ?? 'S001';
      await ok(
        s.api['deals.create']({
          id: 'DNEW',
          salesperson: owner,
          customer,
          signedOn: '2026-05-02',
          currency: 'USD',
          amount: '12345.67',
          shippedOn: '2026-05-20',
        }),
      );
    },
  ],
  [
    'an edited deal (amount and shipping date)',
    async (s) => {
      const { deal } = busyCustomer(s.db);
      await ok(s.api['deals.update']({ ...dealOf(s, deal), amount: '99999.99', shippedOn: '2026-08-01' }));
    },
  ],
  [
    'a deleted deal',
    async (s) => {
      const { deal } = busyCustomer(s.db);
      await ok(s.api['deals.delete']({ id: deal }));
    },
  ],
  [
    'a deal moved to another customer',
    async (s) => {
      const { deal, other } = busyCustomer(s.db);
      await ok(s.api['deals.update']({ ...dealOf(s, deal), customer: other }));
    },
  ],
  [
    'a new receipt',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      await ok(s.api['receipts.create']({ ref: 'NEW1', valueDate: '2026-09-01', currency: 'USD', amount: '50000.00', customer }));
    },
  ],
  [
    'a bank statement import (its receipts fire no trigger: the import bumps their customers)',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      const name = customerOf(s, customer).name;
      const csv = ['交易日期,币种,贷方金额,对方户名,流水号', `2026-09-10,USD,"8,000.00","${name}",IMP0001`, `2026-09-11,USD,"500.00","${name}",IMP0002`].join(
        '\n',
      );
      const summary = await ok(s.api['bankImport.commit']({ fileName: 'statement.csv', content: Buffer.from(csv, 'utf8').toString('base64') }));
      expect(summary, 'both rows imported and matched to the customer').toMatchObject({ imported: 2 });
      expect(s.db.prepare("SELECT COUNT(*) FROM receipts WHERE ref LIKE 'IMP%' AND customer_id = ?").pluck().get(customer)).toBe(2);
    },
  ],
  [
    'an edited receipt (amount)',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      const r = receiptOf(s.db, customer);
      await ok(s.api['receipts.update']({ id: r.id, ref: r.ref, valueDate: r.value_date, currency: r.currency, amount: money(r.amount_fen * 3), customer }));
    },
  ],
  [
    'a deleted receipt',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      await ok(s.api['receipts.delete']({ id: receiptOf(s.db, customer).id }));
    },
  ],
  [
    'a receipt taken from its customer (unassigned)',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      const r = receiptOf(s.db, customer);
      await ok(s.api['receipts.update']({ id: r.id, ref: r.ref, valueDate: r.value_date, currency: r.currency, amount: money(r.amount_fen), customer: null }));
    },
  ],
  [
    'a receipt pinned to a later deal',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      const r = s.db
        .prepare(
          `SELECT r.id, d.id AS deal FROM receipts r JOIN deals d ON d.customer_id = r.customer_id AND d.currency = r.currency AND d.status = 'active'
           WHERE r.customer_id = ? AND r.amount_fen > 0 AND r.value_date <= '2026-09-30' ORDER BY d.signed_on DESC, r.id LIMIT 1`,
        )
        .get(customer) as { id: number; deal: string };
      await ok(s.api['receipts.pin']({ id: r.id, deal: r.deal }));
    },
  ],
  [
    'a write-off created, then another deleted',
    async (s) => {
      const { deal } = busyCustomer(s.db);
      await ok(s.api['writeOffs.create']({ deal, number: 1, date: '2026-09-15', amount: '1.00', kind: 'bad_debt', reason: '测试坏账' }));
      const existing = s.db.prepare("SELECT id FROM write_offs WHERE date <= '2026-09-30' ORDER BY id LIMIT 1").pluck().get() as number;
      await ok(s.api['writeOffs.delete']({ id: existing }));
    },
  ],
  [
    'a customer whose terms and credit limit change',
    async (s) => {
      const { customer } = busyCustomer(s.db);
      await ok(s.api['customers.update']({ ...customerOf(s, customer), terms: 'OA60', creditGrade: 'D', creditLimit: '1.00' }));
    },
  ],
  [
    'the payment terms setting',
    async (s) => {
      const terms = (await ok(s.api['settings.get']({}))).paymentTerms.map((t) =>
        t.id === 'TT30-70'
          ? {
              ...t,
              instalments: [
                { percent: '50', from: 'signed' as const, days: 0 },
                { percent: '50', from: 'shipped' as const, days: 30 },
              ],
            }
          : t,
      );
      await ok(s.api['settings.update']({ paymentTerms: terms }));
    },
  ],
  [
    'the month’s table rates',
    async (s) => {
      await ok(s.api['fxRates.set']({ month: '2026-09', currency: 'USD', rate: '6.5' }));
    },
  ],
  [
    'a bundle load',
    async (s) => {
      const other = withReceivables(generateCompany({ salespeople: 3, customers: 20, deals: 200, receipts: 300 }));
      await ok(s.api['bundle.load']({ bundle: { ...other, deals: (other.deals ?? []).slice(0, 150) }, source: 'other.json' }));
    },
  ],
  [
    'a write by a second connection to the same file (as tkpi would)',
    async (s) => {
      const { deal, customer } = busyCustomer(s.db);
      const second = openDatabase(s.file);
      second.prepare('UPDATE deals SET amount_fen = amount_fen * 2 WHERE id = ?').run(deal);
      second.prepare("INSERT INTO write_offs (deal_id, number, date, amount_fen, kind, reason) VALUES (?, 1, '2026-09-20', 100, 'claim', '索赔')").run(deal);
      second.prepare("UPDATE receipts SET value_date = '2026-09-29' WHERE id = ?").run(receiptOf(second, customer).id);
      second.close();
    },
  ],
];

describe('the kept receivables report equals a fresh computation after every kind of write', () => {
  it.each(WRITES)('after %s', async (_name, writeOnce) => {
    const s = setup();
    const before = await report(s.api);
    expect(before, 'before any write, the kept report is the fresh one').toEqual(fresh(s.file));
    await writeOnce(s);
    const after = await report(s.api);
    expect(after, 'the write changed the report (else this test could not fail)').not.toEqual(before);
    expect(after, 'the kept report after the write differs from a fresh computation').toEqual(fresh(s.file));
    const rows = (after as { instalments: unknown[] }).instalments;
    const page = await ok(s.api['receivables.instalments']({ asOf: AS_OF, offset: rows.length - 1, limit: 500 }));
    expect({ total: page.total, last: page.rows }, 'the instalment pages come from the same report').toEqual({ total: rows.length, last: rows.slice(-1) });
    s.db.close();
  });

  it('answers other calls while the first report is computed, and a write landing meanwhile is not lost', async () => {
    const s = setup();
    const settled: string[] = [];
    const first = s.api['receivables.report']({ asOf: AS_OF }).then((r) => (settled.push('report'), r));
    const people = s.api['salespeople.list']({}).then((r) => (settled.push('salespeople'), r));
    const { deal } = busyCustomer(s.db);
    const written = s.api['deals.update']({ ...dealOf(s, deal), amount: '77777.77' }).then((r) => (settled.push('write'), r));
    await Promise.all([first, people, written]);
    expect(settled, 'the report is computed in slices: calls made after it are answered before it').toEqual(['salespeople', 'write', 'report']);
    expect((await written).ok).toBe(true);
    const after = await report(s.api);
    expect(after, 'after a write that landed between the slices, the report is the fresh one').toEqual(fresh(s.file));
    s.db.close();
  });

  it('recomputes nothing when nothing was written, and sees a write rolled back as no change', async () => {
    const s = setup();
    const first = await ok(s.api['receivables.report']({ asOf: AS_OF }));
    expect(await ok(s.api['receivables.report']({ asOf: AS_OF })), 'same object while nothing changed').toEqual(first);
    const { deal } = busyCustomer(s.db);
    // A failed write (a write-off beyond its instalment) changes nothing.
    const light = await ok(s.api['receivables.report']({ asOf: AS_OF, instalments: false, customers: false }));
    expect(light, 'customers: false leaves only the customer and instalment rows out').toEqual({ ...first, customers: [], instalments: [] });
    const tooMuch = await s.api['writeOffs.create']({ deal, number: 1, date: '2026-09-15', amount: '999999999.00', kind: 'bad_debt', reason: 'x' });
    expect(tooMuch.ok).toBe(false);
    expect(JSON.parse(JSON.stringify(await ok(s.api['receivables.report']({ asOf: AS_OF }))))).toEqual(fresh(s.file));
    s.db.close();
  });
});
