import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/connection';
import { importStatement } from '../electron/services/bankImport/importService';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../test/helpers';
import { STATEMENT_FILES, type BankKind } from './generateStatement';
import { gbkCsvFloor, ownXlsxRead, streamXlsxFloor, xlsFloor } from './statementFloor';
import { peakRssMb } from './timing';

/*
 * One statement import measurement in its own process, so that its peak memory is its own
 * (issues 8.6, 8.7): `floor` reads the file as a stream with rows kept and values parsed (`own`:
 * the same by the app's own .xlsx reader instead of exceljs); `import`
 * imports it into a fresh database (and imports it again); `norates` imports it into a company
 * that has not entered its FX table. Prints one JSON line: the times and the import's peak RSS.
 */

export type BankMode = 'floor' | 'own' | 'import' | 'norates';
export type BankRun = { ms: number; againMs: number | null; peakRssMb: number; detail: string };

async function floor(kind: BankKind, bytes: Buffer): Promise<number> {
  if (kind === 'xlsx') return (await streamXlsxFloor(bytes)).length;
  if (kind === 'xls') return xlsFloor(bytes).length;
  return gbkCsvFloor(bytes).length;
}

/** One round: a fresh process per round, so each peak is one import's (as from the CLI). */
async function run(kind: BankKind, mode: BankMode, dir: string): Promise<BankRun> {
  const file = STATEMENT_FILES[kind].file;
  const bytes = fs.readFileSync(path.join(dir, file));
  if (mode === 'floor' || mode === 'own') {
    const started = performance.now();
    const rows = mode === 'own' ? (await ownXlsxRead(bytes)).length : await floor(kind, bytes);
    return { ms: performance.now() - started, againMs: null, peakRssMb: peakRssMb(), detail: `${rows} rows read` };
  }
  const db = openDatabase(path.join(tempDir(), 'bank.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  // A new company that imports statements before entering its FX table (issue 8.7).
  if (mode === 'norates') db.prepare('DELETE FROM fx_rates').run();
  let started = performance.now();
  const report = await importStatement(db, bytes, file);
  const ms = performance.now() - started;
  // The peak of the import itself, before the re-import adds its own garbage.
  const peak = peakRssMb();
  started = performance.now();
  const second = await importStatement(db, bytes, file);
  const againMs = performance.now() - started;
  db.close();
  const detail = `imported ${report.imported}, skipped ${JSON.stringify(report.skipped)}, rejected ${report.rejected.length}; again: imported ${second.imported}, duplicates ${second.duplicates}`;
  return { ms, againMs, peakRssMb: peak, detail };
}

const [kind, mode, dir] = process.argv.slice(2) as [BankKind, BankMode, string];
if (kind in STATEMENT_FILES && mode && dir) process.stdout.write(`${JSON.stringify(await run(kind, mode, dir))}\n`);
