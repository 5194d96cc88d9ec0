import { message, type MessageKey, type MessageParams } from '../i18n/messages';

/** An error as it crosses the API boundary: a code, a message a user can act on, and where. */
export type ApiError = { code: MessageKey; message: string; params?: MessageParams; field?: string; row?: number };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The one constructor of an `ApiError`: the message is always rendered from the code's catalogue
 * entry with these parameters, and the parameters travel with it, so every side (the window in
 * another language, the CLI) renders the same sentence and no screen shows a raw `{detail}`.
 */
export function apiError(code: MessageKey, params: MessageParams = {}, where: { field?: string; row?: number } = {}): ApiError {
  return {
    code,
    message: message(code, params),
    params,
    ...(where.field !== undefined ? { field: where.field } : {}),
    ...(where.row !== undefined ? { row: where.row } : {}),
  };
}

/** Thrown inside services and turned into an `ApiError` value by the dispatcher. */
export class DomainError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;
  readonly field: string | undefined;
  readonly row: number | undefined;

  constructor(code: MessageKey, params: MessageParams = {}, where: { field?: string; row?: number } = {}) {
    super(message(code, params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.field = where.field;
    this.row = where.row;
  }

  toApiError(): ApiError {
    return apiError(this.code, this.params, { field: this.field, row: this.row });
  }
}

/** "field: message" — the one line the CLI prints and the UI shows beside a field. */
export function describeError(error: ApiError): string {
  return error.field ? `${error.field}: ${error.message}` : error.message;
}
