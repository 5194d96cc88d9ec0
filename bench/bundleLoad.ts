import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCommand } from '../electron/cli/commands';
import { withIndexesRebuilt } from '../electron/db/bulkLoad';
import { openDatabase } from '../electron/db/connection';
import { DATA_TABLES } from '../electron/db/dataTables';
import type { BundleInput } from '../shared/schemas/bundle';
import { rawInsert } from './baselines';
import { peakRssMb } from './timing';

/*
 * One bundle load in its own process, so that its peak memory is its own (issue 12.9):
 * `app` is `tkpi load` (the bundle read as a stream, checked, written in one transaction);
 * `floor` is the same rows inserted with raw prepared statements after JSON.parse of the whole
 * file, the deal and receipt indexes dropped and rebuilt as the app does, in one transaction.
 * Prints one JSON line: the time and the peak RSS.
 */

function fresh(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

function floor(bundleFile: string, dbFile: string): void {
  fresh(dbFile);
  const db = openDatabase(dbFile, { create: true });
  const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as BundleInput;
  db.transaction(() => {
    for (const table of DATA_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    withIndexesRebuilt(db, ['deals', 'receipts'], () => rawInsert(db, bundle));
  })();
  db.close();
}

function app(bundleFile: string, dbFile: string): void {
  fresh(dbFile);
  loadCommand(dbFile, bundleFile);
}

const [mode, bundleFile, dbFile] = process.argv.slice(2);
if ((mode === 'app' || mode === 'floor') && bundleFile && dbFile) {
  const started = performance.now();
  (mode === 'app' ? app : floor)(path.resolve(bundleFile), path.resolve(dbFile));
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, peakRssMb: peakRssMb() })}\n`);
}
