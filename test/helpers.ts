import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../shared/api/errors';
import type { AppraisalReport } from '../shared/engine/appraisal';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN = path.join(ROOT, 'test/fixtures/case-2026q3');

/** A fresh folder under the system temp dir for one test's database and files. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tkpi-test-'));
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function writeJson(file: string, value: unknown): string {
  fs.writeFileSync(file, JSON.stringify(value, null, 1));
  return file;
}

export type CliResult = { status: number | null; stdout: string; stderr: string };

/** Runs the real `tkpi` command line in a child process. */
export function tkpi(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/tkpi.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * expected.json of the golden case. Tests loop over its rows, so a cut or emptied file must fail
 * here, naming what it lists, rather than leave those loops nothing to check.
 */
export function goldenExpected(): AppraisalReport {
  const report = readJson<AppraisalReport>(path.join(GOLDEN, 'expected.json'));
  const ids = report.rows.map((r) => r.salesperson).join(',');
  if (ids !== 'S01,S02,S03,S04,S05,S06') throw new Error(`golden expected.json should list S01–S06, lists: ${ids || 'nobody'}`);
  return report;
}

/** The value of an API call, or an error naming its code and message. */
export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
