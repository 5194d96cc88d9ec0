import type { Migration } from '../migrate';

/*
 * How the bank quoted a receipt's rate: per one unit or per 100 units (normalised to per-unit on
 * import, SPEC §10). The commission statement shows it, so a disputed figure can be traced to
 * the bank's own column. NULL where no bank rate was used or the receipt predates this column.
 */
const sql = `ALTER TABLE receipts ADD COLUMN rate_quoted_per INTEGER CHECK (rate_quoted_per IN (1, 100));`;

export const rateQuotedPer: Migration = { version: 13, name: 'rate quoted per', up: (db) => db.exec(sql) };
