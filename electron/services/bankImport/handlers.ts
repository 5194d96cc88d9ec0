import type { ApiHandlers } from '../../../shared/api/contract';
import type { RateDecisions } from '../../../shared/bank/classify';
import type { Db } from '../../db/connection';
import { listBatches } from '../../db/repositories/importBatches';
import { undoBatch } from './batchService';
import { importStatement, previewStatement } from './importService';
import { assignPayer, unmatchedPayers } from './payerService';

type ImportMethods = 'bankImport.preview' | 'bankImport.commit' | 'batches.list' | 'batches.undo' | 'payers.unmatched' | 'payers.assign';

function decisionsOf(given: Record<string, 1 | 100>): RateDecisions {
  return Object.fromEntries(Object.entries(given).map(([row, per]) => [Number(row), per]));
}

/** Bank statement import, its batches, and the unmatched-payers queue. */
export function importHandlers(db: Db): Pick<ApiHandlers, ImportMethods> {
  return {
    'bankImport.preview': ({ fileName, content, decisions }) => previewStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions)),
    'bankImport.commit': ({ fileName, content, decisions }) => importStatement(db, Buffer.from(content, 'base64'), fileName, decisionsOf(decisions)),
    'batches.list': () => listBatches(db),
    'batches.undo': ({ id }) => ({ removed: undoBatch(db, id) }),
    'payers.unmatched': () => unmatchedPayers(db),
    'payers.assign': ({ payer, customer }) => assignPayer(db, payer, customer),
  };
}
