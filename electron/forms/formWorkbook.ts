import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Salesperson } from '../../shared/domain';
import type { AppraisalReport } from '../../shared/engine/appraisal';
import { canonicalFigures, figuresOfRow } from '../../shared/workflow/formFigures';
import { writeFormSheet, type PersonForm } from './formSheet';
import { writeSummarySheet } from './summarySheet';
import { addStatementSheets } from './statementWorkbook';
import type { CommissionStatement } from '../../shared/engine/commissionStatement';

/** The hidden sheet that lets a filled form be read back and checked (SPEC §11). */
export const KEY_SHEET = '_tkpi';
export const KEY_COLUMNS = ['sheet', 'salesperson', 'quarter', 'checksum', 'map'] as const;

export function checksum(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(person: Salesperson): string {
  return `${person.id} ${person.name}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/**
 * A workbook of appraisal forms: optionally the 汇总 summary, one sheet per person, their
 * 提成对账单 sheets, and the very hidden key sheet with each form's quarter, person, figure checksum and cell map.
 */
export async function formsWorkbook(
  company: string,
  report: AppraisalReport,
  forms: readonly PersonForm[],
  people: ReadonlyMap<string, Salesperson>,
  withSummary: boolean,
  statements: readonly CommissionStatement[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TradeKPI';
  workbook.created = new Date();
  if (withSummary) writeSummarySheet(workbook.addWorksheet('汇总'), company, report, people);
  const keys: string[][] = [[...KEY_COLUMNS]];
  for (const form of forms) {
    const name = sheetName(form.person);
    const map = writeFormSheet(workbook.addWorksheet(name), form);
    const sum = checksum(canonicalFigures(form.quarter, form.person.id, figuresOfRow(form.row)));
    keys.push([name, form.person.id, form.quarter, sum, JSON.stringify(map)]);
  }
  addStatementSheets(workbook, company, statements);
  const key = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' });
  for (const row of keys) key.addRow(row);
  // Fast deflate: forms are small, and a few percent more bytes buy a third off the time.
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
