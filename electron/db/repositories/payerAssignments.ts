import type { PayerAssignment } from '../../../shared/api/contract';
import { fenToText } from '../../../shared/money';
import { RECEIPT_CNY } from '../cnySql';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

export type AssignmentRecord = { id: number; payerKey: string; payer: string; customer: string; aliasAdded: boolean; undoneAt: string | null };

type AssignmentRow = { id: number; payer_key: string; payer: string; customer_id: string; alias_added: number; undone_at: string | null };

export function insertAssignment(
  db: WriteDb,
  a: { payerKey: string; payer: string; customer: string; aliasAdded: boolean; receipts: readonly number[] },
): number {
  const id = Number(
    preparedWrite(db, 'INSERT INTO payer_assignments (payer_key, payer, customer_id, alias_added, created_at) VALUES (?, ?, ?, ?, ?)').run(
      a.payerKey,
      a.payer,
      a.customer,
      a.aliasAdded ? 1 : 0,
      new Date().toISOString(),
    ).lastInsertRowid,
  );
  const link = preparedWrite(db, 'INSERT INTO payer_assignment_receipts (assignment_id, receipt_id) VALUES (?, ?)');
  for (const receipt of a.receipts) link.run(id, receipt);
  return id;
}

export function getAssignment(db: ReadDb, id: number): AssignmentRecord | null {
  const row = preparedRead(db, 'SELECT id, payer_key, payer, customer_id, alias_added, undone_at FROM payer_assignments WHERE id = ?').get(id) as
    AssignmentRow | undefined;
  return row
    ? { id: row.id, payerKey: row.payer_key, payer: row.payer, customer: row.customer_id, aliasAdded: row.alias_added === 1, undoneAt: row.undone_at }
    : null;
}

/** The receipts an assignment matched that still belong to its customer. */
export function assignedReceipts(db: ReadDb, id: number): number[] {
  return (
    preparedRead(
      db,
      `SELECT r.id FROM payer_assignment_receipts l JOIN payer_assignments a ON a.id = l.assignment_id
       JOIN receipts r ON r.id = l.receipt_id AND r.customer_id = a.customer_id WHERE l.assignment_id = ?`,
    ).all(id) as { id: number }[]
  ).map((r) => r.id);
}

export function markAssignmentUndone(db: WriteDb, id: number, at: string): void {
  preparedWrite(db, 'UPDATE payer_assignments SET undone_at = ? WHERE id = ?').run(at, id);
}

/** Active assignments of a customer whose name is one of `keys` are over once that alias is removed by hand. */
export function endAssignmentsOf(db: WriteDb, customer: string, keys: ReadonlySet<string>, at: string): void {
  const end = preparedWrite(db, 'UPDATE payer_assignments SET undone_at = ? WHERE customer_id = ? AND payer_key = ? AND undone_at IS NULL');
  for (const key of keys) end.run(at, customer, key);
}

/** Every assignment, the most recent first, with what it matched (receipts still present). */
export function listAssignments(db: ReadDb): PayerAssignment[] {
  const rows = preparedRead(
    db,
    `SELECT a.id, a.payer, a.customer_id, c.name AS customer_name, a.alias_added, a.created_at, a.undone_at,
       count(r.id) AS receipts, COALESCE(sum(${RECEIPT_CNY}), 0) AS cny_fen
     FROM payer_assignments a JOIN customers c ON c.id = a.customer_id
     LEFT JOIN payer_assignment_receipts l ON l.assignment_id = a.id
     LEFT JOIN receipts r ON r.id = l.receipt_id
     GROUP BY a.id ORDER BY a.id DESC`,
  ).all() as {
    id: number;
    payer: string;
    customer_id: string;
    customer_name: string;
    alias_added: number;
    created_at: string;
    undone_at: string | null;
    receipts: number;
    cny_fen: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    payer: r.payer,
    customer: r.customer_id,
    customerName: r.customer_name,
    aliasAdded: r.alias_added === 1,
    receipts: r.receipts,
    cny: fenToText(r.cny_fen),
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  }));
}
