import type { Migration } from '../migrate';

/*
 * Secrets of this database file, e.g. the key that signs exported appraisal forms. Not a data
 * table: a bundle neither carries nor replaces it (a bundle is plain data that may be handed
 * to others, and whoever held the key could sign a forged form), and a restore from a backup
 * keeps the current one, so forms exported before the restore still read back.
 */
const sql = `
CREATE TABLE app_secrets (
  name TEXT PRIMARY KEY CHECK (length(name) > 0),
  value TEXT NOT NULL CHECK (length(value) >= 32)
) WITHOUT ROWID;
`;

export const appSecrets: Migration = { version: 11, name: 'app secrets', up: (db) => db.exec(sql) };
