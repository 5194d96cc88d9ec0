/*
 * TEMPORARY STUB (branch bank-mapping). The reader branch (bank-reader) owns remembered column
 * mappings: their reader resolves the layout and stores mappings for real. This file only lets
 * the mapping UI, `tkpi import-bank --columns` and their tests run before that merge; the
 * coordinator replaces it (and its lazily created table) with theirs.
 */
import type { StoredColumnMapping, ColumnMapping, SheetView } from '../../../shared/bank/columnMapping';
import { DomainError } from '../../../shared/api/errors';
import { cellText, type Cell } from '../../../shared/bank/cellValues';
import { normalizeHeader, type Role } from '../../../shared/bank/headerWords';
import { findLayout, HEADER_SEARCH_ROWS, type Layout } from '../../../shared/bank/statementLayout';
import type { Db } from '../../db/connection';

type Grid = Cell[][];
export type Resolved = { grid: Grid; layout: Layout | null; sheet: SheetView };

const SHOWN_ROWS = 20;

function ensureTable(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS stub_column_mappings (header_key TEXT PRIMARY KEY, columns TEXT NOT NULL, created_at TEXT NOT NULL)');
}

/** A header row's identity: its normalised cells, trailing blanks dropped. */
export function headerKeyOf(row: readonly Cell[] | undefined): string | null {
  const cells = (row ?? []).map((c) => normalizeHeader(cellText(c)));
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells.some((c) => c !== '') ? cells.join('|') : null;
}

function remembered(db: Db, key: string | null): Partial<Record<Role, number>> | null {
  if (!key) return null;
  ensureTable(db);
  const row = db.prepare('SELECT columns FROM stub_column_mappings WHERE header_key = ?').get(key) as { columns: string } | undefined;
  return row ? (JSON.parse(row.columns) as Partial<Record<Role, number>>) : null;
}

function layoutOf(headerRow: number, columns: Partial<Record<Role, number>>): Layout {
  return { headerRow, columns: Object.fromEntries(Object.entries(columns).map(([role, index]) => [role, [index]])), titleCurrency: null };
}

function sheetOf(grid: Grid, layout: Layout | null, source: SheetView['source']): SheetView {
  const rows = grid.slice(0, SHOWN_ROWS).map((row) => (row ?? []).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : cellText(c))));
  return { rows, headerRow: layout?.headerRow ?? null, columns: layout?.columns ?? {}, headerKey: layout ? headerKeyOf(grid[layout.headerRow]) : null, source };
}

/** The layout to read with: the user's mapping, else one remembered for a header, else header words. */
export function resolveLayout(db: Db, grids: readonly Grid[], file: string, mapping?: ColumnMapping): Resolved {
  const firstSheet = grids[0] ?? [];
  if (mapping) {
    const roles = Object.keys(mapping.columns);
    if (!roles.some((r) => r === 'valueDate' || r === 'tradeDate') || !roles.some((r) => r === 'amount' || r === 'credit' || r === 'debit')) {
      throw new DomainError('mapping.incomplete', { file });
    }
    if (mapping.headerRow >= firstSheet.length) throw new DomainError('mapping.headerRow', { file, row: mapping.headerRow + 1 });
    const layout = layoutOf(mapping.headerRow, mapping.columns);
    return { grid: firstSheet, layout, sheet: sheetOf(firstSheet, layout, 'user') };
  }
  for (let r = 0; r < Math.min(firstSheet.length, HEADER_SEARCH_ROWS); r++) {
    const columns = remembered(db, headerKeyOf(firstSheet[r]));
    if (columns) {
      const layout = layoutOf(r, columns);
      return { grid: firstSheet, layout, sheet: sheetOf(firstSheet, layout, 'remembered') };
    }
  }
  for (const grid of grids) {
    const layout = findLayout(grid);
    if (layout) return { grid, layout, sheet: sheetOf(grid, layout, 'words') };
  }
  return { grid: firstSheet, layout: null, sheet: sheetOf(firstSheet, null, null) };
}

/** Remembers the mapping under its header row's key (a later one for the same header replaces it). */
export function rememberMapping(db: Db, grid: Grid, mapping: ColumnMapping): void {
  const key = headerKeyOf(grid[mapping.headerRow]);
  if (!key) return;
  ensureTable(db);
  db.prepare('INSERT INTO stub_column_mappings (header_key, columns, created_at) VALUES (?, ?, ?) ON CONFLICT (header_key) DO UPDATE SET columns = excluded.columns, created_at = excluded.created_at').run(
    key,
    JSON.stringify(mapping.columns),
    new Date().toISOString(),
  );
}

export function listMappings(db: Db): StoredColumnMapping[] {
  ensureTable(db);
  const rows = db.prepare('SELECT header_key, columns, created_at FROM stub_column_mappings ORDER BY created_at DESC').all() as { header_key: string; columns: string; created_at: string }[];
  return rows.map((r) => ({ headerKey: r.header_key, columns: JSON.parse(r.columns) as Partial<Record<Role, number>>, createdAt: r.created_at }));
}

export function deleteMapping(db: Db, headerKey: string): void {
  ensureTable(db);
  db.prepare('DELETE FROM stub_column_mappings WHERE header_key = ?').run(headerKey);
}
