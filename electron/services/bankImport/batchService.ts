import { DomainError } from '../../../shared/api/errors';
import type { WriteDb } from '../../db/handles';
import { approvedAppraisalFedBy, deleteBatchReceipts, getBatch, markBatchUndone } from '../../db/repositories/importBatches';

/**
 * Takes a whole import back: its receipts are deleted and the batch is marked undone (it stays
 * in the list as history). Refused while any of them counts in an approved appraisal.
 */
export function undoBatch(db: WriteDb, id: number): number {
  const batch = getBatch(db, id);
  if (!batch) throw new DomainError('batch.missing', { id });
  if (batch.undoneAt) throw new DomainError('batch.undone', { id });
  const locked = approvedAppraisalFedBy(db, id);
  if (locked) throw new DomainError('batch.locked', { id, ...locked });
  const removed = deleteBatchReceipts(db, id);
  markBatchUndone(db, id, new Date().toISOString());
  return removed;
}
