import type { RateDecisions } from '../../../shared/bank/classify';
import { deleteColumnMapping, listColumnMappings } from '../../db/repositories/columnMappings';
import { listBatches } from '../../db/repositories/importBatches';
import { undoBatch } from './batchService';
import { importStatement, previewStatement } from './importService';
import { assignPayer, listAssignments, undoAssignment, unmatchedPayers } from './payerService';
import { ownTransaction, read, write, type ServiceHandlers } from '../markers';

type ImportMethods =
  | 'bankImport.preview'
  | 'bankImport.commit'
  | 'columnMappings.list'
  | 'columnMappings.delete'
  | 'batches.list'
  | 'batches.undo'
  | 'payers.unmatched'
  | 'payers.assign'
  | 'payers.assignments'
  | 'payers.undoAssign';

function decisionsOf(given: Record<string, 1 | 100>): RateDecisions {
  return Object.fromEntries(Object.entries(given).map(([row, per]) => [Number(row), per]));
}

/** Bank statement import, its batches, and the unmatched-payers queue. */
export function importHandlers(): ServiceHandlers<ImportMethods> {
  return {
    'bankImport.preview': read((db, { fileName, content, decisions, mapping, pending }) =>
      previewStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions), { mapping, pending }),
    ),
    'bankImport.commit': ownTransaction((db, { fileName, content, decisions, mapping, remember }) =>
      importStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions), { mapping, remember }),
    ),
    'columnMappings.list': read((db) => listColumnMappings(db).map(({ headerKey, columns, createdAt }) => ({ headerKey, columns, createdAt }))),
    'columnMappings.delete': write((db, { headerKey }) => ({ deleted: deleteColumnMapping(db, headerKey) })),
    'batches.list': read((db) => listBatches(db)),
    'batches.undo': write((db, { id }) => ({ removed: undoBatch(db, id) })),
    'payers.unmatched': read((db) => unmatchedPayers(db)),
    'payers.assign': write((db, { payer, customer }) => assignPayer(db, payer, customer)),
    'payers.assignments': read((db) => listAssignments(db)),
    'payers.undoAssign': write((db, { id }) => ({ unassigned: undoAssignment(db, id) })),
  };
}
