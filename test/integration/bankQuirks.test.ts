import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary, StatementPlan } from '../../shared/api/contract';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { GOLDEN, ROOT, readJson, tempDir } from '../helpers';

/*
 * One test per bank-quirk fixture (test/fixtures/bank-quirks/, written by make.ts), each named
 * after the SPEC §10 rule it pins, the way Actual's parse-file tests pin each odd file. The
 * company is the golden one: C001 PIONEER TEXTILES (S01), C005 NORDIC IMPORTS (S01),
 * C007 PACIFIC IMPORTS (S02), C021 EMERALD DISTRIBUTION (S04).
 */

const QUIRKS = path.join(ROOT, 'test/fixtures/bank-quirks');
const STATEMENTS = path.join(GOLDEN, 'statements');
const quirk = (file: string) => fs.readFileSync(path.join(QUIRKS, file));

function freshDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'quirks.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

/** Each row of the preview as [row, fate, reason, date, currency, signed fen, counterparty, customer]. */
type Line = [number, string, string | null, string | null, string | null, number | null, string | null, string | null];

async function preview(file: string): Promise<{ plan: StatementPlan; lines: Line[] }> {
  const plan = await previewStatement(freshDb(), quirk(file), file);
  const lines = plan.rows.map((r): Line => [r.row, r.fate, r.reason, r.valueDate, r.currency, r.amountFen, r.counterparty, r.receipt?.customer ?? null]);
  return { plan, lines };
}

const PACIFIC = 'PACIFIC IMPORTS SAS';
const PIONEER = 'PIONEER TEXTILES LIMITED';
const SUPPLIER = '义乌市恒达包装材料有限公司';
const COMPANY = '宁波海联进出口有限公司';

describe('SPEC §10 header normalisation', () => {
  it('header-english-gloss.xlsx: a trailing English gloss [ … ] is removed from header cells', async () => {
    const { plan, lines } = await preview('header-english-gloss.xlsx');
    expect(plan.sheet).toMatchObject({ source: 'words', headerRow: 2, columns: { tradeDate: [0], currency: [1], amount: [2], counterparty: [3], memo: [4] } });
    expect(lines).toEqual([[4, 'new', null, '2026-08-03', 'USD', 150000, PACIFIC, 'C007']]);
  });

  it('header-ascii-brackets.csv (GBK): 收(付)方名称 with ASCII brackets is the counterparty, as 收/付方名称', async () => {
    const { lines } = await preview('header-ascii-brackets.csv');
    expect(lines).toEqual([[6, 'new', null, '2026-08-04', 'CNY', 320000, PIONEER, 'C001']]);
  });

  it('header-fullwidth-brackets.xls: 收（付）方名称 with full-width brackets is the counterparty', async () => {
    const { lines } = await preview('header-fullwidth-brackets.xls');
    expect(lines).toEqual([[6, 'new', null, '2026-08-05', 'CNY', 275000, 'NORDIC IMPORTS SAS', 'C005']]);
  });

  it('amount-direction-suffix.xlsx: 交易金额(收入) is a credit column and 交易金额(支出) a debit column', async () => {
    const { plan, lines } = await preview('amount-direction-suffix.xlsx');
    expect(plan.sheet.columns).toMatchObject({ credit: [1], debit: [2] });
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-06', 'USD', 200000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.outgoing', '2026-08-06', 'USD', -50000, SUPPLIER, null],
      [8, 'skipped', 'skip.fee', '2026-08-06', 'USD', -3000, '中国银行', null],
    ]);
  });

  it('booked-amount-debit-credit.xls: 记账金额（贷）is credit and 记账金额（借）debit', async () => {
    const { plan, lines } = await preview('booked-amount-debit-credit.xls');
    expect(plan.sheet.columns).toMatchObject({ debit: [1], credit: [2] });
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-07', 'CNY', 80000, PIONEER, 'C001'],
      [7, 'skipped', 'skip.outgoing', '2026-08-07', 'CNY', -10000, SUPPLIER, null],
    ]);
  });

  it('header-unit-suffix.csv (GBK): unit suffixes （人民币）, (元) and /元 are dropped', async () => {
    const { plan, lines } = await preview('header-unit-suffix.csv');
    expect(plan.sheet.columns).toMatchObject({ credit: [1], debit: [2], counterparty: [4] });
    expect(lines).toEqual([[6, 'new', null, '2026-08-09', 'CNY', 456000, PIONEER, 'C001']]);
  });

  it('header-zhang-variant.txt (tab text): 帐 is read as 账 (记帐日期, 对方帐户名称)', async () => {
    const { plan, lines } = await preview('header-zhang-variant.txt');
    expect(plan.sheet.columns).toMatchObject({ tradeDate: [0], amount: [1], direction: [2], counterparty: [3] });
    expect(lines).toEqual([[6, 'new', null, '2026-08-10', 'CNY', 250000, PIONEER, 'C001']]);
  });

  it('header-english-row-below.xlsx: a row of English words under the header is part of the header, not a rejected row', async () => {
    const { plan, lines } = await preview('header-english-row-below.xlsx');
    expect(plan.summary.rejected).toEqual([]);
    expect(lines).toEqual([[7, 'new', null, '2026-09-27', 'CNY', 390000, PACIFIC, 'C007']]);
  });

  it('header-late-row.xlsx: the header may be anywhere in the first 30 rows', async () => {
    const { plan, lines } = await preview('header-late-row.xlsx');
    expect(plan.sheet.headerRow).toBe(24);
    expect(lines).toEqual([[26, 'new', null, '2026-09-08', 'CNY', 180000, PACIFIC, 'C007']]);
  });
});

