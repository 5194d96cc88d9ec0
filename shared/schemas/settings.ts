import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../defaults';
import { GRADES, STANDARD_KPIS } from '../domain';
import { termsProblems } from '../receivables/terms';
import { lineProblem } from '../engine/scoring';
import { Dec } from '../money';
import { decimalText, entityId, isoDate, moneyNonNegative, moneyPositive, text } from './fields';

const anchor = z.object({
  ratio: z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((v) => /^\d+(\.\d+)?(\/[1-9]\d*)?$/.test(v), { message: 'input.decimal' }),
  score: decimalText,
});
const line = z.array(anchor).min(2);

export const anchorSettingsSchema = z
  .object({ higher: line, lower: line, byKpi: z.partialRecord(z.enum(STANDARD_KPIS), line).optional() })
  .superRefine((anchors, ctx) => {
    const check = (l: z.infer<typeof line>, direction: 'higher' | 'lower', path: (string | number)[]) => {
      const problem = lineProblem(l, direction);
      if (problem) ctx.addIssue({ code: 'custom', message: 'settings.anchors', params: { problem }, path });
    };
    check(anchors.higher, 'higher', ['higher']);
    check(anchors.lower, 'lower', ['lower']);
    for (const [kpi, l] of Object.entries(anchors.byKpi ?? {})) {
      if (l) check(l, kpi === 'error_rate' || kpi === 'overdue_rate' ? 'lower' : 'higher', ['byKpi', kpi]);
    }
  });

export const gradeBandsSchema = z
  .array(z.object({ grade: z.enum(GRADES), min: decimalText, coefficient: decimalText }))
  .refine((bands) => bands.length === GRADES.length && GRADES.every((g) => bands.some((b) => b.grade === g)), { message: 'settings.bands' })
  .refine((bands) => GRADES.every((g, i) => i === 0 || new Dec(bandMin(bands, GRADES[i - 1]!)).gt(bandMin(bands, g))), { message: 'settings.bands' });

function bandMin(bands: { grade: string; min: string }[], grade: string): string {
  return bands.find((b) => b.grade === grade)?.min ?? '0';
}

const share = decimalText.refine((v) => new Dec(v).gte(0) && new Dec(v).lte(1), { message: 'input.decimal' });
export const distributionSchema = z.object({ S: share, A: share, SA: share, CD: share });

/** Whole days ≥ 0: a JSON number, or its text as a form sends it. */
const termsDays = z
  .union([z.number(), z.string().regex(/^\d+$/, { message: 'terms.days' }).transform(Number)])
  .pipe(z.number({ message: 'terms.days' }).int({ message: 'terms.days' }).min(0, { message: 'terms.days' }));

export const termsInstalmentSchema = z.object({
  percent: decimalText.refine((v) => new Dec(v).gt(0), { message: 'terms.percentPositive' }),
  from: z.enum(['signed', 'shipped']),
  days: termsDays,
});

/** 付款方式 (SPEC §12): at least one instalment, percents positive and summing to exactly 100. */
export const paymentTermsSchema = z
  .object({ id: entityId, name: text, instalments: z.array(termsInstalmentSchema).min(1, { message: 'terms.noInstalments' }) })
  .superRefine((terms, ctx) => {
    for (const problem of termsProblems(terms)) ctx.addIssue({ code: 'custom', message: problem.code, params: problem.params, path: ['instalments'] });
  });

export const paymentTermsListSchema = z.array(paymentTermsSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((terms, i) => {
    if (seen.has(terms.id)) ctx.addIssue({ code: 'custom', message: 'dup.id', params: { id: terms.id }, path: [i, 'id'] });
    seen.add(terms.id);
  });
});

export const settingsSchema = z.object({
  newCustomerRule: z.enum(['first_receipt', 'first_deal']).default(DEFAULT_SETTINGS.newCustomerRule),
  commissionBase: z.enum(['settled', 'deal_volume']).default(DEFAULT_SETTINGS.commissionBase),
  forcedRanking: z.boolean().default(false),
  anchors: anchorSettingsSchema.default(() => copy(DEFAULT_SETTINGS.anchors)),
  gradeBands: gradeBandsSchema.default(() => copy(DEFAULT_SETTINGS.gradeBands)),
  distribution: distributionSchema.default(() => copy(DEFAULT_SETTINGS.distribution)),
  paymentTerms: paymentTermsListSchema.default(() => []),
  // Whether it names known terms is checked where the whole settings are known (a partial update may change both).
  defaultTerms: entityId.nullable().default(null),
  receivablesFrom: isoDate.nullable().default(null),
  smallBalance: moneyNonNegative.default(DEFAULT_SETTINGS.smallBalance),
});

/**
 * An update of some settings: the same fields, none defaulted. (`settingsSchema.partial()` would
 * still fill the defaults in, so that changing one setting reset every other — the payment terms
 * among them.)
 */
export const settingsUpdateSchema = z.object({
  newCustomerRule: z.enum(['first_receipt', 'first_deal']).optional(),
  commissionBase: z.enum(['settled', 'deal_volume']).optional(),
  forcedRanking: z.boolean().optional(),
  anchors: anchorSettingsSchema.optional(),
  gradeBands: gradeBandsSchema.optional(),
  distribution: distributionSchema.optional(),
  paymentTerms: paymentTermsListSchema.optional(),
  defaultTerms: entityId.nullable().optional(),
  receivablesFrom: isoDate.nullable().optional(),
  smallBalance: moneyNonNegative.optional(),
});

/** Defaults are copied so no caller can change the shared constant. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A bracket's rate as a fraction: 0.02 is 2%, and no bracket pays more than 100%. */
const bracketRate = decimalText.refine((v) => new Dec(v).gte(0) && new Dec(v).lte(1), { message: 'plan.rate' });
const bracket = z.object({ upTo: moneyPositive.nullable(), rate: bracketRate });

export const commissionPlanSchema = z
  .object({
    id: entityId,
    mode: z.enum(['progressive', 'whole']).default('progressive'),
    brackets: z.array(bracket).min(1),
    newCustomerBonus: moneyNonNegative.default('0.00'),
  })
  .refine((plan) => bracketsAreOrdered(plan.brackets), { message: 'plan.brackets', path: ['brackets'] })
  // Without an open last bracket, a base above the last bound would earn nothing on the excess.
  .superRefine((plan, ctx) => {
    const last = plan.brackets.length - 1;
    if (plan.brackets[last]?.upTo != null) ctx.addIssue({ code: 'custom', message: 'plan.lastOpen', path: ['brackets', last, 'upTo'] });
  });

/** Upper bounds strictly rise and only the last bracket may be open-ended. */
function bracketsAreOrdered(brackets: { upTo: string | null }[]): boolean {
  return brackets.every((b, i) => {
    if (b.upTo === null) return i === brackets.length - 1;
    const prev = brackets[i - 1];
    return !prev || (prev.upTo !== null && new Dec(b.upTo).gt(prev.upTo));
  });
}
