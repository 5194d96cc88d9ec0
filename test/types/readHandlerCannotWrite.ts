/*
 * Compile-time proof that a read handler cannot write (issue 12.1, db/handles.ts). This file is
 * never run: `tsc -p tsconfig.node.json` checks it as part of `npm test`'s typecheck. Each
 * `@ts-expect-error` below fails the compilation ("Unused '@ts-expect-error' directive") the
 * moment its line stops being an error, so removing the ReadDb/WriteDb brand, widening `read`'s
 * handle, or letting a read handle reach `prepare` breaks `npm test`.
 */
import type { ReadDb, WriteDb } from '../../electron/db/handles';
import { appendAudit, listAudit } from '../../electron/db/repositories/auditLog';
import { getSalesperson, insertSalesperson } from '../../electron/db/repositories/salespeople';
import { inTransaction, preparedRead, preparedWrite } from '../../electron/db/statements';
import { ownTransaction, read, write, type ServiceHandlers } from '../../electron/services/markers';

export const readHandlers: Pick<ServiceHandlers, 'audit.list' | 'salespeople.list'> = {
  'audit.list': read((db, { offset, limit }) => {
    // @ts-expect-error — a read handler calling a repository function that writes.
    appendAudit(db, { action: 'audit.list' });
    return listAudit(db, offset, limit);
  }),
  'salespeople.list': read((db) => {
    // @ts-expect-error — a read handler preparing a statement through the write helper.
    preparedWrite(db, 'DELETE FROM salespeople');
    // @ts-expect-error — a read handler opening a transaction.
    inTransaction(db, () => null);
    // @ts-expect-error — the read handle exposes nothing of better-sqlite3: no raw prepare …
    db.prepare('DELETE FROM salespeople');
    // @ts-expect-error — … and no exec.
    db.exec('DROP TABLE salespeople');
    // Reading is what it may do (a write statement here is refused when it is prepared).
    preparedRead(db, 'SELECT count(*) FROM salespeople');
    return [];
  }),
};

export function readWhereWriteIsNeeded(db: ReadDb): void {
  // @ts-expect-error — a ReadDb passed where a WriteDb is needed.
  const handle: WriteDb = db;
  // @ts-expect-error — and so to any function that writes.
  insertSalesperson(db, { id: 'S1', name: '甲', department: null, hiredOn: null, monthlyBaseSalary: '0', performanceBasePay: '0', commissionPlan: null });
  void handle;
}

// The other way round is allowed: a writer may read, and write and ownTransaction handlers get a WriteDb.
export function writerReads(db: WriteDb): ReadDb {
  getSalesperson(db, 'S1');
  return db;
}

export const writeHandlers: Pick<ServiceHandlers, 'salespeople.delete' | 'bundle.dump'> = {
  'salespeople.delete': write((db, { id }) => {
    appendAudit(db, { action: 'salespeople.delete', entityId: id });
    return null;
  }),
  'bundle.dump': ownTransaction((db) => {
    inTransaction(db, () => null);
    return { format: 'tradekpi-bundle', version: 1 } as never;
  }),
};
