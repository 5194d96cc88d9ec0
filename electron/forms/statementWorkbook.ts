import type { CommissionStatement } from '../../shared/engine/commissionStatement';
import { STATEMENT_SHEET, writeStatementSheet } from './statementSheet';
import { StreamedWorkbook } from './streamedWorkbook';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function statementSheetName(s: Pick<CommissionStatement, 'salesperson' | 'name'>): string {
  return statementSheetOf(`${s.salesperson} ${s.name}`.replace(/[:\\/?*[\]]/g, ' '));
}

/** The statement sheet beside a person's form sheet (named `ID name`) in the forms workbook. */
export function statementSheetOf(formSheet: string): string {
  return `提成 ${formSheet}`.slice(0, 31);
}

/** Adds one 提成对账单 sheet per statement to a workbook (the forms workbook carries them too). */
export function addStatementSheets(workbook: StreamedWorkbook, company: string, statements: readonly CommissionStatement[]): void {
  for (const s of statements) workbook.sheet(statementSheetName(s), STATEMENT_SHEET, (sheet) => writeStatementSheet(sheet, company, s));
}

/** The statements on their own, one A4 sheet each. */
export async function statementsWorkbook(company: string, statements: readonly CommissionStatement[]): Promise<Buffer> {
  const workbook = new StreamedWorkbook();
  addStatementSheets(workbook, company, statements);
  return workbook.bytes();
}
