import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers, BackupInfo } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { openDatabase, type Db } from '../db/connection';
import { DATA_TABLES } from '../db/dataTables';
import { appendAudit } from '../db/repositories/auditLog';
import { inTransaction } from '../db/statements';

/** How many automatic and manual backups are kept; the oldest go first. */
export const BACKUPS_KEPT = 10;

const NAME = /^tradekpi-\d{8}-\d{6}(-\d+)?\.db$/;

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, createdAt: stat.mtime.toISOString(), size: stat.size };
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** A consistent copy through SQLite's online backup, then the oldest beyond the ten are removed. */
export async function createBackup(db: Db, dir: string, now = new Date()): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let name = `tradekpi-${stamp(now)}.db`;
  for (let n = 1; fs.existsSync(path.join(dir, name)); n++) name = `tradekpi-${stamp(now)}-${n}.db`;
  await db.backup(path.join(dir, name));
  for (const old of listBackups(dir).slice(BACKUPS_KEPT)) fs.rmSync(path.join(dir, old.name), { force: true });
  const created = listBackups(dir).find((b) => b.name === name);
  if (!created) throw new DomainError('internal', { detail: 'backup not written' });
  return created;
}

/**
 * Puts a backup's data back into the open database in one transaction: the live file is never
 * swapped under the app. The backup is first copied and migrated, so an older one restores too.
 */
export async function restoreBackup(db: Db, dir: string, name: string): Promise<void> {
  if (!NAME.test(name) || !fs.existsSync(path.join(dir, name))) throw new DomainError('backup.missing', { name });
  await createBackup(db, dir);
  const copy = path.join(dir, `restore-${process.pid}.tmp`);
  fs.copyFileSync(path.join(dir, name), copy);
  try {
    openDatabase(copy).close();
    db.prepare('ATTACH DATABASE ? AS src').run(copy);
    try {
      inTransaction(db, () => {
        for (const table of DATA_TABLES) db.prepare(`DELETE FROM main.${table}`).run();
        for (const table of [...DATA_TABLES].reverse()) db.prepare(`INSERT INTO main.${table} SELECT * FROM src.${table}`).run();
        appendAudit(db, { action: 'backups.restore', detail: { name } });
      });
    } finally {
      db.prepare('DETACH DATABASE src').run();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** Backups exist where the app keeps a data folder; the command line has none. */
export function backupHandlers(db: Db, dir: string | null): Pick<ApiHandlers, 'backups.list' | 'backups.create' | 'backups.restore'> {
  const folder = () => {
    if (dir === null) throw new DomainError('backup.unavailable');
    return dir;
  };
  return {
    'backups.list': () => listBackups(folder()),
    'backups.create': () => createBackup(db, folder()),
    'backups.restore': async ({ name }) => {
      await restoreBackup(db, folder(), name);
      return null;
    },
  };
}
