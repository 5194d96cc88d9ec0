import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { migrate } from '../../electron/db/migrate';
import { createApi, createServices } from '../../electron/services';
import { ok, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'receivables.db'), { create: true });
  api = createApi(createServices(db));
});

const TERMS = [
  {
    id: 'TT30',
    name: '30%定金，70%见提单',
    instalments: [
      { percent: '30', from: 'signed' as const, days: 0 },
      { percent: '70', from: 'shipped' as const, days: 0 },
    ],
  },
  { id: 'OA60', name: 'O/A 60', instalments: [{ percent: '100', from: 'shipped' as const, days: 60 }] },
];

/** One salesperson, two customers, a USD deal on 30/70 shipped in July, the July–September rates. */
async function seed(): Promise<void> {
  await ok(api['settings.update']({ paymentTerms: TERMS, defaultTerms: 'TT30', smallBalance: '300.00' }));
  await ok(api['salespeople.create']({ id: 'S1', name: '张三' }));
  await ok(api['customers.create']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', creditGrade: 'B', creditLimit: '100000' }));
  await ok(api['customers.create']({ id: 'C2', name: 'OTHER CO', owner: 'S1' }));
  for (const month of ['2026-07', '2026-08', '2026-09']) await ok(api['fxRates.set']({ month, currency: 'USD', rate: '7' }));
  await ok(
    api['deals.create']({ id: 'D1', salesperson: 'S1', customer: 'C1', signedOn: '2026-07-01', currency: 'USD', amount: '10000.00', shippedOn: '2026-07-20' }),
  );
}

describe('receivables services over a real SQLite file', () => {
  it('refuses terms whose percents do not sum to 100, negative or fractional days, and an unknown default, in Chinese', async () => {
    const bad = await api['settings.update']({
      paymentTerms: [
        {
          id: 'X',
          name: 'x',
          instalments: [
            { percent: '30', from: 'signed', days: 0 },
            { percent: '60', from: 'shipped', days: 0 },
          ],
        },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'terms.percentSum', message: '各期比例合计为 90%，应正好为 100%' } });
    const days = await api['settings.update']({ paymentTerms: [{ id: 'X', name: 'x', instalments: [{ percent: '100', from: 'shipped', days: -1 }] }] });
    expect(days).toMatchObject({ ok: false, error: { code: 'terms.days', message: '天数应为不小于 0 的整数' } });
    const fraction = await api['settings.update']({ paymentTerms: [{ id: 'X', name: 'x', instalments: [{ percent: '100', from: 'shipped', days: 1.5 }] }] });
    expect(fraction).toMatchObject({ ok: false, error: { code: 'terms.days' } });
    const unknown = await api['settings.update']({ defaultTerms: 'NOPE' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'terms.unknown', field: 'defaultTerms' } });
    expect((await ok(api['settings.get']({}))).paymentTerms).toEqual([]);
  });

  it('changes one setting without resetting the others (the payment terms stay)', async () => {
    await seed();
    const after = await ok(api['settings.update']({ smallBalance: '500.00' }));
    expect(after).toMatchObject({ smallBalance: '500.00', defaultTerms: 'TT30', newCustomerRule: 'first_receipt' });
    expect(after.paymentTerms.map((t) => t.id)).toEqual(['TT30', 'OA60']);
    await ok(api['settings.update']({ newCustomerRule: 'first_deal' }));
    expect((await ok(api['settings.get']({}))).paymentTerms).toHaveLength(2);
  });

  it('refuses a credit limit that is not money and terms that do not exist on customers and deals', async () => {
    await seed();
    const limit = await api['customers.create']({ id: 'C3', name: 'X', creditLimit: '12k' });
    expect(limit).toMatchObject({ ok: false, error: { field: 'creditLimit', message: '信用额度应为不小于 0 的人民币金额（最多两位小数）' } });
    const terms = await api['customers.create']({ id: 'C3', name: 'X', terms: 'LC90' });
    expect(terms).toMatchObject({ ok: false, error: { code: 'terms.unknown', field: 'terms' } });
    const dealTerms = await api['deals.create']({
      id: 'D9',
      salesperson: 'S1',
      customer: 'C1',
      signedOn: '2026-07-01',
      currency: 'USD',
      amount: '1',
      terms: 'LC90',
    });
    expect(dealTerms).toMatchObject({ ok: false, error: { code: 'terms.unknown' } });
    const opening = await api['deals.create']({
      id: 'D9',
      salesperson: 'S1',
      customer: 'C1',
      signedOn: '2026-07-01',
      currency: 'USD',
      amount: '1',
      openingBalance: '5',
    });
    expect(opening).toMatchObject({ ok: false, error: { code: 'deal.opening' } });
    await ok(api['customers.create']({ id: 'C3', name: 'X', terms: 'TT30' }));
    const removal = await api['settings.update']({ paymentTerms: [TERMS[1]!], defaultTerms: null });
    expect(removal).toMatchObject({ ok: false, error: { code: 'terms.inUse' } });
  });

  it('ages a deal, pins a receipt, and refuses pins to another customer or currency', async () => {
    await seed();
    await ok(
      api['deals.create']({
        id: 'D2',
        salesperson: 'S1',
        customer: 'C1',
        signedOn: '2026-07-05',
        currency: 'USD',
        amount: '2000.00',
        terms: 'OA60',
        shippedOn: '2026-07-10',
      }),
    );
    await ok(api['deals.create']({ id: 'D3', salesperson: 'S1', customer: 'C2', signedOn: '2026-07-05', currency: 'USD', amount: '500.00' }));
    await ok(api['deals.create']({ id: 'D4', salesperson: 'S1', customer: 'C1', signedOn: '2026-07-05', currency: 'CNY', amount: '500.00' }));
    const receipt = await ok(api['receipts.create']({ ref: 'B1', valueDate: '2026-08-01', currency: 'USD', amount: '2000.00', customer: 'C1' }));
    // Unpinned, FIFO: D1's deposit (due 07-01) 3000 takes it all.
    let report = await ok(api['receivables.report']({ asOf: '2026-09-30' }));
    expect(
      report.instalments.filter((i) => i.customer === 'C1' && i.currency === 'USD').map((i) => [i.deal, i.number, i.paid, i.outstanding, i.daysOverdue]),
    ).toEqual([
      ['D1', 1, '2000.00', '1000.00', 91],
      ['D1', 2, '0.00', '7000.00', 72],
      ['D2', 1, '0.00', '2000.00', 22],
    ]);
    expect(await api['receipts.pin']({ id: receipt.id, deal: 'D3' })).toMatchObject({ ok: false, error: { code: 'pin.otherCustomer' } });
    expect(await api['receipts.pin']({ id: receipt.id, deal: 'D4' })).toMatchObject({ ok: false, error: { code: 'pin.otherCurrency' } });
    expect(await api['receipts.pin']({ id: receipt.id, deal: 'D9' })).toMatchObject({ ok: false, error: { code: 'ref.deal' } });
    expect(await ok(api['receipts.pin']({ id: receipt.id, deal: 'D2' }))).toMatchObject({ deal: 'D2' });
    report = await ok(api['receivables.report']({ asOf: '2026-09-30' }));
    const d2 = report.instalments.find((i) => i.deal === 'D2');
    expect(d2).toMatchObject({ paid: '2000.00', outstanding: '0.00', settledOn: '2026-08-01', daysOverdue: 0 });
    const c1 = report.customers.find((c) => c.customer === 'C1');
    // 3000 + 7000 USD at 7 = 70,000 overdue; the CNY deal D4 (not shipped) is backlog, its deposit a late one.
    expect(c1).toMatchObject({
      outstanding: '70000.00',
      overdue: '70000.00',
      backlog: '500.00',
      lateDeposits: '150.00',
      exposure: '70500.00',
      overLimit: false,
      suggestedGrade: 'D',
    });
    const detail = await ok(api['receivables.customer']({ customer: 'C1', asOf: '2026-09-30' }));
    expect(detail.receipts).toEqual([
      {
        id: receipt.id,
        date: '2026-08-01',
        currency: 'USD',
        amount: '2000.00',
        ref: 'B1',
        payer: null,
        deal: 'D2',
        allocations: [{ deal: 'D2', number: 1, amount: '2000.00' }],
      },
    ]);
    expect(detail.unapplied).toEqual([]);
    // The page asks for instalments a page at a time, filtered and sorted.
    expect((await ok(api['receivables.report']({ asOf: '2026-09-30', instalments: false }))).instalments).toEqual([]);
    const page = await ok(
      api['receivables.instalments']({
        asOf: '2026-09-30',
        customer: 'C1',
        receivable: true,
        overdueOnly: true,
        sort: 'daysOverdue',
        descending: true,
        limit: 1,
      }),
    );
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.deal, r.number, r.daysOverdue])).toEqual([['D1', 1, 91]]);
    const second = await ok(
      api['receivables.instalments']({
        asOf: '2026-09-30',
        customer: 'C1',
        receivable: true,
        overdueOnly: true,
        sort: 'daysOverdue',
        descending: true,
        offset: 1,
        limit: 1,
      }),
    );
    expect(second.rows.map((r) => [r.deal, r.number])).toEqual([['D1', 2]]);
    // Editing the receipt in a form that does not carry the pin keeps it; null removes it.
    const edit = { valueDate: '2026-08-01', currency: 'USD', amount: '2000.00', customer: 'C1', ref: 'B1', memo: '改了备注' };
    expect(await ok(api['receipts.update']({ id: receipt.id, ...edit }))).toMatchObject({ deal: 'D2', memo: '改了备注' });
    expect(await ok(api['receipts.update']({ id: receipt.id, ...edit, deal: null }))).toMatchObject({ deal: null });
  });

  it('writes off an instalment within what it can take, lists and deletes it, and reports bad debts', async () => {
    await seed();
    const tooMuch = await api['writeOffs.create']({ deal: 'D1', number: 1, date: '2026-09-01', amount: '3000.01', kind: 'bad_debt', reason: '破产' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'writeOff.tooLarge', field: 'amount' } });
    expect(await api['writeOffs.create']({ deal: 'D1', number: 3, date: '2026-09-01', amount: '1', kind: 'claim', reason: '折让' })).toMatchObject({
      ok: false,
      error: { code: 'writeOff.noInstalment' },
    });
    const w = await ok(api['writeOffs.create']({ deal: 'D1', number: 1, date: '2026-09-01', amount: '2000.00', kind: 'bad_debt', reason: '客户破产' }));
    expect(await api['writeOffs.create']({ deal: 'D1', number: 1, date: '2026-09-02', amount: '1000.01', kind: 'claim', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'writeOff.tooLarge' },
    });
    expect(await ok(api['writeOffs.list']({ customer: 'C1' }))).toEqual([
      { id: w.id, deal: 'D1', number: 1, date: '2026-09-01', amount: '2000.00', kind: 'bad_debt', reason: '客户破产' },
    ]);
    expect(await ok(api['receivables.badDebts']({ asOf: '2026-09-30' }))).toEqual([
      { salesperson: 'S1', name: '张三', customer: 'C1', customerName: 'ACME TRADING CO., LTD', cny: '14000.00' },
    ]);
    expect(await ok(api['receivables.badDebts']({ asOf: '2026-08-31' }))).toEqual([]);
    await ok(api['writeOffs.delete']({ id: w.id }));
    expect(await ok(api['writeOffs.list']({}))).toEqual([]);
  });

  it('writes off every balance under smallBalance in one click, as bank charges dated that day', async () => {
    await seed();
    await ok(api['receipts.create']({ ref: 'B1', valueDate: '2026-08-01', currency: 'USD', amount: '9970.00', customer: 'C1' }));
    // 30 USD left on instalment 2 = 210 CNY ≤ 300.
    expect(await ok(api['writeOffs.smallBalances']({ asOf: '2026-09-30' }))).toEqual([
      { deal: 'D1', number: 2, customer: 'C1', currency: 'USD', outstanding: '30.00', cny: '210.00' },
    ]);
    expect(await ok(api['writeOffs.writeOffSmall']({ asOf: '2026-09-30' }))).toEqual({ created: 1 });
    const report = await ok(api['receivables.report']({ asOf: '2026-09-30' }));
    expect(report.instalments.map((i) => [i.number, i.writtenOff, i.outstanding, i.settledOn])).toEqual([
      [1, '0.00', '0.00', '2026-08-01'],
      [2, '30.00', '0.00', '2026-09-30'],
    ]);
    expect(report.totals.writtenOff).toBe('210.00');
    expect((await ok(api['writeOffs.list']({ deal: 'D1' })))[0]).toMatchObject({ kind: 'bank_charges', date: '2026-09-30', amount: '30.00' });
  });

  it('checks a deal against the credit limit without blocking it, and logs an accepted grade', async () => {
    await seed();
    const check = await ok(api['receivables.dealCheck']({ customer: 'C1', currency: 'USD', amount: '5000', signedOn: '2026-09-30' }));
    expect(check).toEqual({ exposure: '70000.00', after: '105000.00', creditLimit: '100000.00', overLimit: true, creditGrade: 'B' });
    const edit = await ok(api['receivables.dealCheck']({ customer: 'C1', currency: 'USD', amount: '10000', signedOn: '2026-09-30', deal: 'D1' }));
    expect(edit).toMatchObject({ exposure: '0.00', after: '70000.00', overLimit: false });
    expect(await ok(api['customers.acceptGrade']({ customer: 'C1', grade: 'C', asOf: '2026-09-30' }))).toMatchObject({ creditGrade: 'C' });
    const audit = await ok(api['audit.list']({}));
    expect(audit.rows.find((r) => r.action === 'customers.creditGrade')).toMatchObject({ entityId: 'C1', detail: { from: 'B', to: 'C', asOf: '2026-09-30' } });
    // Reads leave no trace in the audit log.
    expect(audit.rows.some((r) => r.action.startsWith('receivables.'))).toBe(false);
  });
});

