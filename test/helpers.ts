import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
