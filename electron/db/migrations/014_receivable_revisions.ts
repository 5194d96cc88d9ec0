import type { Migration } from '../migrate';

/*
 * What the receivables cache needs to recompute only the customers a write touched (SPEC §12):
 * a revision per customer ('' for deals without a customer), bumped by triggers on every row
 * that enters a customer's ledger — its deals, counted receipts, write-offs and the customer
 * itself — so that a write by `tkpi` in another process is seen as well. A move bumps both the
 * old and the new customer. `receivable_epoch` changes when everything may have changed (a
 * bundle load or restore runs with the triggers dropped, see receivableRevisions.ts).
 * A receipt inserted with an import batch fires no trigger: a bank import writes hundreds of
 * thousands at once (a trigger per row would double its writing time), and the one function that
 * writes them, `insertImportedReceipts`, bumps their customers once per chunk instead.
 */
const bump = (customer: string) =>
  `INSERT INTO receivable_revisions (customer_id, rev) VALUES (${customer}, 1) ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;`;
const bumpOfDeal = (deal: string) =>
  `INSERT INTO receivable_revisions (customer_id, rev) SELECT coalesce(customer_id, ''), 1 FROM deals WHERE id = ${deal} ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;`;

const DEAL_COLUMNS = 'id, salesperson_id, customer_id, signed_on, currency, amount_fen, status, terms_id, shipped_on, opening_balance_fen, opening_due';
const RECEIPT_COLUMNS = 'customer_id, value_date, currency, amount_fen, not_customer, deal_id';

const sql = `
CREATE TABLE receivable_revisions (
  customer_id TEXT PRIMARY KEY,
  rev INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE receivable_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch INTEGER NOT NULL
);
INSERT INTO receivable_epoch (id, epoch) VALUES (1, 0);

CREATE TRIGGER receivable_rev_deal_insert AFTER INSERT ON deals BEGIN ${bump("coalesce(NEW.customer_id, '')")} END;
CREATE TRIGGER receivable_rev_deal_update AFTER UPDATE OF ${DEAL_COLUMNS} ON deals BEGIN
  ${bump("coalesce(OLD.customer_id, '')")}
  ${bump("coalesce(NEW.customer_id, '')")}
END;
CREATE TRIGGER receivable_rev_deal_delete AFTER DELETE ON deals BEGIN ${bump("coalesce(OLD.customer_id, '')")} END;

CREATE TRIGGER receivable_rev_receipt_insert AFTER INSERT ON receipts WHEN NEW.customer_id IS NOT NULL AND NEW.batch_id IS NULL BEGIN ${bump('NEW.customer_id')} END;
CREATE TRIGGER receivable_rev_receipt_update_old AFTER UPDATE OF ${RECEIPT_COLUMNS} ON receipts WHEN OLD.customer_id IS NOT NULL BEGIN ${bump('OLD.customer_id')} END;
CREATE TRIGGER receivable_rev_receipt_update_new AFTER UPDATE OF ${RECEIPT_COLUMNS} ON receipts WHEN NEW.customer_id IS NOT NULL BEGIN ${bump('NEW.customer_id')} END;
CREATE TRIGGER receivable_rev_receipt_delete AFTER DELETE ON receipts WHEN OLD.customer_id IS NOT NULL BEGIN ${bump('OLD.customer_id')} END;

CREATE TRIGGER receivable_rev_write_off_insert AFTER INSERT ON write_offs BEGIN ${bumpOfDeal('NEW.deal_id')} END;
CREATE TRIGGER receivable_rev_write_off_update AFTER UPDATE ON write_offs BEGIN
  ${bumpOfDeal('OLD.deal_id')}
  ${bumpOfDeal('NEW.deal_id')}
END;
CREATE TRIGGER receivable_rev_write_off_delete AFTER DELETE ON write_offs BEGIN ${bumpOfDeal('OLD.deal_id')} END;

CREATE TRIGGER receivable_rev_customer_insert AFTER INSERT ON customers BEGIN ${bump('NEW.id')} END;
CREATE TRIGGER receivable_rev_customer_update AFTER UPDATE ON customers BEGIN
  ${bump('OLD.id')}
  ${bump('NEW.id')}
END;
CREATE TRIGGER receivable_rev_customer_delete AFTER DELETE ON customers BEGIN ${bump('OLD.id')} END;
`;

export const receivableRevisions: Migration = { version: 14, name: 'receivable revisions', up: (db) => db.exec(sql) };
