import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { freshCliBundle } from '../bin/cliBundle.js';
import { median, type BenchResult } from './timing';

/** Wall time of one child process, which must succeed. */
function run(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

/**
 * The start-up of `tkpi` (its usage text) beside a bare `node -e 0`, median of 5 each, taken in
 * turn so that a busy moment of a shared machine falls on both. The build (`npm run build`) is
 * what makes it fast: without a current dist/cli/tkpi.cjs the sources go through tsx.
 */
export function cliStartupBench(): BenchResult[] {
  const compiled = freshCliBundle() !== null;
  console.log(`tkpi start-up: ${compiled ? 'compiled dist/cli/tkpi.cjs' : 'NO current build (run npm run build): TypeScript through tsx'}`);
  const tkpi: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    tkpi.push(run(['bin/tkpi.js', '--help']));
    bare.push(run(['-e', '0']));
  }
  return [{ name: 'tkpi --help start-up vs node -e 0', ms: median(tkpi), baselineMs: median(bare), limit: 4 }];
}
