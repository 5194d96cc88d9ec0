import type { ImportSummary, StatementPlan } from '../../../shared/api/contract';
import { DomainError } from '../../../shared/api/errors';
import { classifyEach, classifyStatement, type PlannedReceipt, type RateDecisions, type RowPlan } from '../../../shared/bank/classify';
import type { TableRate } from '../../../shared/bank/rateNormalization';
import type { ColumnMapping } from '../../../shared/bank/statementLayout';
import type { RowOutcome } from '../../../shared/bank/statementRows';
import { message } from '../../../shared/i18n/messages';
import { fenToText } from '../../../shared/money';
import { readBankStatement, type StatementRead } from '../../bank/statementReader';
import type { ReadDb, WriteDb } from '../../db/handles';
import { appendAudit } from '../../db/repositories/auditLog';
import { rememberedColumns, saveColumnMapping } from '../../db/repositories/columnMappings';
import { batchRefunds, insertBatch, setBatchSummary } from '../../db/repositories/importBatches';
import { insertImportedReceipts } from '../../db/repositories/receipts';
import { customerNames } from '../../db/repositories/customers';
import { inTransaction } from '../../db/statements';
import { importContext } from './importContext';

/** Receipts stored per insert call while a statement is classified. */
const INSERT_CHUNK = 1000;

/**
 * How a file's columns are known: the user's mapping for it (remembered at commit unless
 * `remember` is false); for a preview, the rows of files to be imported before it (`pending`).
 */
export type StatementOptions = {
  mapping?: ColumnMapping | undefined;
  remember?: boolean | undefined;
  pending?: readonly { file: string; keys: readonly string[] }[] | undefined;
};

/** Duplicate key → the first pending file that holds it. */
function pendingKeys(pending: StatementOptions['pending']): Map<string, string> | undefined {
  if (!pending || pending.length === 0) return undefined;
  const keys = new Map<string, string>();
  for (const { file, keys: list } of pending) for (const key of list) if (!keys.has(key)) keys.set(key, file);
  return keys;
}

/**
 * The reader's rows of a statement (SPEC §10), for callers that want them alone (the bench):
 * header words or a remembered mapping; a file without a header is `bank.noHeader`.
 */
export async function readOutcomes(bytes: Uint8Array, file: string, tableRate: TableRate): Promise<RowOutcome[]> {
  const read = await readBankStatement(bytes, file, { tableRate });
  if (!read.layout) throw new DomainError('bank.noHeader', { file });
  return read.outcomes;
}

/** The statement read with what the database knows: table rates, remembered mappings, the company's name. */
async function read(db: ReadDb, bytes: Uint8Array, file: string, options: StatementOptions) {
  const ctx = { ...importContext(db), pending: pendingKeys(options.pending) };
  const statement = await readBankStatement(bytes, file, {
    tableRate: ctx.tableRate,
    mapping: options.mapping,
    remembered: rememberedColumns(db),
    ownKey: ctx.companyKey,
  });
  return { ctx, statement };
}

/** Adds one row's plan to the import report. */
function count(summary: ImportSummary, r: RowPlan): void {
  summary.read++;
  if (r.fate === 'new') {
    summary.imported++;
    if (r.refund) summary.refunds++;
    if (r.receipt?.customer === null) summary.unmatched++;
  } else if (r.fate === 'duplicate') summary.duplicates++;
  else if (r.fate === 'flagged') summary.flagged++;
  else if (r.fate === 'skipped' && r.reason) {
    summary.skipped[r.reason] = (summary.skipped[r.reason] ?? 0) + 1;
    if (Object.keys(r.params).length > 0) summary.held.push({ row: r.row, code: r.reason, params: r.params });
  } else if (r.fate === 'rejected' && r.reason) summary.rejected.push({ row: r.row, code: r.reason, params: r.params, reason: message(r.reason, r.params) });
}

