import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { readBankStatement } from '../../electron/bank/statementReader';
import { openDatabase } from '../../electron/db/connection';
import type { WriteDb } from '../../electron/db/handles';
import { createApi, createServices } from '../../electron/services';
import { computeQuarter } from '../../electron/services/appraisalService';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { dumpBundle } from '../../electron/services/bundle/dumpBundle';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import type { RowOutcome } from '../../shared/bank/statementRows';
import { ok, throughInterview } from '../goldenWorkflow';
import { GOLDEN, ROOT, readJson, tempDir } from '../helpers';

const QUIRKS = path.join(ROOT, 'test/fixtures/bank-quirks');
const quirk = (file: string) => fs.readFileSync(path.join(QUIRKS, file));
const golden = (file: string) => fs.readFileSync(path.join(GOLDEN, 'statements', file));

function freshDb(file = path.join(tempDir(), 'reader.db')): WriteDb {
  const db = openDatabase(file, { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

const count = (db: WriteDb) => (db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
const receipts = (db: WriteDb) =>
  db.prepare('SELECT value_date, currency, amount_fen, remitter, memo, customer_id, fingerprint FROM receipts ORDER BY id').all();

/** The unknown layout's columns: Posted | Paid in | Paid out | From or to | Note. */
const MAPPING = { headerRow: 0, columns: { tradeDate: 0, credit: 1, debit: 2, counterparty: 3, memo: 4 } };

describe('column mapping by the user (SPEC §10)', () => {
  it('a layout no word list knows previews with source null, its first rows and an empty summary — not an error', async () => {
    const plan = await previewStatement(freshDb(), quirk('unknown-layout-a.csv'), 'unknown-layout-a.csv');
    expect(plan.sheet).toEqual({
      rows: [
        ['Posted', 'Paid in', 'Paid out', 'From or to', 'Note'],
        ['2026-09-16', '2,400.00', '', 'PACIFIC IMPORTS SAS', 'inv 1'],
        ['2026-09-17', '', '300.00', '义乌市恒达包装材料有限公司', 'packing'],
        // the file's last line break: a blank row, as wide as the others
        ['', '', '', '', ''],
      ],
      headerRow: null,
      columns: {},
      headerKey: null,
      source: null,
    });
    expect(plan.rows).toEqual([]);
    expect(plan.summary).toMatchObject({ read: 0, imported: 0, rejected: [] });
  });

  it('commit without a mapping fails with bank.noHeader saying to assign the columns or pass --columns', async () => {
    const db = freshDb();
    await expect(importStatement(db, quirk('unknown-layout-a.csv'), 'unknown-layout-a.csv')).rejects.toMatchObject({
      code: 'bank.noHeader',
      message: expect.stringMatching(/unknown-layout-a\.csv 中找不到表头.*为各列指定用途.*--columns/),
    });
    expect(count(db)).toBe(0);
  });

  it('is committed with a mapping, remembered, and the next file with the same header imports without one, with the same result', async () => {
    const db = freshDb();
    const api: Api = createApi(createServices(db));
    const content = (file: string) => quirk(file).toString('base64');
    const preview = await ok(api['bankImport.preview']({ fileName: 'unknown-layout-a.csv', content: content('unknown-layout-a.csv'), mapping: MAPPING }));
    expect(preview.sheet).toMatchObject({
      source: 'user',
      headerRow: 0,
      headerKey: 'Posted|Paidin|Paidout|Fromorto|Note',
      columns: { tradeDate: [0], credit: [1], debit: [2] },
    });
    expect(preview.summary).toMatchObject({ read: 2, imported: 1, skipped: { 'skip.outgoing': 1 } });
    const a = await ok(api['bankImport.commit']({ fileName: 'unknown-layout-a.csv', content: content('unknown-layout-a.csv'), mapping: MAPPING }));
    expect(a).toMatchObject({ imported: 1, skipped: { 'skip.outgoing': 1 } });
    expect(await ok(api['columnMappings.list']({}))).toEqual([
      { headerKey: 'Posted|Paidin|Paidout|Fromorto|Note', columns: MAPPING.columns, createdAt: expect.any(String) },
    ]);

    const remembered = await ok(api['bankImport.preview']({ fileName: 'unknown-layout-b.csv', content: content('unknown-layout-b.csv') }));
    expect(remembered.sheet).toMatchObject({ source: 'remembered', headerRow: 0 });
    const b = await ok(api['bankImport.commit']({ fileName: 'unknown-layout-b.csv', content: content('unknown-layout-b.csv') }));
    expect(b).toMatchObject({ imported: 2, rejected: [] });

    // The same file with the mapping given by hand, in another company file: the same rows stored.
    const other = freshDb();
    const byHand = await importStatement(other, quirk('unknown-layout-b.csv'), 'unknown-layout-b.csv', {}, { mapping: MAPPING, remember: false });
    expect({ ...b, batchId: null, refundRows: [] }).toEqual({ ...byHand, batchId: null, refundRows: [] });
    expect(receipts(db).slice(1)).toEqual(receipts(other));
    expect(dumpBundle(other).columnMappings).toBeUndefined();
  });

  it('a remembered mapping can be deleted: the header is then unknown again', async () => {
    const db = freshDb();
    const api: Api = createApi(createServices(db));
    await importStatement(db, quirk('unknown-layout-a.csv'), 'unknown-layout-a.csv', {}, { mapping: MAPPING });
    expect(await ok(api['columnMappings.delete']({ headerKey: 'Posted|Paidin|Paidout|Fromorto|Note' }))).toEqual({ deleted: true });
    expect(await ok(api['columnMappings.list']({}))).toEqual([]);
    expect((await previewStatement(db, quirk('unknown-layout-b.csv'), 'unknown-layout-b.csv')).sheet.source).toBeNull();
  });

  it('tab text in an unknown layout is split on its tabs, so its columns can be assigned', async () => {
    const text = Buffer.from('Posted\tIn\tPayer\n2026-09-20\t1,000.00\tPACIFIC IMPORTS SAS\n', 'utf8');
    const db = freshDb();
    const plan = await previewStatement(db, text, 'unknown.txt');
    expect(plan.sheet.rows[0]).toEqual(['Posted', 'In', 'Payer']);
    const report = await importStatement(db, text, 'unknown.txt', {}, { mapping: { headerRow: 0, columns: { tradeDate: 0, credit: 1, payer: 2 } } });
    expect(report).toMatchObject({ imported: 1, unmatched: 0 });
  });

  it('a mapping without a date or an amount column is refused, naming what is missing', async () => {
    const db = freshDb();
    const api: Api = createApi(createServices(db));
    const result = await api['bankImport.preview']({
      fileName: 'a.csv',
      content: quirk('unknown-layout-a.csv').toString('base64'),
      mapping: { headerRow: 0, columns: { counterparty: 3 } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bank.mappingIncomplete' } });
  });

  it('a user mapping overrides header words where the user disagrees (the balance column is not the amount)', async () => {
    const db = freshDb();
    // header-unit-suffix.csv: 交易日期 | 收入金额（人民币） | 支出金额(元) | 余额/元 | 对方户名 | 备注 — take 余额 as credit on purpose.
    const plan = await previewStatement(
      db,
      quirk('header-unit-suffix.csv'),
      'header-unit-suffix.csv',
      {},
      { mapping: { headerRow: 4, columns: { tradeDate: 0, credit: 3, counterparty: 4 } } },
    );
    expect(plan.sheet.source).toBe('user');
    expect(plan.rows.map((r) => r.amountFen)).toEqual([10456000]);
  });

  it('travels in bundles: load → dump is lossless', async () => {
    const db = freshDb();
    await importStatement(db, quirk('unknown-layout-a.csv'), 'unknown-layout-a.csv', {}, { mapping: MAPPING });
    const bundle = dumpBundle(db);
    expect(bundle.columnMappings).toEqual([
      {
        headerKey: 'Posted|Paidin|Paidout|Fromorto|Note',
        columns: MAPPING.columns,
        headerRowCells: ['Posted', 'Paid in', 'Paid out', 'From or to', 'Note'],
        createdAt: expect.any(String),
      },
    ]);
    const copy = freshDb();
    loadBundle(copy, bundle);
    expect(dumpBundle(copy).columnMappings).toEqual(bundle.columnMappings);
    expect((await previewStatement(copy, quirk('unknown-layout-b.csv'), 'unknown-layout-b.csv')).sheet.source).toBe('remembered');
  });
});

describe('the duplicate fingerprint (SPEC §10)', () => {
  // Rows without a bank reference are known by a fingerprint built on normalizePayerName: a
  // change to that normalisation would make these re-imports add rows.
  it.each(['icbc-fx-history.csv', 'footer-below-data.csv'])(
    '%s: re-imported after reopening the file, and after dump → load into a fresh database, adds nothing',
    async (file) => {
      const bytes = file.startsWith('icbc') ? golden(file) : quirk(file);
      const dbFile = path.join(tempDir(), 'restart.db');
      const db = freshDb(dbFile);
      const first = await importStatement(db, bytes, file);
      expect(first.imported).toBeGreaterThan(0);
      const before = receipts(db);
      db.close();
      const reopened = openDatabase(dbFile);
      expect(await importStatement(reopened, bytes, file)).toMatchObject({ imported: 0, duplicates: first.imported, batchId: null });
      const bundle = dumpBundle(reopened);
      reopened.close();
      const loaded = openDatabase(path.join(tempDir(), 'loaded.db'), { create: true });
      loadBundle(loaded, bundle);
      expect(await importStatement(loaded, bytes, file)).toMatchObject({ imported: 0, duplicates: first.imported, batchId: null });
      expect(receipts(loaded)).toEqual(before);
    },
  );
});

describe('the reader returns new rows', () => {
  it('reading twice gives equal rows, and rows handed back are never changed by the import', async () => {
    const tableRate = () => null;
    const first = await readBankStatement(golden('boc-gbp-statement.csv'), 'gbp.csv', { tableRate });
    const copy = JSON.parse(JSON.stringify(first.outcomes)) as RowOutcome[];
    const db = freshDb();
    await importStatement(db, golden('boc-gbp-statement.csv'), 'gbp.csv');
    expect(first.outcomes).toEqual(copy);
    const rows = first.outcomes.filter((o) => o.kind === 'row');
    expect(rows.length, 'rows read from the GBP statement').toBeGreaterThan(0);
    expect(
      rows.filter((o) => o.kind === 'row' && o.value.decision === undefined),
      'rows without a decision',
    ).toEqual([]);
  });
});

describe('an approved quarter is never changed by an import (SPEC §8)', () => {
  it('a Q3 receipt for a salesperson whose 2026Q3 appraisal is approved is held back, named, and the figures stay', async () => {
    const db = openDatabase(path.join(tempDir(), 'approved.db'), { create: true });
    const api = createApi(createServices(db));
    await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
    for (const salesperson of ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']) await throughInterview(api, salesperson);
    await ok(api['workflow.approve']({ quarter: '2026Q3', by: '张总', opinion: '同意' }));
    const before = computeQuarter(db, '2026Q3').report;

    const content = quirk('approved-quarter.csv').toString('base64');
    const preview = await ok(api['bankImport.preview']({ fileName: 'approved-quarter.csv', content }));
    const report = await ok(api['bankImport.commit']({ fileName: 'approved-quarter.csv', content }));
    for (const summary of [preview.summary, report]) {
      expect(summary).toMatchObject({ read: 2, imported: 1, skipped: { 'skip.approvedQuarter': 1 } });
      expect(summary.held).toEqual([{ row: 6, code: 'skip.approvedQuarter', params: { name: '秦欣怡', salesperson: 'S02', quarter: '2026Q3' } }]);
    }
    expect(computeQuarter(db, '2026Q3').report).toEqual(before);
    const refs = db.prepare("SELECT ref FROM receipts WHERE ref LIKE 'APPR%'").all() as { ref: string }[];
    expect(refs.map((r) => r.ref)).toEqual(['APPR0002']);
  });
});
