import type { ReadDb, WriteDb } from './handles';
import { preparedRead, preparedWrite } from './statements';

/*
 * Revisions kept by migration 014's triggers: which customers' ledgers a write may have changed
 * since the receivables cache last looked ('' stands for the deals without a customer).
 */

/** Every customer's revision. */
export function readRevisions(db: ReadDb): Map<string, number> {
  const rows = preparedRead(db, 'SELECT customer_id, rev FROM receivable_revisions').raw().all() as [string, number][];
  return new Map(rows);
}

/** Bumps the revision of each customer (receipts of an import batch, which fire no trigger). */
export function bumpRevisions(db: WriteDb, customers: Iterable<string>): void {
  const bump = preparedWrite(db, 'INSERT INTO receivable_revisions (customer_id, rev) VALUES (?, 1) ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1');
  for (const customer of customers) bump.run(customer);
}

/** Changes whenever anything may have changed without the triggers seeing it. */
export function readEpoch(db: ReadDb): number {
  return preparedRead(db, 'SELECT epoch FROM receivable_epoch WHERE id = 1').pluck().get() as number;
}

/**
 * Runs `fill` (a bulk replace of the data, inside the caller's transaction) with the revision
 * triggers dropped, recreates them from their stored definitions and bumps the epoch: a trigger
 * per row would slow a million-row load, and it would stop SQLite emptying a table at once.
 */
export function withoutRevisionTriggers<T>(db: WriteDb, fill: () => T): T {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'receivable_rev_%'").all() as {
    name: string;
    sql: string;
  }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  const result = fill();
  for (const trigger of triggers) db.exec(trigger.sql);
  db.prepare('UPDATE receivable_epoch SET epoch = epoch + 1 WHERE id = 1').run();
  return result;
}
