import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnyOf } from '../../electron/db/cnySql';
import { openDatabase } from '../../electron/db/connection';
import { latestVersion, migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { cnyFen } from '../../shared/money';
import { tempDir } from '../helpers';

describe('migrations', () => {
  it('brings an empty file to the latest version in WAL mode with foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'new.db'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies each migration in order and bumps user_version', () => {
    const db = new Database(path.join(tempDir(), 'steps.db'));
    for (const migration of MIGRATIONS) {
      migrate(db, 'steps.db', migration.version);
      expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
    }
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['company', 'salespeople', 'customers', 'customer_aliases', 'fx_rates', 'deals', 'receipts', 'import_batches']),
    );
    expect(tables).toEqual(
      expect.arrayContaining(['error_records', 'document_counts', 'target_indicators', 'adjustments', 'appraisals', 'audit_log', 'settings']),
    );
    db.close();
  });

  it('is idempotent on a file that is already current', () => {
    const file = path.join(tempDir(), 'twice.db');
    openDatabase(file, { create: true }).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });
});

describe('constraints refuse impossible rows', () => {
  const db = openDatabase(':memory:');
  db.exec("INSERT INTO salespeople (id, name) VALUES ('S1', '张三')");

  it.each([
    ['a deal with a zero amount', "INSERT INTO deals (id, salesperson_id, signed_on, currency, amount_fen) VALUES ('D1', 'S1', '2026-07-01', 'USD', 0)"],
    ['a deal of nobody', "INSERT INTO deals (id, salesperson_id, signed_on, currency, amount_fen) VALUES ('D2', 'S9', '2026-07-01', 'USD', 5)"],
    [
      'a deal with a bad status',
      "INSERT INTO deals (id, salesperson_id, signed_on, currency, amount_fen, status) VALUES ('D3', 'S1', '2026-07-01', 'USD', 5, 'maybe')",
    ],
    ['a negative FX rate', "INSERT INTO fx_rates (month, currency, rate_micro) VALUES ('2026-07', 'USD', -1)"],
    ['a CNY table rate', "INSERT INTO fx_rates (month, currency, rate_micro) VALUES ('2026-07', 'CNY', 1000000)"],
    ['an error weight of 0', "INSERT INTO error_records (salesperson_id, date, weight) VALUES ('S1', '2026-07-01', 0)"],
    ['a bad quarter key', "INSERT INTO document_counts (salesperson_id, quarter, count) VALUES ('S1', '2026Q5', 3)"],
    ['an adjustment without a reason', "INSERT INTO adjustments (salesperson_id, period, points, reason) VALUES ('S1', '2026Q3', '2', ' ')"],
    ['a second company', "INSERT INTO company (id, name) VALUES (2, 'x')"],
  ])('%s', (_, sql) => {
    expect(() => db.exec(sql)).toThrow(/constraint/i);
  });

  it('a receipt reference used twice', () => {
    db.exec("INSERT INTO receipts (ref, value_date, currency, amount_fen) VALUES ('R1', '2026-07-01', 'USD', 100)");
    expect(() => db.exec("INSERT INTO receipts (ref, value_date, currency, amount_fen) VALUES ('R1', '2026-07-02', 'USD', 200)")).toThrow(/UNIQUE/);
  });
});

describe('CNY conversion in SQL', () => {
  it('equals cnyFen of shared/money for any amount and rate within the CHECKed ranges', () => {
    const db = new Database(':memory:');
    // Stored columns have INTEGER affinity; bound JS numbers arrive as REAL, so cast them like the columns.
    const statement = db.prepare(`SELECT ${cnyOf('CAST(@amount AS INTEGER)', 'CAST(@rate AS INTEGER)')} AS fen`);
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).filter((a) => a !== 0),
        fc.integer({ min: 1, max: 999_999_999 }),
        (amount, rate) => (statement.get({ amount, rate }) as { fen: number }).fen === cnyFen(amount, rate),
      ),
      { numRuns: 5000 },
    );
  });
});

describe('migrations 2 and 3 (indexes for the quarter sums)', () => {
  it('upgrades a version-1 file with data in place', () => {
    const file = path.join(tempDir(), 'v1.db');
    const db = new Database(file);
    migrate(db, file, 1);
    db.exec("INSERT INTO receipts (ref, value_date, currency, amount_fen) VALUES ('R1', '2026-07-01', 'USD', 100)");
    db.close();
    const upgraded = openDatabase(file);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(upgraded.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('receipts_quarter', 'deals_quarter')").get()).toEqual({ n: 2 });
    expect(upgraded.prepare('SELECT ref FROM receipts').all()).toEqual([{ ref: 'R1' }]);
    upgraded.close();
  });
});
