import type { DecimalString } from './money';
import type { IsoDate } from './quarter';

/** The four standard indicators, peer review, and hand-entered custom indicators (SPEC §3). */
/** The four standard indicators (SPEC §3) and the two receivables ones (SPEC §12), computed from the data. */
export const STANDARD_KPIS = ['deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate'] as const;
export type StandardKpi = (typeof STANDARD_KPIS)[number];
export type KpiKey = StandardKpi | 'peer_review' | 'custom';
export const KPI_KEYS: readonly KpiKey[] = [...STANDARD_KPIS, 'peer_review', 'custom'];

export type Direction = 'higher' | 'lower';

export const GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** One point of a scoring line: at `ratio` × target the score is `score`. Ratio may be "4/3". */
export type Anchor = { ratio: string; score: DecimalString };
/** Piecewise-linear scoring line, anchors in increasing ratio (SPEC §4). */
export type ScoringLine = Anchor[];

export type AnchorSettings = {
  higher: ScoringLine;
  lower: ScoringLine;
  /** Per-indicator overrides of the line of its direction. */
  byKpi?: Partial<Record<StandardKpi, ScoringLine>>;
};

export type GradeBand = { grade: Grade; min: DecimalString; coefficient: DecimalString };

/** Shares of the n appraised people: caps for S, A, S+A, and the floor for C+D (SPEC §5). */
export type DistributionRule = { S: DecimalString; A: DecimalString; SA: DecimalString; CD: DecimalString };

export type NewCustomerRule = 'first_receipt' | 'first_deal';
export type CommissionBase = 'settled' | 'deal_volume';

/** One instalment of payment terms (SPEC §12): a share of the deal due `days` after signing or shipping. */
export type TermsInstalment = { percent: DecimalString; from: 'signed' | 'shipped'; days: number };
/** 付款方式: named terms whose instalment percents sum to exactly 100. */
export type PaymentTerms = { id: string; name: string; instalments: TermsInstalment[] };

export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export type Settings = {
  newCustomerRule: NewCustomerRule;
  commissionBase: CommissionBase;
  forcedRanking: boolean;
  anchors: AnchorSettings;
  gradeBands: GradeBand[];
  distribution: DistributionRule;
  /** Receivables (SPEC §12): the company's payment terms, the default, where receivables start, and the one-click write-off limit in CNY. */
  paymentTerms: PaymentTerms[];
  defaultTerms: string | null;
  receivablesFrom: IsoDate | null;
  smallBalance: DecimalString;
};

export type CommissionMode = 'progressive' | 'whole';
export type Bracket = { upTo: DecimalString | null; rate: DecimalString };
export type CommissionPlan = {
  id: string;
  mode: CommissionMode;
  brackets: Bracket[];
  newCustomerBonus: DecimalString;
};

/** One indicator of a salesperson's quarterly target sheet. */
export type TargetIndicator = {
  kpi: KpiKey;
  weight: DecimalString;
  /** Money for deal_volume/settled, a count for new_customers, a ratio (0.05) for error_rate, collection_rate and overdue_rate. */
  target?: DecimalString;
  /** peer_review: the score 0–100 entered directly. */
  score?: DecimalString;
  /** custom indicators: name, direction and the actual entered by hand. */
  name?: string;
  direction?: Direction;
  actual?: DecimalString;
};

export type DealStatus = 'active' | 'cancelled';

export type Salesperson = {
  id: string;
  name: string;
  department: string | null;
  hiredOn: IsoDate | null;
  monthlyBaseSalary: DecimalString;
  performanceBasePay: DecimalString;
  commissionPlan: string | null;
  annualBonusBase?: DecimalString | null;
  /** 离职: the day they left; kept in history, no targets for quarters starting after it. */
  leftOn?: IsoDate | null;
};
