import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { duplicateKey, type RowPlan } from '../../shared/bank/classify';
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

describe('overlapping statements dropped together', () => {
  // Two extracts of the golden BOC GBP statement that share six rows (bank references and all).
  const lines = fs
    .readFileSync(path.join(GOLDEN, 'statements', 'boc-gbp-statement.csv'))
    .toString('utf8')
    .split('\n');
  const head = lines.slice(0, 9);
  const first = Buffer.from([...head, ...lines.slice(9, 20)].join('\n'), 'utf8');
  const second = Buffer.from([...head, ...lines.slice(14, 25)].join('\n'), 'utf8');
  const keysOf = (rows: readonly RowPlan[]) => rows.flatMap((r) => (r.fate === 'new' && r.receipt ? [duplicateKey(r.receipt.ref, r.receipt.fingerprint)] : []));

  it('the second preview counts the rows of the first as duplicates, and the commit of both agrees', async () => {
    const db = freshDb();
    const a = await previewStatement(db, first, 'a.csv');
    const b = await previewStatement(db, second, 'b.csv', {}, { pending: [{ file: 'a.csv', keys: keysOf(a.rows) }] });
    const alone = await previewStatement(db, second, 'b.csv');
    const fromA = b.rows.filter((r) => r.reason === 'dup.stagedFile');
    expect(fromA.length, 'rows of b.csv that a.csv also holds').toBeGreaterThan(0);
    expect(fromA.every((r) => r.fate === 'duplicate' && r.params['file'] === 'a.csv')).toBe(true);
    expect(b.summary.imported, 'b.csv previewed alone would import the shared rows again').toBe(alone.summary.imported - fromA.length);

    const committedA = await importStatement(db, first, 'a.csv');
    const committedB = await importStatement(db, second, 'b.csv');
    expect(committedA.imported).toBe(a.summary.imported);
    expect(committedB.imported, 'preview with the earlier file = commit after it').toBe(b.summary.imported);
    expect(committedB.duplicates).toBe(b.summary.duplicates);
  });
});
