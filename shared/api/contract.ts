import { z } from 'zod';
import type { CommissionPlan, Salesperson, Settings } from '../domain';
import type { AnnualReport } from '../engine/annual';
import type { CommissionStatement } from '../engine/commissionStatement';
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
  StoredWriteOff,
  TargetSheet,
  Deal,
} from '../entities';
import { CREDIT_GRADES } from '../domain';
import type { InstalmentRow, ReceivablesReport } from '../receivables/report';
import type { BundleInput } from '../schemas/bundle';
import {
  roleColumnsSchema,
  companySchema,
  customerSchema,
  dealSchema,
  errorRecordSchema,
  fxRateSchema,
  receiptSchema,
  salespersonSchema,
  writeOffSchema,
} from '../schemas/bundle';
import { count, currency, entityId, isoDate, moneyPositive, monthKey, points, quarterKey, searchText, text, year } from '../schemas/fields';
import { commissionPlanSchema, settingsUpdateSchema } from '../schemas/settings';
import { targetSheetSchema } from '../schemas/targets';
import type { Result } from './errors';
import type {
  ImportSummary,
  StatementPlan,
  ColumnMappingInfo,
  ImportBatch,
  PayerAssignment,
  PayerGroup,
  WorkflowItem,
  ExportedForm,
  BackupInfo,
  StartupStatus,
  LoadSummary,
  CustomerReceivablesDetail,
  DealCreditCheck,
  SmallBalance,
  BadDebtRow,
  QuarterAppraisal,
} from './values';
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
const adjustmentArgs = z.object({
  salesperson: entityId,
  period: z.union([quarterKey, z.string().regex(/^\d{4}$/, { message: 'input.year' })]),
  points,
  reason: text,
});

/** A statement file as its bytes (base64), with the user's answers for undecided rates. */
const statementArgs = z.object({
  fileName: text,
  content: z.string(),
  decisions: z.record(z.string().regex(/^\d+$/), z.union([z.literal(1), z.literal(100)])).default({}),
});

/** The user's assignment of a statement's columns (SPEC §10): 0-based header row and column per role. */
const columnMappingArgs = z.object({ headerRow: z.number().int().min(0), columns: roleColumnsSchema });
/**
 * `pending`: the duplicate keys of the rows to import from files the user dropped before this one,
 * which the commit stores first (so the preview of overlapping statements matches the commit).
 */
const pendingRows = z
  .array(z.object({ file: text, keys: z.array(z.string().max(200)).max(200_000) }))
  .max(100)
  .optional();
const previewArgs = statementArgs.extend({ mapping: columnMappingArgs.optional(), pending: pendingRows });
/** `remember`: store the mapping under the file's header key, for the next file with that header. */
const commitArgs = previewArgs.omit({ pending: true }).extend({ remember: z.boolean().default(true) });

