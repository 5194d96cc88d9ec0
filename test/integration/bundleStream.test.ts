import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../../electron/db/connection';
import { fastDeal, fastReceipt } from '../../electron/services/bundle/fastRecords';
import { visitJsonFile } from '../../electron/services/bundle/jsonStream';
import { dealSchema, receiptSchema } from '../../shared/schemas/bundle';
import { dumpBundle } from '../../electron/services/bundle/dumpBundle';
import { loadBundle, parseBundle, scanBundleFile, writeBundleFile } from '../../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir, writeJson } from '../helpers';

/*
 * Issue 12.9: `tkpi load` reads the bundle as a stream. What it reads, what it refuses (and the
 * words it refuses with) and what it stores must be what the whole-file read gives.
 */

type Golden = Record<string, unknown> & { deals: Record<string, unknown>[]; receipts: Record<string, unknown>[] };
const golden = () => readJson<Golden>(path.join(GOLDEN, 'bundle.json'));

/** Every top-level value and streamed element, as the visitor sees them. */
function visitAll(file: string, chunk?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  visitJsonFile(
    file,
    {
      streamed: new Set(['deals', 'receipts']),
      value: (key, parse) => (out[key] = parse()),
      element: (key, i, parse) => {
        const list = (out[key] ??= []) as unknown[];
        expect(i, `${key} element order`).toBe(list.length);
        list.push(parse());
      },
    },
    chunk,
  );
  return out;
}

function streamedLoad(file: string, dbFile: string) {
  const db = openDatabase(dbFile, { create: true });
  try {
    return writeBundleFile(db, scanBundleFile(file));
  } finally {
    db.close();
  }
}

function errorOf(work: () => unknown): { code: string; message: string; field: string | undefined } | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message, field: error.field };
  }
}

