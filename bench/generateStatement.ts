import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';

/*
 * A deterministic BOC-style statement of any length for the import benchmark: title rows,
 * a header with English glosses, signed amounts with 来账/往账, rates quoted per 100 units.
 */

const HEADER = [
  '交易类型[ Transaction Type ]',
  "付款人名称[ Payer's Name ]",
  "收款人名称[ Payee's Name ]",
  '交易日期[ Transaction Date ]',
  '交易货币[ Trade Currency ]',
  '交易金额[ Trade Amount ]',
  '起息日期[ Value Date ]',
  '汇率[ Exchange rate ]',
  '交易流水号[ Transaction reference number ]',
  '摘要[ Reference ]',
];
const PAYERS = [
  'PIONEER TEXTILES LIMITED',
  'ALPINE HARDWARE CO LTD',
  'HARBOR RETAIL BV',
  'PACIFIC IMPORTS S.A.S.',
  'AURORA SUPPLY SRL',
  'ATLAS INDUSTRIES L.L.C.',
  'SOMEBODY NEW TRADING LTD',
];
const CURRENCIES: [string, number][] = [
  ['USD', 707],
  ['EUR', 776],
  ['GBP', 905],
];

export function statementRows(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const [currency, rate] = CURRENCIES[i % 3] as [string, number];
    // In date order, as banks export them: about 280 rows a day through 2026.
    const day = Math.floor((i / count) * 336);
    const date = `2026${String(1 + Math.floor(day / 28)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
    const out = i % 10 === 9;
    const amount = `${out ? '-' : '+'}${1000 + ((i * 37) % 90000)}.${String(i % 100).padStart(2, '0')}`;
    rows.push([
      out ? '往账' : '来账',
      out ? '宁波海联进出口有限公司' : (PAYERS[i % PAYERS.length] ?? ''),
      out ? '中国银行' : '宁波海联进出口有限公司',
      date,
      currency,
      amount,
      date,
      `${rate}.${String(i % 100).padStart(2, '0')}`,
      `BENCH${String(i).padStart(8, '0')}`,
      out ? '手续费' : `PAYMENT FOR PO ${i}`,
    ]);
  }
  return rows;
}

const TITLE = [['查询账号[ Inquirer account number ]', '358023001913'], ['查询时间范围[ Time range ]', '20260101-20261231'], []];

export async function statementXlsx(count: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of [...TITLE, HEADER, ...statementRows(count)]) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function statementGbkCsv(count: number): Buffer {
  const lines = [...TITLE, HEADER, ...statementRows(count)].map((row) => row.join(','));
  return iconv.encode(lines.join('\r\n'), 'gb18030');
}

/** The same statement written row by row (shared strings, as banks' exports have them) to a file. */
export async function writeStatementXlsx(count: number, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of [...TITLE, HEADER]) sheet.addRow(row).commit();
  for (const row of statementRows(count)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** The same statement as a BIFF8 .xls, which holds at most 65,536 rows a sheet. */
export function statementXls(count: number): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([...TITLE, HEADER, ...statementRows(count)], { dense: true } as XLSX.AOA2SheetOpts);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Sheet1');
  return XLSX.write(workbook, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

export type BankKind = 'xlsx' | 'xls' | 'csv';

/**
 * The statements the bench imports: 200k rows is the app's cap. An .xls sheet holds 65,536
 * rows, and SheetJS writes BIFF8 in quadratic time (4,000 rows 2.4 s), so the .xls has 10k.
 */
export const STATEMENT_FILES: Record<BankKind, { file: string; rows: number }> = {
  xlsx: { file: 'statement-200k.xlsx', rows: 200_000 },
  xls: { file: 'statement-10k.xls', rows: 10_000 },
  csv: { file: 'statement-100k.csv', rows: 100_000 },
};