const emptySummary = (file: string, batchId: number | null): ImportSummary => ({
  file,
  read: 0,
  imported: 0,
  refunds: 0,
  duplicates: 0,
  skipped: {},
  held: [],
  unmatched: 0,
  flagged: 0,
  rejected: [],
  batchId,
  refundRows: [],
});

function summarize(file: string, rows: readonly RowPlan[], batchId: number | null): ImportSummary {
  const summary = emptySummary(file, batchId);
  for (const r of rows) count(summary, r);
  return summary;
}

/**
 * What importing the statement would do, row by row; writes nothing. A file whose header is not
 * recognised previews with no rows and `sheet.source` null, so the user can assign its columns.
 */
export async function previewStatement(
  db: ReadDb,
  bytes: Uint8Array,
  file: string,
  decisions: RateDecisions = {},
  options: StatementOptions = {},
): Promise<StatementPlan> {
  const { ctx, statement } = await read(db, bytes, file, options);
  const rows = statement.layout ? classifyStatement(statement.outcomes, ctx, decisions) : [];
  const names = customerNames(
    db,
    rows.map((r) => r.receipt?.customer ?? null),
  );
  return { summary: summarize(file, rows, null), rows, sheet: statement.sheet, customerNames: Object.fromEntries(names) };
}

/** The user's mapping, stored under the file's header key so the next file with that header needs none. */
function remember(db: WriteDb, statement: StatementRead, options: StatementOptions): void {
  if (!options.mapping || options.remember === false || !statement.sheet.headerKey) return;
  saveColumnMapping(db, {
    headerKey: statement.sheet.headerKey,
    columns: options.mapping.columns,
    headerRowCells: statement.headerCells,
    createdAt: new Date().toISOString(),
  });
}

function refundsOf(db: ReadDb, batchId: number): ImportSummary['refundRows'] {
  const refunds = batchRefunds(db, batchId);
  const names = customerNames(
    db,
    refunds.map((r) => r.customer_id),
  );
  return refunds.map((r) => ({
    receiptId: r.id,
    customer: r.customer_id,
    customerName: r.customer_id === null ? null : (names.get(r.customer_id) ?? null),
    date: r.value_date,
    currency: r.currency,
    amount: fenToText(r.amount_fen),
  }));
}

/**
 * Imports the statement's new receipts as one batch in one transaction: the service only
 * deduplicates, matches, classifies and commits what the reader gives. Rows whose rate is still
 * undecided are rejected; rows that would change an approved appraisal are held back; when
 * nothing is new, no batch is made (a mapping the user gave is still remembered).
 */
export async function importStatement(
  db: WriteDb,
  bytes: Uint8Array,
  file: string,
  decisions: RateDecisions = {},
  options: StatementOptions = {},
): Promise<ImportSummary> {
  const { ctx, statement } = await read(db, bytes, file, options);
  if (!statement.layout) throw new DomainError('bank.noHeader', { file });
  return inTransaction(db, () => {
    remember(db, statement, options);
    // Plans are counted and their receipts stored as they come, a chunk at a time (issue 8.6):
    // the commit keeps no plan per row, only the report; the batch is made with its first receipt.
    const summary = emptySummary(file, null);
    let batchId: number | null = null;
    let fresh: PlannedReceipt[] = [];
    const store = () => {
      if (fresh.length === 0) return;
      batchId ??= insertBatch(db, { source: 'bank', fileName: file, createdAt: new Date().toISOString(), summary: null, undoneAt: null });
      insertImportedReceipts(db, fresh, batchId);
      fresh = [];
    };
    classifyEach(statement.outcomes, ctx, decisions, true, (r) => {
      count(summary, r);
      if (r.fate === 'new' && r.receipt) fresh.push(r.receipt);
      if (fresh.length >= INSERT_CHUNK) store();
    });
    store();
    if (batchId === null) return summary;
    summary.batchId = batchId;
    summary.refundRows = refundsOf(db, batchId);
    setBatchSummary(db, batchId, summary);
    appendAudit(db, { action: 'bankImport.commit', entity: 'import_batch', entityId: String(batchId), detail: { file, imported: summary.imported } });
    return summary;
  });
}
