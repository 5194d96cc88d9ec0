import { z } from 'zod';
import type { CommissionPlan, Salesperson, Settings } from '../domain';
import type { RowPlan } from '../bank/classify';
import type { AnnualReport } from '../engine/annual';
import type { Suggestion } from '../matching/similarity';
import type { AppraisalReport } from '../engine/appraisal';
import type {
  AppraisalRecord,
  AuditEntry,
  Company,
  Customer,
  DealView,
  DocumentCount,
  FxRate,
  Page,
  ReceiptView,
  StoredAdjustment,
  StoredErrorRecord,
  StoredReceipt,
  TargetSheet,
  Deal,
} from '../entities';
import type { BundleInput } from '../schemas/bundle';
import {
  companySchema,
  customerSchema,
  dealSchema,
  errorRecordSchema,
  fxRateSchema,
  receiptSchema,
  salespersonSchema,
} from '../schemas/bundle';
import { count, currency, entityId, isoDate, monthKey, points, quarterKey, text, year } from '../schemas/fields';
import { commissionPlanSchema, settingsSchema } from '../schemas/settings';
import { targetSheetSchema } from '../schemas/targets';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { Result } from './errors';
import type { Stage, Step } from '../workflow/steps';
import {
  approveSchema,
  archiveSchema,
  confirmTargetsSchema,
  interviewSchema,
  overrideSchema,
  reopenSchema,
  reviewSchema,
  selfAssessSchema,
} from '../schemas/workflow';

/*
 * The one API the UI calls (STYLE rule 2): method name → argument schema, and method name →
 * result type. The services implement `ApiHandlers`, the dispatcher validates every argument
 * with these schemas, and the Electron preload and the web host both expose `Api`.
 */

const none = z.object({});
const byId = z.object({ id: entityId });
const byRowId = z.object({ id: z.number().int().positive() });
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
/** The `next` of the previous page: the list continues after that row, in the same order. */
const keyset = { after: z.string().max(300).optional() };
const adjustmentArgs = z
  .object({ salesperson: entityId, period: z.union([quarterKey, z.string().regex(/^\d{4}$/, { message: 'input.year' })]), points, reason: text });

/** A statement file as its bytes (base64), with the user's answers for undecided rates. */
const statementArgs = z.object({
  fileName: text,
  content: z.string(),
  decisions: z.record(z.string().regex(/^\d+$/), z.union([z.literal(1), z.literal(100)])).default({}),
});

export const apiArgs = {
  'company.get': none,
  'company.update': companySchema,
  'settings.get': none,
  'settings.update': settingsSchema.partial(),
  'plans.list': none,
  'plans.save': commissionPlanSchema,
  'plans.delete': byId,
  'salespeople.list': none,
  'salespeople.create': salespersonSchema,
  'salespeople.update': salespersonSchema,
  'salespeople.delete': byId,
  'customers.list': z.object({ search: z.string().optional(), ...paging, ...keyset }),
  'customers.create': customerSchema,
  'customers.update': customerSchema,
  'customers.delete': byId,
  'fxRates.list': z.object({ year: year.optional() }),
  'fxRates.set': fxRateSchema,
  'fxRates.delete': z.object({ month: monthKey, currency }),
  'deals.list': z.object({ quarter: quarterKey.optional(), salesperson: entityId.optional(), ...paging, ...keyset }),
  'deals.create': dealSchema,
  'deals.update': dealSchema,
  'deals.delete': byId,
  'receipts.list': z.object({ quarter: quarterKey.optional(), salesperson: entityId.optional(), unmatched: z.boolean().optional(), ...paging, ...keyset }),
  'receipts.create': receiptSchema,
  'receipts.update': receiptSchema.extend({ id: z.number().int().positive() }),
  'receipts.delete': byRowId,
  'receipts.setNotCustomer': z.object({ id: z.number().int().positive(), notCustomer: z.boolean() }),
  'errors.list': z.object({ quarter: quarterKey.optional(), salesperson: entityId.optional() }),
  'errors.create': errorRecordSchema,
  'errors.update': errorRecordSchema.extend({ id: z.number().int().positive() }),
  'errors.delete': byRowId,
  'documents.list': z.object({ quarter: quarterKey.optional() }),
  'documents.set': z.object({ salesperson: entityId, quarter: quarterKey, count: count.nullable() }),
  'targets.list': z.object({ quarter: quarterKey.optional() }),
  'targets.set': targetSheetSchema,
  'targets.delete': z.object({ salesperson: entityId, quarter: quarterKey }),
  'adjustments.list': z.object({ period: z.string().optional(), salesperson: entityId.optional() }),
  'adjustments.create': adjustmentArgs,
  'adjustments.update': adjustmentArgs.extend({ id: z.number().int().positive() }),
  'adjustments.delete': byRowId,
  'targets.copyFromPrevious': z.object({ quarter: quarterKey, overwrite: z.boolean().default(false) }),
  'bankImport.preview': statementArgs,
  'bankImport.commit': statementArgs,
  'batches.list': none,
  'batches.undo': byRowId,
  'payers.unmatched': none,
  'payers.assign': z.object({ payer: text, customer: entityId }),
  'workflow.list': z.object({ quarter: quarterKey, today: isoDate.optional() }),
  'workflow.due': z.object({ today: isoDate.optional() }),
  'workflow.confirmTargets': confirmTargetsSchema,
  'workflow.selfAssess': selfAssessSchema,
  'workflow.review': reviewSchema,
  'workflow.interview': interviewSchema,
  'workflow.override': overrideSchema,
  'workflow.approve': approveSchema,
  'workflow.archive': archiveSchema,
  'workflow.reopen': reopenSchema,
  'forms.export': z.object({ quarter: quarterKey, perPerson: z.boolean().default(false) }),
  'forms.importSelfReview': z.object({ fileName: text, content: z.string(), quarter: quarterKey.optional() }),
  'bundle.load': z.object({ bundle: z.unknown(), source: z.string().optional() }),
  'bundle.dump': none,
  'appraisal.quarter': z.object({ quarter: quarterKey }),
  'appraisal.year': z.object({ year }),
  'audit.list': z.object(paging),
  'backups.list': none,
  'backups.create': none,
  'backups.restore': z.object({ name: z.string() }),
} as const;

