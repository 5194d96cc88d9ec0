import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers, StartupDamage, StartupStatus } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { API_METHODS } from '../../shared/api/methods';
import { message } from '../../shared/i18n/messages';
import { openDatabase } from '../db/connection';
import type { WriteDb } from '../db/handles';
import { appendAudit } from '../db/repositories/auditLog';
import { backupProblem, isBackupName, listBackups, preparedCopy } from '../services/backupService';

/*
 * A data file that is damaged (or empty although the folder has backups) is neither backed up
 * nor migrated: backing it up at every start would rotate the good backups out. The app starts
 * instead on a screen that says what happened and offers the newest good backup.
 */

export function damageOf(file: string, reason: StartupDamage['reason'], detail = ''): StartupDamage {
  const text =
    reason === 'empty' ? message('db.empty', { file }) : reason === 'corrupt' ? message('db.damaged', { file, detail }) : message('db.notSqlite', { file });
  return { reason, file, message: text };
}

/** The newest backup that opens and passes the quick check, checked newest first and remembered. */
function newestGood(dir: string, checked: Map<string, boolean>): string | null {
  for (const backup of listBackups(dir)) {
    let good = checked.get(backup.name);
    if (good === undefined) {
      good = backupProblem(path.join(dir, backup.name)) === null;
      checked.set(backup.name, good);
    }
    if (good) return backup.name;
  }
  return null;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Replaces the damaged data file with a backup: the backup is copied and migrated under a
 * temporary name first, the damaged file is kept beside it as `tradekpi-damaged-….db` (never
 * among the backups, so rotation cannot count it), then the copy takes the data file's name.
 */
export function replaceDamagedFile(file: string, dir: string, name: string): { db: WriteDb; keptAs: string } {
  if (!isBackupName(name) || !fs.existsSync(path.join(dir, name))) throw new DomainError('backup.missing', { name });
  const copy = `${file}.restoring`;
  const clean = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + suffix, { force: true });
  };
  try {
    preparedCopy(dir, name, copy);
  } catch (error) {
    clean();
    throw error;
  }
  const keptAs = path.join(path.dirname(file), `tradekpi-damaged-${stamp(new Date())}.db`);
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keptAs + suffix);
  fs.renameSync(copy, file);
  clean();
  const db = openDatabase(file);
  appendAudit(db, { action: 'backups.restore', detail: { name, damagedFileKeptAs: path.basename(keptAs) } });
  return { db, keptAs };
}

/**
 * The services while the data file is damaged: every method says so, except the start screen's
 * status and restore and the list of backups. `restored` receives the reopened database.
 */
export function damagedHandlers(damage: StartupDamage, file: string, dir: string, restored: (db: WriteDb) => void): ApiHandlers {
  const checked = new Map<string, boolean>();
  const refuse = () => {
    throw new DomainError('db.damaged', { file, detail: damage.message });
  };
  const handlers: Record<string, unknown> = Object.fromEntries(API_METHODS.map((method) => [method, refuse]));
  const status = (): StartupStatus => ({ damage, backups: listBackups(dir), newestGood: newestGood(dir, checked) });
  Object.assign(handlers, {
    'backups.list': () => listBackups(dir),
    'startup.status': status,
    'startup.restore': ({ name }: { name: string }) => {
      restored(replaceDamagedFile(file, dir, name).db);
      return null;
    },
  });
  return handlers as ApiHandlers;
}
