import type Database from 'better-sqlite3';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: bulk loads call the same SQL a million times. */
export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * Runs `work` in one transaction (nested calls join the outer one). Never `await` inside.
 * BEGIN IMMEDIATE takes the write lock first, waiting out the busy timeout: a deferred
 * transaction that read first fails at once (SQLITE_BUSY) when another writer got there.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
