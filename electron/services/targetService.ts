import { DomainError } from '../../shared/api/errors';
import { previousQuarter, quarterRange } from '../../shared/quarter';
import { deleteAdjustment, getAdjustment, insertAdjustment, listAdjustments, updateAdjustment } from '../db/repositories/adjustments';
import { getSalesperson, leftBefore } from '../db/repositories/salespeople';
import { deleteTargetSheet, listTargetSheets, setTargetSheet } from '../db/repositories/targets';
import { assertUnlocked } from './appraisalLock';
import { requireFound, requireSalesperson } from './references';
import { read, write, type ServiceHandlers } from './markers';

type TargetMethods =
  | 'targets.copyFromPrevious'
  | 'targets.list'
  | 'targets.set'
  | 'targets.delete'
  | 'adjustments.list'
  | 'adjustments.create'
  | 'adjustments.update'
  | 'adjustments.delete';

/** A quarter's adjustment feeds that quarter; an annual one feeds no quarterly appraisal. */
const adjustmentFeeds = (a: { salesperson: string; period: string }) => ({ salesperson: a.period.includes('Q') ? a.salesperson : null, quarter: a.period });

/** Quarterly target sheets and 加扣分 adjustments. */
export function targetHandlers(): ServiceHandlers<TargetMethods> {
  return {
    'targets.list': read((db, { quarter }) => listTargetSheets(db, quarter)),
    'targets.set': write((db, sheet) => {
      requireSalesperson(db, sheet.salesperson, 'salesperson');
      assertUnlocked(db, sheet);
      setTargetSheet(db, sheet);
      return sheet;
    }),
    'targets.copyFromPrevious': write((db, { quarter, overwrite }) => {
      const existing = new Set(listTargetSheets(db, quarter).map((s) => s.salesperson));
      const { from } = quarterRange(quarter);
      for (const sheet of listTargetSheets(db, previousQuarter(quarter))) {
        if (!overwrite && existing.has(sheet.salesperson)) continue;
        // 离职 before the quarter starts: kept in history, left out of the new quarter's targets.
        const person = getSalesperson(db, sheet.salesperson);
        if (person && leftBefore(person, from)) continue;
        assertUnlocked(db, { salesperson: sheet.salesperson, quarter });
        setTargetSheet(db, { ...sheet, quarter });
      }
      return listTargetSheets(db, quarter);
    }),
    'targets.delete': write((db, { salesperson, quarter }) => {
      assertUnlocked(db, { salesperson, quarter });
      if (!deleteTargetSheet(db, salesperson, quarter)) throw new DomainError('notFound.record', { id: `${salesperson} ${quarter}` });
      return null;
    }),
    'adjustments.list': read((db, query) => listAdjustments(db, query)),
    'adjustments.create': write((db, adjustment) => {
      requireSalesperson(db, adjustment.salesperson, 'salesperson');
      assertUnlocked(db, adjustmentFeeds(adjustment));
      return requireFound(getAdjustment(db, insertAdjustment(db, adjustment)), 'adjustment');
    }),
    'adjustments.update': write((db, { id, ...adjustment }) => {
      requireSalesperson(db, adjustment.salesperson, 'salesperson');
      const before = getAdjustment(db, id);
      assertUnlocked(db, adjustmentFeeds(adjustment), ...(before ? [adjustmentFeeds(before)] : []));
      if (!updateAdjustment(db, id, adjustment)) throw new DomainError('notFound.record', { id });
      return requireFound(getAdjustment(db, id), id);
    }),
    'adjustments.delete': write((db, { id }) => {
      const before = getAdjustment(db, id);
      if (before) assertUnlocked(db, adjustmentFeeds(before));
      if (!deleteAdjustment(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
  };
}
