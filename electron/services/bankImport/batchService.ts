import { DomainError } from '../../../shared/api/errors';
import type { Db } from '../../db/connection';
import { getBatch, markBatchUndone } from '../../db/repositories/importBatches';
import { prepared } from '../../db/statements';

/** An approved appraisal that one of the batch's receipts counts in, if any. */
export function approvedAppraisalFedBy(db: Db, batchId: number): { salesperson: string; quarter: string } | null {
  const row = prepared(
    db,
    `SELECT a.salesperson_id AS salesperson, a.quarter FROM receipts r
     JOIN appraisals a ON a.salesperson_id = COALESCE(r.manual_salesperson_id, r.matched_owner_id)
       AND a.quarter = substr(r.value_date, 1, 4) || 'Q' || ((CAST(substr(r.value_date, 6, 2) AS INTEGER) + 2) / 3)
     WHERE r.batch_id = ? AND a.stage IN ('approved', 'archived') LIMIT 1`,
  ).get(batchId) as { salesperson: string; quarter: string } | undefined;
  return row ?? null;
}

/**
 * Takes a whole import back: its receipts are deleted and the batch is marked undone (it stays
 * in the list as history). Refused while any of them counts in an approved appraisal.
 */
export function undoBatch(db: Db, id: number): number {
  const batch = getBatch(db, id);
  if (!batch) throw new DomainError('batch.missing', { id });
  if (batch.undoneAt) throw new DomainError('batch.undone', { id });
  const locked = approvedAppraisalFedBy(db, id);
  if (locked) throw new DomainError('batch.locked', { id, ...locked });
  const removed = prepared(db, 'DELETE FROM receipts WHERE batch_id = ?').run(id).changes;
  markBatchUndone(db, id, new Date().toISOString());
  return removed;
}