describe('bundle JSON read as a stream', () => {
  it('reads exactly what JSON.parse reads, whatever the chunk boundaries cut through', () => {
    const dir = tempDir();
    const tricky = {
      ...golden(),
      company: { name: '宁波 "海联" \\ 进出口 {有限} [公司] \u00e9\ud83d\ude00' },
      deals: [{ id: 'D"1', note: 'a\\"b]}', nested: { list: [1, [2, { x: '}' }]] }, n: -1.5e3, t: true, f: false, z: null }, ...golden().deals],
      receipts: [],
      extra: [[], {}, '', 0],
    };
    const file = path.join(dir, 'tricky.json');
    fs.writeFileSync(file, `\uFEFF \n${JSON.stringify(tricky, null, 2)}\n`);
    const expected = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    for (const chunk of [1, 2, 3, 7, 64, 4096]) {
      const seen = visitAll(file, chunk);
      // An empty streamed array has no elements to visit.
      expect({ ...seen, receipts: seen.receipts ?? [] }, `chunks of ${chunk} bytes`).toEqual(expected);
    }
  });

  it('cuts elements only between them: nested objects, and strings holding "},{", at any chunk size', () => {
    const dir = tempDir();
    const deals = Array.from({ length: 3000 }, (_, i) => ({
      id: `D${i}`,
      memo: i % 7 === 0 ? `a},{"id":"fake"},{b ${i}` : i % 11 === 0 ? 'x},\n  {y' : `合同 ${i}`,
      instalments:
        i % 3 === 0
          ? [
              { due: '2026-08-01', share: '0.3' },
              { due: '2026-09-01', share: '0.7' },
            ]
          : [],
      terms: i % 5 === 0 ? { kind: 'deposit', parts: [{ a: 1 }, { b: [{ c: 2 }] }] } : null,
    }));
    for (const [name, text] of [
      ['compact', JSON.stringify({ deals, receipts: [{ id: 1 }] })],
      ['indented', JSON.stringify({ deals, receipts: [{ id: 1 }] }, null, 2)],
    ] as const) {
      const file = path.join(dir, `${name}.json`);
      fs.writeFileSync(file, text);
      for (const chunk of [64, 4096, 65536, 4 * 1024 * 1024]) {
        const seen = visitAll(file, chunk) as { deals: unknown[]; receipts: unknown[] };
        expect(seen.deals.length, `${name}, chunks of ${chunk}: elements`).toBe(deals.length);
        expect(seen.deals, `${name}, chunks of ${chunk}`).toEqual(deals);
        expect(seen.receipts, `${name}, chunks of ${chunk}: the next array`).toEqual([{ id: 1 }]);
      }
    }
  });

  it('steps over a streamed array nobody visits, whatever its strings hold, and reads what follows it', () => {
    const dir = tempDir();
    const deals = Array.from({ length: 400 }, (_, i) => ({
      id: `D${i}`,
      memo: ['a"]}b', 'c\\', 'd\\"]', '[{', '"', '\\\\'][i % 6],
      nested: { list: [[], [{ x: ']' }]] },
    }));
    const head = { errors: [{ note: '},{"]' }], targets: { q: '2026Q3' }, last: 'end' };
    const file = path.join(dir, 'skip.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'x', deals, receipts: [1, 'two', [3]], ...head }));
    for (const chunk of [1, 2, 3, 5, 64, 4096]) {
      const values: Record<string, unknown> = {};
      visitJsonFile(file, { streamed: new Set(['deals', 'receipts']), value: (key, parse) => (values[key] = parse()) }, chunk);
      expect(values, `chunks of ${chunk} bytes`).toEqual({ format: 'x', ...head });
    }
  });

  it('refuses malformed JSON as not valid JSON, naming the file', () => {
    const dir = tempDir();
    // A fault deep in a long array, where elements are parsed a run at a time.
    const good = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `D${i}`, memo: '合同' }));
    const deep = `{"deals": [${good.slice(0, 2000).join(',')},{"id": "D-bad",},${good.slice(2000).join(',')}]}`;
    for (const text of ['{"format": "trade-kpi-bundle", "deals": [{"id": "D1"}', '{"a": 1,}', '{"deals": [1 2]}', '{"a": "unterminated}', '', deep]) {
      const file = path.join(dir, 'broken.json');
      fs.writeFileSync(file, text);
      const error = errorOf(() => visitAll(file, text === deep ? 65536 : 5));
      expect(error?.code, `for ${JSON.stringify(text)}`).toBe('bundle.json');
      expect(error?.message).toContain('broken.json');
    }
  });
});

describe('tkpi load as a stream', () => {
  it('stores what loading the parsed bundle stores', () => {
    const dir = tempDir();
    const file = path.join(GOLDEN, 'bundle.json');
    const summary = streamedLoad(file, path.join(dir, 'streamed.db'));
    const whole = openDatabase(path.join(dir, 'whole.db'), { create: true });
    expect(summary).toEqual(loadBundle(whole, readJson(file), file));
    const streamed = openDatabase(path.join(dir, 'streamed.db'));
    expect(dumpBundle(streamed)).toEqual(dumpBundle(whole));
    streamed.close();
    whole.close();
  });

  const faults: [string, (b: Golden) => void][] = [
    ['a deal amount with three decimals', (b) => (b.deals[4] = { ...b.deals[4], amount: '12.345' })],
    ['a deal of an unknown salesperson', (b) => (b.deals[4] = { ...b.deals[4], salesperson: 'S99' })],
    ['a deal id used twice', (b) => (b.deals[6] = { ...b.deals[6], id: b.deals[2]?.id })],
    ['a receipt in an unknown currency', (b) => (b.receipts[3] = { ...b.receipts[3], currency: 'usd1' })],
    ['a receipt of an unknown customer', (b) => (b.receipts[3] = { ...b.receipts[3], customer: 'C999' })],
    ['a receipt with a negative rate', (b) => (b.receipts[5] = { ...b.receipts[5], rate: '-7.1' })],
    ['a receipt reference used twice', (b) => (b.receipts[9] = { ...b.receipts[9], ref: b.receipts[1]?.ref })],
    ['a receipt of a batch that does not exist', (b) => (b.receipts[2] = { ...b.receipts[2], batch: 42 })],
    ['deals that are not a list', (b) => ((b as Record<string, unknown>).deals = 'none')],
    ['a salesperson without a name', (b) => ((b.salespeople as Record<string, unknown>[])[0] = { id: 'S01' })],
  ];

  it.each(faults)('refuses %s with the words of the whole-file read, storing nothing', (_, spoil) => {
    const dir = tempDir();
    const bundle = golden();
    spoil(bundle);
    const file = writeJson(path.join(dir, 'spoiled.json'), bundle);
    const expected = errorOf(() => parseBundle(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file));
    expect(expected, 'the whole-file read refuses it').not.toBeNull();
    // Loaded over a database that already holds the golden company: a refusal changes nothing.
    const dbFile = path.join(dir, 'kept.db');
    const db = openDatabase(dbFile, { create: true });
    loadBundle(db, readJson(path.join(GOLDEN, 'bundle.json')));
    const before = dumpBundle(db);
    db.close();
    expect(errorOf(() => streamedLoad(file, dbFile))).toEqual(expected);
    const after = openDatabase(dbFile);
    expect(dumpBundle(after), 'the database is as it was').toEqual(before);
    after.close();
  });
});

