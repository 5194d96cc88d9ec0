import type { Role } from '../../../shared/bank/headerWords';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

/** A remembered column mapping: the header it is for (`headerKey`), a column per role, when it was given. */
export type StoredColumnMapping = {
  headerKey: string;
  columns: Partial<Record<Role, number>>;
  /** The header row's cells as the file wrote them, to show what the mapping is for. */
  headerRowCells: string[] | null;
  createdAt: string;
};

type MappingRow = { header_key: string; columns: string; header_row_cells: string | null; created_at: string | null };

function toMapping(row: MappingRow): StoredColumnMapping {
  return {
    headerKey: row.header_key,
    columns: JSON.parse(row.columns) as Partial<Record<Role, number>>,
    headerRowCells: row.header_row_cells === null ? null : (JSON.parse(row.header_row_cells) as string[]),
    createdAt: row.created_at ?? '',
  };
}

export function listColumnMappings(db: ReadDb): StoredColumnMapping[] {
  return (preparedRead(db, 'SELECT * FROM column_mappings ORDER BY created_at, header_key').all() as MappingRow[]).map(toMapping);
}

/** Every remembered mapping's columns by header key, as the reader looks them up. */
export function rememberedColumns(db: ReadDb): Map<string, Partial<Record<Role, number>>> {
  return new Map(listColumnMappings(db).map((m) => [m.headerKey, m.columns]));
}

/** Stores a mapping under its header key, replacing the one given before for that header. */
export function saveColumnMapping(db: WriteDb, mapping: StoredColumnMapping): void {
  preparedWrite(db, 'INSERT OR REPLACE INTO column_mappings (header_key, columns, header_row_cells, created_at) VALUES (?, ?, ?, ?)').run(
    mapping.headerKey,
    JSON.stringify(mapping.columns),
    mapping.headerRowCells === null ? null : JSON.stringify(mapping.headerRowCells),
    mapping.createdAt,
  );
}

export function deleteColumnMapping(db: WriteDb, headerKey: string): boolean {
  return preparedWrite(db, 'DELETE FROM column_mappings WHERE header_key = ?').run(headerKey).changes > 0;
}
