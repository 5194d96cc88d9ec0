import type { StandardKpi, TargetIndicator } from '../../shared/domain';
import { Dec, isDecimalText } from '../../shared/money';

/** The grid's columns: the standard indicators, the receivables rates (SPEC §12) and peer review. */
export const GRID_KPIS = ['deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate', 'peer_review'] as const;
/** Rates are typed in percent (5 for 0.05) and stored as ratios. */
const IN_PERCENT = new Set<string>(['error_rate', 'collection_rate', 'overdue_rate']);
export type GridKpi = (typeof GRID_KPIS)[number];
export type Cell = { weight: string; value: string };
export type TargetRow = Record<GridKpi, Cell>;

const empty = (): TargetRow => Object.fromEntries(GRID_KPIS.map((k) => [k, { weight: '', value: '' }])) as TargetRow;

/** A stored sheet as grid cells; the error-rate baseline is shown in percent (0.05 → 5). */
export function rowFromSheet(indicators: readonly TargetIndicator[]): TargetRow {
  const row = empty();
  for (const i of indicators) {
    if (i.kpi === 'custom') continue;
    const value = i.kpi === 'peer_review' ? (i.score ?? '') : IN_PERCENT.has(i.kpi) && i.target ? new Dec(i.target).times(100).toString() : (i.target ?? '');
    row[i.kpi] = { weight: i.weight, value };
  }
  return row;
}

/** Grid cells back to indicators: a blank or zero weight leaves the indicator out. */
export function sheetFromRow(row: TargetRow, keep: readonly TargetIndicator[]): TargetIndicator[] {
  const indicators: TargetIndicator[] = [];
  for (const kpi of GRID_KPIS) {
    const { weight, value } = row[kpi];
    if (weight.trim() === '' || (isDecimalText(weight.trim()) && new Dec(weight.trim()).isZero())) continue;
    const v = value.trim();
    if (kpi === 'peer_review') indicators.push({ kpi, weight: weight.trim(), score: v });
    else indicators.push({ kpi: kpi as StandardKpi, weight: weight.trim(), target: IN_PERCENT.has(kpi) && isDecimalText(v) ? new Dec(v).div(100).toString() : v });
  }
  // Custom indicators are not in the grid; they stay as they were.
  return [...indicators, ...keep.filter((i) => i.kpi === 'custom')];
}

export function weightSum(row: TargetRow): string {
  return GRID_KPIS.reduce((sum, kpi) => {
    const w = row[kpi].weight.trim();
    return isDecimalText(w) ? sum.plus(w) : sum;
  }, new Dec(0)).toString();
}

export function emptyRow(): TargetRow {
  return empty();
}
