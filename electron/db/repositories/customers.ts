import type { CreditGrade } from '../../../shared/domain';
import { normalizePayerName } from '../../../shared/matching/payerName';
import { fenToText, toFen } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../handles';
import { decodeKey, encodeKey } from '../keyset';
import { preparedRead, preparedWrite } from '../statements';
import type { Customer, Page } from '../../../shared/entities';

type CustomerRow = {
  id: string;
  name: string;
  country: string | null;
  owner_id: string | null;
  aliases: string | null;
  terms_id: string | null;
  credit_grade: CreditGrade;
  credit_limit_fen: number | null;
};

const SELECT = `SELECT c.id, c.name, c.country, c.owner_id, c.terms_id, c.credit_grade, c.credit_limit_fen,
  (SELECT json_group_array(alias) FROM (SELECT alias FROM customer_aliases a WHERE a.customer_id = c.id ORDER BY seq)) AS aliases
  FROM customers c`;

/** The same with each row's position in the list, the key of the next page. */
const SELECT_SEQ = SELECT.replace('SELECT c.id,', 'SELECT c.rowid AS seq, c.id,');

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    owner: row.owner_id,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
    terms: row.terms_id,
    creditGrade: row.credit_grade,
    creditLimit: row.credit_limit_fen === null ? null : fenToText(row.credit_limit_fen),
  };
}

/** Customers in the order they were added, a page at a time: after `query.after` (keyset), else from `offset`. */
export function listCustomers(db: ReadDb, query: { search?: string; offset: number; limit: number; after?: string | undefined }): Page<Customer> {
  const like = `%${query.search ?? ''}%`;
  const where = `WHERE (c.id LIKE @like OR c.name LIKE @like OR EXISTS (SELECT 1 FROM customer_aliases a WHERE a.customer_id = c.id AND a.alias LIKE @like))`;
  const total = (preparedRead(db, `SELECT count(*) AS n FROM customers c ${where}`).get({ like }) as { n: number }).n;
  const after = query.after === undefined ? null : decodeKey(query.after, ['number'] as const);
  const rows = (
    after
      ? preparedRead(db, `${SELECT_SEQ} ${where} AND c.rowid > @after ORDER BY c.rowid LIMIT @limit`).all({ like, after: after[0], limit: query.limit })
      : preparedRead(db, `${SELECT_SEQ} ${where} ORDER BY c.rowid LIMIT @limit OFFSET @offset`).all({ like, limit: query.limit, offset: query.offset })
  ) as (CustomerRow & { seq: number })[];
  const last = rows.length === query.limit ? rows[rows.length - 1] : undefined;
  return { rows: rows.map(toCustomer), total, offset: query.offset, limit: query.limit, next: last ? encodeKey([last.seq]) : null };
}

export function allCustomers(db: ReadDb): Customer[] {
  return (preparedRead(db, `${SELECT} ORDER BY c.rowid`).all() as CustomerRow[]).map(toCustomer);
}

export function getCustomer(db: ReadDb, id: string): Customer | null {
  const row = preparedRead(db, `${SELECT} WHERE c.id = ?`).get(id) as CustomerRow | undefined;
  return row ? toCustomer(row) : null;
}

/** Names of the given customers, for lists that show names instead of ids (one page at a time). */
export function customerNames(db: ReadDb, ids: readonly (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = preparedRead(db, 'SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(wanted)) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function customerExists(db: ReadDb, id: string): boolean {
  return preparedRead(db, 'SELECT 1 FROM customers WHERE id = ?').get(id) !== undefined;
}

export function insertCustomer(db: WriteDb, c: Customer): void {
  preparedWrite(
    db,
    'INSERT INTO customers (id, name, normalized_name, country, owner_id, terms_id, credit_grade, credit_limit_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(c.id, c.name, normalizePayerName(c.name), c.country, c.owner, c.terms, c.creditGrade, c.creditLimit === null ? null : toFen(c.creditLimit));
  writeAliases(db, c.id, c.aliases);
}

export function updateCustomer(db: WriteDb, c: Customer): boolean {
  const changed = preparedWrite(
    db,
    'UPDATE customers SET name = ?, normalized_name = ?, country = ?, owner_id = ?, terms_id = ?, credit_grade = ?, credit_limit_fen = ? WHERE id = ?',
  ).run(c.name, normalizePayerName(c.name), c.country, c.owner, c.terms, c.creditGrade, c.creditLimit === null ? null : toFen(c.creditLimit), c.id).changes;
  if (changed > 0) writeAliases(db, c.id, c.aliases);
  return changed > 0;
}

function writeAliases(db: WriteDb, id: string, aliases: readonly string[]): void {
  preparedWrite(db, 'DELETE FROM customer_aliases WHERE customer_id = ?').run(id);
  const insert = preparedWrite(db, 'INSERT OR IGNORE INTO customer_aliases (customer_id, seq, alias, normalized) VALUES (?, ?, ?, ?)');
  aliases.forEach((alias, seq) => insert.run(id, seq, alias, normalizePayerName(alias)));
}

export function customerInUse(db: ReadDb, id: string): boolean {
  return (
    (
      preparedRead(db, 'SELECT EXISTS (SELECT 1 FROM deals WHERE customer_id = @id) OR EXISTS (SELECT 1 FROM receipts WHERE customer_id = @id) AS used').get({
        id,
      }) as {
        used: number;
      }
    ).used === 1
  );
}

export function deleteCustomer(db: WriteDb, id: string): boolean {
  return preparedWrite(db, 'DELETE FROM customers WHERE id = ?').run(id).changes > 0;
}

/**
 * Customers whose name or an alias has the comparison key `key` (SPEC §10). The key is not
 * normalised again: normalising twice is not always the same as once ("THE THE CO" → "THE CO" → "CO").
 */
export function customersNamed(db: ReadDb, key: string): { id: string; owner: string | null }[] {
  return preparedRead(
    db,
    `SELECT id, owner_id AS owner FROM customers WHERE normalized_name = @key
     UNION SELECT c.id, c.owner_id FROM customer_aliases a JOIN customers c ON c.id = a.customer_id WHERE a.normalized = @key`,
  ).all({ key }) as { id: string; owner: string | null }[];
}

/**
 * Every comparison key of a customer name or alias, with the customers it names (each once):
 * what `customersNamed` answers for one key, for all of them in one read.
 */
export function customersByNameKey(db: ReadDb): Map<string, { id: string; owner: string | null }[]> {
  const rows = preparedRead(
    db,
    `SELECT normalized_name AS key, id, owner_id AS owner FROM customers
     UNION SELECT a.normalized, c.id, c.owner_id FROM customer_aliases a JOIN customers c ON c.id = a.customer_id`,
  ).all() as { key: string; id: string; owner: string | null }[];
  const byKey = new Map<string, { id: string; owner: string | null }[]>();
  for (const { key, id, owner } of rows) {
    const named = byKey.get(key);
    if (!named) byKey.set(key, [{ id, owner }]);
    else if (!named.some((c) => c.id === id)) named.push({ id, owner });
  }
  return byKey;
}

export function ownerOf(db: ReadDb, id: string): string | null {
  return (preparedRead(db, 'SELECT owner_id FROM customers WHERE id = ?').get(id) as { owner_id: string | null } | undefined)?.owner_id ?? null;
}

/** Sets a customer's credit grade alone (the user accepted a suggestion, SPEC §12). */
export function setCreditGrade(db: WriteDb, id: string, grade: CreditGrade): boolean {
  return preparedWrite(db, 'UPDATE customers SET credit_grade = ? WHERE id = ?').run(grade, id).changes > 0;
}
