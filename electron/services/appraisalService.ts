import type { QuarterAppraisal, SnapshotInfo } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { CommissionPlan, Salesperson, Settings, TargetIndicator } from '../../shared/domain';
import type { AppraisalRecord } from '../../shared/entities';
import { appraiseYear, type AnnualPerson, type AnnualReport } from '../../shared/engine/annual';
import { appraiseQuarter, type AppraisalPerson } from '../../shared/engine/appraisal';
import type { QuarterFacts, ReceivableFacts } from '../../shared/engine/indicators';
import type { CollectionSums } from '../../shared/receivables/indicators';
import { collectionSums } from './receivablesService';
import { Dec } from '../../shared/money';
import { quartersOfYear, type QuarterKey } from '../../shared/quarter';
import type { ReadDb } from '../db/handles';
import { quarterFacts, rangeFacts, type FactsOfPeriod, type RawFacts } from '../db/quarterFacts';
import { listAdjustments } from '../db/repositories/adjustments';
import { listAppraisals } from '../db/repositories/appraisals';
import { listSnapshots } from '../db/repositories/appraisalSnapshots';
import type { ApprovalSnapshot } from '../../shared/workflow/snapshot';
import { listPlans } from '../db/repositories/commissionPlans';
import { getSettings } from '../db/repositories/company';
import { listSalespeople } from '../db/repositories/salespeople';
import { listTargetSheets } from '../db/repositories/targets';
import { dataVersion } from '../db/dataVersion';
import { appraisalWarnings } from './appraisalWarnings';
import { read, type ServiceHandlers } from './markers';

/** A person without a plan earns no commission rather than blocking the whole quarter. */
const NO_PLAN: CommissionPlan = { id: '', mode: 'progressive', brackets: [], newCustomerBonus: '0' };

function receivableFacts(sums: CollectionSums | undefined): ReceivableFacts {
  const cny = (fen: number | undefined) => new Dec(fen ?? 0).div(100);
  return {
    collectible: cny(sums?.collectible),
    stillOutstanding: cny(sums?.stillOutstanding),
    outstanding: cny(sums?.outstanding),
    overdue: cny(sums?.overdue),
  };
}

/** Only a quarter whose sheets score 回款率 or 逾期率 pays for the allocation of every customer. */
function usesReceivables(sheets: readonly { indicators: readonly TargetIndicator[] }[]): boolean {
  return sheets.some((s) => s.indicators.some((i) => i.kpi === 'collection_rate' || i.kpi === 'overdue_rate'));
}

function toFacts(raw: RawFacts | undefined): QuarterFacts {
  return {
    dealVolume: new Dec(raw?.dealFen ?? 0).div(100),
    settled: new Dec(raw?.settledFen ?? 0).div(100),
    newCustomers: raw?.newCustomers ?? 0,
    errorWeight: raw?.errorWeight ?? 0,
    enteredDocumentSets: raw?.enteredDocumentSets ?? null,
    activeDeals: raw?.activeDeals ?? 0,
  };
}

function requireRates(facts: FactsOfPeriod): void {
  if (facts.missingRate) throw new DomainError('appraise.missingRate', facts.missingRate);
}

type Loaded = { settings: Settings; people: Map<string, Salesperson>; plans: Map<string, CommissionPlan> };

function loadCompany(db: ReadDb): Loaded {
  return {
    settings: getSettings(db),
    people: new Map(listSalespeople(db).map((p) => [p.id, p])),
    plans: new Map(listPlans(db).map((p) => [p.id, p])),
  };
}

const computed = new WeakMap<ReadDb, Map<QuarterKey, { version: string; result: QuarterAppraisal }>>();

/**
 * A quarter as last computed, while nothing has been written since: moving between pages does
 * not sum a million receipts again.
 */
export function cachedQuarter(db: ReadDb, quarter: QuarterKey): QuarterAppraisal {
  let cache = computed.get(db);
  if (!cache) computed.set(db, (cache = new Map()));
  const version = dataVersion(db);
  const hit = cache.get(quarter);
  if (hit?.version === version) return hit.result;
  const result = computeQuarter(db, quarter);
  cache.set(quarter, { version, result });
  return result;
}

/** The reviewer's score for peer review (复评), once given, is the score the appraisal uses. */
function withReviewScores(indicators: readonly TargetIndicator[], record: AppraisalRecord | undefined): TargetIndicator[] {
  const scores = record?.steps.review?.scores ?? {};
  return indicators.map((i) => (i.kpi === 'peer_review' && scores.peer_review !== undefined ? { ...i, score: scores.peer_review } : i));
}

/**
 * The forced-ranking choice for the people still open in a quarter: the approver's, once anybody
 * of the quarter is approved (one quarter, one choice), else the company's default.
 */
export function quarterForcedRanking(settings: Settings, snapshots: readonly ApprovalSnapshot[]): boolean {
  return snapshots[0]?.data.forcedRanking ?? settings.forcedRanking;
}

const bySalesperson = (a: { salesperson: string }, b: { salesperson: string }) => (a.salesperson < b.salesperson ? -1 : a.salesperson > b.salesperson ? 1 : 0);