describe('the fast record checks agree with the bundle schema', () => {
  const odd: Record<string, unknown>[] = [
    { amount: 1234.5 },
    { amount: '0.00' },
    { amount: '-5' },
    { amount: '+7.10' },
    { amount: 1e21 },
    { amount: '1.234' },
    // Around the money limit: ten whole digits are the fast path's, eleven are zod's to judge.
    { amount: '9999999999.99' },
    { amount: '+9999999999' },
    { amount: '12345678901.00' },
    { amount: '+12345678901' },
    { amount: '99999999999' },
    { cnyAmount: '-9999999999.99' },
    { cnyAmount: '99999999999.99' },
    { amount: null },
    { rate: 7.1 },
    { rate: '0' },
    { rate: '-7' },
    { rate: null },
    { cnyAmount: '-100.5' },
    { memo: '   ' },
    { memo: '  PO 12 ' },
    { memo: 5 },
    { remitter: null },
    { customer: null },
    { customer: 'has space' },
    { customer: '' },
    { salesperson: 'S01' },
    { notCustomer: true },
    { notCustomer: null },
    { batch: 3 },
    { batch: 0 },
    { batch: 2.5 },
    { batch: '3' },
    { status: 'cancelled' },
    { status: null },
    { status: 'void' },
    { signedOn: '2026-02-30' },
    { valueDate: '2026-2-3' },
    { currency: 'usd' },
    { id: 'x'.repeat(65) },
    { contractNo: ' HT-1 ' },
    { extra: 'dropped' },
  ];

  it.each([
    ['deals', dealSchema, fastDeal],
    ['receipts', receiptSchema, fastReceipt],
  ] as const)('%s: whatever the fast check accepts, zod accepts with the same output', (list, schema, fast) => {
    const records = golden()[list];
    const variants = records.flatMap((record) => [record, ...odd.map((change) => ({ ...record, ...change }))]);
    let fastCount = 0;
    for (const record of variants) {
      const checked = fast(record);
      if (checked === null) continue;
      fastCount++;
      const parsed = schema.safeParse(record);
      expect(parsed.success, `zod refuses what the fast check accepted: ${JSON.stringify(record)}`).toBe(true);
      expect(checked, JSON.stringify(record)).toStrictEqual(parsed.data);
    }
    // Every golden record is of the plain kind the fast check is for.
    expect(
      records.every((r) => fast(r) !== null),
      `golden ${list} the fast check leaves to zod: ${records.filter((r) => fast(r) === null).length}`,
    ).toBe(true);
    expect(fastCount).toBeGreaterThan(records.length);
    // And what zod refuses, the fast check never accepts (it is only a shortcut).
    for (const record of variants) if (!schema.safeParse(record).success) expect(fast(record), JSON.stringify(record)).toBeNull();
  });
});
