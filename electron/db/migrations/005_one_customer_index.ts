import type { Migration } from '../migrate';

/*
 * A customer's first qualifying receipt is found by walking that customer's receipts in date
 * order until one qualifies — nearly always the first — so the plain (customer, date) index
 * serves, and every import maintains one index fewer.
 */
const sql = `DROP INDEX receipts_first_qualifying;`;

export const oneCustomerIndex: Migration = { version: 5, name: 'one customer index on receipts', up: (db) => db.exec(sql) };
