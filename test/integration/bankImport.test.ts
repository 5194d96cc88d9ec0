import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { readStatement } from '../../electron/bank/readStatement';
import { computeQuarter } from '../../electron/services/appraisalService';
import { undoBatch } from '../../electron/services/bankImport/batchService';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { assignPayer, unmatchedPayers } from '../../electron/services/bankImport/payerService';
import { dumpBundle } from '../../electron/services/bundle/dumpBundle';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { findLayout } from '../../shared/bank/statementLayout';
import { GOLDEN, readJson, tempDir, tkpi } from '../helpers';

const STATEMENTS = path.join(GOLDEN, 'statements');
const FILES = fs.readdirSync(STATEMENTS).sort();
const bytes = (file: string) => fs.readFileSync(path.join(STATEMENTS, file));

function freshDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'import.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

async function importAll(db: WriteDb, files: readonly string[]) {
  const reports = [];
  for (const file of files) reports.push(await importStatement(db, bytes(file), file));
  return reports;
}

describe('the golden statements', () => {
  it('are the six statement files of the golden case', () => {
    expect(FILES).toEqual([
      'boc-eur-statement.xlsx',
      'boc-gbp-statement.csv',
      'boc-usd-statement.xlsx',
      'cmb-cny-a.xls',
      'cmb-cny-b.xls',
      'icbc-fx-history.csv',
    ]);
  });

  const orders = [FILES, [...FILES].reverse(), [FILES[3], FILES[0], FILES[5], FILES[1], FILES[4], FILES[2]] as string[]];

  it.each(orders.map((o, i) => [i, o]))('in order %i give expected.json, and a second round imports nothing', async (_, order) => {
    const db = freshDb();
    await importAll(db, order as string[]);
    const second = await importAll(db, order as string[]);
    expect(second.map((r) => r.imported)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      second.map((r) => r.batchId),
      'batches created by the second round',
    ).toEqual([null, null, null, null, null, null]);
    expect(computeQuarter(db, '2026Q3').report).toEqual(readJson(path.join(GOLDEN, 'expected.json')));
    db.close();
  });

  it('through the command line: load, import-bank ×6, appraise --json', () => {
    const db = path.join(tempDir(), 'cli.db');
    expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle-no-receipts.json')).status).toBe(0);
    for (const file of FILES) {
      const result = tkpi('import-bank', '--db', db, path.join(STATEMENTS, file), '--json');
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ file, rejected: [] });
    }
    const appraise = tkpi('appraise', '--db', db, '--quarter', '2026Q3', '--json');
    expect(JSON.parse(appraise.stdout)).toEqual(readJson(path.join(GOLDEN, 'expected.json')));
  });

  it('reports what each statement held', async () => {
    const db = freshDb();
    const reports = Object.fromEntries((await importAll(db, FILES)).map((r) => [r.file, r]));
    expect(reports['boc-usd-statement.xlsx']).toMatchObject({
      read: 81,
      imported: 61,
      refunds: 1,
      unmatched: 1,
      duplicates: 0,
      skipped: { 'skip.fee': 7, 'skip.internal': 13 },
    });
    // cmb-cny-b overlaps cmb-cny-a: only its new rows are added
    expect(reports['cmb-cny-b.xls']).toMatchObject({ imported: 6, duplicates: 8 });
    expect(reports['icbc-fx-history.csv']).toMatchObject({ imported: 43, skipped: { 'skip.fee': 1, 'skip.outgoing': 1 } });
    db.close();
  });
});

