import type Database from 'better-sqlite3';

/*
 * Branded database handles (Signal Desktop's `ReadableDB`/`WritableDB` in ts/sql/Server.ts, made
 * stricter): what a function may do to the file is in the type of its `db` parameter, so a `read`
 * handler that calls a writing repository function fails to compile instead of writing outside
 * any transaction and audit entry.
 *
 * - `ReadDb` exposes nothing of better-sqlite3: reads go through `preparedRead` (statements.ts),
 *   which refuses a statement that would change the file. So a read cannot reach `prepare`,
 *   `exec`, `pragma` or `transaction` at all.
 * - `WriteDb` is the whole connection, branded: it is assignable to `ReadDb` (a writer may read),
 *   never the reverse.
 * Only `openDatabase` (connection.ts) makes a `WriteDb`, through `asWriteDb` below.
 */

declare const readable: unique symbol;
declare const writable: unique symbol;

/** A handle that may only read: pass it to `preparedRead` and to functions that take `ReadDb`. */
export type ReadDb = { readonly [readable]: true };

/** The open connection, allowed to write (inside `inTransaction`). Also a `ReadDb`. */
export type WriteDb = Database.Database & ReadDb & { readonly [writable]: true };

/**
 * The one place a raw connection becomes a `WriteDb`: `openDatabase` after it set the pragmas and
 * migrated the schema (and tests that build a file by hand). The brand exists only in types.
 */
export function asWriteDb(db: Database.Database): WriteDb {
  return db as WriteDb;
}

/** The connection behind a read handle, for statements.ts only: the reads it prepares are checked. */
export function connectionOf(db: ReadDb): Database.Database {
  return db as unknown as Database.Database;
}
