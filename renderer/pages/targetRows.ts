import type { Direction, StandardKpi, TargetIndicator } from '../../shared/domain';
import { Dec, isDecimalText } from '../../shared/money';
import { normalizeNumberText } from '../../shared/numberText';

/** The grid's columns: the standard indicators, the receivables rates (SPEC §12) and peer review. */
export const GRID_KPIS = ['deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate', 'peer_review'] as const;
/** Rates are typed in percent (5 for 0.05) and stored as ratios. */
const IN_PERCENT = new Set<string>(['error_rate', 'collection_rate', 'overdue_rate']);
export type GridKpi = (typeof GRID_KPIS)[number];
export type Cell = { weight: string; value: string };
export type TargetRow = Record<GridKpi, Cell>;
/** A custom indicator (自定义指标) as typed: every part as text until saved. */
export type CustomDraft = { name: string; direction: Direction; target: string; actual: string; weight: string };

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

/** Grid cells back to indicators: a blank or zero weight leaves the indicator out. Text is read as shown (1,234.56). */
export function sheetFromRow(row: TargetRow, keep: readonly TargetIndicator[]): TargetIndicator[] {
  const indicators: TargetIndicator[] = [];
  for (const kpi of GRID_KPIS) {
    const weight = normalizeNumberText(row[kpi].weight.trim());
    if (weight === '' || (isDecimalText(weight) && new Dec(weight).isZero())) continue;
    const v = normalizeNumberText(row[kpi].value.trim());
    if (kpi === 'peer_review') indicators.push({ kpi, weight, score: v });
    else indicators.push({ kpi: kpi as StandardKpi, weight, target: IN_PERCENT.has(kpi) && isDecimalText(v) ? new Dec(v).div(100).toString() : v });
  }
  // Custom indicators are edited beside the grid; the caller passes the ones to save.
  return [...indicators, ...keep.filter((i) => i.kpi === 'custom')];
}

/** The custom indicators of a stored sheet, as drafts. */
export function customsFromSheet(indicators: readonly TargetIndicator[]): CustomDraft[] {
  return indicators
    .filter((i) => i.kpi === 'custom')
    .map((i) => ({ name: i.name ?? '', direction: i.direction ?? 'higher', target: i.target ?? '', actual: i.actual ?? '', weight: i.weight }));
}

/** Custom drafts as indicators of the sheet to save. */
export function customsToIndicators(drafts: readonly CustomDraft[]): TargetIndicator[] {
  return drafts.map((d) => ({
    kpi: 'custom',
    name: d.name.trim(),
    direction: d.direction,
    weight: normalizeNumberText(d.weight.trim()),
    target: normalizeNumberText(d.target.trim()),
    actual: normalizeNumberText(d.actual.trim()),
  }));
}

/** Σ weights of the grid row and the custom indicators, ignoring text that is not a number yet. */
export function weightSum(row: TargetRow, customs: readonly CustomDraft[] = []): string {
  const weights = [...GRID_KPIS.map((kpi) => row[kpi].weight), ...customs.map((c) => c.weight)];
  return weights
    .reduce((sum, text) => {
      const w = normalizeNumberText(text.trim());
      return isDecimalText(w) ? sum.plus(w) : sum;
    }, new Dec(0))
    .toString();
}

export function emptyRow(): TargetRow {
  return empty();
}
