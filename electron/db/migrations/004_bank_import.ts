import type { Migration } from '../migrate';

/*
 * Bank import: a receipt without a bank reference is identified by its fingerprint (date,
 * currency, amount, counterparty, memo and its occurrence in the file), and a batch keeps its
 * report and when it was undone. No index on batch_id: every import would pay for it, and only
 * the rare undo reads it.
 */
const sql = `
ALTER TABLE receipts ADD COLUMN fingerprint TEXT;
CREATE UNIQUE INDEX receipts_fingerprint ON receipts(fingerprint) WHERE fingerprint IS NOT NULL;
ALTER TABLE import_batches ADD COLUMN summary TEXT CHECK (summary IS NULL OR json_valid(summary));
ALTER TABLE import_batches ADD COLUMN undone_at TEXT;
`;

export const bankImport: Migration = { version: 4, name: 'bank import fingerprints and batches', up: (db) => db.exec(sql) };
