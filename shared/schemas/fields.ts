import { z } from 'zod';
import { readCurrency } from '../bank/cellValues';
import { Dec } from '../money';
import { normalizeNumberText } from '../numberText';
import { isIsoDate, isMonthKey, isQuarterKey } from '../quarter';

/*
 * Field schemas shared by the bundle and the API. Messages are keys of the i18n catalogs; the
 * issue formatter turns them into sentences. Checks are regular expressions on the text where
 * possible: a bulk load validates millions of fields, and zod transforms cost several times more.
 */

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MONEY = /^[+-]?\d+(\.\d{0,2})?$/;
const RATE = /^\+?\d+(\.\d{0,6})?$/;

/**
 * A decimal given as JSON text, or as a JSON number turned into text. Text is read as people
 * type it (1,234.56, full-width digits). A text that still fails the pattern aborts the field:
 * the refinements after it (sign, range, bracket order) then never see it, so they may parse
 * it without guarding against "300,000" throwing.
 */
function decimalField(pattern: RegExp, key: 'input.decimal' | 'input.money' | 'input.rate' | 'input.creditLimit') {
  return z.union([
    z.string().overwrite(normalizeNumberText).regex(pattern, { message: key, abort: true }),
    z
      .number()
      .transform(String)
      .pipe(z.string().regex(pattern, { message: key, abort: true })),
  ]);
}

/** Kept as text so nothing passes through a float sum. */
export const decimalText = decimalField(DECIMAL, 'input.decimal');

// Sign checks on the text itself, for the same reason.
const isNonZero = (v: string) => /[1-9]/.test(v);
const isNegative = (v: string) => v.startsWith('-') && isNonZero(v);

/**
 * The largest amount stored, in yuan: the database CHECKs deal and receipt amounts at 10^12 fen,
 * and every other amount is kept under the same bound so none overflows an integer of fen.
 */
export const MONEY_LIMIT = '10000000000.00';
const MONEY_LIMIT_TEXT = '10,000,000,000.00';
// Up to ten integer digits is always within the limit; only longer ones need a decimal compare.
const SHORT = /^[+-]?0*\d{0,10}(\.|$)/;
const withinLimit = (v: string) => SHORT.test(v) || new Dec(v).abs().lte(MONEY_LIMIT);

/** Money: at most two decimals, any sign, at most 10,000,000,000.00 either way. */
export const money = decimalField(MONEY, 'input.money').refine(withinLimit, { message: 'input.moneyLimit', params: { limit: MONEY_LIMIT_TEXT } });
export const moneyPositive = money.refine((v) => isNonZero(v) && !isNegative(v), { message: 'input.moneyPositive' });
export const moneyNonNegative = money.refine((v) => !isNegative(v), { message: 'input.moneyNonNegative' });
/** 信用额度: CNY, at most two decimals, not negative — with its own message, as users type it by hand. */
export const creditLimit = decimalField(MONEY, 'input.creditLimit').refine((v) => !isNegative(v), { message: 'input.creditLimit' });
export const moneyNonZero = money.refine(isNonZero, { message: 'input.money' });

/** FX rate per ONE unit of foreign currency: positive, up to six decimals (SPEC §2). */
export const fxRate = decimalField(RATE, 'input.rate').refine(isNonZero, { message: 'input.rate' });

/** Points, weights and other decimals with up to two places. */
export const points = money;
export const score0to100 = decimalText.refine((v) => new Dec(v).gte(0) && new Dec(v).lte(100), { message: 'input.score' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'input.date' })
  .refine(isIsoDate, { message: 'input.date' });
export const monthKey = z.string().refine(isMonthKey, { message: 'input.month' });
export const quarterKey = z.string().refine(isQuarterKey, { message: 'input.quarter' });
export const year = z.number().int().min(2000, { message: 'input.year' }).max(2999, { message: 'input.year' });
/** ISO 4217 code in capitals, e.g. USD; 美元, usd and 840 are read as the bank import reads them. */
export const currency = z
  .string()
  .overwrite((v) => {
    if (/^[A-Z]{3}$/.test(v)) return v;
    const read = readCurrency(v);
    return read.kind === 'value' ? read.value : v;
  })
  .regex(/^[A-Z]{3}$/, { message: 'input.currency' });

/** Record ids chosen by the user (S01, C001, D0001): no spaces, at most 64 characters. */
export const entityId = z.string().regex(/^\S{1,64}$/, { message: 'input.id' });

export const text = z.string().regex(/\S/, { message: 'input.text' });
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

/** What a user types into a search box; anything longer is no search (and would cost the LIKE). */
export const SEARCH_MAX = 200;
export const searchText = z.string().refine((v) => v.length <= SEARCH_MAX, { message: 'input.tooLong', params: { max: SEARCH_MAX } });

export const count = z.number().int({ message: 'input.count' }).min(0, { message: 'input.count' });
export const errorWeight = z.number().int({ message: 'input.weightInt' }).min(1, { message: 'input.weightInt' });
