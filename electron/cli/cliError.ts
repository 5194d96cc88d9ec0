import path from 'node:path';
import { DomainError } from '../../shared/api/errors';
import { toDomainError } from '../services/dispatch';

/** Bad input: exit 2 with one line naming the file, row or field (SPEC §9). */
export class CliInputError extends Error {}

export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;

/** One line for the terminal: "file: field: message". */
export function errorLine(error: unknown, file?: string): { line: string; code: number } {
  if (error instanceof CliInputError) return { line: error.message, code: EXIT_BAD_INPUT };
  const domain = toDomainError(error);
  // Messages about the file itself already name it.
  const named = file !== undefined && (domain.message.includes(file) || domain.message.includes(path.basename(file)));
  const where = [named ? undefined : file, domain.field].filter(Boolean).join(': ');
  const line = where ? `${where}: ${domain.message}` : domain.message;
  return { line, code: domain.code === 'internal' ? EXIT_FAILURE : EXIT_BAD_INPUT };
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
