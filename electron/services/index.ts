import type { Api, ApiHandlers, ApiMethod } from '../../shared/api/contract';
import type { Db } from '../db/connection';
import { appendAudit, listAudit } from '../db/repositories/auditLog';
import { inTransaction } from '../db/statements';
import { appraisalHandlers } from './appraisalService';
import { backupHandlers } from './backupService';
import { importHandlers } from './bankImport/handlers';
import { workflowHandlers } from './workflowService';
import { formsHandlers } from '../forms/formsService';
import { dumpBundle } from './bundle/dumpBundle';
import { loadBundle } from './bundle/loadBundle';
import { dispatch } from './dispatch';
import { ledgerHandlers } from './ledgerService';
import { peopleHandlers } from './peopleService';
import { qualityHandlers } from './qualityService';
import { receivableHandlers } from './receivablesHandlers';
import { setupHandlers } from './setupService';
import { targetHandlers } from './targetService';

// Reads need no transaction; a bundle load and the backups manage their own.
const OWN_TRANSACTION = /\.(get|list|dump|quarter|year|unmatched|preview|due|export)$|^bundle\.load$|^backups\.|^bankImport\.|^forms\./;
// Receivables reads (SPEC §12) compute and write nothing.
const READS = /^receivables\.|^writeOffs\.smallBalances$/;

/**
 * Every write runs in one transaction together with its audit entry, so a write that touches
 * several rows is all or nothing, and the log never records a change that did not happen.
 */
function transactional(db: Db, handlers: ApiHandlers): ApiHandlers {
  const wrapped: Record<string, (args: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [ApiMethod, (args: unknown) => unknown][]) {
    wrapped[method] =
      OWN_TRANSACTION.test(method) || READS.test(method)
        ? handler
        : (args: never) =>
            inTransaction(db, () => {
              const result = handler(args);
              appendAudit(db, { action: method, entityId: auditId(args), detail: args });
              return result;
            });
  }
  return wrapped as unknown as ApiHandlers;
}

function auditId(args: unknown): string | undefined {
  const record = args as { id?: unknown; salesperson?: unknown; month?: unknown };
  const id = record.id ?? record.salesperson ?? record.month;
  return id === undefined ? undefined : String(id);
}

/**
 * The services over one open database: the implementation of the API contract. `backupDir` is
 * the data folder's backup folder where there is one (the app, not the command line).
 */
export function createServices(db: Db, options: { backupDir?: string } = {}): ApiHandlers {
  return transactional(db, {
    ...backupHandlers(db, options.backupDir ?? null),
    ...setupHandlers(db),
    ...peopleHandlers(db),
    ...ledgerHandlers(db),
    ...qualityHandlers(db),
    ...targetHandlers(db),
    ...appraisalHandlers(db),
    ...importHandlers(db),
    ...workflowHandlers(db),
    ...formsHandlers(db),
    ...receivableHandlers(db),
    'bundle.load': ({ bundle, source }) => loadBundle(db, bundle, source),
    'bundle.dump': () => dumpBundle(db),
    'audit.list': ({ offset, limit }) => listAudit(db, offset, limit),
  });
}

/** The API as the UI sees it: validated arguments, errors as values, promises. */
export function createApi(handlers: ApiHandlers): Api {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(handlers) as ApiMethod[]) {
    api[method] = (args: unknown) => dispatch(handlers, method, args);
  }
  return api as unknown as Api;
}
