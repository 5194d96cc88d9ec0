import type { Migration } from '../migrate';

/*
 * Column mappings the user gave for statements no header word recognised (SPEC §10), keyed by
 * the header row's normalised cells: the next file with the same header imports with it.
 */
const sql = `
CREATE TABLE column_mappings (
  header_key TEXT PRIMARY KEY,
  columns TEXT NOT NULL CHECK (json_valid(columns)),
  header_row_cells TEXT CHECK (header_row_cells IS NULL OR json_valid(header_row_cells)),
  created_at TEXT
);
`;

export const columnMappings: Migration = { version: 8, name: 'remembered statement column mappings', up: (db) => db.exec(sql) };
