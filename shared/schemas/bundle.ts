import { z } from 'zod';
import {
  count,
  creditLimit,
  decimalText,
  currency,
  entityId,
  errorWeight,
  fxRate,
  isoDate,
  money,
  moneyNonNegative,
  moneyNonZero,
  moneyPositive,
  monthKey,
  optionalText,
  points,
  quarterKey,
  text,
  year,
} from './fields';
import { ROLES, type Role } from '../bank/headerWords';
import { CREDIT_GRADES } from '../domain';
import { commissionPlanSchema, settingsSchema } from './settings';
import { targetSheetSchema } from './targets';

/*
 * The bundle (SPEC §9): a whole company's data as JSON, format "trade-kpi-bundle" version 1.
 * Decimals are strings (numbers are accepted), dates YYYY-MM-DD.
 */

export const companySchema = z.object({ name: text, baseCurrency: z.literal('CNY').default('CNY') });

export const salespersonSchema = z.object({
  id: entityId,
  name: text,
  department: optionalText,
  hiredOn: isoDate.nullish().transform((v) => v ?? null),
  monthlyBaseSalary: moneyNonNegative.default('0.00'),
  performanceBasePay: moneyNonNegative.default('0.00'),
  commissionPlan: entityId.nullish().transform((v) => v ?? null),
  annualBonusBase: moneyNonNegative.nullish().transform((v) => v ?? null),
  leftOn: isoDate.nullish().transform((v) => v ?? null),
});

export const customerSchema = z.object({
  id: entityId,
  name: text,
  country: optionalText,
  owner: entityId.nullish().transform((v) => v ?? null),
  aliases: z.array(text).default([]),
  /** Default payment terms, credit grade and credit limit in CNY (SPEC §12). */
  terms: entityId.nullish().transform((v) => v ?? null),
  creditGrade: z.enum(CREDIT_GRADES).default('B'),
  creditLimit: creditLimit.nullish().transform((v) => v ?? null),
});

export const fxRateSchema = z.object({ month: monthKey, currency, rate: fxRate });

export const dealSchema = z.object({
  id: entityId,
  contractNo: optionalText,
  salesperson: entityId,
  customer: entityId.nullish().transform((v) => v ?? null),
  signedOn: isoDate,
  currency,
  amount: moneyPositive,
  status: z.enum(['active', 'cancelled']).default('active'),
  /** Its own payment terms, 出运日期, and an opening balance (期初应收) with its due date (SPEC §12). */
  terms: entityId.nullish().transform((v) => v ?? null),
  shippedOn: isoDate.nullish().transform((v) => v ?? null),
  openingBalance: moneyPositive.nullish().transform((v) => v ?? null),
  openingDue: isoDate.nullish().transform((v) => v ?? null),
});

export const receiptSchema = z.object({
  ref: optionalText,
  valueDate: isoDate,
  currency,
  /** Negative for refunds (退款). */
  amount: moneyNonZero,
  /** The bank's rate per ONE unit, when the statement gives one. */
  rate: fxRate.nullish().transform((v) => v ?? null),
  /** The bank's own CNY amount, when the statement gives one. */
  cnyAmount: money.nullish().transform((v) => v ?? null),
  /** How the bank quoted `rate`: per one unit, or per 100 units and normalised on import. */
  rateQuotedPer: z
    .union([z.literal(1), z.literal(100)])
    .nullish()
    .transform((v) => v ?? null),
  remitter: optionalText,
  memo: optionalText,
  customer: entityId.nullish().transform((v) => v ?? null),
  /** Set by hand: overrides attribution through the customer. */
  salesperson: entityId.nullish().transform((v) => v ?? null),
  /** Owner of the customer when the receipt was matched, where it differs from today's owner. */
  matchedOwner: entityId.nullish().transform((v) => v ?? null),
  notCustomer: z.boolean().default(false),
  /** The import batch it came from, and its fingerprint where the bank gave no reference. */
  batch: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  fingerprint: optionalText,
  /** The deal it pays, pinned by the user (SPEC §12). */
  deal: entityId.nullish().transform((v) => v ?? null),
});

/** 核销差额 on instalment `number` (from 1) of a deal, in the deal's currency (SPEC §12). */
export const writeOffSchema = z.object({
  deal: entityId,
  number: z.number().int({ message: 'writeOff.number' }).min(1, { message: 'writeOff.number' }),
  date: isoDate,
  amount: moneyPositive,
  kind: z.enum(['bank_charges', 'claim', 'bad_debt']),
  reason: text,
});

