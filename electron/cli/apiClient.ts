import type { Api, ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract';
import { DomainError, type ApiError, type Result } from '../../shared/api/errors';
import { openDatabase } from '../db/connection';
import { createApi, createServices } from '../services/index';

/*
 * The command line is one more client of the API contract, like the window and the web host:
 * every command opens the database, builds the same handlers, and calls a method through the
 * dispatcher, so its arguments pass the same schemas, its writes the same transactions and
 * audit entries, and its refusals come back as the same `{ ok: false, error }` values.
 */

/** The contract's argument names as the command line spells them, so a message names the option typed. */
const OPTION_NAMES: Readonly<Record<string, string>> = { quarter: '--quarter', year: '--year', asOf: '--as-of' };

/** A refusal from the API as the error the CLI prints (exit 2; `internal` stays exit 1). */
export function refusal(error: ApiError): DomainError {
  const field = error.field === undefined ? undefined : (OPTION_NAMES[error.field] ?? error.field);
  return new DomainError(error.code, error.params ?? {}, { ...(field === undefined ? {} : { field }), ...(error.row === undefined ? {} : { row: error.row }) });
}

/** One API method through the dispatcher; a refusal is thrown as the CLI's one-line error. */
export async function call<M extends ApiMethod>(api: Api, method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const result = await (api[method] as (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>>)(args);
  if (!result.ok) throw refusal(result.error);
  return result.value;
}

/**
 * Opens the database for one command, gives the work the API over it, and closes it whatever
 * happens (also after an await). `create` makes a missing file (only `tkpi load` does).
 */
export async function withApi<T>(file: string, work: (api: Api) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const db = openDatabase(file, options);
  try {
    return await work(createApi(createServices(db)));
  } finally {
    db.close();
  }
}
