import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection';
import { importContext } from '../electron/services/bankImport/importContext';
import { importStatement, readOutcomes } from '../electron/services/bankImport/importService';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../test/helpers';
import { statementGbkCsv, statementXlsx } from './generateStatement';
import { median, type BenchResult } from './timing';

/**
 * Issue #4: importing a 100,000-row statement (read, normalise, dedup, match, commit) against
 * the reader alone reading the same file (≤ 2×), and re-importing it against the first import
 * (≤ 1×), for .xlsx and GBK .csv. Run in its own process so its peak memory is its own.
 */
async function bench(kind: string, bytes: Buffer, file: string): Promise<BenchResult[]> {
  const read: number[] = [];
  const first: number[] = [];
  const again: number[] = [];
  // Three rounds, each into a fresh database, medians taken: both sides measured warm.
  for (let round = 0; round < 3; round++) {
    const db = openDatabase(path.join(tempDir(), 'bank.db'), { create: true });
    loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
    let started = Date.now();
    await readOutcomes(db, bytes, file, importContext(db).tableRate);
    read.push(Date.now() - started);
    started = Date.now();
    const report = await importStatement(db, bytes, file);
    first.push(Date.now() - started);
    started = Date.now();
    const second = await importStatement(db, bytes, file);
    again.push(Date.now() - started);
    db.close();
    if (round === 0) console.error(`${kind}: imported ${report.imported}, skipped ${JSON.stringify(report.skipped)}; re-import imported ${second.imported}, duplicates ${second.duplicates}`);
  }
  return [
    { name: `import 100k-row ${kind} vs reading it`, ms: median(first), baselineMs: median(read), limit: 2 },
    { name: `re-import 100k-row ${kind} vs first import`, ms: median(again), baselineMs: median(first), limit: 1 },
  ];
}

const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });
const which = process.argv[2] ?? 'xlsx';
const results =
  which === 'xlsx' ? await bench('.xlsx', await statementXlsx(100_000), 'bench.xlsx') : await bench('GBK .csv', statementGbkCsv(100_000), 'bench.csv');
process.stdout.write(`${JSON.stringify({ results, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