describe('SPEC §10 two-row headers', () => {
  it('two-row-header-merged.xls: 发生额/元 merged over 借方|贷方 makes debit and credit; the sub-heading row is no data', async () => {
    const { plan, lines } = await preview('two-row-header-merged.xls');
    expect(plan.sheet).toMatchObject({ headerRow: 4, columns: { tradeDate: [0], debit: [1], credit: [2], counterparty: [3], memo: [4] } });
    expect(lines).toEqual([
      [7, 'new', null, '2026-08-11', 'CNY', 4260000, PACIFIC, 'C007'],
      [8, 'skipped', 'skip.outgoing', '2026-08-12', 'CNY', -100000, SUPPLIER, null],
      [9, 'new', null, '2026-08-13', 'CNY', -200000, PACIFIC, 'C007'],
    ]);
    expect(plan.summary).toMatchObject({ read: 3, rejected: [], refunds: 1 });
  });

  it('two-row-header-repeated.xlsx: 交易金额 repeated over 支出|收入 makes debit and credit', async () => {
    const { plan, lines } = await preview('two-row-header-repeated.xlsx');
    expect(plan.sheet.columns).toMatchObject({ debit: [1], credit: [2] });
    expect(lines).toEqual([
      [7, 'new', null, '2026-08-14', 'CNY', 630000, 'NORDIC IMPORTS SAS', 'C005'],
      [8, 'skipped', 'skip.outgoing', '2026-08-15', 'CNY', -45000, SUPPLIER, null],
    ]);
  });
});

