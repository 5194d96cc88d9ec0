import { describe, expect, it } from 'vitest';
import { normalizePayerName } from '../../shared/matching/payerName';
import { isIsoDate, nextQuarter, previousQuarter, quarterOfDate, quarterRange } from '../../shared/quarter';

describe('payer names', () => {
  it.each([
    ['PACIFIC IMPORTS S.A.S.', 'PACIFIC IMPORTS SAS'],
    ['Pioneer Textiles Limited', 'PIONEER TEXTILES LTD'],
    ['ALPINE HARDWARE CO., LTD', 'ALPINE HARDWARE CO LTD'],
    ['Alpine Hardware Company Ltd.', 'ALPINE HARDWARE CO LTD'],
    ['ATLAS INDUSTRIES L.L.C.', 'ATLAS INDUSTRIES LLC'],
    ['THE  GOLDEN GATE DISTRIBUTION PTY. LTD.', 'GOLDEN GATE DISTRIBUTION PTY LTD'],
    ['FALCON TEXTILES SP. Z O.O.', 'FALCON TEXTILES SP Z OO'],
    ['ＡＢＣ　ＬＩＭＩＴＥＤ', 'ABC LTD'],
    ['宁波（海联）进出口有限公司', '宁波 海联 进出口有限公司'],
  ])('%s → %s', (name, key) => {
    expect(normalizePayerName(name)).toBe(key);
  });
});

describe('quarters and dates', () => {
  it('maps dates to quarters and back', () => {
    expect(quarterOfDate('2026-07-01')).toBe('2026Q3');
    expect(quarterOfDate('2026-12-31')).toBe('2026Q4');
    expect(quarterRange('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange('2028Q1').to).toBe('2028-03-31');
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(nextQuarter('2026Q4')).toBe('2027Q1');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026/07/01')).toBe(false);
  });
});
