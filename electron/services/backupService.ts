import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, StartupStatus } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../db/connection';
import type { WriteDb } from '../db/handles';
import { copyDataTablesFromAttached, withAttached } from '../db/dataTables';
import { fileProblem } from '../db/integrity';
import { appendAudit } from '../db/repositories/auditLog';
import { inTransaction } from '../db/statements';
import { ownTransaction, type ServiceHandlers } from './markers';

/** How many of the newest backups are always kept. */
export const BACKUPS_KEPT = 10;
/** Beyond those, the newest backup of each of this many months (counting this one) is kept. */
export const MONTHS_KEPT = 12;

const NAME = /^tradekpi-(\d{4})(\d{2})\d{2}-\d{6}(-\d+)?\.db$/;
/** The start backup's note of what it copied, so an unchanged file is not copied again. */
const LAST_START = 'last-start.json';

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function isBackupName(name: string): boolean {
  return NAME.test(name);
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
    .sort((a, b) => (order(a.name) < order(b.name) ? 1 : -1));
}

/** Sorts backups of the same second by their number: "…-000900.db" before "…-000900-1.db". */
function order(name: string): string {
  const m = /^tradekpi-(\d{8}-\d{6})(?:-(\d+))?\.db$/.exec(name);
  return m ? `${m[1]}-${(m[2] ?? '0').padStart(6, '0')}` : name;
}

/**
 * Which backups rotation removes: all but the newest ten, the newest of each of the last twelve
 * months, and the protected ones (a backup being restored is never removed). `backups` are
 * newest first, as `listBackups` gives them.
 */
export function backupsToRemove(backups: readonly BackupInfo[], now: Date, protect: ReadonlySet<string> = new Set()): string[] {
  const months = new Set<string>();
  for (let i = 0; i < MONTHS_KEPT; i++) {
    const month = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.add(`${month.getFullYear()}${String(month.getMonth() + 1).padStart(2, '0')}`);
  }
  const monthKept = new Set<string>();
  const remove: string[] = [];
  backups.forEach((backup, index) => {
    const m = NAME.exec(backup.name);
    const month = m ? `${m[1]}${m[2]}` : '';
    const newestOfMonth = months.has(month) && !monthKept.has(month);
    if (newestOfMonth) monthKept.add(month);
    if (index < BACKUPS_KEPT || newestOfMonth || protect.has(backup.name)) return;
    remove.push(backup.name);
  });
  return remove;
}

function rotate(dir: string, now: Date, protect: ReadonlySet<string>): void {
  for (const name of backupsToRemove(listBackups(dir), now, protect)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * A consistent copy through SQLite's online backup, written under a temporary name and renamed,
 * so a crash never leaves a half-written file under a backup's name; then rotation, unless the
 * caller rotates later (a restore rotates only once it has succeeded).
 */
export async function createBackup(
  db: WriteDb,
  dir: string,
  now = new Date(),
  options: { rotate?: boolean; protect?: ReadonlySet<string> } = {},
): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let name = `tradekpi-${stamp(now)}.db`;
  for (let n = 1; fs.existsSync(path.join(dir, name)); n++) name = `tradekpi-${stamp(now)}-${n}.db`;
  const partial = path.join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
    fs.renameSync(partial, path.join(dir, name));
  } finally {
    fs.rmSync(partial, { force: true });
  }
  if (options.rotate !== false) rotate(dir, now, options.protect ?? new Set());
  const created = listBackups(dir).find((b) => b.name === name);
  if (!created) throw new DomainError('internal', { detail: 'backup not written' });
  return created;
}