export const apiArgs = {
  'company.get': none,
  'company.update': companySchema,
  'settings.get': none,
  'settings.update': settingsUpdateSchema,
  'plans.list': none,
  'plans.save': commissionPlanSchema,
  'plans.delete': byId,
  'salespeople.list': none,
  'salespeople.create': salespersonSchema,
  'salespeople.update': salespersonSchema,
  'salespeople.delete': byId,
  'customers.list': z.object({ search: searchText.optional(), ...paging, ...keyset }),
  'customers.create': customerSchema,
  'customers.update': customerSchema,
  'customers.delete': byId,
  'fxRates.list': z.object({ year: year.optional() }),
  'fxRates.set': fxRateSchema,
  'fxRates.delete': z.object({ month: monthKey, currency }),
  'fxRates.setMonth': z.object({ month: monthKey, rates: z.array(fxRateSchema.omit({ month: true })).min(1) }),
  'deals.list': z.object({ quarter: quarterKey.optional(), salesperson: entityId.optional(), ...paging, ...keyset }),
  'deals.create': dealSchema,
  'deals.update': dealSchema,
  'deals.delete': byId,
  'receipts.list': z.object({ quarter: quarterKey.optional(), salesperson: entityId.optional(), unmatched: z.boolean().optional(), ...paging, ...keyset }),
  'receipts.create': receiptSchema,
  // An update that leaves `deal` out keeps the receipt's pin (forms that do not show pins must not drop them).
  'receipts.update': receiptSchema.extend({ id: z.number().int().positive(), deal: entityId.nullish() }),
  'receipts.delete': byRowId,
  'receipts.setNotCustomer': z.object({ id: z.number().int().positive(), notCustomer: z.boolean() }),
  'receipts.pin': z.object({ id: z.number().int().positive(), deal: entityId.nullable() }),
  // `instalments: false` leaves the instalment rows out (a large company has hundreds of thousands): page them with receivables.instalments.
  // `customers: false` leaves the customer rows out (tens of thousands): for views that show totals and salespeople only.
  'receivables.report': z.object({ asOf: isoDate, instalments: z.boolean().default(true), customers: z.boolean().default(true) }),
  'receivables.instalments': z.object({
    asOf: isoDate,
    customer: entityId.optional(),
    salesperson: entityId.optional(),
    deal: entityId.optional(),
    receivable: z.boolean().optional(),
    overdueOnly: z.boolean().default(false),
    sort: z.enum(['deal', 'dueDate', 'daysOverdue', 'outstanding']).default('deal'),
    descending: z.boolean().default(false),
    ...paging,
  }),
  'receivables.customer': z.object({ customer: entityId, asOf: isoDate }),
  'receivables.dealCheck': z.object({ customer: entityId, currency, amount: moneyPositive, signedOn: isoDate, deal: entityId.optional() }),
  'receivables.badDebts': z.object({ asOf: isoDate }),
  'writeOffs.list': z.object({ deal: entityId.optional(), customer: entityId.optional() }),
  'writeOffs.create': writeOffSchema,
  'writeOffs.delete': byRowId,
  'writeOffs.smallBalances': z.object({ asOf: isoDate }),
  'writeOffs.writeOffSmall': z.object({ asOf: isoDate, reason: text.optional() }),
  'customers.acceptGrade': z.object({ customer: entityId, grade: z.enum(CREDIT_GRADES), asOf: isoDate }),
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
  'bankImport.preview': previewArgs,
  'bankImport.commit': commitArgs,
  'columnMappings.list': none,
  'columnMappings.delete': z.object({ headerKey: text }),
  'batches.list': none,
  'batches.undo': byRowId,
  'payers.unmatched': none,
  'payers.assign': z.object({ payer: text, customer: entityId }),
  'payers.assignments': none,
  'payers.undoAssign': byRowId,
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
  'statements.get': z.object({ quarter: quarterKey, salesperson: entityId }),
  'statements.export': z.object({ quarter: quarterKey, salesperson: entityId.optional() }),
  'pay.export': z.object({ quarter: quarterKey }),
  'bundle.load': z.object({ bundle: z.unknown(), source: z.string().optional() }),
  'bundle.dump': none,
  'appraisal.quarter': z.object({ quarter: quarterKey }),
  'appraisal.year': z.object({ year }),
  'audit.list': z.object(paging),
  'backups.list': none,
  'backups.create': none,
  'backups.restore': z.object({ name: z.string() }),
  'startup.status': none,
  'startup.restore': z.object({ name: z.string() }),
} as const;

export type ApiMethod = keyof typeof apiArgs;

// What the methods answer with, besides the entities: importers keep taking it from the contract.
export type * from './values';

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
  'fxRates.setMonth': FxRate[];
  'deals.list': Page<DealView>;
  'deals.create': Deal;
  'deals.update': Deal;
  'deals.delete': null;
  'receipts.list': Page<ReceiptView>;
  'receipts.create': StoredReceipt;
  'receipts.update': StoredReceipt;
  'receipts.delete': null;
  'receipts.setNotCustomer': StoredReceipt;
  'receipts.pin': StoredReceipt;
  'receivables.report': ReceivablesReport;
  'receivables.instalments': Page<InstalmentRow>;
  'receivables.customer': CustomerReceivablesDetail;
  'receivables.dealCheck': DealCreditCheck;
  'receivables.badDebts': BadDebtRow[];
  'writeOffs.list': StoredWriteOff[];
  'writeOffs.create': StoredWriteOff;
  'writeOffs.delete': null;
  'writeOffs.smallBalances': SmallBalance[];
  'writeOffs.writeOffSmall': { created: number };
  'customers.acceptGrade': Customer;
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
  'columnMappings.list': ColumnMappingInfo[];
  'columnMappings.delete': { deleted: boolean };
  'batches.list': ImportBatch[];
  'batches.undo': { removed: number };
  'payers.unmatched': PayerGroup[];
  'payers.assign': { matched: number; assignment: number };
  'payers.assignments': PayerAssignment[];
  'payers.undoAssign': { unassigned: number };
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
  'statements.get': CommissionStatement;
  'statements.export': ExportedForm;
  'pay.export': ExportedForm;
  'bundle.load': LoadSummary;
  'bundle.dump': BundleInput;
  'appraisal.quarter': QuarterAppraisal;
  'appraisal.year': AnnualReport;
  'audit.list': Page<AuditEntry>;
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': null;
  'startup.status': StartupStatus;
  'startup.restore': null;
};

export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiValidArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** What the UI sees: every method returns its result or an error as a value. */
export type Api = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>> };

/** What the services implement: validated arguments in, a result out, `DomainError` thrown. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiValidArgs<M>) => ApiResults[M] | Promise<ApiResults[M]> };
