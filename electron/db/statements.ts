import type Database from 'better-sqlite3';
import { connectionOf, type ReadDb, type WriteDb } from './handles';

const cache = new WeakMap<ReadDb, Map<string, Database.Statement>>();

function cached(db: ReadDb, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = connectionOf(db).prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * A prepared statement that only reads, compiled once per connection. SQLite itself says whether
 * a statement can change the file (`sqlite3_stmt_readonly`); one that can is refused, so a read
 * handle cannot write by passing INSERT/UPDATE/DELETE/DDL here.
 */
export function preparedRead(db: ReadDb, sql: string): Database.Statement {
  const statement = cached(db, sql);
  if (!statement.readonly) throw new Error(`preparedRead refuses a statement that writes: ${sql}`);
  return statement;
}

/** A prepared statement that may write, compiled once per connection: bulk loads call the same SQL a million times. */
export function preparedWrite(db: WriteDb, sql: string): Database.Statement {
  return cached(db, sql);
}

/**
 * Runs `work` in one transaction (nested calls join the outer one). Never `await` inside.
 * BEGIN IMMEDIATE takes the write lock first, waiting out the busy timeout: a deferred
 * transaction that read first fails at once (SQLITE_BUSY) when another writer got there.
 */
export function inTransaction<T>(db: WriteDb, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Runs `work` in one deferred (read) transaction unless the caller holds one: what it reads is of
 * one commit. A read handle may open it because a deferred transaction that only reads takes no
 * write lock; anything written inside would still have to pass `preparedRead`'s check.
 */
export function readTogether<T>(db: ReadDb, work: () => T): T {
  const connection = connectionOf(db);
  return connection.inTransaction ? work() : connection.transaction(work).deferred();
}
