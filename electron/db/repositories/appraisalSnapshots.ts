import { normalizeSnapshotData, type ApprovalSnapshot } from '../../../shared/workflow/snapshot';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

type SnapshotRow = { salesperson_id: string; quarter: string; approved_at: string; approved_by: string; data: string };

function toSnapshot(row: SnapshotRow): ApprovalSnapshot {
  return {
    salesperson: row.salesperson_id,
    quarter: row.quarter,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    data: normalizeSnapshotData(JSON.parse(row.data)),
  };
}

/** The approved snapshots of a quarter (or of every quarter), by quarter and salesperson. */
export function listSnapshots(db: ReadDb, quarter?: string): ApprovalSnapshot[] {
  const rows = preparedRead(db, 'SELECT * FROM appraisal_snapshots WHERE (@q IS NULL OR quarter = @q) ORDER BY quarter, salesperson_id').all({
    q: quarter ?? null,
  }) as SnapshotRow[];
  return rows.map(toSnapshot);
}

/** Stores what was approved. A snapshot is written once per approval; reopening deletes it first. */
export function insertSnapshot(db: WriteDb, s: ApprovalSnapshot): void {
  preparedWrite(db, 'INSERT INTO appraisal_snapshots (salesperson_id, quarter, approved_at, approved_by, data) VALUES (?, ?, ?, ?, ?)').run(
    s.salesperson,
    s.quarter,
    s.approvedAt,
    s.approvedBy,
    JSON.stringify(s.data),
  );
}

export function deleteSnapshot(db: WriteDb, salesperson: string, quarter: string): boolean {
  return preparedWrite(db, 'DELETE FROM appraisal_snapshots WHERE salesperson_id = ? AND quarter = ?').run(salesperson, quarter).changes > 0;
}
