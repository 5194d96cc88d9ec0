import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection';
import { listDeals } from '../electron/db/repositories/deals';
import { computeQuarter } from '../electron/services/appraisalService';
import { fairAggregation, plainAggregation } from './baselines';
import { generateCompany } from './generateCompany';
import { median, time, type BenchResult } from './timing';

type LoadRun = { ms: number; peakRssMb: number };

const LOAD_ROUNDS = 3;

/** A bundle load in a child process of its own, so that its peak memory is its own. */
function loadChild(mode: 'app' | 'floor', bundleFile: string, dbFile: string): LoadRun {
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', 'bin/run-ts.js', 'bench/bundleLoad.ts', mode, bundleFile, dbFile], {
    encoding: 'utf8',
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bundle load ${mode} failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(line) as LoadRun;
}

/** Writes the company bundle a piece at a time: the 1× company is 223 MB of text. */
function writeCompany(file: string): void {
  const company = generateCompany() as Record<string, unknown>;
  const fd = fs.openSync(file, 'w');
  const keys = Object.keys(company);
  fs.writeSync(fd, '{');
  keys.forEach((key, k) => {
    const value = company[key];
    fs.writeSync(fd, `${k ? ',' : ''}${JSON.stringify(key)}:`);
    if (!Array.isArray(value)) fs.writeSync(fd, JSON.stringify(value));
    else {
      fs.writeSync(fd, '[');
      for (let i = 0; i < value.length; i += 10_000)
        fs.writeSync(
          fd,
          `${i ? ',' : ''}${value
            .slice(i, i + 10_000)
            .map((v) => JSON.stringify(v))
            .join(',')}`,
        );
      fs.writeSync(fd, ']');
    }
  });
  fs.writeSync(fd, '}');
  fs.closeSync(fd);
}

/**
 * Issues 2 and 12.9, side by side in one run: `tkpi load` of the 50-salesperson company against
 * the same inserts with the indexes dropped and rebuilt as the app does (≤ 1.5×, under 1 GB);
 * one quarter computed against the best SQL over the same schema and indexes (≤ 1.15×); the
 * last page of the quarter's deals by key against the same page by OFFSET.
 */
export function foundationBench(dir: string): BenchResult[] {
  const bundleFile = path.join(dir, 'company.json');
  if (!fs.existsSync(bundleFile)) writeCompany(bundleFile);
  const bundleMb = fs.statSync(bundleFile).size / 1024 / 1024;

  // Three loads each, interleaved, and the medians: on a shared machine one pair of 15-second
  // loads differed by up to 30% from the next, which no single pair can tell from the code.
  const floorLoads: LoadRun[] = [];
  const appLoads: LoadRun[] = [];
  for (let round = 1; round <= LOAD_ROUNDS; round++) {
    const floorLoad = loadChild('floor', bundleFile, path.join(dir, 'raw.db'));
    const appLoad = loadChild('app', bundleFile, path.join(dir, 'app.db'));
    floorLoads.push(floorLoad);
    appLoads.push(appLoad);
    console.log(
      `load ${bundleMb.toFixed(0)} MB bundle, round ${round}: tkpi load ${appLoad.ms.toFixed(0)} ms, peak RSS ${appLoad.peakRssMb} MB; floor ${floorLoad.ms.toFixed(0)} ms, peak RSS ${floorLoad.peakRssMb} MB`,
    );
  }
  const appLoadMs = median(appLoads.map((r) => r.ms));
  const floorLoadMs = median(floorLoads.map((r) => r.ms));
  const appPeakMb = Math.max(...appLoads.map((r) => r.peakRssMb));

  const db = openDatabase(path.join(dir, 'app.db'));
  // Warm each once, then the median of five runs each, interleaved.
  fairAggregation(db, '2026Q3');
  plainAggregation(db, '2026Q3');
  computeQuarter(db, '2026Q3');
  const fair: number[] = [];
  const plain: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < 5; i++) {
    fair.push(time(() => fairAggregation(db, '2026Q3')));
    plain.push(time(() => plainAggregation(db, '2026Q3')));
    app.push(time(() => computeQuarter(db, '2026Q3')));
  }
  console.log(
    `compute 2026Q3: app ${median(app).toFixed(0)} ms; fair SQL ${median(fair).toFixed(0)} ms; the old floor (a scan of every receipt for new customers) ${median(plain).toFixed(0)} ms`,
  );

  // The end of the quarter's deals list: the last page by OFFSET, and the same page by key.
  const total = listDeals(db, { quarter: '2026Q3', offset: 0, limit: 1 }).total;
  const before = listDeals(db, { quarter: '2026Q3', offset: total - 201, limit: 1 }).rows[0];
  const key = before ? JSON.stringify([before.signedOn, before.id]) : undefined;
  const byOffset: number[] = [];
  const byKey: number[] = [];
  for (let i = 0; i < 5; i++) {
    byOffset.push(time(() => listDeals(db, { quarter: '2026Q3', offset: total - 200, limit: 200 })));
    byKey.push(time(() => listDeals(db, { quarter: '2026Q3', offset: 0, limit: 200, after: key })));
  }
  const same =
    JSON.stringify(listDeals(db, { quarter: '2026Q3', offset: total - 200, limit: 200 }).rows) ===
    JSON.stringify(listDeals(db, { quarter: '2026Q3', offset: 0, limit: 200, after: key }).rows);
  console.log(
    `deals list, last page of 2026Q3 (${total} deals): by key ${median(byKey).toFixed(1)} ms, by OFFSET ${median(byOffset).toFixed(1)} ms; same rows: ${same}`,
  );
  db.close();
  return [
    {
      name: `tkpi load (${bundleMb.toFixed(0)} MB bundle) vs the same inserts, indexes dropped and rebuilt, medians of ${LOAD_ROUNDS}`,
      ms: appLoadMs,
      baselineMs: floorLoadMs,
      limit: 1.5,
    },
    { name: 'tkpi load: highest peak RSS MB vs 1 GB', ms: appPeakMb, baselineMs: 1024, limit: 1 },
    { name: 'compute 2026Q3 vs the best SQL over the same indexes', ms: median(app), baselineMs: median(fair), limit: 1.15 },
    { name: 'deals list, last page of 2026Q3 by key vs by OFFSET', ms: median(byKey), baselineMs: median(byOffset), limit: 0.5 },
  ];
}
