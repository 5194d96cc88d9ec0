import { z } from 'zod';
import { MIN_INTERVIEW_MINUTES, MIN_TEXT, textLength } from '../workflow/steps';
import { decimalText, entityId, isoDate, quarterKey, text } from './fields';

/** A text a person writes on the form: at least 100 characters, a CJK character counting 1. */
const longText = z.string().refine((v) => textLength(v) >= MIN_TEXT, { message: 'wf.textShort' });
const person = { salesperson: entityId, quarter: quarterKey, by: text };
/** Scores for manual items (peer review, custom indicators), 0–100, keyed by indicator. */
const manualScores = z
  .record(
    z.string(),
    decimalText.refine((v) => Number(v) >= 0 && Number(v) <= 100, { message: 'input.score' }),
  )
  .default({});

export const confirmTargetsSchema = z.object(person);
export const selfAssessSchema = z.object({ ...person, text: longText, scores: manualScores });
export const reviewSchema = z.object({ ...person, scores: manualScores });
export const interviewSchema = z.object({
  ...person,
  date: isoDate,
  place: text,
  minutes: z.number().int().min(MIN_INTERVIEW_MINUTES, { message: 'wf.interviewShort' }),
  comment: longText,
  nextTargetsAgreed: z.literal(true, { message: 'wf.nextTargets' }),
  signedOn: isoDate,
});
export const overrideSchema = z.object({
  ...person,
  total: decimalText.refine((v) => Number(v) >= 0 && Number(v) <= 100, { message: 'input.score' }),
  reason: text,
});
export const approveSchema = z.object({
  quarter: quarterKey,
  by: text,
  opinion: text,
  forcedRanking: z.boolean().default(false),
  opinions: z.record(entityId, z.string()).default({}),
});
export const archiveSchema = z.object({ quarter: quarterKey, by: text });
export const reopenSchema = z.object({ ...person, reason: text });

export type SelfStep = { by: string; at: string; text: string; scores: Record<string, string> };
export type ReviewStep = { by: string; at: string; scores: Record<string, string> };
export type InterviewStep = z.infer<typeof interviewSchema> & { at: string };
export type ApprovalStep = { by: string; at: string; opinion: string };
export type StepRecords = {
  targets?: { by: string; at: string };
  self?: SelfStep;
  review?: ReviewStep;
  interview?: Omit<InterviewStep, 'salesperson' | 'quarter'>;
  approved?: ApprovalStep;
  archived?: { by: string; at: string };
};
