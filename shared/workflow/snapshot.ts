import type { CommissionPlan, Salesperson, Settings, TargetIndicator } from '../domain';
import type { AppraisalRow } from '../engine/appraisal';
import type { ExcludedLine } from '../engine/commissionStatement';
import type { DistributionCaps, GradeCounts } from '../engine/grades';
import type { StoredAdjustment } from '../entities';

/** The quarter's distribution as the approver saw it when approving. */
export type SnapshotDistribution = { appraised: number; caps: DistributionCaps; counts: GradeCounts; compliant: boolean };

/**
 * What was approved for one person and quarter (STYLE rule 16): every figure the form and 薪酬
 * show, the forced-ranking choice, and the settings, plan, person and target sheet they were
 * computed from. Stored at 审定 and never recomputed; reopening discards it.
 *
 * The context fields are null only in a snapshot carried over from an approval made before
 * snapshots existed (migration 007, or a bundle without them): its row is the approved row, and
 * a reader takes the rest from today's data.
 */
export type SnapshotData = {
  row: AppraisalRow;
  forcedRanking: boolean;
  distribution: SnapshotDistribution | null;
  person: Salesperson | null;
  plan: CommissionPlan | null;
  settings: Settings | null;
  indicators: TargetIndicator[] | null;
  adjustments: StoredAdjustment[] | null;
  /**
   * The receipts of the person's customers that were not counted for them, and why, as 提成对账单
   * lists them: who owns a customer can change after 审定, and the approved statement must not.
   */
  excluded: ExcludedLine[] | null;
};

export type ApprovalSnapshot = { salesperson: string; quarter: string; approvedAt: string; approvedBy: string; data: SnapshotData };

/** A stored or bundled snapshot's data with every context field present (null where unknown). */
export function normalizeSnapshotData(raw: unknown): SnapshotData {
  const d = (raw ?? {}) as Partial<SnapshotData>;
  if (!d.row || typeof d.row !== 'object') throw new Error('snapshot without a row');
  return {
    row: d.row,
    forcedRanking: d.forcedRanking === true,
    distribution: d.distribution ?? null,
    person: d.person ?? null,
    plan: d.plan ?? null,
    settings: d.settings ?? null,
    indicators: d.indicators ?? null,
    adjustments: d.adjustments ?? null,
    excluded: d.excluded ?? null,
  };
}
