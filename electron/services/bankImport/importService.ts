import type { ImportSummary, StatementPlan } from '../../../shared/api/contract';
import { DomainError } from '../../../shared/api/errors';
import { classifyStatement, type RateDecisions, type RowPlan } from '../../../shared/bank/classify';
import type { ColumnMapping } from '../../../shared/bank/columnMapping';
import { normalizeRates, type TableRate } from '../../../shared/bank/rateNormalization';
import { readRow, type RowOutcome } from '../../../shared/bank/statementRows';
import { message } from '../../../shared/i18n/messages';
import { readStatement } from '../../bank/readStatement';
import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/repositories/auditLog';
import { insertBatch, setBatchSummary } from '../../db/repositories/importBatches';
import { insertImportedReceipts } from '../../db/repositories/receipts';
import { inTransaction } from '../../db/statements';
import { rememberMapping, resolveLayout, type Resolved } from './columnMappingStub';
import { importContext } from './importContext';


/**
 * The reader (SPEC §10): the file's cells, the header (the user's mapping, one remembered for
 * that header, or found by its words), columns assigned to roles, every row's date, amount,
 * sign, direction, currency and names read, and its rate normalised per unit (against the
 * company's table rates). `layout` is null when no header is recognised.
 */
export async function readOutcomes(db: Db, bytes: Uint8Array, file: string, tableRate: TableRate, mapping?: ColumnMapping): Promise<Resolved & { outcomes: RowOutcome[] }> {
  const resolved = resolveLayout(db, await readStatement(bytes, file), file, mapping);
  const { grid, layout } = resolved;
  if (!layout) return { ...resolved, outcomes: [] };
  const outcomes = grid.slice(layout.headerRow + 1).flatMap((cells, i) => readRow(cells ?? [], layout.headerRow + i + 2, layout) ?? []);
  normalizeRates(outcomes, tableRate);
  return { ...resolved, outcomes };
}

function summarize(file: string, rows: readonly RowPlan[], batchId: number | null): ImportSummary {
  const summary: ImportSummary = { file, read: rows.length, imported: 0, refunds: 0, duplicates: 0, skipped: {}, unmatched: 0, flagged: 0, rejected: [], batchId };
  for (const r of rows) {
    if (r.fate === 'new') {
      summary.imported++;
      if (r.refund) summary.refunds++;
      if (r.receipt?.customer === null) summary.unmatched++;
    } else if (r.fate === 'duplicate') summary.duplicates++;
    else if (r.fate === 'flagged') summary.flagged++;
    else if (r.fate === 'skipped' && r.reason) summary.skipped[r.reason] = (summary.skipped[r.reason] ?? 0) + 1;
    else if (r.fate === 'rejected' && r.reason) summary.rejected.push({ row: r.row, reason: message(r.reason, r.params) });
  }
  return summary;
}

/** What importing the statement would do, row by row; writes nothing. */
export async function previewStatement(db: Db, bytes: Uint8Array, file: string, decisions: RateDecisions = {}, mapping?: ColumnMapping): Promise<StatementPlan> {
  const ctx = importContext(db);
  const { outcomes, sheet } = await readOutcomes(db, bytes, file, ctx.tableRate, mapping);
  const rows = classifyStatement(outcomes, ctx, decisions);
  return { summary: summarize(file, rows, null), rows, sheet };
}

/**
 * Imports the statement's new receipts as one batch in one transaction. Rows whose rate is
 * still undecided are rejected; when nothing is new, no batch is made and nothing changes.
 */
export async function importStatement(db: Db, bytes: Uint8Array, file: string, decisions: RateDecisions = {}, mapping?: ColumnMapping, remember = true): Promise<ImportSummary> {
  const ctx = importContext(db);
  const { outcomes, layout, grid } = await readOutcomes(db, bytes, file, ctx.tableRate, mapping);
  if (!layout) throw new DomainError('bank.noHeader', { file });
  return inTransaction(db, () => {
    if (mapping && remember) rememberMapping(db, grid, mapping);
    const rows = classifyStatement(outcomes, ctx, decisions, true);
    const fresh = rows.flatMap((r) => (r.fate === 'new' && r.receipt ? [r.receipt] : []));
    if (fresh.length === 0) return summarize(file, rows, null);
    const batchId = insertBatch(db, { source: 'bank', fileName: file, createdAt: new Date().toISOString(), summary: null, undoneAt: null });
    insertImportedReceipts(db, fresh, batchId);
    const summary = summarize(file, rows, batchId);
    setBatchSummary(db, batchId, summary);
    appendAudit(db, { action: 'bankImport.commit', entity: 'import_batch', entityId: String(batchId), detail: { file, imported: summary.imported } });
    return summary;
  });
}
