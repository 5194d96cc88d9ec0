import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppraisalReport, AppraisalRow } from '../../shared/engine/appraisal';
import { canonicalFigures, figuresOfRow, type FormFigures } from '../../shared/workflow/formFigures';
import { GOLDEN, readJson } from '../helpers';

/*
 * The figures a printed appraisal form carries (SPEC §11), as one canonical text: built from the
 * engine's row at export and from the form's cells at import, so that an unchanged form is
 * recognised however a spreadsheet wrote its numbers, and a changed figure is not.
 */

function s01(): AppraisalRow {
  const row = readJson<AppraisalReport>(path.join(GOLDEN, 'expected.json')).rows.find((r) => r.salesperson === 'S01');
  if (!row) throw new Error('S01 is missing from the golden expected.json');
  return row;
}

/** S01 of the golden case, in the canonical form (numbers without trailing zeros). */
const S01_TEXT = [
  'quarter=2026Q3',
  'salesperson=S01',
  'indicator0=30|2913282.85|97.5',
  'indicator1=40|2081407.69|97.51',
  'indicator2=15|1|75',
  'indicator3=15|5|80',
  'weighted=91.5',
  'adjustments=0',
  'total=91.5',
  'grade=A',
  'coefficient=1.3',
  'performancePay=2600',
  'commission=35265.34',
].join('\n');

describe('figuresOfRow', () => {
  it('takes the engine row’s figures as text: weights, actuals, scores, final grade, pay and commission total', () => {
    expect(figuresOfRow(s01())).toEqual({
      indicators: [
        { weight: '30', actual: '2913282.85', score: '97.50' },
        { weight: '40', actual: '2081407.69', score: '97.51' },
        { weight: '15', actual: '1', score: '75.00' },
        { weight: '15', actual: '5.00', score: '80.00' },
      ],
      weighted: '91.50',
      adjustments: '0.00',
      total: '91.50',
      grade: 'A',
      coefficient: '1.3',
      performancePay: '2600.00',
      commission: '35265.34',
    });
  });

  it('prints the final grade, not the band grade, and an indicator without actual or score as empty', () => {
    const row = s01();
    const forced: AppraisalRow = {
      ...row,
      grade: 'A',
      forcedGrade: 'B',
      finalGrade: 'B',
      indicators: row.indicators.map((i, k) => (k === 3 ? { ...i, actual: null, score: null } : i)),
    };
    const figures = figuresOfRow(forced);
    expect(figures.grade).toBe('B');
    expect(figures.indicators[3]).toEqual({ weight: '15', actual: '', score: '' });
  });
});

describe('canonicalFigures', () => {
  it('writes the golden S01 row line by line with numbers in their shortest decimal form', () => {
    expect(canonicalFigures('2026Q3', 'S01', figuresOfRow(s01()))).toBe(S01_TEXT);
  });

  it('reads the same text from cells a spreadsheet wrote differently: "97.5", " 2600 ", "2600.0", "0"', () => {
    const fromCells: FormFigures = {
      indicators: [
        { weight: '30.0', actual: '2913282.850', score: '97.5' },
        { weight: '40', actual: '2081407.69', score: '97.51' },
        { weight: '15', actual: '1.00', score: '75' },
        { weight: ' 15 ', actual: '5', score: '80' },
      ],
      weighted: '91.5',
      adjustments: '0',
      total: '91.50',
      grade: 'A',
      coefficient: '1.30',
      performancePay: ' 2600 ',
      commission: '35265.340',
    };
    expect(canonicalFigures('2026Q3', 'S01', fromCells)).toBe(S01_TEXT);
  });

  it('differs when one figure differs by a cent, or the quarter or person differs', () => {
    const figures = figuresOfRow(s01());
    const changed = canonicalFigures('2026Q3', 'S01', { ...figures, performancePay: '2600.01' });
    expect(changed.split('\n').filter((line) => !S01_TEXT.split('\n').includes(line))).toEqual(['performancePay=2600.01']);
    expect(canonicalFigures('2026Q4', 'S01', figures)).not.toBe(S01_TEXT);
    expect(canonicalFigures('2026Q3', 'S02', figures)).not.toBe(S01_TEXT);
  });

  it('keeps text that is not a number, trimmed: 不适用 stays 不适用, an empty score stays empty', () => {
    const figures: FormFigures = { ...figuresOfRow(s01()), indicators: [{ weight: '100', actual: ' 不适用 ', score: '' }] };
    expect(canonicalFigures('2026Q3', 'S01', figures).split('\n')[2]).toBe('indicator0=100|不适用|');
  });
});
