import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { quarterFacts } from '../../electron/db/quarterFacts';
import { latestVersion, migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { quarterRange } from '../../shared/quarter';
import { GOLDEN, ROOT, readJson, tempDir } from '../helpers';

/*
 * Issue 12.4: migrations are tested the way they run on a user's file — migrate to N−1, put
 * rows in as that version held them, migrate to N, and check what became of them; released
 * migrations are pinned by a committed dump of the schema after each one.
 */

const SNAPSHOT = path.join(ROOT, 'test/fixtures/schema/released.json');
/** Released migrations are frozen; a later one is added to the snapshot when it is released. */
const RELEASED = 6;

function fileAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), `v${version}.db`));
  db.pragma('foreign_keys = ON');
  migrate(db, 'test.db', version);
  expect(db.pragma('user_version', { simple: true }), 'schema version reached').toBe(version);
  return db;
}

/** The schema as SQLite keeps it: every table, index and trigger with its SQL, in name order. */
function schemaOf(db: Database.Database): string[] {
  return (
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Record<
      string,
      string | null
    >[]
  ).map((r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`);
}

/** The SQL a migration runs, caught as it runs on a file at the version before it. */
function sqlOf(version: number): string {
  const db = fileAt(version - 1);
  const ran: string[] = [];
  const exec = db.exec.bind(db);
  const prepare = db.prepare.bind(db);
  db.exec = ((sql: string) => (ran.push(sql), exec(sql))) as typeof db.exec;
  db.prepare = ((sql: string) => (ran.push(sql), prepare(sql))) as typeof db.prepare;
  MIGRATIONS.find((m) => m.version === version)?.up(db);
  db.close();
  return createHash('sha256').update(ran.join(';\n').replace(/\s+/g, ' ').trim()).digest('hex');
}

function person(db: Database.Database, id: string): void {
  db.prepare('INSERT INTO salespeople (id, name) VALUES (?, ?)').run(id, `业务员 ${id}`);
}

describe('released migrations are never edited (schema snapshot)', () => {
  it.each(Array.from({ length: RELEASED }, (_, i) => i + 1))('the schema after migration %i is the one released', (version) => {
    const released = readJson<Record<string, string[]>>(SNAPSHOT);
    const db = fileAt(version);
    expect(
      schemaOf(db),
      `schema after migration ${version} differs from test/fixtures/schema/released.json — released migrations must not change; add a new one`,
    ).toEqual(released[String(version)]);
    db.close();
  });

  it.each(Array.from({ length: RELEASED }, (_, i) => i + 1))('migration %i runs the SQL it was released with (data moves included)', (version) => {
    const released = readJson<Record<string, string[]>>(SNAPSHOT);
    expect(sqlOf(version), `the SQL of migration ${version} was edited — released migrations must not change; add a new one`).toBe(
      released[`sql ${version}`]?.[0],
    );
  });

  it('migrations are numbered 1, 2, 3… without gaps, and a fresh file reaches the latest', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = fileAt(latestVersion());
    db.close();
  });
});

describe('migrations that move data', () => {
  it('006 carries approved appraisals over as stage "approved", open ones as "none", keeping their figures', () => {
    const db = fileAt(5);
    person(db, 'S1');
    person(db, 'S2');
    const insert = db.prepare(
      'INSERT INTO appraisals (salesperson_id, quarter, status, override_total, override_reason, result, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('S1', '2026Q2', 'approved', '91.50', '客户投诉已核实', '{"total":"91.50"}', '2026-07-05T08:00:00Z');
    insert.run('S2', '2026Q2', 'open', null, null, null, '2026-07-06T08:00:00Z');
    migrate(db, 'test.db', 6);
    const rows = db
      .prepare(
        'SELECT salesperson_id, quarter, stage, steps, forced_ranking, override_total, override_reason, result, updated_at FROM appraisals ORDER BY salesperson_id',
      )
      .all();
    expect(rows).toEqual([
      {
        salesperson_id: 'S1',
        quarter: '2026Q2',
        stage: 'approved',
        steps: '{}',
        forced_ranking: 0,
        override_total: '91.50',
        override_reason: '客户投诉已核实',
        result: '{"total":"91.50"}',
        updated_at: '2026-07-05T08:00:00Z',
      },
      {
        salesperson_id: 'S2',
        quarter: '2026Q2',
        stage: 'none',
        steps: '{}',
        forced_ranking: 0,
        override_total: null,
        override_reason: null,
        result: null,
        updated_at: '2026-07-06T08:00:00Z',
      },
    ]);
    const columns = (db.prepare('PRAGMA table_info(appraisals)').all() as { name: string }[]).map((c) => c.name);
    expect(columns, 'the old status column is gone').not.toContain('status');
    db.close();
  });

  it('004 keeps existing receipts and batches, with no fingerprint, report or undo time', () => {
    const db = fileAt(3);
    db.prepare("INSERT INTO import_batches (id, source, file_name, created_at) VALUES (1, 'bank', 'boc.xlsx', '2026-07-01T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO receipts (id, ref, value_date, currency, amount_fen, remitter, batch_id) VALUES (7, 'BOC1', '2026-07-02', 'USD', 1234500, 'PIONEER', 1)",
    ).run();
    migrate(db, 'test.db', 4);
    expect(db.prepare('SELECT id, ref, value_date, currency, amount_fen, remitter, batch_id, fingerprint FROM receipts').all()).toEqual([
      { id: 7, ref: 'BOC1', value_date: '2026-07-02', currency: 'USD', amount_fen: 1234500, remitter: 'PIONEER', batch_id: 1, fingerprint: null },
    ]);
    expect(db.prepare('SELECT id, file_name, summary, undone_at FROM import_batches').all()).toEqual([
      { id: 1, file_name: 'boc.xlsx', summary: null, undone_at: null },
    ]);
    db.close();
  });

  it('003 and 005 rebuild indexes without touching the rows they index', () => {
    const db = fileAt(2);
    person(db, 'S1');
    db.prepare("INSERT INTO deals (id, salesperson_id, signed_on, currency, amount_fen) VALUES ('D1', 'S1', '2026-07-03', 'USD', 500000)").run();
    db.prepare("INSERT INTO receipts (ref, value_date, currency, amount_fen) VALUES ('R1', '2026-07-04', 'EUR', 250000)").run();
    const before = [db.prepare('SELECT * FROM deals').all(), db.prepare('SELECT * FROM receipts').all()];
    migrate(db, 'test.db', 5);
    expect([db.prepare('SELECT * FROM deals').all(), db.prepare('SELECT id, ref, value_date, currency, amount_fen FROM receipts').all()]).toEqual([
      before[0],
      (before[1] as Record<string, unknown>[]).map((r) => ({ id: r.id, ref: r.ref, value_date: r.value_date, currency: r.currency, amount_fen: r.amount_fen })),
    ]);
    db.close();
  });
});

describe('migration 014: revisions of receivables per customer', () => {
  it('keeps every row, starts with no revisions, and bumps exactly the customers a write touches (both on a move)', () => {
    const db = fileAt(13);
    person(db, 'S1');
    for (const id of ['C1', 'C2', 'C3']) db.prepare('INSERT INTO customers (id, name, normalized_name) VALUES (?, ?, ?)').run(id, id, id);
    db.prepare(
      "INSERT INTO deals (id, salesperson_id, customer_id, signed_on, currency, amount_fen) VALUES ('D1', 'S1', 'C1', '2026-07-03', 'USD', 500000)",
    ).run();
    db.prepare("INSERT INTO receipts (id, ref, value_date, currency, amount_fen, customer_id) VALUES (5, 'R1', '2026-07-04', 'USD', 250000, 'C2')").run();
    const before = [db.prepare('SELECT * FROM deals').all(), db.prepare('SELECT * FROM receipts').all(), db.prepare('SELECT * FROM customers').all()];
    migrate(db, 'test.db', 14);
    expect([db.prepare('SELECT * FROM deals').all(), db.prepare('SELECT * FROM receipts').all(), db.prepare('SELECT * FROM customers').all()]).toEqual(before);
    const revisions = () => Object.fromEntries(db.prepare('SELECT customer_id, rev FROM receivable_revisions').raw().all() as [string, number][]);
    expect(revisions(), 'no revision before any write').toEqual({});
    expect(db.prepare('SELECT epoch FROM receivable_epoch').pluck().get()).toBe(0);
    db.prepare("UPDATE deals SET customer_id = 'C3' WHERE id = 'D1'").run();
    expect(revisions(), 'a moved deal bumps its old and its new customer').toEqual({ C1: 1, C3: 1 });
    db.prepare("UPDATE deals SET contract_no = 'HT-1' WHERE id = 'D1'").run();
    expect(revisions(), 'a contract number is not part of the ledger').toEqual({ C1: 1, C3: 1 });
    db.prepare('UPDATE receipts SET customer_id = NULL WHERE id = 5').run();
    db.prepare("INSERT INTO write_offs (deal_id, number, date, amount_fen, kind, reason) VALUES ('D1', 1, '2026-08-01', 100, 'claim', 'x')").run();
    db.prepare("INSERT INTO deals (id, salesperson_id, signed_on, currency, amount_fen) VALUES ('D2', 'S1', '2026-07-03', 'USD', 500000)").run();
    expect(revisions(), 'an unassigned receipt, a write-off and a deal without customer').toEqual({ C1: 1, C2: 1, C3: 2, '': 1 });
    db.prepare("DELETE FROM deals WHERE id = 'D1'").run();
    expect(revisions()['C3'], 'a deleted deal (its write-off goes with it)').toBe(3);
    db.prepare("INSERT INTO import_batches (id, source, created_at) VALUES (1, 'bank', '2026-08-01T00:00:00Z')").run();
    db.prepare("INSERT INTO receipts (ref, value_date, currency, amount_fen, customer_id, batch_id) VALUES ('R2', '2026-08-01', 'USD', 100, 'C1', 1)").run();
    expect(revisions()['C1'], 'a receipt of an import batch fires no trigger (insertImportedReceipts bumps its customers)').toBe(1);
    db.close();
  });
});

describe('the quarter sums read the covering indexes (EXPLAIN QUERY PLAN)', () => {
  /** The SQL the app prepares while summing a quarter, caught as it is prepared. */
  function quarterSql(db: WriteDb): string[] {
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as WriteDb['prepare'];
    quarterFacts(db, '2026Q3', 'first_receipt');
    db.prepare = prepare as WriteDb['prepare'];
    return seen;
  }

  const plan = (db: WriteDb, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(quarterRange('2026Q3')) as { detail: string }[]).map((r) => r.detail);

  it('deals by deals_quarter and receipts by receipts_quarter, never the tables', () => {
    const db = openDatabase(path.join(tempDir(), 'plan.db'), { create: true });
    loadBundle(db, readJson(path.join(GOLDEN, 'bundle.json')));
    const sql = quarterSql(db);
    const dealSum = sql.find((s) => /FROM deals d/.test(s) && /GROUP BY d\.salesperson_id/.test(s));
    const receiptSum = sql.find((s) => /FROM receipts r\s/.test(s) && /SUM\(/.test(s) && /GROUP BY 1\b/.test(s));
    expect(dealSum, `the deal sum among ${sql.length} statements`).toBeDefined();
    expect(receiptSum, `the receipt sum among ${sql.length} statements`).toBeDefined();
    const dealPlan = plan(db, dealSum ?? '');
    const receiptPlan = plan(db, receiptSum ?? '');
    expect(
      dealPlan.some((d) => /SEARCH d USING COVERING INDEX deals_quarter \(signed_on>\? AND signed_on<\?\)/.test(d)),
      dealPlan.join(' | '),
    ).toBe(true);
    expect(
      receiptPlan.some((d) => /SEARCH r USING COVERING INDEX receipts_quarter \(value_date>\? AND value_date<\?\)/.test(d)),
      receiptPlan.join(' | '),
    ).toBe(true);
    db.close();
  });
});

/** Writes the snapshot; run once when a migration is released: `SNAPSHOT_WRITE=1 npx vitest run test/integration/migrations.test.ts`. */
if (process.env.SNAPSHOT_WRITE === '1') {
  const out: Record<string, string[]> = {};
  for (let v = 1; v <= RELEASED; v++) {
    const db = new Database(':memory:');
    migrate(db, 'snapshot', v);
    out[String(v)] = schemaOf(db);
    out[`sql ${v}`] = [sqlOf(v)];
    db.close();
  }
  fs.writeFileSync(SNAPSHOT, `${JSON.stringify(out, null, 1)}\n`);
}
