import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quarterOf } from '../../electron/db/quarterSql';
import { quarterOfDate } from '../../shared/quarter';

describe('the SQL quarter fragment', () => {
  it('equals quarterOfDate of shared/quarter for any ISO date', () => {
    const db = new Database(':memory:');
    const statement = db.prepare(`SELECT ${quarterOf('@date')} AS quarter`);
    const sqlQuarter = (date: string) => (statement.get({ date }) as { quarter: string }).quarter;
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (moment) => {
        const date = moment.toISOString().slice(0, 10);
        expect(sqlQuarter(date), `quarter of ${date}`).toBe(quarterOfDate(date));
      }),
      { numRuns: 5000 },
    );
    // The month boundaries, where an off-by-one in (month + 2) / 3 would show first.
    const edges = ['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-12-31'];
    expect(edges.map(sqlQuarter)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q2', '2026Q3', '2026Q3', '2026Q4', '2026Q4']);
    db.close();
  });
});
