import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/connection';
import { importStatement } from '../electron/services/bankImport/importService';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../test/helpers';
import { STATEMENT_FILES, type BankKind } from './generateStatement';
import { gbkCsvFloor, streamXlsxFloor, xlsFloor } from './statementFloor';
import { median, peakRssMb } from './timing';

/*
 * One statement import measurement in its own process, so that its peak memory is its own
 * (issues 8.6, 8.7): `floor` reads the file as a stream with rows kept and values parsed; `import`
 * imports it into a fresh database (and imports it again); `norates` imports it into a company
 * that has not entered its FX table. Prints one JSON line: the times of each round and peak RSS.
 */

export type BankMode = 'floor' | 'import' | 'norates';
export type BankRun = { ms: number; againMs: number | null; peakRssMb: number; detail: string };


const ROUNDS = 3;

async function floor(kind: BankKind, bytes: Buffer): Promise<number> {
  if (kind === 'xlsx') return (await streamXlsxFloor(bytes)).length;
  if (kind === 'xls') return xlsFloor(bytes).length;
  return gbkCsvFloor(bytes).length;
}

async function run(kind: BankKind, mode: BankMode, dir: string): Promise<BankRun> {
  const file = STATEMENT_FILES[kind].file;
  const bytes = fs.readFileSync(path.join(dir, file));
  const times: number[] = [];
  const again: number[] = [];
  let detail = '';
  for (let round = 0; round < ROUNDS; round++) {
    if (mode === 'floor') {
      const started = performance.now();
      const rows = await floor(kind, bytes);
      times.push(performance.now() - started);
      detail = `${rows} rows read`;
      continue;
    }
    const db = openDatabase(path.join(tempDir(), 'bank.db'), { create: true });
    loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
    // A new company that imports statements before entering its FX table (issue 8.7).
    if (mode === 'norates') db.prepare('DELETE FROM fx_rates').run();
    let started = performance.now();
    const report = await importStatement(db, bytes, file);
    times.push(performance.now() - started);
    started = performance.now();
    const second = await importStatement(db, bytes, file);
    again.push(performance.now() - started);
    db.close();
    detail = `imported ${report.imported}, skipped ${JSON.stringify(report.skipped)}, rejected ${report.rejected.length}; again: imported ${second.imported}, duplicates ${second.duplicates}`;
  }
  return { ms: median(times), againMs: again.length ? median(again) : null, peakRssMb: peakRssMb(), detail };
}

const [kind, mode, dir] = process.argv.slice(2) as [BankKind, BankMode, string];
if (kind in STATEMENT_FILES && mode && dir) process.stdout.write(`${JSON.stringify(await run(kind, mode, dir))}\n`);
