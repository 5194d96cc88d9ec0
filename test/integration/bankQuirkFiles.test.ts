import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/api/contract';
import type { WriteDb } from '../../electron/db/handles';
import { importStatement, previewStatement } from '../../electron/services/bankImport/importService';
import { PACIFIC, QUIRKS, STATEMENTS, freshDb, preview, quirk } from '../bankQuirks';

/*
 * Bank-quirk fixtures about whole files (SPEC §10): the containers a statement comes in,
 * duplicate rows inside one file, and a preview that says exactly what the commit will do.
 */

describe('SPEC §10 containers', () => {
  it('csv-that-is-xls.csv: a file named .csv that is really .xls is read as .xls', async () => {
    const { lines } = await preview('csv-that-is-xls.csv');
    expect(lines).toEqual([[6, 'new', null, '2026-09-14', 'CNY', 160000, PACIFIC, 'C007']]);
  });

  it('utf8-bom.csv: UTF-8 with a BOM', async () => {
    const { lines } = await preview('utf8-bom.csv');
    expect(lines).toEqual([[2, 'new', null, '2026-09-15', 'CNY', 170000, PACIFIC, 'C007']]);
  });

  it.each([
    ['not-statement-letter.docx', 'Word'],
    ['not-statement-letter-docx-renamed.xlsx', 'Word'],
    ['not-statement-scan.pdf', 'PDF'],
    ['not-statement-scan-pdf-renamed.csv', 'PDF'],
    ['not-statement-logo.png', 'PNG'],
    ['not-statement-logo-png-renamed.xlsx', 'PNG'],
  ])('%s is refused as not a bank statement (%s), never called empty', async (file, kind) => {
    const db = freshDb();
    for (const attempt of [previewStatement(db, quirk(file), file), importStatement(db, quirk(file), file)]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e as { code?: string; params?: Record<string, unknown>; message: string },
      );
      expect(error?.code).toBe('bank.notStatement');
      expect(String(error?.params?.kind)).toContain(kind);
      expect(error?.message).toMatch(new RegExp(`${file.replace(/\./g, '\\.')} 不是银行对账单`));
      expect(error?.message).not.toMatch(/空文件/);
    }
    expect((db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(0);
  });
});

describe('SPEC §10 duplicates inside one file', () => {
  it('same-reference-twice.csv: the same bank reference twice in one file is stored once, the second reported duplicate', async () => {
    const { lines } = await preview('same-reference-twice.csv');
    expect(lines.map((l) => [l[0], l[1]])).toEqual([
      [6, 'new'],
      [7, 'duplicate'],
      [8, 'new'],
    ]);
    const db = freshDb();
    const report = await importStatement(db, quirk('same-reference-twice.csv'), 'same-reference-twice.csv');
    expect(report).toMatchObject({ imported: 2, duplicates: 1 });
    const refs = db.prepare('SELECT ref FROM receipts ORDER BY id').all() as { ref: string }[];
    expect(refs.map((r) => r.ref)).toEqual(['QK2026091100017', 'QK2026091200003']);
  });
});

const STATEMENT_FIXTURES = fs
  .readdirSync(QUIRKS)
  .filter((f) => f !== 'make.ts' && !f.startsWith('.') && !f.startsWith('not-statement') && !f.startsWith('unknown-layout'))
  .sort();
const ALL = [
  ...STATEMENT_FIXTURES.map((f) => [f, path.join(QUIRKS, f)]),
  ...fs
    .readdirSync(STATEMENTS)
    .sort()
    .map((f) => [f, path.join(STATEMENTS, f)]),
];

function stored(db: WriteDb, batchId: number | null) {
  if (batchId === null) return [];
  return db
    .prepare(
      'SELECT ref, fingerprint, value_date, currency, amount_fen, rate_micro, bank_cny_fen, remitter, memo, customer_id, matched_owner_id FROM receipts WHERE batch_id = ? ORDER BY id',
    )
    .all(batchId);
}

function skippedTotal(summary: ImportSummary): number {
  return Object.values(summary.skipped).reduce((a, b) => a + b, 0);
}

describe('preview equals commit (SPEC §10)', () => {
  // it.each over an emptied fixtures folder would make no tests at all, and pass.
  it('runs over every statement fixture: the quirks and the six golden statements', () => {
    expect(STATEMENT_FIXTURES.length, 'quirk statements found').toBeGreaterThanOrEqual(40);
    expect(ALL.length - STATEMENT_FIXTURES.length, 'golden statements found').toBe(6);
  });

  it.each(ALL)('%s: the rows the preview shows as to import are exactly the rows the commit stores', async (file, full) => {
    const db = freshDb();
    const bytes = fs.readFileSync(full);
    const plan = await previewStatement(db, bytes, file);
    const shown = plan.rows.flatMap((r) =>
      r.fate === 'new' && r.receipt
        ? [
            {
              ref: r.receipt.ref,
              fingerprint: r.receipt.fingerprint,
              value_date: r.receipt.valueDate,
              currency: r.receipt.currency,
              amount_fen: r.receipt.amountFen,
              rate_micro: r.receipt.rateMicro,
              bank_cny_fen: r.receipt.cnyFen,
              remitter: r.receipt.remitter,
              memo: r.receipt.memo,
              customer_id: r.receipt.customer,
              matched_owner_id: r.receipt.matchedOwner,
            },
          ]
        : [],
    );
    const report = await importStatement(db, bytes, file);
    expect(stored(db, report.batchId)).toEqual(shown);
    // Nothing the preview flagged may be stored at commit without the user's answer.
    expect(report.imported).toBe(plan.summary.imported);
  });

  it.each(ALL)('%s: the report counts every row once: read = imported + duplicates + Σskipped + rejected + flagged', async (file, full) => {
    const db = freshDb();
    const bytes = fs.readFileSync(full);
    for (const summary of [(await previewStatement(db, bytes, file)).summary, await importStatement(db, bytes, file), await importStatement(db, bytes, file)]) {
      expect(summary.read, JSON.stringify(summary)).toBe(
        summary.imported + summary.duplicates + skippedTotal(summary) + summary.rejected.length + summary.flagged,
      );
    }
  });
});
