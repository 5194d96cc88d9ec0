import type { ApiHandlers, ApiMethod } from '../../shared/api/contract';
import type { ReadDb, WriteDb } from '../db/handles';

/**
 * What a handler does to the database, said where it is registered (STYLE rule 13, Actual's
 * `mutator()`): `createServices` wraps each handler by its marker, never by its name.
 * - `read`: no transaction, no audit entry.
 * - `write`: one transaction (BEGIN IMMEDIATE) holding the change and exactly one audit entry.
 * - `ownTransaction`: the handler opens its own transactions (bundle load, backups, bank import
 *   commit, forms) and writes its own audit entries.
 * The handler gets its database handle from the wrapper, typed by its marker (db/handles.ts): a
 * `read` handler holds a `ReadDb`, so calling a repository function that writes does not compile.
 * A service factory therefore never takes the connection itself.
 */
export type HandlerKind = 'read' | 'write' | 'ownTransaction';

/**
 * What a write adds to its one audit entry. By default the entry is the method name, the
 * arguments as detail, the actor from `by` and the entity id from `id`/`salesperson`/`month`;
 * a handler that knows better (what an approval fixed, which snapshot a reopen discarded)
 * replaces those fields here instead of writing a second entry.
 */
export type AuditNote = { action?: string; entity?: string; entityId?: string; actor?: string | null; detail?: unknown };

declare const marked: unique symbol;
type Marked<K extends HandlerKind, F> = F & { readonly [marked]: K };

// A write runs inside a synchronous transaction: a promise would let it commit before the work ends.
type Sync<R> = R extends PromiseLike<unknown> ? never : R;

/** How a `write` handler adds to its one audit entry. */
export type Audit = { note(entry: AuditNote): void };

export type ReadHandler<A, R> = Marked<'read', (db: ReadDb, args: A) => R>;
export type WriteHandler<A, R> = Marked<'write', (db: WriteDb, args: A, audit: Audit) => Sync<R>>;
export type OwnTransactionHandler<A, R> = Marked<'ownTransaction', (db: WriteDb, args: A) => R>;
type AnyMarked<A, R> = ReadHandler<A, R> | WriteHandler<A, R> | OwnTransactionHandler<A, R>;

type Args<M extends ApiMethod> = Parameters<ApiHandlers[M]>[0];
type Result<M extends ApiMethod> = ReturnType<ApiHandlers[M]>;

/** The handler map every service returns: an unmarked function does not compile. */
export type ServiceHandlers<M extends ApiMethod = ApiMethod> = { [K in M]: AnyMarked<Args<K>, Result<K>> };

const kinds = new WeakMap<object, HandlerKind>();

function mark<K extends HandlerKind, F extends object>(kind: K, fn: F): Marked<K, F> {
  kinds.set(fn, kind);
  return fn as Marked<K, F>;
}

/** A handler that only reads: no transaction, no audit entry. */
export function read<A, R>(fn: (db: ReadDb, args: A) => R): ReadHandler<A, R> {
  return mark('read', fn);
}

/** A handler that changes data: one transaction with exactly one audit entry, all or nothing. */
export function write<A, R>(fn: (db: WriteDb, args: A, audit: Audit) => Sync<R>): WriteHandler<A, R> {
  return mark('write', fn);
}

/** A handler that manages its own transactions and audit entries. */
export function ownTransaction<A, R>(fn: (db: WriteDb, args: A) => R): OwnTransactionHandler<A, R> {
  return mark('ownTransaction', fn);
}

/** The marker of a handler; a function that reached here unmarked (through a cast) is refused. */
export function kindOf(method: string, handler: object): HandlerKind {
  const kind = kinds.get(handler);
  if (!kind) throw new Error(`handler ${method} has no read/write/ownTransaction marker`);
  return kind;
}
