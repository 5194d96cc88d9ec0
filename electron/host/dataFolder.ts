import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { openDatabase, type Db } from '../db/connection';
import { createBackup } from '../services/backupService';
import { createServices } from '../services';

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

export type AppData = { folder: string; file: string; backupDir: string; db: Db; services: ApiHandlers };

/** Opens the data file (creating it on first run) and backs it up before anything else happens. */
export async function openAppData(folder: string): Promise<AppData> {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'tradekpi.db');
  const backupDir = path.join(folder, 'backups');
  const db = openDatabase(file, { create: true });
  await createBackup(db, backupDir);
  return { folder, file, backupDir, db, services: createServices(db, { backupDir }) };
}