describe('SPEC §10 booked amount and currency', () => {
  it('booked-vs-transaction.xlsx: 记账金额 + 记账币种 are read, not 交易金额 + 交易币种', async () => {
    const { plan, lines } = await preview('booked-vs-transaction.xlsx');
    expect(plan.sheet.columns).toMatchObject({ amount: [3], currency: [4], payer: [5] });
    expect(lines).toEqual([[6, 'new', null, '2026-08-08', 'USD', 108500, PACIFIC, 'C007']]);
  });

  it('currency-word-bibie.csv (GBK): 币别 names the currency column, 欧元 is EUR', async () => {
    const { lines } = await preview('currency-word-bibie.csv');
    expect(lines).toEqual([[6, 'new', null, '2026-09-07', 'EUR', 550000, 'NORDIC IMPORTS SAS', 'C005']]);
  });

  it('title-row-currency.xls: a title row 币种: 美元 applies to every row', async () => {
    const { lines } = await preview('title-row-currency.xls');
    expect(lines).toEqual([[5, 'new', null, '2026-09-05', 'USD', 420000, PACIFIC, 'C007']]);
  });

  it('no-currency-anywhere.csv (GBK): a statement that names no currency is a CNY account', async () => {
    const { lines } = await preview('no-currency-anywhere.csv');
    expect(lines).toEqual([[2, 'new', null, '2026-09-06', 'CNY', 880000, PIONEER, 'C001']]);
  });
});

describe('SPEC §10 direction words and values, counterparty by direction', () => {
  it('direction-values-1-2.csv (GBK): a 借贷标志 of 1 is money in and 2 money out', async () => {
    const { lines } = await preview('direction-values-1-2.csv');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-16', 'CNY', 500000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.outgoing', '2026-08-16', 'CNY', -12000, SUPPLIER, null],
    ]);
  });

  it('direction-jiedai-fangxiang.txt (GBK tab): 借贷方向 with 贷 Cr / 借 Dr, 交易时间 with a time, 美元', async () => {
    const { lines } = await preview('direction-jiedai-fangxiang.txt');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-17', 'USD', 710000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.fee', '2026-08-17', 'USD', -2000, '中国工商银行', null],
    ]);
  });

  it('direction-shouzhi-flag.xlsx: 收支标志 with 收/付; money out to the company itself is an own transfer', async () => {
    const { lines } = await preview('direction-shouzhi-flag.xlsx');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-18', 'CNY', 330000, PIONEER, 'C001'],
      [7, 'skipped', 'skip.internal', '2026-08-18', 'CNY', -300000, COMPANY, null],
    ]);
  });

  it('counterparty-by-direction.xlsx: 付款人户名 for money in, 收款人户名 for money out — the side that is not the company', async () => {
    const { lines } = await preview('counterparty-by-direction.xlsx');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-19', 'CNY', 300000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.outgoing', '2026-08-19', 'CNY', -80000, SUPPLIER, null],
      [8, 'new', null, '2026-08-20', 'CNY', -100000, PACIFIC, 'C007'],
    ]);
  });

  it('swift-prefix.xls: a counterparty’s SWIFT line prefix 1/ is dropped (汇款人名称)', async () => {
    const { lines } = await preview('swift-prefix.xls');
    expect(lines).toEqual([[6, 'new', null, '2026-09-04', 'GBP', 665000, 'EMERALD DISTRIBUTION LIMITED', 'C021']]);
  });

  it('own-transfer-and-fee.csv (GBK): money in from the company itself, a bank fee and a supplier payment are skipped with why', async () => {
    const { plan } = await preview('own-transfer-and-fee.csv');
    expect(plan.summary).toMatchObject({ read: 3, imported: 0, skipped: { 'skip.internal': 1, 'skip.fee': 1, 'skip.outgoing': 1 } });
  });
});