/** What identifies the data file's state without reading it: size and time of it and its WAL. */
export function fileFingerprint(file: string): string | null {
  const part = (f: string) => {
    try {
      const s = fs.statSync(f);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  };
  if (!fs.existsSync(file)) return null;
  return `${part(file)}|${part(`${file}-wal`)}`;
}

/**
 * The backup at start: skipped when the data file is exactly as it was at the last start's
 * backup (same size and times of the file and its WAL, and that backup still there), so an
 * unchanged database is not copied again at every start. `before` is the fingerprint taken
 * before the file was opened.
 */
export async function startBackup(db: WriteDb, dir: string, before: string | null, now = new Date()): Promise<BackupInfo | null> {
  const note = path.join(dir, LAST_START);
  try {
    const last = JSON.parse(fs.readFileSync(note, 'utf8')) as { fingerprint?: unknown; name?: unknown };
    if (before !== null && last.fingerprint === before && typeof last.name === 'string' && listBackups(dir).some((b) => b.name === last.name)) return null;
  } catch {
    // No note yet, or an unreadable one: back up.
  }
  const created = await createBackup(db, dir, now);
  fs.writeFileSync(note, JSON.stringify({ fingerprint: before, name: created.name }));
  return created;
}

/** A backup that opens and passes SQLite's quick check; null when it does, else what is wrong. */
export function backupProblem(file: string): string | null {
  return fileProblem(file);
}

/** Temporary copies a restore makes; all of them go, whatever happens. */
function removeCopy(copy: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + suffix, { force: true });
}

/**
 * A backup copied beside the backups and brought to this build's schema: an older one restores
 * too. A damaged one is refused by name. The caller removes the copy.
 */
export function preparedCopy(dir: string, name: string, copy: string): void {
  fs.copyFileSync(path.join(dir, name), copy);
  const problem = backupProblem(copy);
  if (problem !== null) throw new DomainError('backup.damaged', { name, detail: problem });
  try {
    openDatabase(copy).close();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'db.newer') throw error;
    throw new DomainError('backup.damaged', { name, detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Puts a backup's data back into the open database in one transaction: the live file is never
 * swapped under the app. The current data is backed up first; that safety backup's rotation
 * waits until the restore has succeeded and never removes the backup being restored. A failed
 * restore leaves the data and the backups as they were and no temporary file behind.
 */
export async function restoreBackup(db: WriteDb, dir: string, name: string): Promise<void> {
  if (!NAME.test(name) || !fs.existsSync(path.join(dir, name))) throw new DomainError('backup.missing', { name });
  const copy = path.join(dir, `restore-${process.pid}.tmp`);
  let safety: BackupInfo | null = null;
  try {
    preparedCopy(dir, name, copy);
    safety = await createBackup(db, dir, new Date(), { rotate: false });
    withAttached(db, copy, () =>
      inTransaction(db, () => {
        copyDataTablesFromAttached(db);
        appendAudit(db, { action: 'backups.restore', detail: { name } });
      }),
    );
  } catch (error) {
    if (safety) fs.rmSync(path.join(dir, safety.name), { force: true });
    throw error;
  } finally {
    removeCopy(copy);
  }
  rotate(dir, new Date(), new Set([name]));
}

const HEALTHY: StartupStatus = { damage: null, backups: [], newestGood: null };

/** Backups exist where the app keeps a data folder; the command line has none. */
export function backupHandlers(
  dir: string | null,
): ServiceHandlers<'backups.list' | 'backups.create' | 'backups.restore' | 'startup.status' | 'startup.restore'> {
  const folder = () => {
    if (dir === null) throw new DomainError('backup.unavailable');
    return dir;
  };
  return {
    'backups.list': ownTransaction(() => listBackups(folder())),
    'backups.create': ownTransaction((db) => createBackup(db, folder())),
    'backups.restore': ownTransaction(async (db, { name }) => {
      await restoreBackup(db, folder(), name);
      return null;
    }),
    // The database opened and passed its check; the damaged-start handlers replace these two.
    'startup.status': ownTransaction(() => HEALTHY),
    'startup.restore': ownTransaction(() => {
      throw new DomainError('db.notDamaged');
    }),
  };
}
