import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection';
import type { WriteDb } from '../electron/db/handles';
import { customerRanges, DEALS_OF_RANGE, RECEIPTS_OF_RANGE, receivableCustomers, writeOffsByDeal } from '../electron/db/receivablesData';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import { computeReceivables } from '../electron/services/receivablesService';
import type { BundleInput } from '../shared/schemas/bundle';
import { addDays } from '../shared/receivables/dates';
import { BENCH_SIZE, generateCompany } from './generateCompany';
import { median, time, type BenchResult } from './timing';

/*
 * Issue #11: receivables as of a date for the 50-person company (500,000 deals, 1,000,000
 * receipts) against reading the same deal and receipt rows from SQLite in the order the
 * allocation takes them (≤ 3×), in one process so that its peak memory is its own. The
 * company is the foundation bench's, given payment terms, shipping dates and some write-offs;
 * everything derives from row numbers, so the generator's random sequence stays as it is.
 */

const AS_OF = '2026-09-30';

const TERMS = [
  {
    id: 'TT30-70',
    name: '30%定金，70%见提单副本',
    instalments: [
      { percent: '30', from: 'signed' as const, days: 0 },
      { percent: '70', from: 'shipped' as const, days: 0 },
    ],
  },
  { id: 'OA60', name: 'O/A 60', instalments: [{ percent: '100', from: 'shipped' as const, days: 60 }] },
  { id: 'LC', name: '即期信用证', instalments: [{ percent: '100', from: 'shipped' as const, days: 10 }] },
  {
    id: 'TT3-3-4',
    name: '三期',
    instalments: [
      { percent: '33.3', from: 'signed' as const, days: 0 },
      { percent: '33.3', from: 'shipped' as const, days: 0 },
      { percent: '33.4', from: 'shipped' as const, days: 45 },
    ],
  },
];

/** The generated company with terms on a third of the customers and a fifth of the deals, 90% of deals shipped, a write-off on every 200th. */
export function withReceivables(company: BundleInput): BundleInput {
  const ids = TERMS.map((t) => t.id);
  const deals = company.deals ?? [];
  return {
    ...company,
    settings: { ...company.settings, paymentTerms: TERMS, defaultTerms: 'TT30-70', receivablesFrom: '2025-01-01', smallBalance: '300.00' },
    customers: (company.customers ?? []).map((c, i) => ({
      ...c,
      ...(i % 3 === 0 ? { terms: ids[i % ids.length] } : {}),
      creditLimit: i % 2 === 0 ? '500000.00' : null,
    })),
    deals: deals.map((d, i) => ({
      ...d,
      ...(i % 5 === 0 ? { terms: ids[(i / 5) % ids.length] } : {}),
      ...(i % 10 !== 0 ? { shippedOn: addDays(d.signedOn, 5 + (i % 50)) } : {}),
    })),
    writeOffs: deals.flatMap((d, i) =>
      i % 200 === 0 && d.status !== 'cancelled'
        ? [{ deal: d.id, number: 1, date: addDays(d.signedOn, 90), amount: '10.00', kind: 'bank_charges' as const, reason: '中间行扣费' }]
        : [],
    ),
  };
}

/** What the allocation reads, read and kept exactly as it reads it, without the engine. */
function readRows(db: WriteDb): number {
  let rows = 0;
  receivableCustomers(db);
  writeOffsByDeal(db, AS_OF);
  for (const range of customerRanges(db)) {
    const params = { ...range, asOf: AS_OF, from: '2025-01-01' };
    rows += (db.prepare(DEALS_OF_RANGE).all(params) as unknown[]).length;
    rows += (db.prepare(RECEIPTS_OF_RANGE).all(params) as unknown[]).length;
  }
  return rows;
}

function measure(file: string): { results: BenchResult[]; peakRssMb: number; instalments: number } {
  const db = openDatabase(file);
  const rows = readRows(db);
  let instalments = computeReceivables(db, AS_OF).instalments.length;
  const read: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < 3; i++) {
    read.push(time(() => readRows(db)));
    app.push(time(() => (instalments = computeReceivables(db, AS_OF).instalments.length)));
  }
  db.close();
  console.error(
    `receivables: ${rows} rows read, ${instalments} instalments as of ${AS_OF}; compute ${app.map((t) => t.toFixed(0)).join('/')} ms, read ${read.map((t) => t.toFixed(0)).join('/')} ms`,
  );
  return {
    results: [{ name: `receivables as of ${AS_OF} (500k deals, 1M receipts) vs reading their rows`, ms: median(app), baselineMs: median(read), limit: 3 }],
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    instalments,
  };
}

/** Builds the database once (in its own process, so that loading does not count in this one's memory). */
function build(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file, { create: true });
  // RECEIVABLES_BENCH_SCALE=0.01 builds a hundredth of the company, to try the bench quickly.
  const scale = Number(process.env.RECEIVABLES_BENCH_SCALE ?? '1');
  const size = Object.fromEntries(
    Object.entries(BENCH_SIZE).map(([k, v]) => [k, Math.max(1, Math.round(v * (k === 'salespeople' ? 1 : scale)))]),
  ) as typeof BENCH_SIZE;
  loadBundle(db, withReceivables(generateCompany(size)), 'bench');
  db.close();
}

/** For `bench/run.ts`: runs this file in a child process and returns its results. */
export function receivablesBench(): BenchResult[] {
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', 'bin/run-ts.js', 'bench/receivables.ts'], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').pop() ?? '{}';
  const { results, peakRssMb } = JSON.parse(line) as { results: BenchResult[]; peakRssMb: number };
  console.log(`receivables: peak RSS ${peakRssMb} MB (${child.stderr.trim()})`);
  return results;
}

const self = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve('bench/receivables.ts');
if (self) {
  const dir = path.resolve('bench/.data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, process.env.RECEIVABLES_BENCH_SCALE ? `receivables-${process.env.RECEIVABLES_BENCH_SCALE}.db` : 'receivables.db');
  if (process.argv[2] === 'build') {
    build(file);
  } else {
    if (!fs.existsSync(file)) {
      const started = Date.now();
      const child = spawnSync(process.execPath, ['--max-old-space-size=8192', 'bin/run-ts.js', 'bench/receivables.ts', 'build'], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (child.status !== 0) throw new Error('building the receivables bench database failed');
      console.error(`receivables: built ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const { results, peakRssMb } = measure(file);
    process.stdout.write(`${JSON.stringify({ results, peakRssMb })}\n`);
  }
}
