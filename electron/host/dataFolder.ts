import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiHandlers, StartupDamage } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../db/connection';
import type { WriteDb } from '../db/handles';
import { fileFingerprint, listBackups, startBackup } from '../services/backupService';
import { createServices } from '../services';
import { damagedHandlers, damageOf } from './damagedStart';

export const APP_NAME = 'TradeKPI';

/**
 * The platform's user-data folder, as Electron's `app.getPath('userData')` names it, unless
 * TKPI_DATA_DIR names another: the web host and the window then use the same file.
 */
export function dataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TKPI_DATA_DIR) return path.resolve(env.TKPI_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/**
 * The open data folder. `services` stays the same object for the whole run (the web host and
 * the window hold it); after a damaged start is repaired from a backup it serves the new file.
 * `db` throws while the data file is damaged.
 */
export type AppData = { folder: string; file: string; backupDir: string; readonly db: WriteDb; services: ApiHandlers; readonly damage: StartupDamage | null };

type Opened = { db: WriteDb } | { damage: StartupDamage };

/** Opens the data file and checks it; a damaged file is reported, not opened for writing. */
function openChecked(file: string, backupDir: string): Opened {
  const used = listBackups(backupDir).length > 0;
  if (used && fs.existsSync(file) && fs.statSync(file).size === 0) return { damage: damageOf(file, 'empty') };
  try {
    return { db: openDatabase(file, { create: true, check: true }) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'db.damaged') return { damage: damageOf(file, 'corrupt', String(error.params.detail ?? '')) };
    if (error instanceof DomainError && error.code === 'db.notSqlite') return { damage: damageOf(file, 'notDatabase') };
    throw error;
  }
}

/**
 * Opens the data file (creating it on first run), runs SQLite's quick check, and backs it up
 * before anything else happens, unless it is unchanged since the last start's backup. A
 * damaged file is left as it is, with no backup made and none rotated out.
 */
export async function openAppData(folder: string): Promise<AppData> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'tradekpi.db');
  const backupDir = path.join(folder, 'backups');
  const before = fileFingerprint(file);
  const opened = openChecked(file, backupDir);
  let db: WriteDb | null = null;
  let damage: StartupDamage | null = null;
  const handlers: { current: ApiHandlers } = { current: {} as ApiHandlers };
  const healthy = (open: WriteDb) => {
    db = open;
    damage = null;
    handlers.current = createServices(open, { backupDir });
  };
  if ('db' in opened) {
    await startBackup(opened.db, backupDir, before);
    healthy(opened.db);
  } else {
    damage = opened.damage;
    handlers.current = damagedHandlers(opened.damage, file, backupDir, healthy);
  }
  // One stable object whose methods reach whichever handlers are current.
  const services = Object.fromEntries(
    Object.keys(handlers.current).map((method) => [method, (args: never) => (handlers.current[method as keyof ApiHandlers] as (a: never) => unknown)(args)]),
  ) as unknown as ApiHandlers;
  return {
    folder,
    file,
    backupDir,
    get db(): WriteDb {
      if (db === null) throw new DomainError('db.damaged', { file, detail: damage?.message ?? '' });
      return db;
    },
    services,
    get damage() {
      return damage;
    },
  };
}

/** Closes the data file if one is open (a damaged start has none). */
export function closeData(data: AppData): void {
  if (data.damage === null) data.db.close();
}
