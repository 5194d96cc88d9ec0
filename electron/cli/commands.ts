import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/api/errors';
import { isQuarterKey } from '../../shared/quarter';
import { openDatabase, type Db } from '../db/connection';
import { computeQuarter, computeYear } from '../services/appraisalService';
import { importStatement } from '../services/bankImport/importService';
import { exportForms } from '../forms/formsService';
import { exportStatements } from '../services/commissionStatementService';
import { importSelfReview } from '../forms/selfReviewImport';
import { dumpBundle } from '../services/bundle/dumpBundle';
import { scanBundleFile, writeBundleFile } from '../services/bundle/loadBundle';
import { readStatement } from '../bank/readStatement';
import { outputFolder, writeFileAtomically, writeFolderAtomically } from './atomicWrite';
import { CliInputError } from './cliError';
import { parseColumnsOption } from './columnsOption';
import { annualTable, importReport, quarterTable } from './reports';
import { receivablesTable } from './receivablesReport';
import { computeReceivables } from '../services/receivablesService';
import { isIsoDate } from '../../shared/quarter';

export type Output = { stdout: string; stderr?: string };

/** Opens the database for one command and closes it whatever happens (also after an await). */
async function withDatabase<T>(file: string, work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** A file's bytes; a file that cannot be read is bad input naming it. */
function readFile(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new DomainError('bundle.read', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

/**
 * `tkpi load`: the bundle is checked before the database file is even opened, except its deals
 * and receipts, which are checked as they are written in one transaction (a failure leaves the
 * database as it was, and removes a file this command created).
 */
export function loadCommand(dbFile: string, bundleFile: string): Output {
  // Read as a stream: all but deals and receipts checked here, those as they are written.
  const scanned = scanBundleFile(bundleFile);
  const existed = fs.existsSync(dbFile);
  let db: Db | null = null;
  try {
    db = openDatabase(dbFile, { create: true });
    const s = writeBundleFile(db, scanned);
    return { stdout: `已载入 ${bundleFile}：业务员 ${s.salespeople} 人，客户 ${s.customers} 家，成交 ${s.deals} 笔，收汇 ${s.receipts} 笔（未匹配 ${s.unmatched} 笔）` };
  } catch (error) {
    db?.close();
    db = null;
    // A file this command created and could not fill is removed, so nothing is left half-made.
    if (!existed) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    throw error;
  } finally {
    db?.close();
  }
}

export async function dumpCommand(dbFile: string): Promise<Output> {
  return { stdout: JSON.stringify(await withDatabase(dbFile, dumpBundle), null, 2) };
}

export async function appraiseCommand(dbFile: string, quarter: string, json: boolean): Promise<Output> {
  if (!isQuarterKey(quarter)) throw new DomainError('input.quarter', {}, { field: '--quarter' });
  const result = await withDatabase(dbFile, (db) => computeQuarter(db, quarter));
  if (!json) return { stdout: quarterTable(result) };
  return { stdout: JSON.stringify(result.report, null, 2), stderr: result.warnings.map((w) => `提示：${w.message}`).join('\n') };
}

export async function annualCommand(dbFile: string, yearText: string, json: boolean): Promise<Output> {
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText)) throw new DomainError('input.year', {}, { field: '--year' });
  const report = await withDatabase(dbFile, (db) => computeYear(db, year));
  return { stdout: json ? JSON.stringify(report, null, 2) : annualTable(report) };
}

/**
 * `tkpi import-bank`: one statement as one batch; an unreadable file writes nothing (exit 2).
 * `--columns` gives the column mapping (remembered for that header); without it a remembered
 * mapping or the header words are used, as in the app.
 */
export async function importBankCommand(dbFile: string, statement: string, json: boolean, columns?: string): Promise<Output> {
  const option = columns === undefined ? null : parseColumnsOption(columns);
  const bytes = readFile(statement);
  const file = path.basename(statement);
  const mapping = option ? { headerRow: option.headerRow ?? (await firstFilledRow(bytes, file)), columns: option.columns } : undefined;
  const summary = await withDatabase(dbFile, (db) => importStatement(db, bytes, file, {}, { mapping, remember: true }));
  return { stdout: json ? JSON.stringify(summary, null, 2) : importReport(summary) };
}

/**
 * `tkpi export-forms`: the quarter's workbook into DIR, or one workbook per person into a fresh
 * folder DIR/绩效考核表-QUARTER, and the 提成对账单 beside them; each appears only when complete.
 */
export async function exportFormsCommand(dbFile: string, quarter: string, out: string, perPerson: boolean): Promise<Output> {
  if (!isQuarterKey(quarter)) throw new DomainError('input.quarter', {}, { field: '--quarter' });
  outputFolder(out);
  // The forms carry each person's 提成对账单; the statements also go out on their own.
  const { files, statements } = await withDatabase(dbFile, async (db) => ({ files: await exportForms(db, quarter, perPerson), statements: await exportStatements(db, quarter) }));
  const written = perPerson ? files.map((f) => path.join(writeFolderAtomically(out, `绩效考核表-${quarter}`, files), f.fileName)) : files.map((f) => writeFileAtomically(path.join(out, f.fileName), f.bytes));
  written.push(writeFileAtomically(path.join(out, statements.fileName), statements.bytes));
  return { stdout: written.map((file) => `已写出 ${file}`).join('\n') };
}

/** `tkpi import-self-review`: records the self-evaluation written on an exported form. */
export async function importSelfReviewCommand(dbFile: string, form: string, quarter: string | undefined): Promise<Output> {
  const bytes = readFile(form);
  const record = await withDatabase(dbFile, (db) => importSelfReview(db, bytes, path.basename(form), quarter));
  return { stdout: `已导入 ${record.salesperson} ${record.quarter} 的自评（${record.steps.self?.text.length ?? 0} 字）` };
}

/** The default header row of `--columns`: the first row of the first sheet with anything in it. */
async function firstFilledRow(bytes: Uint8Array, file: string): Promise<number> {
  const grid = (await readStatement(bytes, file))[0] ?? [];
  const index = grid.findIndex((row) => (row ?? []).some((cell) => cell !== null && String(cell).trim() !== ''));
  return Math.max(index, 0);
}

/** `tkpi receivables`: the ageing and credit as of a date (SPEC §12); a missing rate is bad input naming month and currency. */
export async function receivablesCommand(dbFile: string, asOf: string, json: boolean): Promise<Output> {
  if (!isIsoDate(asOf)) throw new DomainError('input.date', {}, { field: '--as-of' });
  const report = await withDatabase(dbFile, (db) => computeReceivables(db, asOf));
  return { stdout: json ? JSON.stringify(report, null, 2) : receivablesTable(report) };
}

export function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new CliInputError(`缺少参数 ${name}`);
  return value;
}
