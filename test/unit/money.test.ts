import { describe, expect, it } from 'vitest';
import { cnyFen, Dec, dec, fenToText, fixed2, microToText, round2, sumMoney, toFen, toMicro } from '../../shared/money';

describe('money', () => {
  it('converts text to fen and back exactly', () => {
    expect(toFen('1234.5')).toBe(123450);
    expect(toFen('-0.01')).toBe(-1);
    expect(toFen('17000.00')).toBe(1700000);
    expect(toFen('+3')).toBe(300);
    expect(fenToText(123450)).toBe('1234.50');
    expect(fenToText(-1)).toBe('-0.01');
    expect(fenToText(5)).toBe('0.05');
  });

  it('refuses more than two decimals and non-numbers instead of guessing', () => {
    expect(() => toFen('1.234')).toThrow(/two decimals/);
    expect(() => toFen('1,234')).toThrow();
    expect(() => toFen('')).toThrow();
    expect(toFen('1.2300')).toBe(123);
  });

  it('keeps rates to six decimals per one unit', () => {
    expect(toMicro('7.1263')).toBe(7126300);
    expect(microToText(7126300)).toBe('7.1263');
    expect(microToText(8900000)).toBe('8.9');
    expect(() => toMicro('7.1234567')).toThrow(/six decimals/);
  });

  it('rounds half-up (四舍五入), away from zero for negatives', () => {
    expect(fixed2(dec('2.345'))).toBe('2.35');
    expect(fixed2(dec('2.344999'))).toBe('2.34');
    expect(fixed2(dec('-2.345'))).toBe('-2.35');
    expect(round2(dec('0.5'), 0).toString()).toBe('1');
  });

  it('converts to CNY per row, rounded to the fen', () => {
    // 3150.00 USD at 7.0988 = 22361.22 (the golden case's unmatched receipt)
    expect(cnyFen(315000, 7098800)).toBe(2236122);
    // 12162.50 at 7.0608 = 85876.98, and the refund is its negative
    expect(cnyFen(-1216250, 7060800)).toBe(-8587698);
    // 100.01 at 7.12345 = 712.416… → 712.42
    expect(cnyFen(10001, 7123450)).toBe(71242);
    // exactly half a fen rounds up: 0.01 × 0.5 = 0.005 → 0.01
    expect(cnyFen(1, 500000)).toBe(1);
    expect(cnyFen(-1, 500000)).toBe(-1);
  });

  it('sums money texts exactly, as integer fen or as decimals', () => {
    const bySteps = (texts: string[]) => texts.reduce((sum, t) => sum.plus(t), new Dec(0)).toFixed(2);
    // A deterministic spread of two-decimal amounts, refunds among them: the integer path.
    const texts = Array.from({ length: 5000 }, (_, i) => fenToText(((i * 7919) % 100_003) * (i % 7 === 0 ? -1 : 1) * 37));
    expect(sumMoney(texts).toFixed(2), 'two-decimal texts').toBe(bySteps(texts));
    expect(sumMoney(['-0.05', '0.05', '-0.01']).toFixed(2)).toBe('-0.01');
    expect(sumMoney([]).toFixed(2), 'no texts').toBe('0.00');
    // Other texts take the decimal path, and still add up exactly.
    expect(sumMoney(['1.5', '0.125', '2.00']).toString(), 'texts without two decimals').toBe('3.625');
    // Past 2^53 fen the integers would round: decimals again.
    const huge = [...Array.from({ length: 10 }, () => '9999999999999.99'), '0.03'];
    expect(sumMoney(huge).toFixed(2), 'a sum past the exact integers').toBe('99999999999999.93');
  });
});
