import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection';
import { computeQuarter } from '../electron/services/appraisalService';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import type { BundleInput } from '../shared/schemas/bundle';
import { plainAggregation, rawInsert } from './baselines';
import { generateCompany } from './generateCompany';
import { median, time, type BenchResult } from './timing';

function freshDb(dir: string, name: string) {
  const file = path.join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return openDatabase(file, { create: true });
}

/**
 * Issue #2: loading the 50-salesperson company as a bundle against parse + raw inserts (≤ 2×),
 * and computing one quarter against the plain GROUP BY of the same sums (≤ 3×).
 */
export function foundationBench(dir: string): BenchResult[] {
  const bundleFile = path.join(dir, 'company.json');
  if (!fs.existsSync(bundleFile)) fs.writeFileSync(bundleFile, JSON.stringify(generateCompany()));
  const text = () => fs.readFileSync(bundleFile, 'utf8');

  const raw = freshDb(dir, 'raw.db');
  const rawLoad = time(() => rawInsert(raw, JSON.parse(text()) as BundleInput));
  raw.close();

  const db = freshDb(dir, 'app.db');
  const appLoad = time(() => loadBundle(db, JSON.parse(text()) as unknown, bundleFile));

  // Warm both once, then take the median of five runs each, interleaved.
  plainAggregation(db, '2026Q3');
  computeQuarter(db, '2026Q3');
  const plain: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < 5; i++) {
    plain.push(time(() => plainAggregation(db, '2026Q3')));
    app.push(time(() => computeQuarter(db, '2026Q3')));
  }
  db.close();
  return [
    { name: 'load bundle (1.5M rows) vs JSON.parse + raw inserts', ms: appLoad, baselineMs: rawLoad, limit: 2 },
    { name: 'compute 2026Q3 vs plain SQL GROUP BY', ms: median(app), baselineMs: median(plain), limit: 3 },
  ];
}
