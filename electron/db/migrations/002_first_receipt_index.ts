import type { Migration } from '../migrate';

/*
 * A customer's first qualifying receipt (SPEC §3) is looked up for every customer on every
 * quarter computation. This partial index holds exactly the qualifying receipts in that order,
 * so the lookup reads the index alone instead of a million table rows.
 */
const sql = `
CREATE INDEX receipts_first_qualifying ON receipts(customer_id, value_date, ref, id)
  WHERE customer_id IS NOT NULL AND amount_fen > 0 AND not_customer = 0;
`;

export const firstReceiptIndex: Migration = { version: 2, name: 'first qualifying receipt index', up: (db) => db.exec(sql) };
