import fs from 'node:fs';
import path from 'node:path';
import { desktopBench } from './desktop';
import { foundationBench } from './foundation';
import { formsBench } from './forms';
import { receivablesBench } from './receivables';
import { cliStartupBench } from './cliStartup';
import { report, type BenchResult } from './timing';
import { spawnSync } from 'node:child_process';

// Every performance target of the issues, measured as ratios on this machine in one run.
const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });
/** The bank import runs in child processes, so that each reports its own peak memory. */
function bankBench(kind: 'xlsx' | 'csv'): BenchResult[] {
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', 'bin/run-ts.js', 'bench/bankImport.ts', kind], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').pop() ?? '{}';
  const { results, peakRssMb } = JSON.parse(line) as { results: BenchResult[]; peakRssMb: number };
  console.log(`bank import ${kind}: peak RSS ${peakRssMb} MB (${child.stderr.trim()})`);
  return results;
}

const pass = report([...foundationBench(dir), ...(await desktopBench(dir)), ...(await formsBench(dir)), ...bankBench('xlsx'), ...bankBench('csv'), ...receivablesBench(), ...cliStartupBench()]);
process.exitCode = pass ? 0 : 1;
