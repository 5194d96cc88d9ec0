import { z } from 'zod';
import type { FormMap, PersonForm } from './formSheet';

/*
 * Where a form's figures are, derived from the form layout of its version and its shape (how
 * many indicators, adjustments and self-scored items it has), never read from the file: the
 * checksum then covers the cells the layout names, and a map edited in the file changes
 * nothing. `formsWorkbook` checks at every export that the sheet it wrote matches this layout.
 */

export const LAYOUT_VERSION = 2;

/** Bounds on a form's shape: far above any real form, low enough that nothing costs much. */
const MAX_INDICATORS = 50;
const MAX_ADJUSTMENTS = 500;
const MAX_SELF_ITEMS = 50;

export const formShapeSchema = z
  .object({
    v: z.literal(LAYOUT_VERSION),
    indicators: z.number().int().min(0).max(MAX_INDICATORS),
    adjustments: z.number().int().min(0).max(MAX_ADJUSTMENTS),
    selfItems: z.array(z.string().max(200)).max(MAX_SELF_ITEMS),
    /** Rows of receivables printed under the commission (SPEC §12): none, a missing-rate line, or two. */
    receivableRows: z.number().int().min(0).max(2).default(0),
  })
  .strict();

export type FormShape = z.infer<typeof formShapeSchema>;

/** The key of a manual item's self score: peer_review, or custom:<name>. */
function selfItemKeys(form: PersonForm): string[] {
  return form.indicators.filter((i) => i.kpi === 'peer_review' || i.kpi === 'custom').map((i) => (i.kpi === 'custom' ? `custom:${i.name ?? ''}` : i.kpi));
}

export function shapeOf(form: PersonForm): FormShape {
  const receivableRows = form.receivables === undefined ? 0 : form.receivables === null ? 1 : 2;
  return { v: LAYOUT_VERSION, indicators: form.row.indicators.length, adjustments: form.adjustments.length, selfItems: selfItemKeys(form), receivableRows };
}

/**
 * The cells of a version-2 form (see writeFormSheet): the header takes rows 1–7, the indicator
 * table starts at row 10, each indicator or adjustment moves everything below it one row, and
 * the receivables rows under the commission move the narrative below them.
 */
export function formLayout(shape: FormShape): FormMap {
  const n = shape.indicators;
  const below = n + shape.adjustments;
  const figures: Record<string, string> = {};
  for (let k = 0; k < n; k++)
    Object.assign(figures, { [`indicator${k}.weight`]: `B${10 + k}`, [`indicator${k}.actual`]: `D${10 + k}`, [`indicator${k}.score`]: `F${10 + k}` });
  Object.assign(figures, {
    weighted: `G${10 + n}`,
    adjustments: `G${13 + below}`,
    total: `G${14 + below}`,
    grade: `B${15 + below}`,
    coefficient: `D${15 + below}`,
    performancePay: `G${16 + below}`,
    commission: `G${22 + below}`,
  });
  const narrative = below + shape.receivableRows;
  const selfScores = Object.fromEntries(shape.selfItems.map((key, j) => [key, `G${30 + narrative + j}`]));
  return { figures, selfRows: [25 + narrative, 29 + narrative], selfScores };
}

/** The same map as text, for comparing with the one written in a file. */
export function mapText(map: FormMap): string {
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ figures: sorted(map.figures), selfRows: map.selfRows, selfScores: sorted(map.selfScores) });
}