describe('SPEC §10 signs: a refund is never money in', () => {
  it('negative-credit-reversal.xls: a negative figure in the credit column is money out (冲正), netting the receipt to zero', async () => {
    const { lines } = await preview('negative-credit-reversal.xls');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-21', 'CNY', 2343000, PACIFIC, 'C007'],
      [7, 'new', null, '2026-08-22', 'CNY', -2343000, PACIFIC, 'C007'],
    ]);
    const db = freshDb();
    const report = await importStatement(db, quirk('negative-credit-reversal.xls'), 'negative-credit-reversal.xls');
    const net = db.prepare("SELECT sum(amount_fen) AS fen FROM receipts WHERE customer_id = 'C007'").get() as { fen: number };
    expect(net.fen).toBe(0);
    expect(report.refundRows).toEqual([
      { receiptId: expect.any(Number), customer: 'C007', customerName: 'PACIFIC IMPORTS SAS', date: '2026-08-22', currency: 'CNY', amount: '-23430.00' },
    ]);
  });

  it('negative-debit.csv (GBK): a negative figure in the debit column is money in', async () => {
    const { lines } = await preview('negative-debit.csv');
    expect(lines).toEqual([[6, 'new', null, '2026-08-23', 'CNY', 120000, PIONEER, 'C001']]);
  });

  it('negative-with-direction.txt (tab text): unsigned amounts with 借贷标志 — 贷 with a negative figure is money out', async () => {
    const { lines } = await preview('negative-with-direction.txt');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-24', 'CNY', 500000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.fee', '2026-08-24', 'CNY', -5000, '中国银行', null],
      [8, 'new', null, '2026-08-25', 'CNY', -500000, PACIFIC, 'C007'],
    ]);
  });

  it('parenthesised-negative.csv (GBK): (1,234.56) is negative', async () => {
    const { lines } = await preview('parenthesised-negative.csv');
    expect(lines[1]).toEqual([7, 'new', null, '2026-09-02', 'USD', -123456, PACIFIC, 'C007']);
  });
});

describe('SPEC §10 values', () => {
  it('empty-dashes.xlsx: -, -- and --- are empty cells, not amounts or memos', async () => {
    const { plan, lines } = await preview('empty-dashes.xlsx');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-30', 'CNY', 200000, PACIFIC, 'C007'],
      [7, 'skipped', 'skip.outgoing', '2026-08-30', 'CNY', -100000, SUPPLIER, null],
      [8, 'new', null, '2026-08-31', 'CNY', 300000, PIONEER, 'C001'],
    ]);
    expect(plan.rows[2]?.receipt?.memo).toBeNull();
  });

  it('date-forms.txt (tab text): 20260715, 2026/7/16, 2026年7月17日, with or without a time', async () => {
    const { lines } = await preview('date-forms.txt');
    expect(lines.map((l) => l[3])).toEqual(['2026-07-15', '2026-07-16', '2026-07-17', '2026-07-18', '2026-07-19']);
  });

  it('date-excel-serial.xlsx: an Excel serial and a date cell', async () => {
    const { lines } = await preview('date-excel-serial.xlsx');
    expect(lines.map((l) => l[3])).toEqual(['2026-07-15', '2026-07-16']);
  });

  it('currency-codes.csv (GBK): ISO numeric codes, banks’ two-digit codes, RMB and 港币', async () => {
    const { lines } = await preview('currency-codes.csv');
    expect(lines.map((l) => l[4])).toEqual(['USD', 'EUR', 'USD', 'EUR', 'HKD', 'CNY', 'CNY', 'HKD', 'CNY']);
  });
});

describe('SPEC §10 dates, amounts and rates', () => {
  it('value-date-preferred.xlsx: 起息日 is preferred to 交易日期 when both are there (it decides the quarter)', async () => {
    const { lines } = await preview('value-date-preferred.xlsx');
    expect(lines).toEqual([[6, 'new', null, '2026-10-08', 'CNY', 500000, PACIFIC, 'C007']]);
  });

  it('amount-text-forms.csv (GBK): a leading +, thousands separators, trailing tabs and spaces', async () => {
    const { lines } = await preview('amount-text-forms.csv');
    expect(lines.map((l) => l[5])).toEqual([123450, 200000]);
  });

  it('rate-per-100.csv (GBK): 712.34 per 100 USD, checked against the row’s own CNY amount, is 7.1234 per unit', async () => {
    const { plan } = await preview('rate-per-100.csv');
    expect(plan.rows[0]).toMatchObject({ quotedPer: 100, rateWritten: '712.34', receipt: { rate: '7.1234', rateMicro: 7123400, cnyFen: 712340 } });
  });

  it('rate-one-no-rate.xlsx: a rate of 1 on a foreign-currency row means no rate', async () => {
    const { plan } = await preview('rate-one-no-rate.xlsx');
    expect(plan.rows[0]?.receipt).toMatchObject({ currency: 'USD', rate: null, rateMicro: null });
  });

  it('blank-rows-merged-title.xls: a merged title row and blank rows are skipped, not counted or rejected', async () => {
    const { plan, lines } = await preview('blank-rows-merged-title.xls');
    expect(plan.summary).toMatchObject({ read: 2, imported: 2, rejected: [] });
    expect(lines.map((l) => [l[0], l[3]])).toEqual([
      [4, '2026-09-25'],
      [6, '2026-09-26'],
    ]);
  });
});

