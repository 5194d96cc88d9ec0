import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api, ApiResults } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { openDatabase } from '../../electron/db/connection';
import { createApi, createServices } from '../../electron/services/index';
import { GOLDEN, readJson, tempDir, tkpi } from '../helpers';

/*
 * Issue 12 item 3: the command line is one more client of the API contract. It is refused by the
 * same schemas with the same messages as the window, and its writes leave the same audit entries
 * as the same call made through createApi — checked on a real `tkpi` process and a real file.
 */

const STATEMENT = path.join(GOLDEN, 'statements', fs.readdirSync(path.join(GOLDEN, 'statements')).sort()[0] ?? '');
const BUNDLE = path.join(GOLDEN, 'bundle-no-receipts.json');

/** A database loaded by `tkpi load` in a fresh folder. */
function cliDatabase(): { dir: string; db: string } {
  const dir = tempDir();
  const db = path.join(dir, 'cli.db');
  const loaded = tkpi('load', '--db', db, BUNDLE);
  expect(loaded.status, `tkpi load: ${loaded.stderr}`).toBe(0);
  return { dir, db };
}

/** The API over a database file, as the window has it; closed after the work. */
async function withApi<T>(file: string, work: (api: Api) => Promise<T>): Promise<T> {
  const db = openDatabase(file, { create: true });
  try {
    return await work(createApi(createServices(db)));
  } finally {
    db.close();
  }
}

/** The audit log, oldest first, without what differs between two runs (ids, times). */
async function auditOf(file: string): Promise<Omit<ApiResults['audit.list']['rows'][number], 'id' | 'at'>[]> {
  const page = await withApi(file, (api) => api['audit.list']({ offset: 0, limit: 100 }));
  if (!page.ok) throw new Error(`audit.list refused: ${page.error.message}`);
  return page.value.rows.map(({ id: _id, at: _at, ...rest }) => rest).reverse();
}

describe('tkpi goes through the dispatcher', () => {
  it('is refused by the contract’s schemas with the API’s own message, naming the option typed', async () => {
    const { dir, db } = cliDatabase();
    const before = tkpi('dump', '--db', db).stdout;
    const cases: { argv: string[]; option: string; call: (api: Api) => Promise<Result<unknown>> }[] = [
      { argv: ['appraise', '--db', db, '--quarter', '2026Q5'], option: '--quarter', call: (api: Api) => api['appraisal.quarter']({ quarter: '2026Q5' }) },
      // The CLI once let 1999 through (four digits); the contract's year schema does not.
      { argv: ['annual', '--db', db, '--year', '1999'], option: '--year', call: (api: Api) => api['appraisal.year']({ year: 1999 }) },
      { argv: ['receivables', '--db', db, '--as-of', '2026-02-30'], option: '--as-of', call: (api: Api) => api['receivables.report']({ asOf: '2026-02-30' }) },
    ];
    for (const { argv, option, call } of cases) {
      const refused = await withApi(path.join(dir, 'api.db'), call);
      expect(refused.ok, `the API accepted ${argv.join(' ')}`).toBe(false);
      if (refused.ok) continue;
      const result = tkpi(...argv);
      expect({ status: result.status, stderr: result.stderr }, argv.join(' ')).toEqual({ status: 2, stderr: `tkpi: ${option}: ${refused.error.message}\n` });
    }
    // The self-review form's quarter is checked by forms.importSelfReview's schema before the file is read.
    const selfReview = await withApi(path.join(dir, 'api.db'), (api) =>
      api['forms.importSelfReview']({ fileName: 'form.xlsx', content: '', quarter: '2026Q9' }),
    );
    expect(selfReview.ok ? 'accepted' : selfReview.error.field).toBe('quarter');
    const form = tkpi('import-self-review', '--db', db, STATEMENT, '--quarter', '2026Q9');
    expect(form.status, form.stderr).toBe(2);
    expect(form.stderr).toBe(`tkpi: ${STATEMENT}: --quarter: ${selfReview.ok ? '' : selfReview.error.message}\n`);
    expect(tkpi('dump', '--db', db).stdout, 'a refused command changed the database').toBe(before);
  });

  it('writes as the window writes: the same summary, exactly one audit entry naming the method', async () => {
    const { dir, db } = cliDatabase();
    expect(
      (await auditOf(db)).map((e) => e.action),
      'audit after tkpi load',
    ).toEqual(['bundle.load']);

    const imported = tkpi('import-bank', '--db', db, STATEMENT, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    const cliAudit = await auditOf(db);
    expect(
      cliAudit.map((e) => e.action),
      'audit after tkpi import-bank',
    ).toEqual(['bundle.load', 'bankImport.commit']);

    // The same two calls through the API on another file, as the window makes them.
    const apiDb = path.join(dir, 'api.db');
    const apiSummary = await withApi(apiDb, async (api) => {
      const loaded = await api['bundle.load']({ bundle: readJson(BUNDLE), source: BUNDLE });
      expect(loaded.ok, 'bundle.load through the API').toBe(true);
      return api['bankImport.commit']({ fileName: path.basename(STATEMENT), content: fs.readFileSync(STATEMENT).toString('base64') });
    });
    expect(apiSummary.ok, 'bankImport.commit through the API').toBe(true);
    expect(JSON.parse(imported.stdout), 'tkpi import-bank --json against bankImport.commit').toEqual(apiSummary.ok ? apiSummary.value : null);
    expect(cliAudit, 'audit log of the CLI against the API').toEqual(await auditOf(apiDb));

    // A read leaves no entry.
    expect(tkpi('appraise', '--db', db, '--quarter', '2026Q3').status).toBe(0);
    expect((await auditOf(db)).length, 'audit entries after a read').toBe(2);
  });
});
