import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN, readJson, tempDir, tkpi } from '../helpers';

describe('golden case 2026Q3 through the tkpi command line', () => {
  it('load then appraise --json equals expected.json exactly', () => {
    const db = path.join(tempDir(), 'golden.db');
    const load = tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json'));
    expect(load.status, load.stderr).toBe(0);
    const appraise = tkpi('appraise', '--db', db, '--quarter', '2026Q3', '--json');
    expect(appraise.status, appraise.stderr).toBe(0);
    expect(JSON.parse(appraise.stdout)).toEqual(readJson(path.join(GOLDEN, 'expected.json')));
  });

  it('prints a readable table by default', () => {
    const db = path.join(tempDir(), 'golden.db');
    tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json'));
    const table = tkpi('appraise', '--db', db, '--quarter', '2026Q3');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('江霞');
    expect(table.stdout).toContain('2,913,282.85');
    expect(table.stdout).toContain('未匹配收汇：1 笔，¥22,361.22');
    expect(table.stdout).toMatch(/不符合/);
  });

  it('annual --year evaluates the appraised quarters', () => {
    const db = path.join(tempDir(), 'golden.db');
    tkpi('load', '--db', db, path.join(GOLDEN, 'bundle.json'));
    const annual = tkpi('annual', '--db', db, '--year', '2026', '--json');
    expect(annual.status, annual.stderr).toBe(0);
    const report = JSON.parse(annual.stdout) as { year: number; rows: { salesperson: string; quartersAppraised: string[]; grade: string }[] };
    expect(report.year).toBe(2026);
    expect(report.rows.map((r) => r.salesperson)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
    expect(report.rows.map((r) => `${r.salesperson} ${r.quartersAppraised.join()}`)).toEqual(
      ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'].map((id) => `${id} 2026Q3`),
    );
  });
});
