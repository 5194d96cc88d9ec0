import type { RowPlan } from '../bank/classify';
import type { Role } from '../bank/headerWords';
import type { StatementSheet } from '../bank/statementLayout';
import type { CreditGrade } from '../domain';
import type { AppraisalReport } from '../engine/appraisal';
import type { AppraisalRecord } from '../entities';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { Suggestion } from '../matching/similarity';
import type { InstalmentRow } from '../receivables/report';
import type { Stage, Step } from '../workflow/steps';
/*
 * What the API's methods answer with, besides the domain's own entities (shared/entities.ts):
 * import reports and previews, workflow items, start-up state, receivables details. The contract
 * (contract.ts) names them per method and re-exports them.
 */

/** A row the report names with why, as a message code and its params (rendered in the UI's language). */
export type ReportedRow = { row: number; code: MessageKey; params: MessageParams };

/**
 * The import report (SPEC §10). Every row read is counted once:
 * read = imported + duplicates + Σ skipped + rejected + flagged.
 */
export type ImportSummary = {
  file: string;
  read: number;
  imported: number;
  refunds: number;
  duplicates: number;
  /** Skipped rows per reason (a MessageKey: skip.footer, skip.fee, skip.outgoing, skip.internal, skip.approvedQuarter …). */
  skipped: Record<string, number>;
  /** Skipped rows whose reason names something: held back because they count in an approved appraisal. */
  held: ReportedRow[];
  unmatched: number;
  flagged: number;
  /** `reason` is the message in zh-CN (the command line's); the UI renders `code` and `params`. */
  rejected: (ReportedRow & { reason: string })[];
  batchId: number | null;
  /** The refunds (negative receipts) this import stored; empty in a preview. */
  refundRows: { receiptId: number; customer: string | null; customerName: string | null; date: string; currency: string; amount: string }[];
};
/** `customerNames`: the name of every customer a row of the preview goes to, so the preview can say who, not only an id. */
export type StatementPlan = { summary: ImportSummary; rows: RowPlan[]; sheet: StatementSheet; customerNames: Record<string, string> };
/** A remembered column mapping (SPEC §10). */
export type ColumnMappingInfo = { headerKey: string; columns: Partial<Record<Role, number>>; createdAt: string };
export type ImportBatch = { id: number; source: string; fileName: string | null; createdAt: string; summary: unknown; undoneAt: string | null };
/** Unmatched receipts from one payer (names that normalise alike), with likely customers. */
/** A recorded assignment of a payer to a customer, undoable as a whole. */
export type PayerAssignment = {
  id: number;
  payer: string;
  customer: string;
  customerName: string;
  aliasAdded: boolean;
  receipts: number;
  cny: string;
  createdAt: string;
  undoneAt: string | null;
};
export type PayerGroup = {
  payer: string;
  key: string;
  count: number;
  /** CNY of the receipts whose value is known; those of a month without a table rate are in `missingRate`, not here. */
  cny: string;
  firstDate: string;
  lastDate: string;
  suggestions: Suggestion[];
  /** Receipts whose month has no table rate: how many, their amounts per currency, and the first month and currency to enter. */
  missingRate?: { count: number; amounts: { currency: string; amount: string }[]; month: string; currency: string };
};

/** A person's place in the quarterly workflow, with the next step and when it is due. */
export type WorkflowItem = {
  salesperson: string;
  name: string;
  quarter: string;
  stage: Stage;
  next: Step | null;
  due: string | null;
  overdue: boolean;
  record: AppraisalRecord;
};
/** An exported workbook: its file name and its bytes as base64. */
export type ExportedForm = { fileName: string; content: string };

export type BackupInfo = { name: string; createdAt: string; size: number };
/** Why the data file was not opened at start: empty although used before, not SQLite, or damaged. */
export type StartupDamage = { reason: 'empty' | 'notDatabase' | 'corrupt'; file: string; message: string };
/** The start's state: `damage` is null when the data file opened and passed its check. */
export type StartupStatus = { damage: StartupDamage | null; backups: BackupInfo[]; newestGood: string | null };

export type LoadSummary = { salespeople: number; customers: number; deals: number; receipts: number; matched: number; unmatched: number };

/** A receipt of one customer with what it paid, instalment by instalment (SPEC §12 allocation as of the date). */
export type ReceiptAllocation = {
  id: number;
  date: string;
  currency: string;
  amount: string;
  ref: string | null;
  payer: string | null;
  deal: string | null;
  allocations: { deal: string; number: number; amount: string }[];
};
/** A customer's drill-down: its instalment rows of the report, its receipts and its unapplied money per currency. */
export type CustomerReceivablesDetail = { instalments: InstalmentRow[]; receipts: ReceiptAllocation[]; unapplied: { currency: string; amount: string }[] };
/** Credit check of a deal being entered (CNY): warn-only. */
export type DealCreditCheck = { exposure: string; after: string; creditLimit: string | null; overLimit: boolean; creditGrade: CreditGrade };
/** An instalment the one-click write-off would take: outstanding in its currency and in CNY. */
export type SmallBalance = { deal: string; number: number; customer: string; currency: string; outstanding: string; cny: string };
/** 坏账 per salesperson and customer, CNY. */
export type BadDebtRow = { salesperson: string; name: string; customer: string; customerName: string; cny: string };

export type AppraisalWarning = { code: MessageKey; message: string; params: MessageParams };
/** An approved person of the quarter: their row in the report is the snapshot taken at 审定. */
export type SnapshotInfo = { salesperson: string; approvedAt: string; approvedBy: string; forcedRanking: boolean; monthlyBaseSalary: string | null };
/** A quarter's report plus what the owner should know about it (never part of `appraise --json`). */
export type QuarterAppraisal = { report: AppraisalReport; warnings: AppraisalWarning[]; snapshots?: SnapshotInfo[] };
