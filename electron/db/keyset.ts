import { DomainError } from '../../shared/api/errors';

/*
 * Keyset paging (issue 12.10): a page continues after the last row of the one before, by its
 * sort key, so SQLite seeks to it instead of counting past every earlier row as OFFSET does.
 * The key travels as an opaque string: the sort columns' values as JSON.
 */

export function encodeKey(values: readonly (string | number)[]): string {
  return JSON.stringify(values);
}

/** The sort key a client sent back, checked against the shape this list sorts by. */
export function decodeKey<T extends readonly ('string' | 'number')[]>(after: string, shape: T): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let values: unknown;
  try {
    values = JSON.parse(after);
  } catch {
    throw new DomainError('input.cursor', {}, { field: 'after' });
  }
  if (!Array.isArray(values) || values.length !== shape.length || values.some((v, i) => typeof v !== shape[i]))
    throw new DomainError('input.cursor', {}, { field: 'after' });
  return values as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