export type ApiMethod = keyof typeof apiArgs;

/** The import report (SPEC §10). */
export type ImportSummary = {
  file: string;
  read: number;
  imported: number;
  refunds: number;
  duplicates: number;
  skipped: Record<string, number>;
  unmatched: number;
  flagged: number;
  rejected: { row: number; reason: string }[];
  batchId: number | null;
};
export type StatementPlan = { summary: ImportSummary; rows: RowPlan[] };
export type ImportBatch = { id: number; source: string; fileName: string | null; createdAt: string; summary: unknown; undoneAt: string | null };
/** Unmatched receipts from one payer (names that normalise alike), with likely customers. */
export type PayerGroup = { payer: string; key: string; count: number; cny: string; firstDate: string; lastDate: string; suggestions: Suggestion[] };

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

export type LoadSummary = { salespeople: number; customers: number; deals: number; receipts: number; matched: number; unmatched: number };

export type AppraisalWarning = { code: MessageKey; message: string; params: MessageParams };
/** A quarter's report plus what the owner should know about it (never part of `appraise --json`). */
export type QuarterAppraisal = { report: AppraisalReport; warnings: AppraisalWarning[] };

export type ApiResults = {
  'company.get': Company | null;
  'company.update': Company;
  'settings.get': Settings;
  'settings.update': Settings;
  'plans.list': CommissionPlan[];
  'plans.save': CommissionPlan;
  'plans.delete': null;
  'salespeople.list': Salesperson[];
  'salespeople.create': Salesperson;
  'salespeople.update': Salesperson;
  'salespeople.delete': null;
  'customers.list': Page<Customer>;
  'customers.create': Customer;
  'customers.update': Customer;
  'customers.delete': null;
  'fxRates.list': FxRate[];
  'fxRates.set': FxRate;
  'fxRates.delete': null;
  'deals.list': Page<DealView>;
  'deals.create': Deal;
  'deals.update': Deal;
  'deals.delete': null;
  'receipts.list': Page<ReceiptView>;
  'receipts.create': StoredReceipt;
  'receipts.update': StoredReceipt;
  'receipts.delete': null;
  'receipts.setNotCustomer': StoredReceipt;
  'errors.list': StoredErrorRecord[];
  'errors.create': StoredErrorRecord;
  'errors.update': StoredErrorRecord;
  'errors.delete': null;
  'documents.list': DocumentCount[];
  'documents.set': DocumentCount | null;
  'targets.list': TargetSheet[];
  'targets.set': TargetSheet;
  'targets.delete': null;
  'adjustments.list': StoredAdjustment[];
  'adjustments.create': StoredAdjustment;
  'adjustments.update': StoredAdjustment;
  'adjustments.delete': null;
  'targets.copyFromPrevious': TargetSheet[];
  'bankImport.preview': StatementPlan;
  'bankImport.commit': ImportSummary;
  'batches.list': ImportBatch[];
  'batches.undo': { removed: number };
  'payers.unmatched': PayerGroup[];
  'payers.assign': { matched: number };
  'workflow.list': WorkflowItem[];
  'workflow.due': WorkflowItem[];
  'workflow.confirmTargets': AppraisalRecord;
  'workflow.selfAssess': AppraisalRecord;
  'workflow.review': AppraisalRecord;
  'workflow.interview': AppraisalRecord;
  'workflow.override': AppraisalRecord;
  'workflow.approve': QuarterAppraisal;
  'workflow.archive': AppraisalRecord[];
  'workflow.reopen': AppraisalRecord;
  'forms.export': ExportedForm[];
  'forms.importSelfReview': AppraisalRecord;
  'bundle.load': LoadSummary;
  'bundle.dump': BundleInput;
  'appraisal.quarter': QuarterAppraisal;
  'appraisal.year': AnnualReport;
  'audit.list': Page<AuditEntry>;
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': null;
};

export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiValidArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** What the UI sees: every method returns its result or an error as a value. */
export type Api = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>> };

/** What the services implement: validated arguments in, a result out, `DomainError` thrown. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiValidArgs<M>) => ApiResults[M] | Promise<ApiResults[M]> };
