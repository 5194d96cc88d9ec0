import { DomainError } from '../../shared/api/errors';
import { quarterOfDate } from '../../shared/quarter';
import type { ReadDb } from '../db/handles';
import { approvedAmong, quarterHasApproval } from '../db/repositories/appraisals';
import { getSalesperson } from '../db/repositories/salespeople';

/** A record that feeds somebody's appraisal: the person it counts for, and its date or quarter. */
export type Feeds = { salesperson: string | null; date?: string; quarter?: string };

function lockedError(db: ReadDb, hit: { salesperson: string; quarter: string }): DomainError {
  const name = getSalesperson(db, hit.salesperson)?.name ?? hit.salesperson;
  return new DomainError('wf.locked', { name, salesperson: hit.salesperson, quarter: hit.quarter });
}

/**
 * After approval everything that feeds the appraisal is read-only (SPEC §8): a change to such a
 * record — before or after the edit — is refused, naming the appraisal that blocks it.
 */
export function assertUnlocked(db: ReadDb, ...records: Feeds[]): void {
  const pairs = records.map((r) => ({ salesperson: r.salesperson, quarter: r.quarter ?? quarterOfDate(r.date ?? '') }));
  const hit = approvedAmong(db, pairs);
  if (hit) throw lockedError(db, hit);
}

/** A table rate feeds every deal of its month: refused once an appraisal of that quarter is approved. */
export function assertMonthUnlocked(db: ReadDb, month: string): void {
  const hit = quarterHasApproval(db, quarterOfDate(`${month}-01`));
  if (hit) throw lockedError(db, hit);
}
