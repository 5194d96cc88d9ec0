import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Adjustment, StoredAdjustment } from '../../../shared/entities';

export function listAdjustments(db: Db, query: { period?: string; salesperson?: string } = {}): StoredAdjustment[] {
  return prepared(
    db,
    `SELECT id, salesperson_id AS salesperson, period, points, reason FROM adjustments
     WHERE (@period IS NULL OR period = @period) AND (@sp IS NULL OR salesperson_id = @sp) ORDER BY id`,
  ).all({ period: query.period ?? null, sp: query.salesperson ?? null }) as StoredAdjustment[];
}

export function getAdjustment(db: Db, id: number): StoredAdjustment | null {
  return (
    (prepared(db, 'SELECT id, salesperson_id AS salesperson, period, points, reason FROM adjustments WHERE id = ?').get(id) as StoredAdjustment | undefined) ??
    null
  );
}

export function insertAdjustment(db: Db, a: Adjustment): number {
  return Number(
    prepared(db, 'INSERT INTO adjustments (salesperson_id, period, points, reason) VALUES (?, ?, ?, ?)').run(a.salesperson, a.period, a.points, a.reason)
      .lastInsertRowid,
  );
}

export function updateAdjustment(db: Db, id: number, a: Adjustment): boolean {
  return (
    prepared(db, 'UPDATE adjustments SET salesperson_id = ?, period = ?, points = ?, reason = ? WHERE id = ?').run(
      a.salesperson,
      a.period,
      a.points,
      a.reason,
      id,
    ).changes > 0
  );
}

export function deleteAdjustment(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM adjustments WHERE id = ?').run(id).changes > 0;
}
