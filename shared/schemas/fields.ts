import { z } from 'zod';
import { Dec } from '../money';
import { isIsoDate, isMonthKey, isQuarterKey } from '../quarter';

/*
 * Field schemas shared by the bundle and the API. Messages are keys of the i18n catalogs; the
 * issue formatter turns them into sentences. Checks are regular expressions on the text where
 * possible: a bulk load validates millions of fields, and zod transforms cost several times more.
 */

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MONEY = /^[+-]?\d+(\.\d{0,2})?$/;
const RATE = /^\+?\d+(\.\d{0,6})?$/;

/** A decimal given as JSON text, or as a JSON number turned into text. */
function decimalField(pattern: RegExp, key: 'input.decimal' | 'input.money' | 'input.rate' | 'input.creditLimit') {
  return z.union([
    z.string().regex(pattern, { message: key }),
    z
      .number()
      .transform(String)
      .pipe(z.string().regex(pattern, { message: key })),
  ]);
}

/** Kept as text so nothing passes through a float sum. */
export const decimalText = decimalField(DECIMAL, 'input.decimal');

// Sign checks on the text itself, for the same reason.
const isNonZero = (v: string) => /[1-9]/.test(v);
const isNegative = (v: string) => v.startsWith('-') && isNonZero(v);

/** Money: at most two decimals, any sign. */
export const money = decimalField(MONEY, 'input.money');
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
/** ISO 4217 code in capitals, e.g. USD. */
export const currency = z.string().regex(/^[A-Z]{3}$/, { message: 'input.currency' });

/** Record ids chosen by the user (S01, C001, D0001): no spaces, at most 64 characters. */
export const entityId = z.string().regex(/^\S{1,64}$/, { message: 'input.id' });

export const text = z.string().regex(/\S/, { message: 'input.text' });
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

export const count = z.number().int({ message: 'input.count' }).min(0, { message: 'input.count' });
export const errorWeight = z.number().int({ message: 'input.weightInt' }).min(1, { message: 'input.weightInt' });
