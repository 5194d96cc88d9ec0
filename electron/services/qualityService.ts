import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { setDocumentCount, listDocumentCounts } from '../db/repositories/documentCounts';
import { deleteErrorRecord, getErrorRecord, insertErrorRecord, listErrorRecords, updateErrorRecord } from '../db/repositories/errorRecords';
import { assertUnlocked } from './appraisalLock';
import { requireFound, requireSalesperson } from './references';
import { read, write, type ServiceHandlers } from './markers';

type QualityMethods = 'errors.list' | 'errors.create' | 'errors.update' | 'errors.delete' | 'documents.list' | 'documents.set';

/** 差错率 inputs: error records and the document sets handled. */
export function qualityHandlers(db: Db): ServiceHandlers<QualityMethods> {
  return {
    'errors.list': read((query) => listErrorRecords(db, query)),
    'errors.create': write((record) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      assertUnlocked(db, { salesperson: record.salesperson, date: record.date });
      return requireFound(getErrorRecord(db, insertErrorRecord(db, record)), 'error');
    }),
    'errors.update': write(({ id, ...record }) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      const before = getErrorRecord(db, id);
      assertUnlocked(db, { salesperson: record.salesperson, date: record.date }, ...(before ? [{ salesperson: before.salesperson, date: before.date }] : []));
      if (!updateErrorRecord(db, id, record)) throw new DomainError('notFound.record', { id });
      return requireFound(getErrorRecord(db, id), id);
    }),
    'errors.delete': write(({ id }) => {
      const before = getErrorRecord(db, id);
      if (before) assertUnlocked(db, { salesperson: before.salesperson, date: before.date });
      if (!deleteErrorRecord(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
    'documents.list': read(({ quarter }) => listDocumentCounts(db, quarter)),
    'documents.set': write(({ salesperson, quarter, count }) => {
      requireSalesperson(db, salesperson, 'salesperson');
      assertUnlocked(db, { salesperson, quarter });
      setDocumentCount(db, salesperson, quarter, count);
      return count === null ? null : { salesperson, quarter, count };
    }),
  };
}
