import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN, readJson, ROOT, tempDir, tkpi, writeJson } from '../helpers';

/** Numbers and numeric strings compared by value: "8.9000" and "8.9", 30 and "30" are the same datum. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

describe('load then dump', () => {
  it('is lossless for the golden bundle', () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    expect(tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json')).status).toBe(0);
    const dump = tkpi('dump', '--db', db);
    expect(dump.status, dump.stderr).toBe(0);
    const dumped = JSON.parse(dump.stdout) as Record<string, unknown>;
    const original = readJson<Record<string, unknown>>(path.join(GOLDEN, 'bundle.json'));
    // Every list comes back record for record; settings gain the defaults they left out.
    for (const key of Object.keys(original).filter((k) => k !== 'settings')) {
      expect(canonical(dumped[key]), key).toEqual(canonical(original[key]));
    }
    expect(dumped.settings).toMatchObject(original.settings as object);
  });

  it('reaches a fixed point: dump, load, dump gives the same text', () => {
    const dir = tempDir();
    tkpi('load', '--db', path.join(dir, 'a.db'), path.join(GOLDEN, 'bundle.json'));
    const first = tkpi('dump', '--db', path.join(dir, 'a.db')).stdout;
    const file = path.join(dir, 'dump.json');
    fs.writeFileSync(file, first);
    expect(tkpi('load', '--db', path.join(dir, 'b.db'), file).status).toBe(0);
    expect(tkpi('dump', '--db', path.join(dir, 'b.db')).stdout).toBe(first);
  });

  it('keeps who a receipt was credited to after its customer changed owner', () => {
    const dir = tempDir();
    const bundle = readJson<{ customers: { id: string; owner: string }[]; receipts: { customer?: string; matchedOwner?: string }[] }>(path.join(GOLDEN, 'bundle.json'));
    const c001 = bundle.customers.find((c) => c.id === 'C001');
    if (!c001) throw new Error('fixture changed');
    c001.owner = 'S02';
    for (const r of bundle.receipts) if (r.customer === 'C001') r.matchedOwner = 'S01';
    tkpi('load', '--db', path.join(dir, 'a.db'), writeJson(path.join(dir, 'moved.json'), bundle));
    const dumped = JSON.parse(tkpi('dump', '--db', path.join(dir, 'a.db')).stdout) as typeof bundle;
    expect(dumped.receipts.filter((r) => r.customer === 'C001').every((r) => r.matchedOwner === 'S01')).toBe(true);
    const report = JSON.parse(tkpi('appraise', '--db', path.join(dir, 'a.db'), '--quarter', '2026Q3', '--json').stdout) as { rows: { settled: string }[] };
    const expected = readJson<{ rows: { settled: string }[] }>(path.join(GOLDEN, 'expected.json'));
    expect(report.rows[0]?.settled).toBe(expected.rows[0]?.settled);
  });
});

describe('load then dump of the receivables bundle (SPEC §12 fields)', () => {
  const RECEIVABLES = path.join(ROOT, 'test/fixtures/case-receivables/bundle.json');
  /** Credit grade B is the default and may be left out of a dump. */
  const withDefaults = (customers: unknown) => (customers as Record<string, unknown>[]).map((c) => ({ creditGrade: 'B', ...c }));

  it('keeps terms, credit, shipping dates, opening balances, pins and write-offs', () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.db');
    expect(tkpi('load', '--db', db, RECEIVABLES).status).toBe(0);
    const dump = tkpi('dump', '--db', db);
    expect(dump.status, dump.stderr).toBe(0);
    const dumped = JSON.parse(dump.stdout) as Record<string, unknown>;
    const original = readJson<Record<string, unknown>>(RECEIVABLES);
    for (const key of Object.keys(original).filter((k) => k !== 'settings' && k !== 'customers')) {
      expect(canonical(dumped[key]), key).toEqual(canonical(original[key]));
    }
    expect(canonical(withDefaults(dumped.customers))).toEqual(canonical(withDefaults(original.customers)));
    expect(canonical(dumped.settings)).toMatchObject(canonical(original.settings) as object);
    const receipts = dumped.receipts as { deal?: string }[];
    expect(receipts.filter((r) => r.deal !== undefined)).toHaveLength(15);
  });

  it('reaches a fixed point and gives the same receivables after a second load', () => {
    const dir = tempDir();
    tkpi('load', '--db', path.join(dir, 'a.db'), RECEIVABLES);
    const first = tkpi('dump', '--db', path.join(dir, 'a.db')).stdout;
    const file = path.join(dir, 'dump.json');
    fs.writeFileSync(file, first);
    expect(tkpi('load', '--db', path.join(dir, 'b.db'), file).status).toBe(0);
    expect(tkpi('dump', '--db', path.join(dir, 'b.db')).stdout).toBe(first);
    const a = tkpi('receivables', '--db', path.join(dir, 'a.db'), '--as-of', '2026-09-30', '--json').stdout;
    expect(tkpi('receivables', '--db', path.join(dir, 'b.db'), '--as-of', '2026-09-30', '--json').stdout).toBe(a);
  });
});
