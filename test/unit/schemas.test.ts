import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import { bundleSchema } from '../../shared/schemas/bundle';
import {
  currency,
  fxRate,
  isoDate,
  money,
  moneyNonNegative,
  moneyNonZero,
  moneyPositive,
  monthKey,
  quarterKey,
  score0to100,
  entityId,
} from '../../shared/schemas/fields';
import { issueToError } from '../../shared/schemas/issues';
import { commissionPlanSchema, gradeBandsSchema, settingsSchema } from '../../shared/schemas/settings';
import { targetSheetSchema } from '../../shared/schemas/targets';
import { approveSchema, interviewSchema, overrideSchema, selfAssessSchema } from '../../shared/schemas/workflow';

/**
 * What a schema says about a value, as the user would be told: "ok", or the message code and the
 * field it names ("input.money at deals[0](D1).amount"), with its params when it has any.
 */
function verdict(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return 'ok';
  const error = issueToError(parsed.error, value);
  const params = error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : '';
  return `${error.code}${error.field ? ` at ${error.field}` : ''}${params}`;
}

/** The value a schema hands on (numbers given as JSON numbers come back as text). */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  return schema.parse(value);
}

describe('fields: amounts', () => {
  it.each([
    ['1234.56', 'ok'],
    ['-20.5', 'ok'],
    ['1234.567', 'input.money'],
    // Amounts as the app displays them and as typed with full-width digits (issue 10 item 3).
    ['1,234.00', 'ok'],
    ['１２３４．５６', 'ok'],
    ['1,234.567', 'input.money'],
    ['', 'input.money'],
    ['¥100', 'input.money'],
  ])('money %j → %s', (value, expected) => {
    expect(verdict(money, value)).toBe(expected);
  });

  it('takes a JSON number as its text, so nothing passes through a float sum', () => {
    expect(parsed(money, 1234.5)).toBe('1234.5');
    expect(verdict(money, 0.125), 'three decimals as a number').toBe('input.money');
  });

  it.each([
    [moneyPositive, '0.01', 'ok'],
    [moneyPositive, '0.00', 'input.moneyPositive'],
    [moneyPositive, '-5', 'input.moneyPositive'],
    [moneyNonNegative, '0', 'ok'],
    [moneyNonNegative, '-0.01', 'input.moneyNonNegative'],
    [moneyNonZero, '-300.00', 'ok'],
    [moneyNonZero, '0.00', 'input.money'],
  ] as const)('signs: %#', (schema, value, expected) => {
    expect(verdict(schema, value), `${value}`).toBe(expected);
  });

  it.each([
    ['7.123456', 'ok'],
    ['7.1234567', 'input.rate'],
    ['0', 'input.rate'],
    ['-7.1', 'input.rate'],
  ])('an FX rate per one unit %j → %s', (value, expected) => {
    expect(verdict(fxRate, value)).toBe(expected);
  });

  it('a score is 0 to 100', () => {
    expect([verdict(score0to100, '0'), verdict(score0to100, '100'), verdict(score0to100, '100.01'), verdict(score0to100, '-1')]).toEqual([
      'ok',
      'ok',
      'input.score',
      'input.score',
    ]);
  });
});

describe('fields: dates, months, quarters, currencies, ids', () => {
  it.each([
    ['2026-07-01', 'ok'],
    ['2028-02-29', 'ok'],
    ['2026-02-29', 'input.date'],
    ['2026-04-31', 'input.date'],
    ['2026-7-1', 'input.date'],
    ['2026/07/01', 'input.date'],
  ])('date %j → %s', (value, expected) => {
    expect(verdict(isoDate, value)).toBe(expected);
  });

  it('months and quarters', () => {
    expect([verdict(monthKey, '2026-12'), verdict(monthKey, '2026-13'), verdict(monthKey, '2026-1')]).toEqual(['ok', 'input.month', 'input.month']);
    expect([verdict(quarterKey, '2026Q4'), verdict(quarterKey, '2026Q5'), verdict(quarterKey, '2026-Q3'), verdict(quarterKey, '2026q3')]).toEqual([
      'ok',
      'input.quarter',
      'input.quarter',
      'input.quarter',
    ]);
  });

  it('currencies are ISO codes, or what the importer reads as one (usd, 美元); ids have no spaces', () => {
    expect([verdict(currency, 'USD'), verdict(currency, 'usd'), verdict(currency, 'US'), verdict(currency, '美元')]).toEqual([
      'ok',
      'ok',
      'input.currency',
      'ok',
    ]);
    expect([currency.parse('usd'), currency.parse('美元')]).toEqual(['USD', 'USD']);
    expect([verdict(entityId, 'S01'), verdict(entityId, 'S 01'), verdict(entityId, ''), verdict(entityId, 'x'.repeat(65))]).toEqual([
      'ok',
      'input.id',
      'input.id',
      'input.id',
    ]);
  });
});