describe('the reader, per layout', () => {
  async function rows(file: string, data = bytes(file)) {
    const [grid] = await readStatement(data, file);
    const layout = findLayout(grid ?? []);
    return { grid: grid ?? [], layout };
  }

  it('BOC .xlsx and .csv: bracketed English glosses, per-100 rates, signed amounts, direction words', async () => {
    for (const file of ['boc-usd-statement.xlsx', 'boc-gbp-statement.csv']) {
      const { layout } = await rows(file);
      expect(layout?.headerRow).toBe(8);
      expect(Object.keys(layout?.columns ?? {}).sort()).toEqual(
        ['amount', 'counterparty', 'currency', 'direction', 'memo', 'payee', 'payer', 'rate', 'reference', 'tradeDate', 'valueDate'].filter(
          (r) => r !== 'counterparty',
        ),
      );
    }
    const plan = await previewStatement(freshDb(), bytes('boc-gbp-statement.csv'), 'boc-gbp-statement.csv');
    const row = plan.rows.find((r) => r.receipt?.ref === 'BOC00000117');
    // "1/EMERALD DISTRIBUTION LTD": the SWIFT line prefix is dropped; 902.37 per 100 GBP
    expect(row).toMatchObject({ amountFen: 3605000, rateWritten: '902.370000', quotedPer: 100 });
    expect(row?.receipt).toMatchObject({ remitter: 'EMERALD DISTRIBUTION LTD', rate: '9.0237', amountFen: 3605000, valueDate: '2026-09-06', customer: 'C021' });
    // The preview names the customer (matched through its alias), not only its id.
    expect(plan.customerNames['C021']).toBe('EMERALD DISTRIBUTION LIMITED');
    expect(Object.keys(plan.customerNames).sort()).toEqual([...new Set(plan.rows.flatMap((r) => (r.receipt?.customer ? [r.receipt.customer] : [])))].sort());
  });

  it('CMB .xls: title-row currency, credit and debit columns, the company’s own 结汇 skipped', async () => {
    const { layout } = await rows('cmb-cny-a.xls');
    expect(layout).toMatchObject({ headerRow: 6, titleCurrency: 'CNY' });
    const plan = await previewStatement(freshDb(), bytes('cmb-cny-a.xls'), 'cmb-cny-a.xls');
    expect(plan.rows.filter((r) => r.reason === 'skip.internal')).toHaveLength(5);
    expect(plan.rows[0]?.receipt).toMatchObject({ currency: 'CNY', amountFen: 4260000, ref: 'BOC00000085', customer: 'C015' });
  });

  it('ICBC GBK tab-separated .csv: Chinese currency names, 借贷标志, no reference (fingerprints)', async () => {
    const plan = await previewStatement(freshDb(), bytes('icbc-fx-history.csv'), 'icbc-fx-history.csv');
    expect(plan.rows[0]?.receipt).toMatchObject({ currency: 'EUR', amountFen: 1560000, ref: null, remitter: 'CRESCENT RETAIL PTY LTD' });
    expect(plan.rows[0]?.receipt?.fingerprint).toMatch(/^2026-04-26\|EUR\|1560000\|CRESCENT RETAIL PTY LTD\|.*#1$/);
  });

  it('a .csv that is really an .xls, and UTF-8 without a BOM', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(STATEMENTS, 'cmb-cny-b.xls'), path.join(dir, 'cmb.csv'));
    const xls = await importStatement(freshDb(), fs.readFileSync(path.join(dir, 'cmb.csv')), 'cmb.csv');
    expect(xls.imported).toBe(14);
    const noBom = bytes('boc-gbp-statement.csv').subarray(3);
    expect((await importStatement(freshDb(), noBom, 'gbp.csv')).imported).toBe(11);
  });
});

describe('bad files and bad rows change nothing', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
  const header = '交易日期,币种,交易金额,汇率,对方户名,摘要';

  async function refused(data: Uint8Array, file: string, pattern: RegExp) {
    const db = freshDb();
    const before = JSON.stringify(dumpBundle(db));
    await expect(importStatement(db, data, file)).rejects.toThrow(pattern);
    expect(JSON.stringify(dumpBundle(db))).toBe(before);
    db.close();
  }

  it('a truncated .xlsx, an empty file, a sheet without a header, a binary that is no spreadsheet', async () => {
    await refused(bytes('boc-usd-statement.xlsx').subarray(0, 4000), 'cut.xlsx', /cut\.xlsx 无法读取/);
    await refused(new Uint8Array(), 'empty.csv', /empty\.csv 是空文件/);
    await refused(csv(['hello,world', '1,2']), 'noheader.csv', /noheader\.csv 中找不到表头/);
    await refused(
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 7) % 256),
      'random.bin',
      /random\.bin 不是 Excel 或 CSV 文件/,
    );
  });

  it('a row with an unparseable amount is rejected with its row number', async () => {
    const db = freshDb();
    const before = JSON.stringify(dumpBundle(db));
    const report = await importStatement(db, csv([header, '2026-07-10,USD,12a.00,,ACME,货款']), 'bad-amount.csv');
    expect(report).toMatchObject({ imported: 0, batchId: null, rejected: [{ row: 2, reason: '金额无法识别：“12a.00”' }] });
    expect(JSON.stringify(dumpBundle(db))).toBe(before);
  });

  it('a 100×-ambiguous rate with neither a CNY amount nor a table rate', async () => {
    const db = freshDb();
    const before = JSON.stringify(dumpBundle(db));
    const report = await importStatement(db, csv([header, '2025-01-10,USD,1000.00,712.34,PACIFIC IMPORTS SAS,货款']), 'ambiguous.csv');
    expect(report.rejected).toEqual([
      {
        row: 2,
        code: 'bank.rateUndecided',
        params: { rate: '712.34', month: '2025-01', currency: 'USD' },
        reason: expect.stringMatching(/汇率 712\.34 无法判断.*2025-01 USD/),
      },
    ]);
    expect(JSON.stringify(dumpBundle(db))).toBe(before);
    // The user's answer in the preview decides it
    const decided = await importStatement(db, csv([header, '2025-01-10,USD,1000.00,712.34,PACIFIC IMPORTS SAS,货款']), 'ambiguous.csv', { 2: 100 });
    expect(decided.imported).toBe(1);
  });

  it('the command line exits 2 with one line on an unreadable file', () => {
    const db = path.join(tempDir(), 'cli.db');
    tkpi('load', '--db', db, path.join(GOLDEN, 'bundle-no-receipts.json'));
    const junk = path.join(tempDir(), 'junk.xlsx');
    fs.writeFileSync(junk, 'PK\u0003\u0004 not really a zip');
    const result = tkpi('import-bank', '--db', db, junk);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/junk\.xlsx 无法读取/);
  });
});