describe('SPEC §10 footers, totals and unreadable rows', () => {
  it('footer-below-data.csv (GBK): every row below the last data row is footer, skipped — never rejected', async () => {
    const { plan, lines } = await preview('footer-below-data.csv');
    expect(lines).toEqual([
      [6, 'new', null, '2026-08-26', 'CNY', 110000, PACIFIC, 'C007'],
      [7, 'new', null, '2026-08-27', 'CNY', 220000, PIONEER, 'C001'],
      [9, 'skipped', 'skip.footer', null, null, null, null, null],
      [10, 'skipped', 'skip.footer', null, null, null, null, null],
    ]);
    expect(plan.summary.rejected).toEqual([]);
  });

  it('unreadable-row-between.xlsx: a row between data rows that cannot be read is rejected with its row number', async () => {
    const { plan } = await preview('unreadable-row-between.xlsx');
    expect(plan.summary.rejected).toEqual([{ row: 7, code: 'bank.date', params: { value: '2026-13-45' }, reason: '日期无法识别：“2026-13-45”' }]);
    expect(plan.summary).toMatchObject({ imported: 2, skipped: { 'skip.footer': 1 } });
  });

  it('total-rows-between.xls: 本页合计 and a repeated page header between pages are skipped; 合计 at the end is footer', async () => {
    const { plan } = await preview('total-rows-between.xls');
    expect(plan.summary).toMatchObject({ read: 5, imported: 2, rejected: [], skipped: { 'skip.total': 1, 'skip.header': 1, 'skip.footer': 1 } });
  });
});

