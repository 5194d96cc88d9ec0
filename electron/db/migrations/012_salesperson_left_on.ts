import type { Migration } from '../migrate';

/*
 * 离职: the day a salesperson left. They stay in history (deals, receipts, approved appraisals)
 * but get no targets for a quarter that starts after it. NULL while they are employed.
 */
const sql = `
ALTER TABLE salespeople ADD COLUMN left_on TEXT
  CHECK (left_on IS NULL OR left_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
`;

export const salespersonLeftOn: Migration = { version: 12, name: 'salesperson left on', up: (db) => db.exec(sql) };
