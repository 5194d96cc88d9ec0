import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { tempDir } from '../helpers';

/*
 * Migration 006 replaces appraisals.status ('open' | 'approved') by the workflow stage; its UPDATE
 * carries approved rows over. Without it an approved quarter would silently reopen on upgrade.
 */
describe('migration 006 (appraisal workflow)', () => {
  it('keeps an approval made before the workflow: status approved becomes stage approved, open becomes none', () => {
    const file = path.join(tempDir(), 'v5.db');
    const db = new Database(file);
    migrate(db, file, 5);
    expect(db.pragma('user_version', { simple: true }), 'version before the step').toBe(5);
    db.exec("INSERT INTO salespeople (id, name) VALUES ('S1', '张三'), ('S2', '李四')");
    const insert = db.prepare('INSERT INTO appraisals (salesperson_id, quarter, status, result, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('S1', '2026Q2', 'approved', JSON.stringify({ total: '91.50', finalGrade: 'A' }), '2026-07-20T00:00:00Z');
    insert.run('S2', '2026Q2', 'open', null, '2026-07-10T00:00:00Z');

    migrate(db, file, 6);
    expect(db.pragma('user_version', { simple: true }), 'version after the step').toBe(6);
    const rows = db.prepare('SELECT salesperson_id AS salesperson, quarter, stage, result FROM appraisals ORDER BY salesperson_id').all();
    expect(rows, 'appraisals after migration 006').toEqual([
      { salesperson: 'S1', quarter: '2026Q2', stage: 'approved', result: JSON.stringify({ total: '91.50', finalGrade: 'A' }) },
      { salesperson: 'S2', quarter: '2026Q2', stage: 'none', result: null },
    ]);
    const columns = (db.prepare('PRAGMA table_info(appraisals)').all() as { name: string }[]).map((c) => c.name);
    expect(columns, 'the old status column is gone').not.toContain('status');
    db.close();
  });
});