describe('SPEC §10 containers', () => {
  it('csv-that-is-xls.csv: a file named .csv that is really .xls is read as .xls', async () => {
    const { lines } = await preview('csv-that-is-xls.csv');
    expect(lines).toEqual([[6, 'new', null, '2026-09-14', 'CNY', 160000, PACIFIC, 'C007']]);
  });

  it('utf8-bom.csv: UTF-8 with a BOM', async () => {
    const { lines } = await preview('utf8-bom.csv');
    expect(lines).toEqual([[2, 'new', null, '2026-09-15', 'CNY', 170000, PACIFIC, 'C007']]);
  });

  it.each([
    ['not-statement-letter.docx', 'Word'],
    ['not-statement-letter-docx-renamed.xlsx', 'Word'],
    ['not-statement-scan.pdf', 'PDF'],
    ['not-statement-scan-pdf-renamed.csv', 'PDF'],
    ['not-statement-logo.png', 'PNG'],
    ['not-statement-logo-png-renamed.xlsx', 'PNG'],
  ])('%s is refused as not a bank statement (%s), never called empty', async (file, kind) => {
    const db = freshDb();
    for (const attempt of [previewStatement(db, quirk(file), file), importStatement(db, quirk(file), file)]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e as { code?: string; params?: Record<string, unknown>; message: string },
      );
      expect(error?.code).toBe('bank.notStatement');
      expect(String(error?.params?.kind)).toContain(kind);
      expect(error?.message).toMatch(new RegExp(`${file.replace(/\./g, '\\.')} 不是银行对账单`));
      expect(error?.message).not.toMatch(/空文件/);
    }
    expect((db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(0);
  });
});

describe('SPEC §10 duplicates inside one file', () => {
  it('same-reference-twice.csv: the same bank reference twice in one file is stored once, the second reported duplicate', async () => {
    const { lines } = await preview('same-reference-twice.csv');
    expect(lines.map((l) => [l[0], l[1]])).toEqual([
      [6, 'new'],
      [7, 'duplicate'],
      [8, 'new'],
    ]);
    const db = freshDb();
    const report = await importStatement(db, quirk('same-reference-twice.csv'), 'same-reference-twice.csv');
    expect(report).toMatchObject({ imported: 2, duplicates: 1 });
    const refs = db.prepare('SELECT ref FROM receipts ORDER BY id').all() as { ref: string }[];
    expect(refs.map((r) => r.ref)).toEqual(['QK2026091100017', 'QK2026091200003']);
  });
});

const STATEMENT_FIXTURES = fs
  .readdirSync(QUIRKS)
  .filter((f) => f !== 'make.ts' && !f.startsWith('.') && !f.startsWith('not-statement') && !f.startsWith('unknown-layout'))
  .sort();
const ALL = [
  ...STATEMENT_FIXTURES.map((f) => [f, path.join(QUIRKS, f)]),
  ...fs
    .readdirSync(STATEMENTS)
    .sort()
    .map((f) => [f, path.join(STATEMENTS, f)]),
];

function stored(db: WriteDb, batchId: number | null) {
  if (batchId === null) return [];
  return db
    .prepare(
      'SELECT ref, fingerprint, value_date, currency, amount_fen, rate_micro, bank_cny_fen, remitter, memo, customer_id, matched_owner_id FROM receipts WHERE batch_id = ? ORDER BY id',
    )
    .all(batchId);
}

function skippedTotal(summary: ImportSummary): number {
  return Object.values(summary.skipped).reduce((a, b) => a + b, 0);
}

describe('preview equals commit (SPEC §10)', () => {
  // it.each over an emptied fixtures folder would make no tests at all, and pass.
  it('runs over every statement fixture: the quirks and the six golden statements', () => {
    expect(STATEMENT_FIXTURES.length, 'quirk statements found').toBeGreaterThanOrEqual(40);
    expect(ALL.length - STATEMENT_FIXTURES.length, 'golden statements found').toBe(6);
  });

  it.each(ALL)('%s: the rows the preview shows as to import are exactly the rows the commit stores', async (file, full) => {
    const db = freshDb();
    const bytes = fs.readFileSync(full);
    const plan = await previewStatement(db, bytes, file);
    const shown = plan.rows.flatMap((r) =>
      r.fate === 'new' && r.receipt
        ? [
            {
              ref: r.receipt.ref,
              fingerprint: r.receipt.fingerprint,
              value_date: r.receipt.valueDate,
              currency: r.receipt.currency,
              amount_fen: r.receipt.amountFen,
              rate_micro: r.receipt.rateMicro,
              bank_cny_fen: r.receipt.cnyFen,
              remitter: r.receipt.remitter,
              memo: r.receipt.memo,
              customer_id: r.receipt.customer,
              matched_owner_id: r.receipt.matchedOwner,
            },
          ]
        : [],
    );
    const report = await importStatement(db, bytes, file);
    expect(stored(db, report.batchId)).toEqual(shown);
    // Nothing the preview flagged may be stored at commit without the user's answer.
    expect(report.imported).toBe(plan.summary.imported);
  });

  it.each(ALL)('%s: the report counts every row once: read = imported + duplicates + Σskipped + rejected + flagged', async (file, full) => {
    const db = freshDb();
    const bytes = fs.readFileSync(full);
    for (const summary of [(await previewStatement(db, bytes, file)).summary, await importStatement(db, bytes, file), await importStatement(db, bytes, file)]) {
      expect(summary.read, JSON.stringify(summary)).toBe(
        summary.imported + summary.duplicates + skippedTotal(summary) + summary.rejected.length + summary.flagged,
      );
    }
  });
});
