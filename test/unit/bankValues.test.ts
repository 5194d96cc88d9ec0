import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, readAmount, readCurrency, readDate, readRate } from '../../shared/bank/cellValues';
import { normalizeHeader, roleOf } from '../../shared/bank/headerWords';
import { decideRate } from '../../shared/bank/rateDecision';
import { nameSimilarity, suggestCustomers } from '../../shared/matching/similarity';

describe('cell text', () => {
  it('makes every run of white space one space and trims, whether or not a cell has any to collapse', () => {
    const spaces = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\r\n', 'a', '1', '中', ',');
    fc.assert(
      fc.property(fc.array(spaces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(cellText(text), JSON.stringify(text)).toBe(text.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
      }),
    );
    expect(cellText(' 宁波\u3000\u3000海联\t')).toBe('宁波 海联');
    expect(cellText(12.5)).toBe('12.5');
  });
});

describe('amounts', () => {
  it.each([
    ['1,234.56', 123456],
    ['+10201.00', 1020100],
    ['(1,234.56)', -123456],
    ['-1234.56', -123456],
    ['  123.45\t', 12345],
    ['15,600.00', 1560000],
    ['7', 700],
  ])('%s → %i fen', (text, fen) => {
    expect(readAmount(text)).toEqual({ kind: 'value', value: fen });
  });

  it('reads numbers from spreadsheets, ignoring float noise but not real extra decimals', () => {
    expect(readAmount(239884.5)).toEqual({ kind: 'value', value: 23988450 });
    expect(readAmount(1234.5600000000002)).toEqual({ kind: 'value', value: 123456 });
    expect(readAmount(1234.567).kind).toBe('bad');
  });

  it('treats dashes and blanks as empty, and names what it cannot read', () => {
    for (const text of ['', '-', '--', '-----', '   ']) expect(readAmount(text).kind).toBe('empty');
    expect(readAmount('12a.00')).toEqual({ kind: 'bad', text: '12a.00' });
    expect(readAmount('1.234').kind).toBe('bad');
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => ['value', 'empty', 'bad'].includes(readAmount(text).kind)));
    fc.assert(fc.property(fc.double(), (n) => ['value', 'empty', 'bad'].includes(readAmount(n).kind)));
  });
});

describe('dates', () => {
  it.each([
    ['2026-07-15', '2026-07-15'],
    ['2026/7/5', '2026-07-05'],
    ['20260715', '2026-07-15'],
    ['2026年7月15日', '2026-07-15'],
    ['2026-04-26 17:26:12', '2026-04-26'],
    ['20260715 10:20:22', '2026-07-15'],
  ])('%s → %s', (text, date) => {
    expect(readDate(text)).toEqual({ kind: 'value', value: date });
  });

  it('reads Excel serials, yyyymmdd numbers and Date cells', () => {
    expect(readDate(46218)).toEqual({ kind: 'value', value: '2026-07-15' });
    expect(readDate(20250401)).toEqual({ kind: 'value', value: '2025-04-01' });
    expect(readDate(new Date(Date.UTC(2026, 6, 15)))).toEqual({ kind: 'value', value: '2026-07-15' });
    expect(readDate('2026-02-30').kind).toBe('bad');
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => ['value', 'empty', 'bad'].includes(readDate(text).kind)));
    fc.assert(fc.property(fc.double(), (n) => ['value', 'empty', 'bad'].includes(readDate(n).kind)));
  });
});

describe('currencies, rates and headers', () => {
  it('reads codes, Chinese names and numeric codes', () => {
    const read = (v: string | number) => readCurrency(v);
    expect([read('美元'), read('RMB'), read('人民币元'), read(840), read('35'), read('gbp')].map((r) => (r.kind === 'value' ? r.value : r.kind))).toEqual([
      'USD',
      'CNY',
      'CNY',
      'USD',
      'EUR',
      'GBP',
    ]);
    expect(readRate('1,000.5').kind).toBe('value');
    expect(readRate('-').kind).toBe('empty');
  });

  it('normalises header cells before naming their role', () => {
    expect(normalizeHeader('交易金额[ Trade Amount ]')).toBe('交易金额');
    expect(normalizeHeader('贷方金额（收入）')).toBe('贷方金额');
    expect(normalizeHeader('金额/元')).toBe('金额');
    expect(roleOf('收/付方帐号名称')).toBeNull();
    expect(roleOf('对方帐户名称')).toBe('counterparty');
    expect(roleOf('起息日期[ Value Date ]')).toBe('valueDate');
  });
});

