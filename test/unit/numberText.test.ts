import { describe, expect, it } from 'vitest';
import { normalizeNumberText } from '../../shared/numberText';
import { isFutureDate, looksPer100, unusualErrorWeight } from '../../shared/plausibility';
import { money as moneySchema, fxRate } from '../../shared/schemas/fields';
import { percentToRate, rateToPercent } from '../../renderer/format';

describe('normalizeNumberText', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['300,000', '300000'],
    ['-1,234,567.5', '-1234567.5'],
    ['１２３４．５６', '1234.56'],
    ['１，２３４．５６', '1234.56'],
    ['－５', '-5'],
    [' 300,000 ', '300000'],
    ['\u3000１２\u3000', '12'],
    ['+ 5', '+5'],
  ])('reads %j as %j', (typed, plain) => {
    expect(normalizeNumberText(typed)).toBe(plain);
  });

  it.each([['1,5'], ['12,34.5'], ['3oo'], ['1.234,56'], ['300,000,0'], ['']])('leaves %j for the schema to refuse', (typed) => {
    const out = normalizeNumberText(typed);
    expect(/^[+-]?\d+(\.\d*)?$/.test(out)).toBe(false);
  });
});

describe('amount fields read what the app displays', () => {
  it('accepts 1,234.56 and full-width digits, refuses 1,5 with the money message', () => {
    expect(moneySchema.parse('1,234.56')).toBe('1234.56');
    expect(moneySchema.parse('１２３４．５６')).toBe('1234.56');
    expect(fxRate.parse('７．１２６３')).toBe('7.1263');
    const bad = moneySchema.safeParse('1,5');
    expect(bad.success).toBe(false);
  });
});

describe('commission rates in percent at the UI edge', () => {
  it.each([
    ['0.015', '1.5'],
    ['0.02', '2'],
    ['0.0125', '1.25'],
    ['0', '0'],
  ])('shows %s as %s%% and reads it back', (rate, percent) => {
    expect(rateToPercent(rate)).toBe(percent);
    expect(percentToRate(percent)).toBe(rate);
  });

  it('reads 1.5%, full-width and 1,5 (passed on to be refused)', () => {
    expect(percentToRate('1.5%')).toBe('0.015');
    expect(percentToRate('１．５％')).toBe('0.015');
    expect(percentToRate('1,5')).toBe('1,5');
  });
});

describe('plausibility warnings', () => {
  it('flags a table rate quoted per 100 units', () => {
    expect(looksPer100('USD', '712.34')).toEqual({ perUnit: '7.1234' });
    expect(looksPer100('USD', '7.1234')).toBeNull();
    expect(looksPer100('JPY', '4.8')).toEqual({ perUnit: '0.048' });
    expect(looksPer100('JPY', '0.048')).toBeNull();
    expect(looksPer100('USD', '7,1')).toBeNull();
  });

  it('flags dates after today and error weights other than 1 or 2', () => {
    expect(isFutureDate('2026-11-23', '2026-11-22')).toBe(true);
    expect(isFutureDate('2026-11-22', '2026-11-22')).toBe(false);
    expect(isFutureDate(null, '2026-11-22')).toBe(false);
    expect([1, 2, 3, 5].map(unusualErrorWeight)).toEqual([false, false, true, true]);
  });
});
