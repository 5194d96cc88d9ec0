import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, ROOT, tempDir, tkpi, writeJson } from '../helpers';

type Bundle = {
  settings: { paymentTerms: { instalments: { percent: string }[] }[] };
  customers: { terms?: string }[];
  receipts: { deal?: string; customer?: string }[];
  writeOffs: { amount: string }[];
};

const CASE = path.join(ROOT, 'test/fixtures/case-receivables');
const AS_OF = fs.readFileSync(path.join(CASE, 'AS_OF'), 'utf8').split(/\s+/).filter(Boolean);
const QUARTER = fs.readFileSync(path.join(CASE, 'QUARTER'), 'utf8').trim();

/** Lists the first differences as "path: got … expected …", so a failure says where, not only that. */
function differences(got: unknown, want: unknown, at = '$', out: string[] = []): string[] {
  if (out.length >= 20) return out;
  if (Array.isArray(got) && Array.isArray(want)) {
    if (got.length !== want.length) out.push(`${at}: ${got.length} items, expected ${want.length}`);
    for (let i = 0; i < Math.min(got.length, want.length); i++) differences(got[i], want[i], `${at}[${i}]`, out);
  } else if (got !== null && want !== null && typeof got === 'object' && typeof want === 'object') {
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    for (const key of keys) differences((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], `${at}.${key}`, out);
  } else if (got !== want) {
    out.push(`${at}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return out;
}

function loaded(): string {
  const db = path.join(tempDir(), 'receivables.db');
  const load = tkpi('load', '--db', db, path.join(CASE, 'bundle.json'));
  expect(load.status, load.stderr).toBe(0);
  return db;
}

describe('golden case receivables through the tkpi command line', () => {
  it('has as-of dates to check', () => {
    expect(AS_OF.length).toBeGreaterThan(0);
  });

  it.each(AS_OF)('receivables --json --as-of %s equals its expected-receivables file exactly', (asOf) => {
    const db = loaded();
    const run = tkpi('receivables', '--db', db, '--as-of', asOf, '--json');
    expect(run.status, run.stderr).toBe(0);
    const got = JSON.parse(run.stdout) as unknown;
    const want = readJson(path.join(CASE, `expected-receivables-${asOf}.json`));
    expect(differences(got, want), 'differences from the expected file').toEqual([]);
    expect(got).toEqual(want);
  });

  it(`appraise --json --quarter ${QUARTER} equals expected.json with collection_rate and overdue_rate`, () => {
    const db = loaded();
    const run = tkpi('appraise', '--db', db, '--quarter', QUARTER, '--json');
    expect(run.status, run.stderr).toBe(0);
    const got = JSON.parse(run.stdout) as unknown;
    const want = readJson(path.join(CASE, 'expected.json'));
    expect(differences(got, want), 'differences from expected.json').toEqual([]);
    expect(got).toEqual(want);
  });

  it('prints a readable Chinese table by default', () => {
    const db = loaded();
    const run = tkpi('receivables', '--db', db, '--as-of', '2026-09-30');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('截至 2026-09-30 应收账款');
    expect(run.stdout).toMatch(/合计\s+9,701,160\.42\s+6,967,595\.02/);
    expect(run.stdout).toContain('未匹配收汇：2 笔，¥91,929.27');
  });

  it('exits 2 naming the month and currency when the as-of month has no rate', () => {
    const dir = tempDir();
    const bundle = readJson<{ fxRates: { month: string; currency: string }[] }>(path.join(CASE, 'bundle.json'));
    bundle.fxRates = bundle.fxRates.filter((r) => !(r.month === '2026-09' && r.currency === 'EUR'));
    const db = path.join(dir, 'norate.db');
    expect(tkpi('load', '--db', db, writeJson(path.join(dir, 'b.json'), bundle)).status).toBe(0);
    const run = tkpi('receivables', '--db', db, '--as-of', '2026-09-30', '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('2026-09 EUR');
  });

  it('exits 2 on a date that is not a date', () => {
    const run = tkpi('receivables', '--db', loaded(), '--as-of', '2026-02-30');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as-of');
  });

  it.each([
    [
      'a receipt pinned to another customer’s deal',
      (b: Bundle) => void (b.receipts.find((r) => r.deal === 'R0062')!.customer = 'C001'),
      '.deal',
      '不能指定到客户 C025 的成交 R0062',
    ],
    ['a write-off larger than its instalment', (b: Bundle) => void (b.writeOffs[0]!.amount = '99999999.00'), 'writeOffs[0].amount', '可核销的 49400.00 GBP'],
    ['an unknown terms id', (b: Bundle) => void (b.customers[0]!.terms = 'NOPE'), 'customers[0](C001).terms', 'NOPE'],
    ['percents not summing to 100', (b: Bundle) => void (b.settings.paymentTerms[0]!.instalments[0]!.percent = '31'), 'settings.paymentTerms[0]', '101%'],
  ])('refuses a bundle with %s (exit 2, nothing written)', (_what, spoil, field, words) => {
    const dir = tempDir();
    const bundle = readJson<Bundle>(path.join(CASE, 'bundle.json'));
    spoil(bundle);
    const db = path.join(dir, 'bad.db');
    const run = tkpi('load', '--db', db, writeJson(path.join(dir, 'bad.json'), bundle));
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(field);
    expect(run.stderr).toContain(words);
    expect(fs.existsSync(db)).toBe(false);
  });
});
