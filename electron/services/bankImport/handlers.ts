import type { ApiHandlers } from '../../../shared/api/contract';
import type { RateDecisions } from '../../../shared/bank/classify';
import type { Db } from '../../db/connection';
import { deleteColumnMapping, listColumnMappings } from '../../db/repositories/columnMappings';
import { listBatches } from '../../db/repositories/importBatches';
import { undoBatch } from './batchService';
import { importStatement, previewStatement } from './importService';
import { assignPayer, listAssignments, undoAssignment, unmatchedPayers } from './payerService';

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
export function importHandlers(db: Db): Pick<ApiHandlers, ImportMethods> {
  return {
    'bankImport.preview': ({ fileName, content, decisions, mapping }) => previewStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions), { mapping }),
    'bankImport.commit': ({ fileName, content, decisions, mapping, remember }) =>
      importStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions), { mapping, remember }),
    'columnMappings.list': () => listColumnMappings(db).map(({ headerKey, columns, createdAt }) => ({ headerKey, columns, createdAt })),
    'columnMappings.delete': ({ headerKey }) => ({ deleted: deleteColumnMapping(db, headerKey) }),
    'batches.list': () => listBatches(db),
    'batches.undo': ({ id }) => ({ removed: undoBatch(db, id) }),
    'payers.unmatched': () => unmatchedPayers(db),
    'payers.assign': ({ payer, customer }) => assignPayer(db, payer, customer),
    'payers.assignments': () => listAssignments(db),
    'payers.undoAssign': ({ id }) => ({ unassigned: undoAssignment(db, id) }),
  };
}
