import type { WriteDb } from './handles';
import { withoutRevisionTriggers } from './receivableRevisions';

/**
 * Every table that holds the company's data, children before parents so they can be emptied in
 * this order. The audit log is not among them: it is the file's history and survives a load or
 * a restore (which add to it).
 */
export const DATA_TABLES = [
  'payer_assignment_receipts',
  'payer_assignments',
  'receipts',
  'column_mappings',
  'import_batches',
  'write_offs',
  'deals',
  'error_records',
  'document_counts',
  'target_indicators',
  'adjustments',
  'appraisal_snapshots',
  'appraisals',
  'customer_aliases',
  'customers',
  'salespeople',
  'commission_brackets',
  'commission_plans',
  'fx_rates',
  'settings',
  'company',
] as const;

/** Empties every data table (inside the caller's transaction); the audit log stays. */
export function clearDataTables(db: WriteDb): void {
  for (const table of DATA_TABLES) db.prepare(`DELETE FROM main.${table}`).run();
}

/**
 * Runs `work` with the database file `file` attached as `src`, detaching it afterwards even
 * when `work` throws. ATTACH cannot run inside a transaction, so `work` opens its own.
 */
export function withAttached<T>(db: WriteDb, file: string, work: () => T): T {
  db.prepare('ATTACH DATABASE ? AS src').run(file);
  try {
    return work();
  } finally {
    db.prepare('DETACH DATABASE src').run();
  }
}

/** Replaces every data table's rows with those of the attached `src` (inside the caller's transaction). */
export function copyDataTablesFromAttached(db: WriteDb): void {
  withoutRevisionTriggers(db, () => {
    clearDataTables(db);
    for (const table of [...DATA_TABLES].reverse()) db.prepare(`INSERT INTO main.${table} SELECT * FROM src.${table}`).run();
  });
}
