import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import { previousQuarter } from '../../shared/quarter';
import type { Db } from '../db/connection';
import { deleteAdjustment, getAdjustment, insertAdjustment, listAdjustments, updateAdjustment } from '../db/repositories/adjustments';
import { deleteTargetSheet, listTargetSheets, setTargetSheet } from '../db/repositories/targets';
import { requireFound, requireSalesperson } from './references';

type TargetMethods =
  | 'targets.copyFromPrevious'
  | 'targets.list'
  | 'targets.set'
  | 'targets.delete'
  | 'adjustments.list'
  | 'adjustments.create'
  | 'adjustments.update'
  | 'adjustments.delete';

/** Quarterly target sheets and 加扣分 adjustments. */
export function targetHandlers(db: Db): Pick<ApiHandlers, TargetMethods> {
  return {
    'targets.list': ({ quarter }) => listTargetSheets(db, quarter),
    'targets.set': (sheet) => {
      requireSalesperson(db, sheet.salesperson, 'salesperson');
      setTargetSheet(db, sheet);
      return sheet;
    },
    'targets.copyFromPrevious': ({ quarter, overwrite }) => {
      const existing = new Set(listTargetSheets(db, quarter).map((s) => s.salesperson));
      for (const sheet of listTargetSheets(db, previousQuarter(quarter))) {
        if (overwrite || !existing.has(sheet.salesperson)) setTargetSheet(db, { ...sheet, quarter });
      }
      return listTargetSheets(db, quarter);
    },
    'targets.delete': ({ salesperson, quarter }) => {
      if (!deleteTargetSheet(db, salesperson, quarter)) throw new DomainError('notFound.record', { id: `${salesperson} ${quarter}` });
      return null;
    },
    'adjustments.list': (query) => listAdjustments(db, query),
    'adjustments.create': (adjustment) => {
      requireSalesperson(db, adjustment.salesperson, 'salesperson');
      return requireFound(getAdjustment(db, insertAdjustment(db, adjustment)), 'adjustment');
    },
    'adjustments.update': ({ id, ...adjustment }) => {
      requireSalesperson(db, adjustment.salesperson, 'salesperson');
      if (!updateAdjustment(db, id, adjustment)) throw new DomainError('notFound.record', { id });
      return requireFound(getAdjustment(db, id), id);
    },
    'adjustments.delete': ({ id }) => {
      if (!deleteAdjustment(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    },
  };
}