/**
 * Computes a quarter for everyone with targets in it (SPEC §3–§5); writes nothing. Approved
 * people are their snapshots, exactly as approved (STYLE rule 16); the others are computed from
 * today's data, graded and ranked among everyone (see `appraiseQuarter`'s `frozen`).
 */
export function computeQuarter(db: ReadDb, quarter: QuarterKey, loaded = loadCompany(db), options: { forcedRanking?: boolean } = {}): QuarterAppraisal {
  const snapshots = listSnapshots(db, quarter);
  const frozen = new Map(snapshots.map((s) => [s.salesperson, s]));
  const sheets = listTargetSheets(db, quarter)
    .filter((sheet) => !frozen.has(sheet.salesperson))
    .sort(bySalesperson);
  if (sheets.length === 0 && snapshots.length === 0) throw new DomainError('appraise.noOne', { quarter });
  const facts = quarterFacts(db, quarter, loaded.settings.newCustomerRule);
  // A rate missing now cannot change an approved row; it only blocks computing the open ones.
  if (sheets.length > 0) requireRates(facts);
  const adjustments = listAdjustments(db, { period: quarter });
  const collection = usesReceivables(sheets) ? collectionSums(db, quarter) : null;
  const records = new Map(listAppraisals(db, quarter).map((r) => [r.salesperson, r]));
  const forcedRanking = options.forcedRanking ?? quarterForcedRanking(loaded.settings, snapshots);
  const settings = { ...loaded.settings, forcedRanking };
  const people: AppraisalPerson[] = sheets.map((sheet) => {
    const person = loaded.people.get(sheet.salesperson);
    return {
      id: sheet.salesperson,
      name: person?.name ?? sheet.salesperson,
      performanceBasePay: person?.performanceBasePay ?? '0',
      plan: (person?.commissionPlan && loaded.plans.get(person.commissionPlan)) || NO_PLAN,
      indicators: withReviewScores(sheet.indicators, records.get(sheet.salesperson)),
      adjustments: adjustments.filter((a) => a.salesperson === sheet.salesperson).map((a) => a.points),
      facts: {
        ...toFacts(facts.bySalesperson.get(sheet.salesperson)),
        ...(collection ? { receivables: receivableFacts(collection.get(sheet.salesperson)) } : {}),
      },
      overrideTotal: records.get(sheet.salesperson)?.overrideTotal ?? null,
    };
  });
  const report = appraiseQuarter({
    quarter,
    settings,
    people,
    frozen: snapshots.map((s) => s.data.row),
    unmatched: { count: facts.unmatched.count, cny: new Dec(facts.unmatched.fen).div(100) },
  });
  report.rows.sort(bySalesperson);
  return { report, warnings: appraisalWarnings(report, people), snapshots: snapshots.map(snapshotInfo) };
}

function snapshotInfo(s: ApprovalSnapshot): SnapshotInfo {
  return {
    salesperson: s.salesperson,
    approvedAt: s.approvedAt,
    approvedBy: s.approvedBy,
    forcedRanking: s.data.forcedRanking,
    monthlyBaseSalary: s.data.person?.monthlyBaseSalary ?? null,
  };
}

/** The annual evaluation of SPEC §7 over the quarters of `year` that have targets. */
export function computeYear(db: ReadDb, year: number): AnnualReport {
  const loaded = loadCompany(db);
  const quarters = quartersOfYear(year).filter((q) => listTargetSheets(db, q).length > 0);
  if (quarters.length === 0) throw new DomainError('annual.noOne', { year });
  const appraised = quarters.map((quarter) => ({ quarter, report: computeQuarter(db, quarter, loaded).report, sheets: listTargetSheets(db, quarter) }));
  const yearFacts = rangeFacts(db, { from: `${year}-01-01`, to: `${year}-12-31` }, loaded.settings.newCustomerRule);
  requireRates(yearFacts);
  const annualAdjustments = listAdjustments(db, { period: String(year) });
  const ids = [...new Set(appraised.flatMap((a) => a.report.rows.map((r) => r.salesperson)))].sort();
  const people: AnnualPerson[] = ids.map((id) => {
    const person = loaded.people.get(id);
    const facts = toFacts(yearFacts.bySalesperson.get(id));
    return {
      id,
      name: person?.name ?? id,
      performanceBasePay: person?.performanceBasePay ?? '0',
      annualBonusBase: person?.annualBonusBase ?? null,
      quarters: appraised.flatMap(({ quarter, report, sheets }) => {
        const row = report.rows.find((r) => r.salesperson === id);
        const sheet = sheets.find((s) => s.salesperson === id);
        return row && sheet ? [{ quarter, indicators: sheet.indicators, row }] : [];
      }),
      year: { dealVolume: facts.dealVolume, settled: facts.settled },
      annualAdjustments: annualAdjustments.filter((a) => a.salesperson === id).map((a) => a.points),
    };
  });
  return appraiseYear(year, loaded.settings, people);
}

export function appraisalHandlers(): ServiceHandlers<'appraisal.quarter' | 'appraisal.year'> {
  return {
    'appraisal.quarter': read((db, { quarter }) => cachedQuarter(db, quarter)),
    'appraisal.year': read((db, { year }) => computeYear(db, year)),
  };
}
