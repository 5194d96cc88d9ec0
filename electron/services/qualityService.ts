import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { setDocumentCount, listDocumentCounts } from '../db/repositories/documentCounts';
import { deleteErrorRecord, getErrorRecord, insertErrorRecord, listErrorRecords, updateErrorRecord } from '../db/repositories/errorRecords';
import { requireFound, requireSalesperson } from './references';

type QualityMethods = 'errors.list' | 'errors.create' | 'errors.update' | 'errors.delete' | 'documents.list' | 'documents.set';

/** 差错率 inputs: error records and the document sets handled. */
export function qualityHandlers(db: Db): Pick<ApiHandlers, QualityMethods> {
  return {
    'errors.list': (query) => listErrorRecords(db, query),
    'errors.create': (record) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      return requireFound(getErrorRecord(db, insertErrorRecord(db, record)), 'error');
    },
    'errors.update': ({ id, ...record }) => {
      requireSalesperson(db, record.salesperson, 'salesperson');
      if (!updateErrorRecord(db, id, record)) throw new DomainError('notFound.record', { id });
      return requireFound(getErrorRecord(db, id), id);
    },
    'errors.delete': ({ id }) => {
      if (!deleteErrorRecord(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    },
    'documents.list': ({ quarter }) => listDocumentCounts(db, quarter),
    'documents.set': ({ salesperson, quarter, count }) => {
      requireSalesperson(db, salesperson, 'salesperson');
      setDocumentCount(db, salesperson, quarter, count);
      return count === null ? null : { salesperson, quarter, count };
    },
  };
}
