import { message, type MessageKey, type MessageParams } from '../i18n/messages';

/** An error as it crosses the API boundary: a code, a message a user can act on, and where. */
export type ApiError = { code: MessageKey; message: string; params?: MessageParams; field?: string; row?: number };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

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
    return {
      code: this.code,
      message: this.message,
      params: this.params,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.row !== undefined ? { row: this.row } : {}),
    };
  }
}

/** "field: message" — the one line the CLI prints and the UI shows beside a field. */
export function describeError(error: ApiError): string {
  return error.field ? `${error.field}: ${error.message}` : error.message;
}
