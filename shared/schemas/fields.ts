import { z } from 'zod';
import { Dec, decimalPlaces, isDecimalText } from '../money';
import { isIsoDate, isMonthKey, isQuarterKey } from '../quarter';

/*
 * Field schemas shared by the bundle and the API. Messages are keys of the i18n catalogs; the
 * issue formatter turns them into sentences.
 */

/** A decimal given as JSON text or number, kept as text so nothing passes through a float sum. */
export const decimalText = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine(isDecimalText, { message: 'input.decimal' });

const withPlaces = (places: number, key: 'input.money' | 'input.rate') =>
  decimalText.refine((v) => decimalPlaces(v) <= places, { message: key });

/** Money: at most two decimals, any sign. */
export const money = withPlaces(2, 'input.money');
// Sign checks on the text itself: a bulk load checks millions of amounts.
const isNonZero = (v: string) => /[1-9]/.test(v);
const isNegative = (v: string) => v.startsWith('-') && isNonZero(v);
export const moneyPositive = money.refine((v) => isNonZero(v) && !isNegative(v), { message: 'input.moneyPositive' });
export const moneyNonNegative = money.refine((v) => !isNegative(v), { message: 'input.moneyNonNegative' });
export const moneyNonZero = money.refine(isNonZero, { message: 'input.money' });

/** FX rate per ONE unit of foreign currency: positive, up to six decimals (SPEC §2). */
export const fxRate = withPlaces(6, 'input.rate').refine((v) => isNonZero(v) && !isNegative(v), { message: 'input.rate' });

/** Points, weights and other decimals with up to two places. */
export const points = withPlaces(2, 'input.money');
export const score0to100 = decimalText.refine((v) => new Dec(v).gte(0) && new Dec(v).lte(100), { message: 'input.score' });

export const isoDate = z.string().refine(isIsoDate, { message: 'input.date' });
export const monthKey = z.string().refine(isMonthKey, { message: 'input.month' });
export const quarterKey = z.string().refine(isQuarterKey, { message: 'input.quarter' });
export const year = z.number().int().min(2000, { message: 'input.year' }).max(2999, { message: 'input.year' });
export const currency = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine((v) => /^[A-Z]{3}$/.test(v), { message: 'input.currency' });

/** Record ids chosen by the user (S01, C001, D0001). */
export const entityId = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => v.length > 0 && v.length <= 64 && !/\s/.test(v), { message: 'input.id' });

export const text = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => v.length > 0, { message: 'input.text' });
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

export const count = z.number().int({ message: 'input.count' }).min(0, { message: 'input.count' });
export const errorWeight = z.number().int({ message: 'input.weightInt' }).min(1, { message: 'input.weightInt' });
