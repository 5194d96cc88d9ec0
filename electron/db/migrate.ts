import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/api/errors';
import { MIGRATIONS } from './migrations';

export type Migration = { version: number; name: string; up: (db: Database.Database) => void };

/** The schema version this build writes. */
export function latestVersion(): number {
  return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
}

/**
 * Brings the file up to the latest schema, one migration per transaction, each bumping
 * `PRAGMA user_version`. A file from a newer build is refused rather than half-understood.
 */
export function migrate(db: Database.Database, file: string, target = latestVersion()): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion()) {
    throw new DomainError('db.newer', { file, found: current, known: latestVersion() });
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
