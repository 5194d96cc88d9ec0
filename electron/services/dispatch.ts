import { SqliteError } from 'better-sqlite3';
import { apiArgs, type ApiHandlers, type ApiMethod, type ApiResults } from '../../shared/api/contract';
import { apiError, DomainError, type Result } from '../../shared/api/errors';
import { issueToError } from '../../shared/schemas/issues';

/**
 * The single entry to the services for the IPC channel, the web host and the CLI: validates the
 * arguments with the contract's schema, runs the handler, and returns errors as values.
 */
export async function dispatch<M extends ApiMethod>(handlers: ApiHandlers, method: M, rawArgs: unknown): Promise<Result<ApiResults[M]>> {
  if (!Object.hasOwn(apiArgs, method)) {
    return { ok: false, error: apiError('internal', { detail: `unknown method ${String(method)}` }) };
  }
  try {
    // Inside the try: a schema's refinement that throws still comes back as a message, not an HTTP 500.
    const parsed = apiArgs[method].safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: issueToError(parsed.error, rawArgs) };
    const handler = handlers[method] as (args: unknown) => ApiResults[M] | Promise<ApiResults[M]>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toDomainError(error).toApiError() };
  }
}

/** A broken CHECK or UNIQUE still reaches the user as a sentence, never as a stack trace. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
    return new DomainError('db.constraint', { detail: error.message });
  }
  // Another window or command kept the write lock past the busy timeout: try again later.
  if (error instanceof SqliteError && (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED'))) return new DomainError('db.busy');
  return new DomainError('internal', { detail: error instanceof Error ? error.message : String(error) });
}
