import type { Api, ApiHandlers, ApiMethod } from '../../shared/api/contract';
import type { ReadDb, WriteDb } from '../db/handles';
import { appendAudit, listAudit } from '../db/repositories/auditLog';
import { inTransaction } from '../db/statements';
import { kindOf, ownTransaction, read, type Audit, type AuditNote, type ServiceHandlers } from './markers';
import { appraisalHandlers } from './appraisalService';
import { backupHandlers } from './backupService';
import { commissionStatementHandlers } from './commissionStatementService';
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

/**
 * Wraps every handler by its marker (markers.ts): a write runs in one transaction together with
 * its one audit entry, so a write that touches several rows is all or nothing, and the log never
 * records a change that did not happen; reads and handlers with their own transactions run as they are.
 */
export function transactional<M extends ApiMethod>(db: WriteDb, handlers: ServiceHandlers<M>): Pick<ApiHandlers, M> {
  const wrapped: Record<string, (args: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [M, ServiceHandlers[M]][]) {
    const kind = kindOf(method, handler);
    if (kind === 'read') {
      // The same connection, seen through its read brand: the handler's type allows nothing more.
      const look = handler as (db: ReadDb, args: unknown) => unknown;
      wrapped[method] = (args: never) => look(db, args);
      continue;
    }
    if (kind === 'ownTransaction') {
      const own = handler as (db: WriteDb, args: unknown) => unknown;
      wrapped[method] = (args: never) => own(db, args);
      continue;
    }
    const change = handler as (db: WriteDb, args: unknown, audit: Audit) => unknown;
    wrapped[method] = (args: never) =>
      inTransaction(db, () => {
        let noted: AuditNote = {};
        const result = change(db, args, { note: (entry) => void (noted = { ...noted, ...entry }) });
        appendAudit(db, { action: method, entityId: auditId(args), actor: actorOf(args), detail: args, ...noted });
        return result;
      });
  }
  return wrapped as unknown as Pick<ApiHandlers, M>;
}

/** Who made a change: the `by` of workflow steps and approvals, where the arguments name one. */
function actorOf(args: unknown): string | null {
  const by = (args as { by?: unknown }).by;
  return typeof by === 'string' && by.trim() !== '' ? by : null;
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
export function createServices(db: WriteDb, options: { backupDir?: string } = {}): ApiHandlers {
  return transactional(db, {
    ...backupHandlers(options.backupDir ?? null),
    ...setupHandlers(),
    ...peopleHandlers(),
    ...ledgerHandlers(),
    ...qualityHandlers(),
    ...targetHandlers(),
    ...appraisalHandlers(),
    ...importHandlers(),
    ...workflowHandlers(),
    ...formsHandlers(),
    ...commissionStatementHandlers(),
    ...receivableHandlers(),
    'bundle.load': ownTransaction((db, { bundle, source }) => loadBundle(db, bundle, source)),
    'bundle.dump': read((db) => dumpBundle(db)),
    'audit.list': read((db, { offset, limit }) => listAudit(db, offset, limit)),
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
