import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createServices } from '../../electron/services';
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
    const lists = Object.keys(original).filter((k) => k !== 'settings');
    // An empty or renamed fixture would leave nothing to compare.
    expect(lists, 'lists of the golden bundle').toEqual(expect.arrayContaining(['salespeople', 'customers', 'deals', 'receipts', 'targets']));
    for (const key of lists) {
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
    const bundle = readJson<{ customers: { id: string; owner: string }[]; receipts: { customer?: string; matchedOwner?: string }[] }>(
      path.join(GOLDEN, 'bundle.json'),
    );
    const c001 = bundle.customers.find((c) => c.id === 'C001');
    if (!c001) throw new Error('fixture changed');
    c001.owner = 'S02';
    for (const r of bundle.receipts) if (r.customer === 'C001') r.matchedOwner = 'S01';
    tkpi('load', '--db', path.join(dir, 'a.db'), writeJson(path.join(dir, 'moved.json'), bundle));
    const dumped = JSON.parse(tkpi('dump', '--db', path.join(dir, 'a.db')).stdout) as typeof bundle;
    const c001Receipts = dumped.receipts.filter((r) => r.customer === 'C001');
    expect(c001Receipts.length, 'receipts of C001 in the dump').toBeGreaterThan(0);
    expect(
      c001Receipts.filter((r) => r.matchedOwner !== 'S01'),
      'C001 receipts not credited to S01',
    ).toEqual([]);
    const report = JSON.parse(tkpi('appraise', '--db', path.join(dir, 'a.db'), '--quarter', '2026Q3', '--json').stdout) as { rows: { settled: string }[] };
    const expected = readJson<{ rows: { settled: string }[] }>(path.join(GOLDEN, 'expected.json'));
    expect(report.rows[0]?.settled).toBe(expected.rows[0]?.settled);
  });

  it('keeps remembered statement column mappings: load → dump is lossless', () => {
    const dir = tempDir();
    const bundle = readJson<Record<string, unknown>>(path.join(GOLDEN, 'bundle.json'));
    bundle.columnMappings = [
      {
        headerKey: 'Posted|Paidin|Paidout|Fromorto|Note',
        columns: { tradeDate: 0, credit: 1, debit: 2, counterparty: 3, memo: 4 },
        headerRowCells: ['Posted', 'Paid in', 'Paid out', 'From or to', 'Note'],
        createdAt: '2026-10-01T08:00:00.000Z',
      },
      { headerKey: '记账日|收入|支出|户名', columns: { tradeDate: 0, credit: 1, debit: 2, payer: 3 }, createdAt: '2026-10-02T08:00:00.000Z' },
    ];
    const loaded = tkpi('load', '--db', path.join(dir, 'a.db'), writeJson(path.join(dir, 'mappings.json'), bundle));
    expect(loaded.status, loaded.stderr).toBe(0);
    const dumped = JSON.parse(tkpi('dump', '--db', path.join(dir, 'a.db')).stdout) as Record<string, unknown>;
    expect(dumped.columnMappings).toEqual(bundle.columnMappings);
  });

  it('carries the approval snapshots: load then dump keeps the approved figures after the plans changed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    const db = openDatabase(file, { create: true });
    const services = createServices(db);
    services['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) });
    const comment = '该员工本季度结汇额完成较好，客户跟进及时；单证质量仍需提高，下季度重点加强制单复核，减少差错。'.repeat(3);
    for (const id of ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']) {
      const scores: Record<string, string> = ['S02', 'S06'].includes(id) ? { peer_review: '85' } : {};
      services['workflow.confirmTargets']({ salesperson: id, quarter: '2026Q3', by: '王经理' });
      services['workflow.selfAssess']({ salesperson: id, quarter: '2026Q3', by: id, text: comment, scores });
      services['workflow.review']({ salesperson: id, quarter: '2026Q3', by: '王经理', scores });
      services['workflow.interview']({
        salesperson: id,
        quarter: '2026Q3',
        by: '王经理',
        date: '2026-10-14',
        place: '会议室',
        minutes: 45,
        comment,
        nextTargetsAgreed: true,
        signedOn: '2026-10-14',
      });
    }
    services['workflow.approve']({ quarter: '2026Q3', by: '张总', opinion: '同意', forcedRanking: false, opinions: {} });
    services['plans.save']({ id: 'std', mode: 'whole', brackets: [{ upTo: null, rate: '0.05' }], newCustomerBonus: '0' });
    db.close();
    const approved = tkpi('appraise', '--db', file, '--quarter', '2026Q3', '--json').stdout;
    const first = tkpi('dump', '--db', file).stdout;
    expect((JSON.parse(first) as { appraisalSnapshots: unknown[] }).appraisalSnapshots).toHaveLength(6);
    const copy = path.join(dir, 'b.db');
    expect(tkpi('load', '--db', copy, writeJson(path.join(dir, 'dump.json'), JSON.parse(first))).status).toBe(0);
    expect(tkpi('dump', '--db', copy).stdout).toBe(first);
    expect(tkpi('appraise', '--db', copy, '--quarter', '2026Q3', '--json').stdout).toBe(approved);
    const expected = readJson<{ rows: { commission: unknown }[] }>(path.join(GOLDEN, 'expected.json'));
    expect((JSON.parse(approved) as typeof expected).rows.map((r) => r.commission)).toEqual(expected.rows.map((r) => r.commission));
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
