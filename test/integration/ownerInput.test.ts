import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { ok, tempDir } from '../helpers';

let db: WriteDb;
let api: Api;

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'owner.db'), { create: true });
  api = createApi(createServices(db));
});

const sheet = [
  { kpi: 'settled' as const, weight: '60', target: '100000' },
  { kpi: 'deal_volume' as const, weight: '40', target: '100000' },
];

describe('amounts as people type them, over the API', () => {
  it('stores 300,000 and full-width digits as the numbers they show', async () => {
    await ok(
      api['plans.save']({
        id: 'P1',
        brackets: [
          { upTo: '300,000', rate: '0.015' },
          { upTo: null, rate: '０．０２' },
        ],
        newCustomerBonus: '1,500.00',
      }),
    );
    const [plan] = await ok(api['plans.list']({}));
    expect(plan?.brackets.map((b) => [b.upTo === null ? null : Number(b.upTo), b.rate])).toEqual([
      [300000, '0.015'],
      [null, '0.02'],
    ]);
    expect(Number(plan?.newCustomerBonus)).toBe(1500);
  });

  it('refuses a bracket it cannot read with a message naming the field, not an internal error', async () => {
    for (const upTo of ['1,5', '3oo', '300,000,0']) {
      const result = await api['plans.save']({
        id: 'P1',
        brackets: [
          { upTo: '100', rate: '0.01' },
          { upTo, rate: '1.5%' },
          { upTo: null, rate: '0.03' },
        ],
      });
      expect({ upTo, result }).toMatchObject({ upTo, result: { ok: false, error: { code: 'input.money', field: 'brackets[1].upTo' } } });
    }
  });

  it('reads 美元 and usd as USD in a deal and a month of FX rates', async () => {
    await ok(api['salespeople.create']({ id: 'S1', name: '张三' }));
    const deal = await ok(api['deals.create']({ id: 'D1', salesperson: 'S1', signedOn: '2026-07-01', currency: '美元', amount: '12,500.00' }));
    expect([deal.currency, deal.amount]).toEqual(['USD', '12500.00']);
    await ok(
      api['fxRates.setMonth']({
        month: '2026-07',
        rates: [
          { currency: 'usd', rate: '7.1' },
          { currency: '欧元', rate: '7.8' },
        ],
      }),
    );
    expect((await ok(api['fxRates.list']({}))).map((r) => `${r.month} ${r.currency} ${r.rate}`).sort()).toEqual(['2026-07 EUR 7.8', '2026-07 USD 7.1']);
  });

  it('stores none of a month whose rates name a currency twice', async () => {
    const result = await api['fxRates.setMonth']({
      month: '2026-08',
      rates: [
        { currency: 'USD', rate: '7.1' },
        { currency: '美元', rate: '7.2' },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'dup.fxRate', field: 'rates[1].currency' } });
    expect(await ok(api['fxRates.list']({}))).toEqual([]);
  });
});

describe('salespeople who left (离职)', () => {
  it('keeps them with their history but copies no targets to a quarter that starts after they left', async () => {
    await ok(api['salespeople.create']({ id: 'S1', name: '张三' }));
    await ok(api['salespeople.create']({ id: 'S2', name: '李四' }));
    await ok(api['salespeople.create']({ id: 'S3', name: '王五' }));
    for (const id of ['S1', 'S2', 'S3']) await ok(api['targets.set']({ salesperson: id, quarter: '2026Q3', indicators: sheet }));
    // S2 left before 2026Q4 starts; S3 leaves during it and still gets targets.
    await ok(api['salespeople.update']({ id: 'S2', name: '李四', leftOn: '2026-09-15' }));
    await ok(api['salespeople.update']({ id: 'S3', name: '王五', leftOn: '2026-11-20' }));
    const copied = await ok(api['targets.copyFromPrevious']({ quarter: '2026Q4' }));
    expect(copied.map((s) => s.salesperson)).toEqual(['S1', 'S3']);
    expect((await ok(api['salespeople.list']({}))).map((p) => [p.id, p.leftOn])).toEqual([
      ['S1', null],
      ['S2', '2026-09-15'],
      ['S3', '2026-11-20'],
    ]);
    expect((await ok(api['targets.list']({ quarter: '2026Q3' }))).map((s) => s.salesperson)).toEqual(['S1', 'S2', 'S3']);
  });

  it('carries leftOn through a bundle dump and load', async () => {
    await ok(api['company.update']({ name: '宁波测试进出口有限公司' }));
    await ok(api['salespeople.create']({ id: 'S1', name: '张三', leftOn: '2026-06-30' }));
    const bundle = await ok(api['bundle.dump']({}));
    expect(bundle.salespeople?.[0]).toMatchObject({ id: 'S1', leftOn: '2026-06-30' });
    const other = createApi(createServices(openDatabase(path.join(tempDir(), 'other.db'), { create: true })));
    await ok(other['bundle.load']({ bundle }));
    expect((await ok(other['salespeople.list']({})))[0]?.leftOn).toBe('2026-06-30');
  });

  it('refuses a leaving date that is not a date', async () => {
    const result = await api['salespeople.create']({ id: 'S1', name: '张三', leftOn: '2026-13-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'input.date', field: 'leftOn' } });
  });
});
