import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export type BenchResult = { name: string; ms: number; baselineMs: number; limit: number };

export function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function report(results: BenchResult[]): boolean {
  let pass = true;
  for (const r of results) {
    const ratio = r.ms / r.baselineMs;
    const ok = ratio <= r.limit;
    pass &&= ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.ms.toFixed(0)} ms vs ${r.baselineMs.toFixed(0)} ms = ${ratio.toFixed(2)}× (limit ${r.limit}×)`);
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return pass;
}

/**
 * This process's own peak RSS. `resourceUsage().maxRSS` is no use in a child: Linux carries the
 * parent's high-water mark over fork and exec; VmHWM belongs to this address space alone.
 */
export function peakRssMb(): number {
  const hwm = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round((hwm ? Number(hwm) : process.resourceUsage().maxRSS) / 1024);
}