export const importBatchSchema = z.object({
  id: z.number().int().positive(),
  source: text,
  fileName: optionalText,
  createdAt: text,
  summary: z.unknown().optional(),
  undoneAt: optionalText,
});

/** A statement column per role (SPEC §10), 0-based, as the user assigned them. */
export const roleColumnsSchema = z.partialRecord(z.enum(ROLES as [Role, ...Role[]]), z.number().int().min(0).max(999));

/** A remembered column mapping: the header (its normalised cells joined by |) and a column per role. */
export const columnMappingSchema = z.object({
  headerKey: text,
  columns: roleColumnsSchema,
  headerRowCells: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? null),
  createdAt: text,
});

export const errorRecordSchema = z.object({ salesperson: entityId, date: isoDate, weight: errorWeight.default(1), note: optionalText });

export const documentCountSchema = z.object({ salesperson: entityId, quarter: quarterKey, count });

/** An adjustment belongs to a quarter, or with `year` to the annual evaluation (SPEC §7). */
export const adjustmentSchema = z
  .object({ salesperson: entityId, quarter: quarterKey.optional(), year: year.optional(), points, reason: text })
  .refine((a) => (a.quarter === undefined) !== (a.year === undefined), { message: 'input.required', path: ['quarter'] });

/** A person's appraisal workflow of one quarter (SPEC §8), kept so that a dump loads back whole. */
export const appraisalRecordSchema = z.object({
  salesperson: entityId,
  quarter: quarterKey,
  stage: z.enum(['none', 'targets', 'self', 'review', 'interview', 'approved', 'archived']),
  steps: z.record(z.string(), z.unknown()).default({}),
  overrideTotal: decimalText.nullish().transform((v) => v ?? null),
  overrideReason: optionalText,
  forcedRanking: z.boolean().default(false),
  result: z.unknown().optional(),
});

/** What was approved (STYLE rule 16), kept so that a dump loads back with the same approved figures. */
export const appraisalSnapshotSchema = z.object({
  salesperson: entityId,
  quarter: quarterKey,
  approvedAt: text,
  approvedBy: z.string(),
  data: z.object({ row: z.record(z.string(), z.unknown()) }).passthrough(),
});

export const bundleSchema = z.object({
  format: z.literal('trade-kpi-bundle'),
  version: z.literal(1),
  company: companySchema,
  settings: settingsSchema.default(() => settingsSchema.parse({})),
  commissionPlans: z.array(commissionPlanSchema).default([]),
  salespeople: z.array(salespersonSchema).default([]),
  customers: z.array(customerSchema).default([]),
  fxRates: z.array(fxRateSchema).default([]),
  deals: z.array(dealSchema).default([]),
  receipts: z.array(receiptSchema).default([]),
  errors: z.array(errorRecordSchema).default([]),
  documents: z.array(documentCountSchema).default([]),
  targets: z.array(targetSheetSchema).default([]),
  adjustments: z.array(adjustmentSchema).default([]),
  importBatches: z.array(importBatchSchema).default([]),
  appraisals: z.array(appraisalRecordSchema).default([]),
  columnMappings: z.array(columnMappingSchema).optional(),
  appraisalSnapshots: z.array(appraisalSnapshotSchema).default([]),
  writeOffs: z.array(writeOffSchema).default([]),
});

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleInput = z.input<typeof bundleSchema>;
export type BundleSalesperson = z.infer<typeof salespersonSchema>;
export type BundleCustomer = z.infer<typeof customerSchema>;
export type BundleDeal = z.infer<typeof dealSchema>;
export type BundleReceipt = z.infer<typeof receiptSchema>;
export type BundleErrorRecord = z.infer<typeof errorRecordSchema>;
export type BundleDocumentCount = z.infer<typeof documentCountSchema>;
export type BundleTargetSheet = z.infer<typeof targetSheetSchema>;
export type BundleAdjustment = z.infer<typeof adjustmentSchema>;
export type BundleFxRate = z.infer<typeof fxRateSchema>;
export type BundleImportBatch = z.infer<typeof importBatchSchema>;
export type BundleColumnMapping = z.infer<typeof columnMappingSchema>;
export type BundleWriteOff = z.infer<typeof writeOffSchema>;
export type SalespersonInput = z.input<typeof salespersonSchema>;
export type ReceiptInput = z.input<typeof receiptSchema>;
export type TargetIndicatorInput = z.input<typeof targetSheetSchema>['indicators'][number];
