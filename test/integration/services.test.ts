import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { GOLDEN, ok, readJson, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'services.db'), { create: true });
  api = createApi(createServices(db));
});

async function seed(): Promise<void> {
  await ok(api['plans.save']({ id: 'std', brackets: [{ upTo: null, rate: '0.01' }], newCustomerBonus: '500' }));
  await ok(api['salespeople.create']({ id: 'S1', name: '张三', performanceBasePay: '2000', commissionPlan: 'std' }));
  await ok(api['salespeople.create']({ id: 'S2', name: '李四', performanceBasePay: '3000', commissionPlan: 'std' }));
  await ok(api['customers.create']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S1', aliases: ['ACME TRADING'] }));
  await ok(api['fxRates.set']({ month: '2026-07', currency: 'USD', rate: '7.1' }));
}

describe('services over a real SQLite file', () => {
  it('validates arguments and names the field', async () => {
    const result = await api['salespeople.create']({ id: 'S 1', name: '' });
    expect(result).toMatchObject({ ok: false, error: { field: 'id', message: '编号不能为空，且不能含空格' } });
    const money = await api['deals.create']({ id: 'D1', salesperson: 'S1', signedOn: '2026-07-01', currency: 'USD', amount: '-5' });
    expect(money).toMatchObject({ ok: false, error: { field: 'amount', message: '金额必须大于 0' } });
  });

  it('refuses references to records that do not exist', async () => {
    await seed();
    const result = await api['deals.create']({ id: 'D1', salesperson: 'S9', signedOn: '2026-07-01', currency: 'USD', amount: '5' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ref.salesperson', field: 'salesperson' } });
    expect((await ok(api['deals.list']({}))).total).toBe(0);
  });

  it('refuses a target sheet whose weights sum to 90 and keeps the stored one', async () => {
    await seed();
    const good = [
      { kpi: 'settled' as const, weight: 70, target: '100000' },
      { kpi: 'deal_volume' as const, weight: 30, target: '100000' },
    ];
    await ok(api['targets.set']({ salesperson: 'S1', quarter: '2026Q3', indicators: good }));
    const bad = await api['targets.set']({ salesperson: 'S1', quarter: '2026Q3', indicators: [{ kpi: 'settled', weight: 90, target: '1' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'targets.weightSum', field: 'indicators', message: '权重合计为 90，应为 100' } });
    expect((await ok(api['targets.list']({ quarter: '2026Q3' })))[0]?.indicators).toHaveLength(2);
  });

  it('refuses a quarter whose deal, or estimated receipt, needs a table rate that is missing, naming the month and currency', async () => {
    await seed();
    const indicators = [
      { kpi: 'settled' as const, weight: 50, target: '1000' },
      { kpi: 'deal_volume' as const, weight: 50, target: '1000' },
    ];
    await ok(api['targets.set']({ salesperson: 'S1', quarter: '2026Q3', indicators }));
    await ok(api['deals.create']({ id: 'D1', salesperson: 'S1', customer: 'C1', signedOn: '2026-08-03', currency: 'EUR', amount: '100' }));
    expect(await api['appraisal.quarter']({ quarter: '2026Q3' }), 'a EUR deal in 2026-08, no EUR rate').toMatchObject({
      ok: false,
      error: { code: 'appraise.missingRate', message: '缺少 2026-08 EUR 的汇率（汇率表），无法折算人民币' },
    });
    await ok(api['fxRates.set']({ month: '2026-08', currency: 'EUR', rate: '7.9' }));
    await ok(api['receipts.create']({ valueDate: '2026-09-10', currency: 'GBP', amount: '50', remitter: 'ACME TRADING' }));
    expect(await api['appraisal.quarter']({ quarter: '2026Q3' }), 'a GBP receipt in 2026-09 with no bank rate, no GBP rate').toMatchObject({
      ok: false,
      error: { code: 'appraise.missingRate', message: '缺少 2026-09 GBP 的汇率（汇率表），无法折算人民币' },
    });
    await ok(api['fxRates.set']({ month: '2026-09', currency: 'GBP', rate: '9.1' }));
    expect((await ok(api['appraisal.quarter']({ quarter: '2026Q3' }))).report.rows[0]?.salesperson).toBe('S1');
  });

  it('matches a hand-entered receipt by payer name and credits the owner at that time', async () => {
    await seed();
    const receipt = await ok(api['receipts.create']({ valueDate: '2026-07-15', currency: 'USD', amount: '1000', remitter: 'Acme Trading Company Limited' }));
    expect(receipt).toMatchObject({ customer: 'C1', matchedOwner: 'S1' });
    await ok(api['customers.update']({ id: 'C1', name: 'ACME TRADING CO., LTD', owner: 'S2', aliases: [] }));
    const list = await ok(api['receipts.list']({ quarter: '2026Q3' }));
    expect(list.rows[0]).toMatchObject({ creditedTo: 'S1', cny: '7100.00', estimated: true });
  });

  it('computes a quarter from entered records, with refunds, 非客户回款 and manual credit', async () => {
    await seed();
    const indicators = [
      { kpi: 'settled' as const, weight: 60, target: '10000' },
      { kpi: 'new_customers' as const, weight: 20, target: 1 },
      { kpi: 'error_rate' as const, weight: 20, target: '0.1' },
    ];
    await ok(api['targets.set']({ salesperson: 'S1', quarter: '2026Q3', indicators }));
    await ok(api['receipts.create']({ ref: 'R1', valueDate: '2026-07-02', currency: 'USD', amount: '1000.00', rate: '7.12', customer: 'C1' }));
    await ok(api['receipts.create']({ ref: 'R2', valueDate: '2026-07-20', currency: 'USD', amount: '-100.00', rate: '7.05', customer: 'C1' }));
    await ok(api['receipts.create']({ ref: 'R3', valueDate: '2026-08-01', currency: 'CNY', amount: '999.99', remitter: 'WHO KNOWS' }));
    const other = await ok(api['receipts.create']({ ref: 'R4', valueDate: '2026-08-02', currency: 'CNY', amount: '500', remitter: 'OWN ACCOUNT' }));
    await ok(api['receipts.setNotCustomer']({ id: other.id, notCustomer: true }));
    await ok(api['receipts.create']({ ref: 'R5', valueDate: '2026-08-03', currency: 'CNY', amount: '300', remitter: 'CASH', salesperson: 'S1' }));
    await ok(api['errors.create']({ salesperson: 'S1', date: '2026-07-05', weight: 2 }));
    await ok(api['documents.set']({ salesperson: 'S1', quarter: '2026Q3', count: 40 }));
    const { report, warnings } = await ok(api['appraisal.quarter']({ quarter: '2026Q3' }));
    // 7120.00 − 705.00 + 300.00 = 6715.00; R3 unmatched; R4 counts for nobody
    expect(report.rows[0]).toMatchObject({ settled: '6715.00', newCustomers: 1, errorRatePct: '5.00' });
    expect(report.unmatchedReceipts).toEqual({ count: 1, cny: '999.99' });
    expect(warnings.map((w) => w.code)).toContain('warn.unmatched');
  });

  it("copies last quarter's targets, keeping sheets already set unless told to overwrite", async () => {
    await seed();
    const sheet = (weight: number) => [
      { kpi: 'settled' as const, weight, target: '100000' },
      { kpi: 'deal_volume' as const, weight: 100 - weight, target: '50000' },
    ];
    await ok(api['targets.set']({ salesperson: 'S1', quarter: '2026Q2', indicators: sheet(60) }));
    await ok(api['targets.set']({ salesperson: 'S2', quarter: '2026Q2', indicators: sheet(70) }));
    await ok(api['targets.set']({ salesperson: 'S2', quarter: '2026Q3', indicators: sheet(50) }));
    const copied = await ok(api['targets.copyFromPrevious']({ quarter: '2026Q3' }));
    expect(copied.map((s) => [s.salesperson, s.indicators[0]?.weight])).toEqual([
      ['S2', '50'],
      ['S1', '60'],
    ]);
    const overwritten = await ok(api['targets.copyFromPrevious']({ quarter: '2026Q3', overwrite: true }));
    expect(overwritten.find((s) => s.salesperson === 'S2')?.indicators[0]?.weight).toBe('70');
  });

  it('writes every change to the audit log in the same transaction', async () => {
    await seed();
    const audit = await ok(api['audit.list']({}));
    expect(audit.rows.map((r) => r.action)).toContain('salespeople.create');
    const failed = await api['salespeople.create']({ id: 'S1', name: 'again' });
    expect(failed.ok).toBe(false);
    expect((await ok(api['audit.list']({}))).total).toBe(audit.total);
  });

  it('refuses to delete a salesperson who still has records', async () => {
    await seed();
    expect(await api['salespeople.delete']({ id: 'S1' })).toMatchObject({ ok: false, error: { code: 'inUse.salesperson' } });
    await ok(api['salespeople.delete']({ id: 'S2' }));
    expect((await ok(api['salespeople.list']({}))).map((p) => p.id)).toEqual(['S1']);
  });

  it('loads a bundle through the API and leaves the old data when the bundle is bad', async () => {
    await seed();
    const bundle = readJson<{ targets: { indicators: { weight: number }[] }[] }>(path.join(GOLDEN, 'bundle.json'));
    bundle.targets[0]!.indicators[0]!.weight = 10;
    const bad = await api['bundle.load']({ bundle });
    expect(bad).toMatchObject({ ok: false, error: { field: 'targets[0].indicators' } });
    expect((await ok(api['salespeople.list']({}))).map((p) => p.id)).toEqual(['S1', 'S2']);
    bundle.targets[0]!.indicators[0]!.weight = 30;
    expect(await ok(api['bundle.load']({ bundle }))).toMatchObject({ salespeople: 6, receipts: 182, unmatched: 1 });
    expect((await ok(api['salespeople.list']({}))).length).toBe(6);
  });
});

describe('the computed quarter', () => {
  it('is computed again after any change, and after a change by another connection', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const own = openDatabase(file, { create: true });
    const ownApi = createApi(createServices(own));
    const bundle = readJson(path.join(GOLDEN, 'bundle.json'));
    await ok(ownApi['bundle.load']({ bundle }));
    const first = await ok(ownApi['appraisal.quarter']({ quarter: '2026Q3' }));
    expect(await ok(ownApi['appraisal.quarter']({ quarter: '2026Q3' }))).toBe(first);
    await ok(ownApi['adjustments.create']({ salesperson: 'S05', period: '2026Q3', points: '5', reason: '加分' }));
    const second = await ok(ownApi['appraisal.quarter']({ quarter: '2026Q3' }));
    expect(second.report.rows[4]?.total).toBe('53.83');
    const other = openDatabase(file);
    other.prepare("UPDATE adjustments SET points = '1' WHERE salesperson_id = 'S05'").run();
    other.close();
    expect((await ok(ownApi['appraisal.quarter']({ quarter: '2026Q3' }))).report.rows[4]?.total).toBe('49.83');
    own.close();
  });
});
