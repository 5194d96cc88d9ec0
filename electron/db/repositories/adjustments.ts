import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { Adjustment, StoredAdjustment } from '../../../shared/entities';

export function listAdjustments(db: ReadDb, query: { period?: string; salesperson?: string } = {}): StoredAdjustment[] {
  return preparedRead(
    db,
    `SELECT id, salesperson_id AS salesperson, period, points, reason FROM adjustments
     WHERE (@period IS NULL OR period = @period) AND (@sp IS NULL OR salesperson_id = @sp) ORDER BY id`,
  ).all({ period: query.period ?? null, sp: query.salesperson ?? null }) as StoredAdjustment[];
}

export function getAdjustment(db: ReadDb, id: number): StoredAdjustment | null {
  return (
    (preparedRead(db, 'SELECT id, salesperson_id AS salesperson, period, points, reason FROM adjustments WHERE id = ?').get(id) as
      StoredAdjustment | undefined) ?? null
  );
}

export function insertAdjustment(db: WriteDb, a: Adjustment): number {
  return Number(
    preparedWrite(db, 'INSERT INTO adjustments (salesperson_id, period, points, reason) VALUES (?, ?, ?, ?)').run(a.salesperson, a.period, a.points, a.reason)
      .lastInsertRowid,
  );
}

export function updateAdjustment(db: WriteDb, id: number, a: Adjustment): boolean {
  return (
    preparedWrite(db, 'UPDATE adjustments SET salesperson_id = ?, period = ?, points = ?, reason = ? WHERE id = ?').run(
      a.salesperson,
      a.period,
      a.points,
      a.reason,
      id,
    ).changes > 0
  );
}

export function deleteAdjustment(db: WriteDb, id: number): boolean {
  return preparedWrite(db, 'DELETE FROM adjustments WHERE id = ?').run(id).changes > 0;
}
