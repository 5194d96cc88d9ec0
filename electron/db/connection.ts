import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/api/errors';
import { asWriteDb, type WriteDb } from './handles';
import { migrate } from './migrate';

/**
 * How long a write waits for another TradeKPI window or command to finish its write before it
 * gives up with `db.busy` (exit 2 on the command line).
 */
export const BUSY_TIMEOUT_MS = 5000;
/** Page cache per connection, in KiB (SQLite counts a negative cache_size in KiB). */
const CACHE_KIB = 32 * 1024;

/**
 * Opens (or with `create`, makes) a TradeKPI database: WAL journal, foreign keys on, a busy
 * timeout, schema migrated to this build's version. With `check`, SQLite's quick check runs
 * before anything is written, and a damaged file is refused with `db.damaged`.
 */
export function openDatabase(file: string, options: { create?: boolean; check?: boolean } = {}): WriteDb {
  if (file !== ':memory:' && !options.create && !fs.existsSync(file)) throw new DomainError('db.missing', { file });
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw notADatabase(file, error);
  }
  try {
    if (options.check) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new DomainError('db.damaged', { file, detail: String(result) });
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 32 MiB of page cache instead of SQLite's 2 MiB: a statement of 90,000 rows overflows the
    // default within its one transaction, and the spilled pages cost a quarter of the import.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    migrate(db, file);
    // The one place the connection gets its brand (handles.ts): from here on, what each function
    // may do to the file is in the type of its handle, and read handlers only ever see a ReadDb.
    return asWriteDb(db);
  } catch (error) {
    db.close();
    throw error instanceof DomainError ? error : notADatabase(file, error);
  }
}

/** SQLite's "another connection holds the lock" codes, after the busy timeout ran out. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function notADatabase(file: string, error: unknown): DomainError {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return new DomainError('db.notSqlite', { file });
  if (code === 'SQLITE_CORRUPT') return new DomainError('db.damaged', { file, detail: error instanceof Error ? error.message : String(error) });
  if (isBusy(error)) return new DomainError('db.busy', {});
  return new DomainError('internal', { detail: String(error) });
}
