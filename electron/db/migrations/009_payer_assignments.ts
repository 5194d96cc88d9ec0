import type { Migration } from '../migrate';

/*
 * Assigning an unmatched payer to a customer is a recorded action (issue 10): which name, which
 * customer, whether the name was added as an alias, and the receipts it matched, so that it can
 * be undone as a whole. A receipt deleted later (its batch undone) simply leaves the link.
 */
const sql = `
CREATE TABLE payer_assignments (
  id INTEGER PRIMARY KEY,
  payer_key TEXT NOT NULL,
  payer TEXT NOT NULL CHECK (length(trim(payer)) > 0),
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  alias_added INTEGER NOT NULL CHECK (alias_added IN (0, 1)),
  created_at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX payer_assignments_customer ON payer_assignments(customer_id);

CREATE TABLE payer_assignment_receipts (
  assignment_id INTEGER NOT NULL REFERENCES payer_assignments(id) ON DELETE CASCADE,
  receipt_id INTEGER NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
  PRIMARY KEY (assignment_id, receipt_id)
);
CREATE INDEX payer_assignment_receipts_receipt ON payer_assignment_receipts(receipt_id);
`;

export const payerAssignments: Migration = { version: 9, name: 'payer assignments', up: (db) => db.exec(sql) };
