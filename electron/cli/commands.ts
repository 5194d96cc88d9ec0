import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../db/connection';
// eslint-disable-next-line no-restricted-imports -- `tkpi load` streams the bundle from its file, the one command outside the API (see loadCommand).
import { scanBundleFile, writeBundleFile } from '../services/bundle/loadBundle';
import { outputFolder, writeFileAtomically, writeFolderAtomically } from './atomicWrite';
import { call, withApi } from './apiClient';
import { CliInputError } from './cliError';
import { parseColumnsOption } from './columnsOption';
import { annualTable, importReport, quarterTable } from './reports';
import { receivablesTable } from './receivablesReport';

export type Output = { stdout: string; stderr?: string };

/*
 * Each command reads its files, calls one API method per step through the dispatcher (see
 * apiClient.ts) and formats the answer. Nothing here validates what the contract's schemas
 * validate, nor reaches a service function: the options are only turned into the arguments the
 * window would send (files as base64, years as numbers).
 */

/** A file's bytes; a file that cannot be read is bad input naming it. */
function readFile(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new DomainError('bundle.read', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

/**
 * `tkpi load`: the bundle is read as a stream — checked before the database file is even opened,
 * except its deals and receipts, which are checked as they are written in one transaction (a
 * failure leaves the database as it was, and removes a file this command created). This is the
 * one command that does not go through the API: the API carries a bundle as a value, and a
 * bundle of several hundred MB cannot be held as one (issue 12.9); a method that read a file by
 * its path would let the web host read any file.
 */
export function loadCommand(dbFile: string, bundleFile: string): Output {
  const scanned = scanBundleFile(bundleFile);
  const existed = fs.existsSync(dbFile);
  try {
    const db = openDatabase(dbFile, { create: true });
    let s;
    try {
      s = writeBundleFile(db, scanned);
    } finally {
      db.close();
    }
    return {
      stdout: `已载入 ${bundleFile}：业务员 ${s.salespeople} 人，客户 ${s.customers} 家，成交 ${s.deals} 笔，收汇 ${s.receipts} 笔（未匹配 ${s.unmatched} 笔）`,
    };
  } catch (error) {
    if (!existed) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    throw error;
  }
}

export async function dumpCommand(dbFile: string): Promise<Output> {
  return { stdout: JSON.stringify(await withApi(dbFile, (api) => call(api, 'bundle.dump', {})), null, 2) };
}

export async function appraiseCommand(dbFile: string, quarter: string, json: boolean): Promise<Output> {
  const result = await withApi(dbFile, (api) => call(api, 'appraisal.quarter', { quarter }));
  if (!json) return { stdout: quarterTable(result) };
  return { stdout: JSON.stringify(result.report, null, 2), stderr: result.warnings.map((w) => `提示：${w.message}`).join('\n') };
}

export async function annualCommand(dbFile: string, yearText: string, json: boolean): Promise<Output> {
  // Only the text → number step is the CLI's; the contract's schema judges the year itself.
  if (!/^\d+$/.test(yearText)) throw new DomainError('input.year', {}, { field: '--year' });
  const report = await withApi(dbFile, (api) => call(api, 'appraisal.year', { year: Number(yearText) }));
  return { stdout: json ? JSON.stringify(report, null, 2) : annualTable(report) };
}

/**
 * `tkpi import-bank`: one statement as one batch; an unreadable file writes nothing (exit 2).
 * `--columns` gives the column mapping (remembered for that header); without it a remembered
 * mapping or the header words are used, as in the app.
 */
export async function importBankCommand(dbFile: string, statement: string, json: boolean, columns?: string): Promise<Output> {
  const option = columns === undefined ? null : parseColumnsOption(columns);
  // The statement goes as the window sends it: its name and its bytes as base64.
  const file = { fileName: path.basename(statement), content: Buffer.from(readFile(statement)).toString('base64') };
  const summary = await withApi(dbFile, async (api) => {
    const mapping = option ? { headerRow: option.headerRow ?? (await firstFilledRow(api, file)), columns: option.columns } : undefined;
    return call(api, 'bankImport.commit', { ...file, mapping, remember: true });
  });
  return { stdout: json ? JSON.stringify(summary, null, 2) : importReport(summary) };
}

/**
 * `tkpi export-forms`: the quarter's workbook into DIR, or one workbook per person into a fresh
 * folder DIR/绩效考核表-QUARTER, and the 提成对账单 beside them; each appears only when complete.
 */
export async function exportFormsCommand(dbFile: string, quarter: string, out: string, perPerson: boolean): Promise<Output> {
  // The forms carry each person's 提成对账单; the statements also go out on their own.
  const { forms, statements } = await withApi(dbFile, async (api) => ({
    forms: await call(api, 'forms.export', { quarter, perPerson }),
    statements: await call(api, 'statements.export', { quarter }),
  }));
  // --out is made only once the API has accepted the quarter, so bad input leaves no folder behind.
  outputFolder(out);
  const files = forms.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.content, 'base64') }));
  const written = perPerson
    ? files.map((f) => path.join(writeFolderAtomically(out, `绩效考核表-${quarter}`, files), f.fileName))
    : files.map((f) => writeFileAtomically(path.join(out, f.fileName), f.bytes));
  written.push(writeFileAtomically(path.join(out, statements.fileName), Buffer.from(statements.content, 'base64')));
  return { stdout: written.map((file) => `已写出 ${file}`).join('\n') };
}

/** `tkpi import-self-review`: records the self-evaluation written on an exported form. */
export async function importSelfReviewCommand(dbFile: string, form: string, quarter: string | undefined): Promise<Output> {
  const content = Buffer.from(readFile(form)).toString('base64');
  const record = await withApi(dbFile, (api) =>
    call(api, 'forms.importSelfReview', { fileName: path.basename(form), content, ...(quarter === undefined ? {} : { quarter }) }),
  );
  return { stdout: `已导入 ${record.salesperson} ${record.quarter} 的自评（${record.steps.self?.text.length ?? 0} 字）` };
}

/**
 * The default header row of `--columns`: the first row with anything in it, among the first rows
 * `bankImport.preview` shows of the first sheet (as the window's mapping dialog shows them).
 */
async function firstFilledRow(api: Api, file: { fileName: string; content: string }): Promise<number> {
  const plan = await call(api, 'bankImport.preview', file);
  return Math.max(
    plan.sheet.rows.findIndex((row) => row.some((cell) => cell.trim() !== '')),
    0,
  );
}

/** `tkpi receivables`: the ageing and credit as of a date (SPEC §12); a missing rate is bad input naming month and currency. */
export async function receivablesCommand(dbFile: string, asOf: string, json: boolean): Promise<Output> {
  // The instalment rows are part of the report the CLI prints and of its --json (SPEC §12).
  const report = await withApi(dbFile, (api) => call(api, 'receivables.report', { asOf, instalments: true }));
  return { stdout: json ? JSON.stringify(report, null, 2) : receivablesTable(report) };
}

export function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new CliInputError(`缺少参数 ${name}`);
  return value;
}
