import { DEFAULT_SETTINGS } from '../../../shared/defaults';
import type { Settings } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Company } from '../../../shared/entities';

export function getCompany(db: Db): Company | null {
  const row = prepared(db, 'SELECT name FROM company WHERE id = 1').get() as { name: string } | undefined;
  return row ? { name: row.name, baseCurrency: 'CNY' } : null;
}

export function setCompany(db: Db, company: Company): void {
  prepared(db, 'INSERT INTO company (id, name) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(company.name);
}

/** Settings are one JSON value per key; keys not stored yet take SPEC's defaults. */
export function getSettings(db: Db): Settings {
  const rows = prepared(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function setSettings(db: Db, settings: Partial<Settings>): void {
  const upsert = prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
