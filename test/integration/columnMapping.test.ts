import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createApi, createServices } from '../../electron/services';
import { GOLDEN, tempDir, tkpi } from '../helpers';

/*
 * A statement whose header no word list knows (记录日 / 币 / 入款 / 出款 / 来往单位 / 附注): the
 * importer cannot read it until the user says which column is which, then remembers that for
 * the header, so the next file with the same header needs no --columns.
 */
const HEADER = '记录日,币,入款,出款,来往单位,附注';
const COLUMNS = 'date=1,currency=2,credit=3,debit=4,counterparty=5,memo=6';

let dir: string;
let db: string;

function statement(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

type DumpedReceipt = { valueDate: string; amount: string; currency: string; customer?: string | null; remitter?: string | null };

function receipts(): DumpedReceipt[] {
  const dump = tkpi('dump', '--db', db);
  expect(dump.status, dump.stderr).toBe(0);
  return (JSON.parse(dump.stdout) as { receipts: DumpedReceipt[] }).receipts;
}

beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'company.db');
  const loaded = tkpi('load', '--db', db, path.join(GOLDEN, 'bundle-no-receipts.json'));
  expect(loaded.status, loaded.stderr).toBe(0);
});

describe('tkpi import-bank with a column mapping', () => {
  it('reads an unknown layout with --columns, remembers it, and reads the next file with the same header unasked', () => {
    const first = statement('mystery-july.csv', [
      HEADER,
      '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款 A1',
      '2026-07-05,USD,,35.00,中国银行,手续费',
      '2026-07-09,USD,"8,500.00",,NORDIC IMPORTS SAS,货款 A2',
    ]);
    const refused = tkpi('import-bank', '--db', db, first);
    expect(refused.status, refused.stdout).toBe(2);
    expect(refused.stderr).toMatch(/mystery-july\.csv.*找不到表头/);
    expect(receipts()).toHaveLength(0);

    const mapped = tkpi('import-bank', '--db', db, first, '--columns', COLUMNS, '--json');
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ read: 3, imported: 2, unmatched: 0, rejected: [] });

    // The same header two rows lower, under a title, and no --columns.
    const second = statement('mystery-august.csv', ['账户明细查询,,,,,', ',,,,,', HEADER, '2026-08-12,USD,"4,000.00",,PACIFIC IMPORTS SAS,货款 B1']);
    const remembered = tkpi('import-bank', '--db', db, second, '--json');
    expect(remembered.status, remembered.stderr).toBe(0);
    expect(JSON.parse(remembered.stdout)).toMatchObject({ read: 1, imported: 1, rejected: [] });

    const stored = receipts().map((r) => [r.valueDate, r.currency, r.amount, r.customer]);
    expect(stored).toEqual([
      ['2026-07-03', 'USD', '12000.00', 'C007'],
      ['2026-07-09', 'USD', '8500.00', 'C005'],
      ['2026-08-12', 'USD', '4000.00', 'C007'],
    ]);
  });

  it('takes header=N for a header below title rows', () => {
    const file = statement('titled.csv', ['网银流水导出,,,,,', HEADER, '2026-07-15,USD,"1,000.00",,PACIFIC IMPORTS SAS,货款']);
    const result = tkpi('import-bank', '--db', db, file, '--columns', `header=2,${COLUMNS}`, '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 1, imported: 1, rejected: [] });
  });

  it('refuses a bad --columns with one line naming the bad part, writing nothing', () => {
    const file = statement('x.csv', [HEADER, '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款']);
    const cases: [string, RegExp][] = [
      ['date=1,credti=3', /credti/],
      ['date=0,credit=3', /date=0/],
      ['date=1,credit=x', /credit=x/],
      ['date=1,credit=1', /credit=1.*第 1 列/],
      ['date=1,date=2,credit=3', /date=2.*两次/],
      ['date=1;credit=3', /date=1;credit=3/],
    ];
    for (const [columns, pattern] of cases) {
      const result = tkpi('import-bank', '--db', db, file, '--columns', columns);
      expect(result.status, columns).toBe(2);
      expect(result.stderr.trim().split('\n'), columns).toHaveLength(1);
      expect(result.stderr, columns).toMatch(/--columns 有误/);
      expect(result.stderr, columns).toMatch(pattern);
    }
    expect(receipts()).toHaveLength(0);
  });

  it('refuses a mapping without an amount column, naming the file', () => {
    const file = statement('no-amount.csv', [HEADER, '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款']);
    const result = tkpi('import-bank', '--db', db, file, '--columns', 'date=1,counterparty=5');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no-amount\.csv.*金额列/);
    expect(receipts()).toHaveLength(0);
  });
});

describe('the column-mapping API', () => {
  // The same database file the CLI loaded, through the services the app uses.
  const services = () => createApi(createServices(openDatabase(db)));
  const content = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');
  const mapping = { headerRow: 0, columns: { valueDate: 0, currency: 1, credit: 2, debit: 3, counterparty: 4, memo: 5 } };

  it('previews an unknown header as the first rows with no roles, then with the mapping; remember: false stores nothing', async () => {
    const api = services();
    const file = content([HEADER, '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款 A1']);
    const plain = await api['bankImport.preview']({ fileName: 'm.csv', content: file });
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.sheet).toMatchObject({ source: null, headerRow: null, headerKey: null, columns: {} });
    expect(plain.value.sheet.rows[0]).toEqual(['记录日', '币', '入款', '出款', '来往单位', '附注']);
    expect(plain.value.rows).toEqual([]);
    expect(await api['bankImport.commit']({ fileName: 'm.csv', content: file })).toMatchObject({ ok: false, error: { code: 'bank.noHeader' } });

    const mapped = await api['bankImport.preview']({ fileName: 'm.csv', content: file, mapping });
    if (!mapped.ok) throw new Error(mapped.error.message);
    expect(mapped.value.sheet).toMatchObject({ source: 'user', headerRow: 0, columns: { valueDate: [0], credit: [2] } });
    expect(mapped.value.summary).toMatchObject({ read: 1, imported: 1 });
    expect(await api['columnMappings.list']({})).toMatchObject({ ok: true, value: [] });

    const once = await api['bankImport.commit']({ fileName: 'm.csv', content: file, mapping, remember: false });
    expect(once).toMatchObject({ ok: true, value: { imported: 1 } });
    expect(await api['columnMappings.list']({})).toMatchObject({ ok: true, value: [] });
  });

  it('lists a remembered mapping and forgets it on delete', async () => {
    const api = services();
    const file = content([HEADER, '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款 A1']);
    expect(await api['bankImport.commit']({ fileName: 'm.csv', content: file, mapping })).toMatchObject({ ok: true, value: { imported: 1 } });
    const listed = await api['columnMappings.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toMatchObject([{ columns: mapping.columns }]);
    const again = await api['bankImport.preview']({ fileName: 'n.csv', content: file });
    expect(again).toMatchObject({ ok: true, value: { sheet: { source: 'remembered', headerRow: 0 } } });
    expect(await api['columnMappings.delete']({ headerKey: listed.value[0]?.headerKey ?? '' })).toMatchObject({ ok: true });
    expect(await api['bankImport.preview']({ fileName: 'n.csv', content: file })).toMatchObject({ ok: true, value: { sheet: { source: null } } });
  });
});
