import { createHmac } from 'node:crypto';
import { DomainError } from '../../shared/api/errors';
import type { Salesperson } from '../../shared/domain';
import type { AppraisalReport } from '../../shared/engine/appraisal';
import { canonicalFigures, figuresOfRow, type FormFigures } from '../../shared/workflow/formFigures';
import { formLayout, mapText, shapeOf, type FormShape } from './formLayout';
import { FORM_SHEET, writeFormSheet, type PersonForm } from './formSheet';
import { StreamedWorkbook } from './streamedWorkbook';
import { SUMMARY_SHEET, writeSummarySheet } from './summarySheet';
import { addStatementSheets } from './statementWorkbook';
import type { CommissionStatement } from '../../shared/engine/commissionStatement';

/** The hidden sheet that lets a filled form be read back and checked (SPEC §11). */
export const KEY_SHEET = '_tkpi';
/** `map` is written for people reading the file; the import derives it from `layout` instead. */
export const KEY_COLUMNS = ['sheet', 'salesperson', 'quarter', 'checksum', 'map', 'layout'] as const;
/** The name of the database secret that keys the forms' checksums. */
export const FORM_SECRET = 'forms.checksum';

/** What a form's key row vouches for. */
export type FormIdentity = { sheet: string; salesperson: string; quarter: string; shape: FormShape };

/**
 * HMAC-SHA256, keyed with this database's secret, over the form's sheet, person, quarter,
 * layout and figures: a file's own contents cannot produce a valid one.
 */
export function formChecksum(secret: Buffer, form: FormIdentity, figures: FormFigures): string {
  const { v, indicators, adjustments, selfItems } = form.shape;
  const text = [
    canonicalFigures(form.quarter, form.salesperson, figures),
    `sheet=${form.sheet}`,
    `layout=${JSON.stringify([v, indicators, adjustments, selfItems])}`,
  ].join('\n');
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(person: Salesperson): string {
  return `${person.id} ${person.name}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/**
 * A workbook of appraisal forms: optionally the 汇总 summary, one sheet per person, their
 * 提成对账单 sheets, and the very hidden key sheet with each form's quarter, person, figure
 * checksum and cell map. Each sheet is written out as soon as it is built (StreamedWorkbook),
 * so a quarter of receipt lines is never held as cells all at once.
 */
export async function formsWorkbook(
  company: string,
  report: AppraisalReport,
  forms: readonly PersonForm[],
  people: ReadonlyMap<string, Salesperson>,
  withSummary: boolean,
  secret: Buffer,
  statements: readonly CommissionStatement[] = [],
): Promise<Buffer> {
  const workbook = new StreamedWorkbook();
  if (withSummary) workbook.sheet('汇总', SUMMARY_SHEET, (sheet) => writeSummarySheet(sheet, company, report, people));
  const keys: string[][] = [[...KEY_COLUMNS]];
  for (const form of forms) {
    const name = sheetName(form.person);
    const map = workbook.sheet(name, FORM_SHEET, (sheet) => writeFormSheet(sheet, form));
    const shape = shapeOf(form);
    const layout = formLayout(shape);
    // The import trusts the layout, not the file: a sheet that drifted from it must not ship.
    if (mapText(map) !== mapText(layout))
      throw new DomainError('internal', { detail: `form layout v${shape.v} does not match the sheet written for ${form.person.id}` });
    const sum = formChecksum(secret, { sheet: name, salesperson: form.person.id, quarter: form.quarter, shape }, figuresOfRow(form.row));
    keys.push([name, form.person.id, form.quarter, sum, JSON.stringify(layout), JSON.stringify(shape)]);
  }
  addStatementSheets(workbook, company, statements);
  workbook.sheet(KEY_SHEET, { state: 'veryHidden' }, (key) => {
    for (const row of keys) key.addRow(row);
  });
  return workbook.bytes();
}
