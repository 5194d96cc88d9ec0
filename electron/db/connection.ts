import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/api/errors';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (or with `create`, makes) a TradeKPI database: WAL journal, foreign keys on, schema
 * migrated to this build's version.
 */
export function openDatabase(file: string, options: { create?: boolean } = {}): Db {
  if (file !== ':memory:' && !options.create && !fs.existsSync(file)) throw new DomainError('db.missing', { file });
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw notADatabase(file, error);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof DomainError ? error : notADatabase(file, error);
  }
}

function notADatabase(file: string, error: unknown): DomainError {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new DomainError('db.notSqlite', { file });
  return new DomainError('internal', { detail: String(error) });
}
