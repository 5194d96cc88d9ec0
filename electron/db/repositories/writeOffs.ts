import type { StoredWriteOff, WriteOff, WriteOffKind } from '../../../shared/entities';
import { fenToText, toFen } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

type WriteOffRow = { id: number; deal_id: string; number: number; date: string; amount_fen: number; kind: WriteOffKind; reason: string };

function toWriteOff(row: WriteOffRow): StoredWriteOff {
  return { id: row.id, deal: row.deal_id, number: row.number, date: row.date, amount: fenToText(row.amount_fen), kind: row.kind, reason: row.reason };
}

/** Write-offs of a deal, of a customer's deals, or all; by deal, instalment, date, id. */
export function listWriteOffs(db: ReadDb, filter: { deal?: string; customer?: string } = {}): StoredWriteOff[] {
  const rows = preparedRead(
    db,
    `SELECT w.* FROM write_offs w JOIN deals d ON d.id = w.deal_id
     WHERE (@deal IS NULL OR w.deal_id = @deal) AND (@customer IS NULL OR d.customer_id = @customer)
     ORDER BY w.deal_id, w.number, w.date, w.id`,
  ).all({ deal: filter.deal ?? null, customer: filter.customer ?? null }) as WriteOffRow[];
  return rows.map(toWriteOff);
}

/** Every write-off in the order they were entered (dumps keep it). */
export function allWriteOffs(db: ReadDb): StoredWriteOff[] {
  return (preparedRead(db, 'SELECT * FROM write_offs ORDER BY id').all() as WriteOffRow[]).map(toWriteOff);
}

export function getWriteOff(db: ReadDb, id: number): StoredWriteOff | null {
  const row = preparedRead(db, 'SELECT * FROM write_offs WHERE id = ?').get(id) as WriteOffRow | undefined;
  return row ? toWriteOff(row) : null;
}

export function insertWriteOff(db: WriteDb, w: WriteOff): number {
  const info = preparedWrite(db, 'INSERT INTO write_offs (deal_id, number, date, amount_fen, kind, reason) VALUES (?, ?, ?, ?, ?, ?)').run(
    w.deal,
    w.number,
    w.date,
    toFen(w.amount),
    w.kind,
    w.reason,
  );
  return Number(info.lastInsertRowid);
}

export function deleteWriteOff(db: WriteDb, id: number): boolean {
  return preparedWrite(db, 'DELETE FROM write_offs WHERE id = ?').run(id).changes > 0;
}

/** Σ write-offs of one instalment in fen, leaving out one write-off (the one being edited). */
export function writtenOffFen(db: ReadDb, deal: string, number: number, exceptId: number | null = null): number {
  const row = preparedRead(db, 'SELECT COALESCE(SUM(amount_fen), 0) AS fen FROM write_offs WHERE deal_id = ? AND number = ? AND id IS NOT ?').get(
    deal,
    number,
    exceptId,
  ) as {
    fen: number;
  };
  return row.fen;
}

export type BadDebtSum = { sp: string; name: string | null; customer: string | null; currency: string; fen: number };

/** 坏账 written off up to the date, summed per deal and instalment, with the deal's salesperson and customer. */
export function badDebtSums(db: ReadDb, asOf: string): BadDebtSum[] {
  return preparedRead(
    db,
    `SELECT d.salesperson_id AS sp, s.name AS name, d.customer_id AS customer, d.currency, w.deal_id AS deal, w.number, SUM(w.amount_fen) AS fen
     FROM write_offs w JOIN deals d ON d.id = w.deal_id LEFT JOIN salespeople s ON s.id = d.salesperson_id
     WHERE w.kind = 'bad_debt' AND w.date <= ? GROUP BY w.deal_id, w.number`,
  ).all(asOf) as BadDebtSum[];
}