describe('batches and payers', () => {
  it('undoes a batch, unless it feeds an approved appraisal', async () => {
    const db = freshDb();
    const [usd] = await importAll(db, ['boc-usd-statement.xlsx']);
    const [gbp] = await importAll(db, ['boc-gbp-statement.csv']);
    // Approve a salesperson's quarter that only the GBP statement feeds.
    const quarterOf = (batch: number) =>
      db
        .prepare(
          `SELECT DISTINCT matched_owner_id || ' ' || substr(value_date, 1, 4) || 'Q' || ((CAST(substr(value_date, 6, 2) AS INTEGER) + 2) / 3) AS k
           FROM receipts WHERE batch_id = ?`,
        )
        .all(batch)
        .map((r) => (r as { k: string }).k);
    const usdOnly = new Set(quarterOf(usd!.batchId!));
    const [sp, quarter] = (quarterOf(gbp!.batchId!).find((k) => !usdOnly.has(k)) ?? '').split(' ');
    db.prepare("INSERT INTO appraisals (salesperson_id, quarter, stage, updated_at) VALUES (?, ?, 'approved', 'now')").run(sp, quarter);
    expect(() => undoBatch(db, gbp!.batchId!)).toThrow(new RegExp(`导入批次 2 中有收汇计入已审定的考核（${sp} ${quarter}）`));
    expect(undoBatch(db, usd!.batchId!)).toBe(61);
    expect((db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(11);
    expect(() => undoBatch(db, usd!.batchId!)).toThrow('导入批次 1 已经撤销');
    expect(() => undoBatch(db, 99)).toThrow('找不到导入批次 99');
    // undone: the same statement imports again
    expect((await importAll(db, ['boc-usd-statement.xlsx']))[0]?.imported).toBe(61);
  });

  it('assigning a payer learns the alias and matches every receipt from that name', async () => {
    const db = freshDb();
    await importAll(db, FILES);
    const queue = unmatchedPayers(db);
    expect(queue).toEqual([expect.objectContaining({ payer: 'UNKNOWN PAYER HK LTD', count: 1, cny: '22361.22' })]);
    expect(() => assignPayer(db, 'UNKNOWN PAYER HK LTD', 'C999')).toThrow('找不到客户 C999');
    expect(() => assignPayer(db, 'NOBODY AT ALL', 'C007')).toThrow('没有来自“NOBODY AT ALL”的未匹配收汇');
    expect(assignPayer(db, 'Unknown Payer HK Limited', 'C007')).toMatchObject({ matched: 1 });
    expect(unmatchedPayers(db)).toEqual([]);
    const customer = dumpBundle(db).customers?.find((c) => c.id === 'C007');
    expect(customer?.aliases).toContain('Unknown Payer HK Limited');
    expect(computeQuarter(db, '2026Q3').report.rows[1]?.settled).toBe('2065532.04');
  });
});
