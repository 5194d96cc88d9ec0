import type { CreditGrade, DealStatus, TargetIndicator } from './domain';

/*
 * Records as the API hands them out: plain data, decimals as text. The store maps its rows to
 * and from these shapes; the UI and the bundle use them as they are.
 */

export type Company = { name: string; baseCurrency: 'CNY' };

export type Customer = {
  id: string;
  name: string;
  country: string | null;
  owner: string | null;
  aliases: string[];
  /** Default payment terms (an id of the setting `paymentTerms`), credit grade and limit in CNY (SPEC §12). */
  terms: string | null;
  creditGrade: CreditGrade;
  creditLimit: string | null;
};

export type FxRate = { month: string; currency: string; rate: string };

export type Deal = {
  id: string;
  contractNo: string | null;
  salesperson: string;
  customer: string | null;
  signedOn: string;
  currency: string;
  amount: string;
  status: DealStatus;
  /** Its own payment terms, 出运日期, and the 期初应收 still owed at `receivablesFrom` with its due date (SPEC §12). */
  terms: string | null;
  shippedOn: string | null;
  openingBalance: string | null;
  openingDue: string | null;
};
/** A deal as lists show it, with its CNY value (null while the month's rate is missing). */
export type DealView = Deal & { cny: string | null; customerName?: string | null };

export type Receipt = {
  ref: string | null;
  valueDate: string;
  currency: string;
  /** Negative for a refund. */
  amount: string;
  /** The bank's rate per ONE unit. */
  rate: string | null;
  /** The bank's own CNY amount. */
  cnyAmount: string | null;
  /** How the bank quoted `rate`: per one unit, or per 100 units (normalised on import). */
  rateQuotedPer: 1 | 100 | null;
  remitter: string | null;
  memo: string | null;
  customer: string | null;
  /** Set by hand; wins over the customer's owner. */
  salesperson: string | null;
  /** Owner of the customer at the time of matching (SPEC §3). */
  matchedOwner: string | null;
  /** 非客户回款: counts for nobody and is not reported as unmatched. */
  notCustomer: boolean;
  /** The deal this receipt pays, pinned by the user (an L/C or a deposit naming its contract). */
  deal: string | null;
  batchId: number | null;
  /** Identifies a receipt the bank gave no reference for (SPEC §10 duplicates). */
  fingerprint: string | null;
};
export type StoredReceipt = Receipt & { id: number };
/** A receipt as lists show it: its CNY value, whether that is estimated (估算), who it counts for. */
export type ReceiptView = StoredReceipt & { cny: string | null; estimated: boolean; creditedTo: string | null; customerName?: string | null };

export type WriteOffKind = 'bank_charges' | 'claim' | 'bad_debt';
/** 核销差额 on one instalment of a deal, in the deal's currency (SPEC §12). */
export type WriteOff = { deal: string; number: number; date: string; amount: string; kind: WriteOffKind; reason: string };
export type StoredWriteOff = WriteOff & { id: number };

export type ErrorRecord = { salesperson: string; date: string; weight: number; note: string | null };
export type StoredErrorRecord = ErrorRecord & { id: number };

export type DocumentCount = { salesperson: string; quarter: string; count: number };

export type TargetSheet = { salesperson: string; quarter: string; indicators: TargetIndicator[] };

/** 加扣分: `period` is a quarter ("2026Q3") or, for the annual evaluation, a year ("2026"). */
export type Adjustment = { salesperson: string; period: string; points: string; reason: string };
export type StoredAdjustment = Adjustment & { id: number };

export type AuditEntry = { id: number; at: string; actor: string | null; action: string; entity: string | null; entityId: string | null; detail: unknown };

/**
 * One page of a long list; lists of deals and receipts are never sent whole. `next` is the key
 * to pass as `after` for the following page (null after the last): paging by key costs the
 * same at the end of a list as at its start, where an OFFSET re-reads every row before it.
 */
export type Page<T> = { rows: T[]; total: number; offset: number; limit: number; next?: string | null };

/** A person's appraisal of one quarter as the workflow keeps it (SPEC §8). */
export type AppraisalRecord = {
  salesperson: string;
  quarter: string;
  stage: import('./workflow/steps').Stage;
  steps: import('./schemas/workflow').StepRecords;
  overrideTotal: string | null;
  overrideReason: string | null;
  forcedRanking: boolean;
  /** The person's row as approved, kept with the approval. */
  result: unknown;
};
