import type { Migration } from '../migrate';

/*
 * Receivables, collection and credit (SPEC §12): a customer's default terms, credit grade and
 * limit; a deal's terms, 出运日期 and opening balance; a receipt pinned to the deal it pays;
 * write-offs per instalment. Terms live in the settings (JSON), so the ids here are checked by
 * the services, not by foreign keys. target_indicators is rebuilt because SQLite cannot widen a
 * CHECK in place: the two new indicators must be storable.
 */
const DATE = (column: string) => `${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

const sql = `
ALTER TABLE customers ADD COLUMN terms_id TEXT;
ALTER TABLE customers ADD COLUMN credit_grade TEXT NOT NULL DEFAULT 'B' CHECK (credit_grade IN ('A', 'B', 'C', 'D'));
ALTER TABLE customers ADD COLUMN credit_limit_fen INTEGER CHECK (credit_limit_fen IS NULL OR credit_limit_fen >= 0);

ALTER TABLE deals ADD COLUMN terms_id TEXT;
ALTER TABLE deals ADD COLUMN shipped_on TEXT CHECK (${DATE('shipped_on')});
ALTER TABLE deals ADD COLUMN opening_balance_fen INTEGER CHECK (opening_balance_fen IS NULL OR opening_balance_fen > 0);
ALTER TABLE deals ADD COLUMN opening_due TEXT CHECK (${DATE('opening_due')});

ALTER TABLE receipts ADD COLUMN deal_id TEXT REFERENCES deals(id) ON DELETE SET NULL;

CREATE TABLE write_offs (
  id INTEGER PRIMARY KEY,
  deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000000000),
  kind TEXT NOT NULL CHECK (kind IN ('bank_charges', 'claim', 'bad_debt')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX write_offs_deal ON write_offs(deal_id, number);

CREATE TABLE target_indicators_new (
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  kpi TEXT NOT NULL CHECK (kpi IN ('deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate', 'peer_review', 'custom')),
  weight TEXT NOT NULL,
  target TEXT,
  score TEXT,
  name TEXT,
  direction TEXT CHECK (direction IS NULL OR direction IN ('higher', 'lower')),
  actual TEXT,
  PRIMARY KEY (salesperson_id, quarter, seq)
);
INSERT INTO target_indicators_new SELECT salesperson_id, quarter, seq, kpi, weight, target, score, name, direction, actual FROM target_indicators ORDER BY rowid;
DROP TABLE target_indicators;
ALTER TABLE target_indicators_new RENAME TO target_indicators;
CREATE INDEX target_indicators_quarter ON target_indicators(quarter);
`;

export const receivables: Migration = { version: 10, name: 'receivables, credit and write-offs', up: (db) => db.exec(sql) };