describe('settings: grade bands and commission brackets', () => {
  const bands = () => DEFAULT_SETTINGS.gradeBands.map((b) => ({ ...b }));

  it('the default bands pass; a missing grade or mins that do not fall from S to D are refused', () => {
    expect(verdict(gradeBandsSchema, bands())).toBe('ok');
    expect(
      verdict(
        gradeBandsSchema,
        bands().filter((b) => b.grade !== 'C'),
      ),
    ).toBe('settings.bands');
    // A at 96 is above S at 95.
    expect(
      verdict(
        gradeBandsSchema,
        bands().map((b) => (b.grade === 'A' ? { ...b, min: '96' } : b)),
      ),
    ).toBe('settings.bands');
    // Equal mins leave B no room.
    expect(
      verdict(
        gradeBandsSchema,
        bands().map((b) => (b.grade === 'B' ? { ...b, min: '85' } : b)),
      ),
    ).toBe('settings.bands');
  });

  it('a settings object left empty is the defaults; a share above 1 is refused at its field', () => {
    expect(parsed(settingsSchema, {})).toEqual(DEFAULT_SETTINGS);
    expect(verdict(settingsSchema, { distribution: { ...DEFAULT_SETTINGS.distribution, S: '1.5' } })).toBe('input.decimal at distribution.S');
  });

  const plan = (brackets: { upTo: string | null; rate: string }[]) => ({ id: 'P1', brackets });

  it('brackets rise and only the last is open-ended', () => {
    expect(
      verdict(
        commissionPlanSchema,
        plan([
          { upTo: '100000', rate: '0.01' },
          { upTo: '500000', rate: '0.015' },
          { upTo: null, rate: '0.02' },
        ]),
      ),
    ).toBe('ok');
    expect(
      verdict(
        commissionPlanSchema,
        plan([
          { upTo: '500000', rate: '0.01' },
          { upTo: '100000', rate: '0.015' },
        ]),
      ),
    ).toBe('plan.brackets at brackets');
    expect(
      verdict(
        commissionPlanSchema,
        plan([
          { upTo: '100000', rate: '0.01' },
          { upTo: '100000', rate: '0.015' },
        ]),
      ),
    ).toBe('plan.brackets at brackets');
    expect(
      verdict(
        commissionPlanSchema,
        plan([
          { upTo: null, rate: '0.01' },
          { upTo: '100000', rate: '0.015' },
        ]),
      ),
    ).toBe('plan.brackets at brackets');
  });

  it('a bracket needs a positive bound and a rate of at least 0', () => {
    expect(verdict(commissionPlanSchema, plan([{ upTo: '0', rate: '0.01' }]))).toBe('input.moneyPositive at brackets[0].upTo');
    expect(verdict(commissionPlanSchema, plan([{ upTo: null, rate: '-0.01' }]))).toBe('plan.rate at brackets[0].rate');
    expect(verdict(commissionPlanSchema, plan([{ upTo: null, rate: '1.5' }])), 'a rate over 100%').toBe('plan.rate at brackets[0].rate');
    expect(verdict(commissionPlanSchema, plan([]))).toMatch(/ at brackets$/);
  });
});

describe('targets: weights sum to 100, targets positive', () => {
  const sheet = (indicators: unknown[]) => ({ salesperson: 'S01', quarter: '2026Q3', indicators });

  it('60 + 40 with positive targets passes', () => {
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '60', target: '100000' },
          { kpi: 'deal_volume', weight: 40, target: '100000' },
        ]),
      ),
    ).toBe('ok');
  });

  it('60 + 30 is refused with the sum it makes', () => {
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '60', target: '1' },
          { kpi: 'deal_volume', weight: '30', target: '1' },
        ]),
      ),
    ).toBe('targets.weightSum at indicators {"sum":"90"}');
  });

  it('a weight of 0 or below is refused at its indicator even when the sum is 100', () => {
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '100', target: '1' },
          { kpi: 'deal_volume', weight: '0', target: '1' },
        ]),
      ),
    ).toBe('targets.weightPositive at indicators[1].weight');
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '110', target: '1' },
          { kpi: 'deal_volume', weight: '-10', target: '1' },
        ]),
      ),
    ).toBe('targets.weightPositive at indicators[1].weight');
  });

  it('a scored indicator needs a positive target; peer review a 0–100 score; no indicator twice', () => {
    expect(verdict(targetSheetSchema, sheet([{ kpi: 'settled', weight: '100', target: '0' }]))).toBe(
      'targets.targetPositive at indicators[0].target {"kpi":"settled"}',
    );
    expect(verdict(targetSheetSchema, sheet([{ kpi: 'settled', weight: '100' }]))).toBe('targets.targetPositive at indicators[0].target {"kpi":"settled"}');
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '80', target: '1' },
          { kpi: 'peer_review', weight: '20', score: '101' },
        ]),
      ),
    ).toBe('targets.peerScore at indicators[1].score');
    expect(
      verdict(
        targetSheetSchema,
        sheet([
          { kpi: 'settled', weight: '50', target: '1' },
          { kpi: 'settled', weight: '50', target: '2' },
        ]),
      ),
    ).toBe('targets.duplicateKpi at indicators[1].kpi {"kpi":"settled"}');
  });
});

