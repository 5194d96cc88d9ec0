import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN, ROOT, tempDir, tkpi } from '../helpers';

const STATEMENTS = path.join(GOLDEN, 'statements');

/** A golden database without its receipts, so statements import into it. */
function database(): string {
  const db = path.join(tempDir(), 'two.db');
  expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle-no-receipts.json')).status).toBe(0);
  return db;
}

/** Another process that takes the write lock and holds it for `ms`, as a long import would. */
async function holdWriteLock(db: string, ms: number): Promise<ChildProcess> {
  const script = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)}); db.exec('BEGIN IMMEDIATE'); db.exec("UPDATE company SET name = name"); console.log('held'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

/** The real command line, asynchronously, so two can run at once. */
function tkpiAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/tkpi.js'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('two writers on one database file', () => {
  it('waits for a short write by another process, then imports', async () => {
    const db = database();
    const holder = await holdWriteLock(db, 1500);
    const result = await tkpiAsync('import-bank', '--db', db, path.join(STATEMENTS, 'boc-usd-statement.xlsx'));
    expect(result.status, result.stderr).toBe(0);
    holder.kill();
  }, 30_000);

  it('says in Chinese that another window or command is writing, exit 2, when the lock is held too long', async () => {
    const db = database();
    // Held until this test ends it.
    const holder = await holdWriteLock(db, 600_000);
    const started = Date.now();
    const result = await tkpiAsync('import-bank', '--db', db, path.join(STATEMENTS, 'boc-usd-statement.xlsx'));
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/另一个 TradeKPI 窗口或命令正在写入数据，请等它完成后再试一次/);
    expect(result.stderr).not.toMatch(/database is locked|SQLITE/);
    expect(Date.now() - started).toBeGreaterThan(5000);
    holder.kill();
    await new Promise((resolve) => holder.on('exit', resolve));
    // Nothing was written by the loser: the same statement imports in full afterwards.
    const again = tkpi('import-bank', '--db', db, path.join(STATEMENTS, 'boc-usd-statement.xlsx'), '--json');
    expect(again.status, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { duplicates: number }).duplicates).toBe(0);
  }, 40_000);

  it('two imports at once both succeed', async () => {
    const db = database();
    const results = await Promise.all([
      tkpiAsync('import-bank', '--db', db, path.join(STATEMENTS, 'boc-usd-statement.xlsx')),
      tkpiAsync('import-bank', '--db', db, path.join(STATEMENTS, 'boc-eur-statement.xlsx')),
      tkpiAsync('import-bank', '--db', db, path.join(STATEMENTS, 'cmb-cny-a.xls')),
    ]);
    for (const r of results) expect(r.status, r.stderr).toBe(0);
  }, 60_000);
});
