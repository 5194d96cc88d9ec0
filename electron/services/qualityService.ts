import { DomainError } from '../../shared/api/errors';
import { setDocumentCount, listDocumentCounts } from '../db/repositories/documentCounts';
import { deleteErrorRecord, getErrorRecord, insertErrorRecord, listErrorRecords, updateErrorRecord } from '../db/repositories/errorRecords';
import { assertUnlocked } from './appraisalLock';
import { requireFound, requireSalesperson } from './references';
import { read, write, type ServiceHandlers } from './markers';

type QualityMethods = 'errors.list' | 'errors.create' | 'errors.update' | 'errors.delete' | 'documents.list' | 'documents.set';

/** 差错率 inputs: error records and the document sets handled. */
export function qualityHandlers(): ServiceHandlers<QualityMethods> {
  return {
    'errors.list': read((db, query) => listErrorRecords(db, query)),
    'errors.create': write((db, record) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      assertUnlocked(db, { salesperson: record.salesperson, date: record.date });
      return requireFound(getErrorRecord(db, insertErrorRecord(db, record)), 'error');
    }),
    'errors.update': write((db, { id, ...record }) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      const before = getErrorRecord(db, id);
      assertUnlocked(db, { salesperson: record.salesperson, date: record.date }, ...(before ? [{ salesperson: before.salesperson, date: before.date }] : []));
      if (!updateErrorRecord(db, id, record)) throw new DomainError('notFound.record', { id });
      return requireFound(getErrorRecord(db, id), id);
    }),
    'errors.delete': write((db, { id }) => {
      const before = getErrorRecord(db, id);
      if (before) assertUnlocked(db, { salesperson: before.salesperson, date: before.date });
      if (!deleteErrorRecord(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
    'documents.list': read((db, { quarter }) => listDocumentCounts(db, quarter)),
    'documents.set': write((db, { salesperson, quarter, count }) => {
      requireSalesperson(db, salesperson, 'salesperson');
      assertUnlocked(db, { salesperson, quarter });
      setDocumentCount(db, salesperson, quarter, count);
      return count === null ? null : { salesperson, quarter, count };
    }),
  };
}
