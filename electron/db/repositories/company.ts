import { DEFAULT_SETTINGS } from '../../../shared/defaults';
import type { Settings } from '../../../shared/domain';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { Company } from '../../../shared/entities';

export function getCompany(db: ReadDb): Company | null {
  const row = preparedRead(db, 'SELECT name FROM company WHERE id = 1').get() as { name: string } | undefined;
  return row ? { name: row.name, baseCurrency: 'CNY' } : null;
}

export function setCompany(db: WriteDb, company: Company): void {
  preparedWrite(db, 'INSERT INTO company (id, name) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(company.name);
}

/** Settings are one JSON value per key; keys not stored yet take SPEC's defaults. */
export function getSettings(db: ReadDb): Settings {
  const rows = preparedRead(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function setSettings(db: WriteDb, settings: Partial<Settings>): void {
  const upsert = preparedWrite(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
