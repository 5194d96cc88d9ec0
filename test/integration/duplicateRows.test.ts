import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { GOLDEN, readJson, tempDir } from '../helpers';

/*
 * SPEC §10 duplicates inside one statement. A row with a bank reference is known by it: the same
 * reference twice in one file is one receipt. A row without one is known by its fingerprint and
 * its occurrence in the file: two identical rows are two receipts (two payments of the same
 * amount on the same day happen), and importing the file again adds neither.
 */

const HEADER = '交易日期,币种,贷方金额,对方户名,摘要,流水号';
const PAYMENT = '2026-09-11,CNY,2100.00,PACIFIC IMPORTS SAS,货款,';

function statement(...rows: string[]): Buffer {
  return Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');
}

function freshDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'duplicates.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

function stored(db: WriteDb): string[] {
  const rows = db.prepare('SELECT ref, fingerprint, amount_fen FROM receipts ORDER BY id').all() as {
    ref: string | null;
    fingerprint: string | null;
    amount_fen: number;
  }[];
  return rows.map((r) => `${r.ref ?? '-'} ${r.fingerprint ?? '-'} ${r.amount_fen}`);
}

describe('SPEC §10 duplicates inside one file', () => {
  it('two identical rows without a bank reference: the preview shows both as new and both are imported, by occurrence', async () => {
    const db = freshDb();
    const bytes = statement(PAYMENT, PAYMENT);
    const plan = await previewStatement(db, bytes, 'twice.csv');
    expect(
      plan.rows.map((r) => `${r.row} ${r.fate} ${r.receipt?.fingerprint ?? ''}`),
      'preview of the two rows',
    ).toEqual(['2 new 2026-09-11|CNY|210000|PACIFIC IMPORTS SAS|货款#1', '3 new 2026-09-11|CNY|210000|PACIFIC IMPORTS SAS|货款#2']);
    const report = await importStatement(db, bytes, 'twice.csv');
    expect(report, 'the first import').toMatchObject({ read: 2, imported: 2, duplicates: 0 });
    expect(stored(db)).toEqual(['- 2026-09-11|CNY|210000|PACIFIC IMPORTS SAS|货款#1 210000', '- 2026-09-11|CNY|210000|PACIFIC IMPORTS SAS|货款#2 210000']);
    db.close();
  });

  it('the same file again adds nothing; a later file with the row three times adds only the third', async () => {
    const db = freshDb();
    await importStatement(db, statement(PAYMENT, PAYMENT), 'twice.csv');
    const again = await importStatement(db, statement(PAYMENT, PAYMENT), 'twice.csv');
    expect(again, 'the same file imported again').toMatchObject({ imported: 0, duplicates: 2, batchId: null });
    const thrice = await importStatement(db, statement(PAYMENT, PAYMENT, PAYMENT), 'thrice.csv');
    expect(thrice, 'a statement with the row three times').toMatchObject({ imported: 1, duplicates: 2 });
    expect(
      stored(db).map((s) => s.split('#')[1]),
      'occurrences stored',
    ).toEqual(['1 210000', '2 210000', '3 210000']);
    db.close();
  });

  it('the same bank reference twice in one file is one receipt, the second row reported duplicate', async () => {
    const db = freshDb();
    const row = '2026-09-11,CNY,2100.00,PACIFIC IMPORTS SAS,货款,QK2026091100017';
    const bytes = statement(row, row);
    const plan = await previewStatement(db, bytes, 'same-ref.csv');
    // Both rows are shown; only the first is to be imported.
    expect(
      plan.rows.map((r) => `${r.row} ${r.fate}`),
      'preview of the two rows',
    ).toEqual(['2 new', '3 duplicate']);
    const report = await importStatement(db, bytes, 'same-ref.csv');
    expect(report, 'import of a file with one reference twice').toMatchObject({ read: 2, imported: 1, duplicates: 1 });
    expect(stored(db)).toEqual(['QK2026091100017 - 210000']);
    db.close();
  });
});