describe('migration 010', () => {
  it('keeps customers, deals, receipts and target sheets, with credit grade B and no terms', () => {
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    migrate(old, file, 6);
    old.exec(`INSERT INTO salespeople (id, name) VALUES ('S1', '张三');
      INSERT INTO customers (id, name, normalized_name, owner_id) VALUES ('C1', 'ACME', 'ACME', 'S1');
      INSERT INTO deals (id, salesperson_id, customer_id, signed_on, currency, amount_fen) VALUES ('D1', 'S1', 'C1', '2026-07-01', 'USD', 100);
      INSERT INTO receipts (value_date, currency, amount_fen, customer_id) VALUES ('2026-07-02', 'USD', 100, 'C1');
      INSERT INTO target_indicators (salesperson_id, quarter, seq, kpi, weight, target) VALUES ('S1', '2026Q3', 0, 'settled', '60', '1'), ('S1', '2026Q3', 1, 'error_rate', '40', '0.1');`);
    migrate(old, file);
    expect(old.prepare('SELECT id, terms_id, credit_grade, credit_limit_fen FROM customers').all()).toEqual([
      { id: 'C1', terms_id: null, credit_grade: 'B', credit_limit_fen: null },
    ]);
    expect(old.prepare('SELECT id, shipped_on, opening_balance_fen FROM deals').all()).toEqual([{ id: 'D1', shipped_on: null, opening_balance_fen: null }]);
    expect(old.prepare('SELECT amount_fen, deal_id FROM receipts').all()).toEqual([{ amount_fen: 100, deal_id: null }]);
    expect(old.prepare('SELECT seq, kpi, weight FROM target_indicators ORDER BY rowid').all()).toEqual([
      { seq: 0, kpi: 'settled', weight: '60' },
      { seq: 1, kpi: 'error_rate', weight: '40' },
    ]);
    old
      .prepare("INSERT INTO target_indicators (salesperson_id, quarter, seq, kpi, weight, target) VALUES ('S1', '2026Q4', 0, 'overdue_rate', '100', '0.1')")
      .run();
    expect(() =>
      old.prepare("INSERT INTO write_offs (deal_id, number, date, amount_fen, kind, reason) VALUES ('D1', 1, '2026-07-05', 1, 'gift', 'x')").run(),
    ).toThrow(/CHECK/);
    old.close();
  });
});
