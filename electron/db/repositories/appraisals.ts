import type { AppraisalRecord } from '../../../shared/entities';
import type { StepRecords } from '../../../shared/schemas/workflow';
import type { Stage } from '../../../shared/workflow/steps';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

type AppraisalRow = {
  salesperson_id: string;
  quarter: string;
  stage: Stage;
  steps: string;
  override_total: string | null;
  override_reason: string | null;
  forced_ranking: number;
  result: string | null;
};

function toRecord(row: AppraisalRow): AppraisalRecord {
  return {
    salesperson: row.salesperson_id,
    quarter: row.quarter,
    stage: row.stage,
    steps: JSON.parse(row.steps) as StepRecords,
    overrideTotal: row.override_total,
    overrideReason: row.override_reason,
    forcedRanking: row.forced_ranking === 1,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
  };
}

export function emptyAppraisal(salesperson: string, quarter: string): AppraisalRecord {
  return { salesperson, quarter, stage: 'none', steps: {}, overrideTotal: null, overrideReason: null, forcedRanking: false, result: null };
}

export function getAppraisal(db: ReadDb, salesperson: string, quarter: string): AppraisalRecord | null {
  const row = preparedRead(db, 'SELECT * FROM appraisals WHERE salesperson_id = ? AND quarter = ?').get(salesperson, quarter) as AppraisalRow | undefined;
  return row ? toRecord(row) : null;
}

export function listAppraisals(db: ReadDb, quarter?: string): AppraisalRecord[] {
  return (
    preparedRead(db, 'SELECT * FROM appraisals WHERE (@q IS NULL OR quarter = @q) ORDER BY quarter, salesperson_id').all({
      q: quarter ?? null,
    }) as AppraisalRow[]
  ).map(toRecord);
}

export function saveAppraisal(db: WriteDb, a: AppraisalRecord): void {
  preparedWrite(
    db,
    `INSERT INTO appraisals (salesperson_id, quarter, stage, steps, override_total, override_reason, forced_ranking, result, updated_at)
     VALUES (@salesperson, @quarter, @stage, @steps, @overrideTotal, @overrideReason, @forced, @result, @at)
     ON CONFLICT (salesperson_id, quarter) DO UPDATE SET stage = excluded.stage, steps = excluded.steps,
       override_total = excluded.override_total, override_reason = excluded.override_reason,
       forced_ranking = excluded.forced_ranking, result = excluded.result, updated_at = excluded.updated_at`,
  ).run({
    salesperson: a.salesperson,
    quarter: a.quarter,
    stage: a.stage,
    steps: JSON.stringify(a.steps),
    overrideTotal: a.overrideTotal,
    overrideReason: a.overrideReason,
    forced: a.forcedRanking ? 1 : 0,
    result: a.result === null ? null : JSON.stringify(a.result),
    at: new Date().toISOString(),
  });
}

/** The first approved (or archived) appraisal among these people and quarters, if any. */
export function approvedAmong(db: ReadDb, pairs: readonly { salesperson: string | null; quarter: string }[]): { salesperson: string; quarter: string } | null {
  const check = preparedRead(db, "SELECT 1 FROM appraisals WHERE salesperson_id = ? AND quarter = ? AND stage IN ('approved', 'archived')");
  return (
    (pairs.find((p) => p.salesperson !== null && check.get(p.salesperson, p.quarter) !== undefined) as { salesperson: string; quarter: string } | undefined) ??
    null
  );
}

/** Whether any appraisal of the quarter is approved: FX rates of its months are then fixed. */
export function quarterHasApproval(db: ReadDb, quarter: string): { salesperson: string; quarter: string } | null {
  const row = preparedRead(
    db,
    "SELECT salesperson_id AS salesperson, quarter FROM appraisals WHERE quarter = ? AND stage IN ('approved', 'archived') LIMIT 1",
  ).get(quarter);
  return (row as { salesperson: string; quarter: string } | undefined) ?? null;
}