describe('rate decisions', () => {
  const evidence = { amountFen: 100000, cnyFen: null, tableRate: null };
  it('checks a rate against the row’s own CNY amount, then the table rate, then the file', () => {
    expect(decideRate('USD', '712.34', { ...evidence, cnyFen: 712340 }, null)).toEqual({
      kind: 'rate',
      perUnit: '7.1234',
      perUnitMicro: 7123400,
      quotedPer: 100,
    });
    expect(decideRate('USD', '7.1234', { ...evidence, cnyFen: 712340 }, null)).toEqual({
      kind: 'rate',
      perUnit: '7.1234',
      perUnitMicro: 7123400,
      quotedPer: 1,
    });
    expect(decideRate('USD', '706.08', { ...evidence, tableRate: '7.0676' }, null)).toMatchObject({ perUnit: '7.0608' });
    expect(decideRate('GBP', '890', evidence, 100)).toMatchObject({ perUnit: '8.9' });
    expect(decideRate('USD', '700', evidence, null)).toEqual({ kind: 'undecided', written: '700' });
  });

  it('reads a rate of 1 on a foreign row, and any rate on a CNY row, as no rate', () => {
    expect(decideRate('USD', '1.000000', evidence, 100)).toEqual({ kind: 'none' });
    expect(decideRate('CNY', '700', evidence, 100)).toEqual({ kind: 'none' });
  });
});

describe('payer suggestions', () => {
  it('ranks customers by how alike their names are', () => {
    expect(nameSimilarity('PACIFIC IMPORTS S.A.S.', 'Pacific Imports SAS')).toBe(1);
    const ranked = suggestCustomers('PACIFIC IMPORT SAS HK', [
      { id: 'C1', name: 'ATLAS LLC', aliases: [] },
      { id: 'C2', name: 'PACIFIC IMPORTS SAS', aliases: [] },
      { id: 'C3', name: 'PACIFIC TRADING LTD', aliases: [] },
    ]);
    expect(ranked[0]?.customer).toBe('C2');
    expect(ranked.map((s) => s.customer)).not.toContain('C1');
  });

  it('does not offer a company that shares only legal-form or trade words', () => {
    // Before: MUELLER GMBH / SCHMIDT GMBH and ALPHA / OMEGA SUPPLY CO scored about 0.75 on the GMBH/SUPPLY pairs.
    expect(nameSimilarity('MUELLER GMBH', 'SCHMIDT GMBH')).toBe(0);
    expect(nameSimilarity('ALPHA SUPPLY CO', 'OMEGA SUPPLY CO LTD')).toBe(0);
    // One shared distinctive word among different trade words stays under the 60% floor.
    expect(nameSimilarity('PACIFIC IMPORT SAS HK', 'PACIFIC TRADING LTD')).toBeLessThan(0.6);
    // Spelling variants of the same company still score high.
    expect(nameSimilarity('ZENITH SUPPLY GMBH', 'ZENITH SUPPLIES GMBH')).toBeGreaterThan(0.8);
    expect(nameSimilarity('NORDIC HOME AB', 'NORDIK HOME AB')).toBeGreaterThanOrEqual(0.8);
    // A name of common words only is compared whole.
    expect(nameSimilarity('TRADING CO', 'TRADING CO LTD')).toBeGreaterThan(0.8);
    const offered = suggestCustomers('SCHMIDT GMBH', [
      { id: 'C1', name: 'MUELLER GMBH', aliases: [] },
      { id: 'C2', name: 'SCHMIDT TECHNIK GMBH', aliases: [] },
    ]);
    expect(offered.map((s) => s.customer)).toEqual(['C2']);
  });
});
