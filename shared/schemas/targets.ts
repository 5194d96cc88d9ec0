import { z } from 'zod';
import type { TargetIndicator } from '../domain';
import { targetSheetProblems } from '../engine/targetSheet';
import { decimalText, entityId, quarterKey, text } from './fields';

export const targetIndicatorSchema = z.object({
  kpi: z.enum(['deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate', 'peer_review', 'custom']),
  weight: decimalText,
  target: decimalText.optional(),
  score: decimalText.optional(),
  name: text.optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  actual: decimalText.optional(),
});

/** A sheet passes only when `targetSheetProblems` finds nothing; each problem names its indicator. */
export const indicatorListSchema = z.array(targetIndicatorSchema).superRefine((indicators, ctx) => {
  for (const problem of targetSheetProblems(indicators as TargetIndicator[])) {
    const path = problem.index === undefined ? [] : [problem.index, ...(problem.key ? [problem.key] : [])];
    ctx.addIssue({ code: 'custom', message: problem.code, params: problem.params ?? {}, path });
  }
});

export const targetSheetSchema = z.object({
  salesperson: entityId,
  quarter: quarterKey,
  indicators: indicatorListSchema,
});