describe('bundle: refusals name the record and field', () => {
  const base = () => ({
    format: 'trade-kpi-bundle',
    version: 1,
    company: { name: '样例贸易' },
    salespeople: [{ id: 'S1', name: '张三' }],
    deals: [{ id: 'D1', salesperson: 'S1', signedOn: '2026-07-10', currency: 'CNY', amount: '1000.00' }],
    receipts: [{ valueDate: '2026-07-20', currency: 'CNY', amount: '500.00' }],
    targets: [{ salesperson: 'S1', quarter: '2026Q3', indicators: [{ kpi: 'settled', weight: '100', target: '1000' }] }],
  });

  it('a small valid bundle passes', () => {
    expect(verdict(bundleSchema, base())).toBe('ok');
  });

  it.each([
    ['a deal of -1000', (b: ReturnType<typeof base>) => (b.deals[0]!.amount = '-1000'), 'input.moneyPositive at deals[0](D1).amount'],
    ['a receipt on 30 February', (b: ReturnType<typeof base>) => (b.receipts[0]!.valueDate = '2026-02-30'), 'input.date at receipts[0].valueDate'],
    [
      'a target weight of 90',
      (b: ReturnType<typeof base>) => (b.targets[0]!.indicators[0]!.weight = '90'),
      'targets.weightSum at targets[0].indicators {"sum":"90"}',
    ],
    ['a salesperson without a name', (b: ReturnType<typeof base>) => (b.salespeople[0]!.name = ' '), 'input.text at salespeople[0](S1).name'],
    ['another format', (b: ReturnType<typeof base>) => (b.format = 'other'), 'input.enum at format {"options":"trade-kpi-bundle"}'],
  ])('%s', (_, change, expected) => {
    const bundle = base();
    change(bundle);
    expect(verdict(bundleSchema, bundle)).toBe(expected);
  });

  it('an adjustment belongs to a quarter or a year, not both and not neither', () => {
    const adjustment = { salesperson: 'S1', points: '2', reason: '新市场' };
    expect(verdict(bundleSchema, { ...base(), adjustments: [{ ...adjustment, quarter: '2026Q3' }] })).toBe('ok');
    expect(verdict(bundleSchema, { ...base(), adjustments: [{ ...adjustment, quarter: '2026Q3', year: 2026 }] })).toBe(
      'input.required at adjustments[0].quarter',
    );
    expect(verdict(bundleSchema, { ...base(), adjustments: [adjustment] })).toBe('input.required at adjustments[0].quarter');
  });
});

describe('workflow steps', () => {
  const person = { salesperson: 'S01', quarter: '2026Q3', by: '王经理' };

  it('a self-evaluation needs 100 characters, a Chinese character counting one, spaces around not counted', () => {
    expect(verdict(selfAssessSchema, { ...person, text: '好'.repeat(100) })).toBe('ok');
    expect(verdict(selfAssessSchema, { ...person, text: ` ${'好'.repeat(99)}  ` })).toBe('wf.textShort at text');
    expect(parsed(selfAssessSchema, { ...person, text: 'a'.repeat(100) }).scores, 'scores default to none').toEqual({});
    expect(verdict(selfAssessSchema, { ...person, text: 'a'.repeat(100), scores: { peer_review: '101' } })).toBe('input.score at scores.peer_review');
  });

  it('an interview lasts at least 30 minutes and agrees next quarter’s targets', () => {
    const interview = {
      ...person,
      date: '2026-10-14',
      place: '会议室',
      minutes: 30,
      comment: '评'.repeat(100),
      nextTargetsAgreed: true,
      signedOn: '2026-10-14',
    };
    expect(verdict(interviewSchema, interview)).toBe('ok');
    expect(verdict(interviewSchema, { ...interview, minutes: 29 })).toBe('wf.interviewShort at minutes');
    expect(verdict(interviewSchema, { ...interview, nextTargetsAgreed: false })).toBe('wf.nextTargets at nextTargetsAgreed');
    expect(verdict(interviewSchema, { ...interview, signedOn: '2026-10-32' })).toBe('input.date at signedOn');
  });

  it('an override total is 0 to 100 with a reason; approval ranks by force only when asked', () => {
    expect(verdict(overrideSchema, { ...person, total: '100.5', reason: '调整' })).toBe('input.score at total');
    expect(verdict(overrideSchema, { ...person, total: '66', reason: '' })).toBe('input.text at reason');
    expect(parsed(approveSchema, { quarter: '2026Q3', by: '张总', opinion: '同意' })).toEqual({
      quarter: '2026Q3',
      by: '张总',
      opinion: '同意',
      forcedRanking: false,
      opinions: {},
    });
  });
});
