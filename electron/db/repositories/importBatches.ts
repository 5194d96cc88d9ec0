import type { ImportBatch } from '../../../shared/api/contract';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import { RECEIPT_OWNER } from '../cnySql';
import { quarterOf } from '../quarterSql';

type BatchRow = { id: number; source: string; file_name: string | null; created_at: string; summary: string | null; undone_at: string | null };

function toBatch(row: BatchRow): ImportBatch {
  return {
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    createdAt: row.created_at,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as unknown),
    undoneAt: row.undone_at,
  };
}

export function insertBatch(db: WriteDb, batch: Omit<ImportBatch, 'id'> & { id?: number }): number {
  const info = preparedWrite(db, 'INSERT INTO import_batches (id, source, file_name, created_at, summary, undone_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    batch.id ?? null,
    batch.source,
    batch.fileName,
    batch.createdAt,
    batch.summary === null || batch.summary === undefined ? null : JSON.stringify(batch.summary),
    batch.undoneAt,
  );
  return Number(info.lastInsertRowid);
}

export function setBatchSummary(db: WriteDb, id: number, summary: unknown): void {
  preparedWrite(db, 'UPDATE import_batches SET summary = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

export function listBatches(db: ReadDb): ImportBatch[] {
  return (preparedRead(db, 'SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map(toBatch);
}

export function getBatch(db: ReadDb, id: number): ImportBatch | null {
  const row = preparedRead(db, 'SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row ? toBatch(row) : null;
}

export function markBatchUndone(db: WriteDb, id: number, at: string): void {
  preparedWrite(db, 'UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
}

/** An approved appraisal that one of the batch's receipts counts in, if any. */
export function approvedAppraisalFedBy(db: ReadDb, batchId: number): { salesperson: string; quarter: string } | null {
  const row = preparedRead(
    db,
    `SELECT a.salesperson_id AS salesperson, a.quarter FROM receipts r
     JOIN appraisals a ON a.salesperson_id = ${RECEIPT_OWNER} AND a.quarter = ${quarterOf('r.value_date')}
     WHERE r.batch_id = ? AND a.stage IN ('approved', 'archived') LIMIT 1`,
  ).get(batchId) as { salesperson: string; quarter: string } | undefined;
  return row ?? null;
}

/** Deletes the batch's receipts; how many went. */
export function deleteBatchReceipts(db: WriteDb, batchId: number): number {
  return preparedWrite(db, 'DELETE FROM receipts WHERE batch_id = ?').run(batchId).changes;
}

export type BatchRefund = { id: number; customer_id: string | null; value_date: string; currency: string; amount_fen: number };

/** The batch's refunds (money out), in import order. */
export function batchRefunds(db: ReadDb, batchId: number): BatchRefund[] {
  return preparedRead(db, 'SELECT id, customer_id, value_date, currency, amount_fen FROM receipts WHERE batch_id = ? AND amount_fen < 0 ORDER BY id').all(
    batchId,
  ) as BatchRefund[];
}
