import { describe, expect, it } from 'vitest';
import { importStatement } from '../../electron/services/bankImport/importService';
import { COMPANY, PACIFIC, PIONEER, SUPPLIER, freshDb, preview, quirk } from '../bankQuirks';

/*
 * One test per bank-quirk fixture (test/fixtures/bank-quirks/, written by make.ts), each named
 * after the SPEC §10 rule it pins, the way Actual's parse-file tests pin each odd file. The
 * containers, duplicates inside one file and preview-equals-commit are in bankQuirkFiles.test.ts.
 */

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
