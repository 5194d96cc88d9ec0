import ExcelJS from 'exceljs';
import type { CommissionStatement } from '../../shared/engine/commissionStatement';
import { writeStatementSheet } from './statementSheet';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function statementSheetName(s: Pick<CommissionStatement, 'salesperson' | 'name'>): string {
  return statementSheetOf(`${s.salesperson} ${s.name}`.replace(/[:\\/?*[\]]/g, ' '));
}

/** The statement sheet beside a person's form sheet (named `ID name`) in the forms workbook. */
export function statementSheetOf(formSheet: string): string {
  return `提成 ${formSheet}`.slice(0, 31);
}

/** Adds one 提成对账单 sheet per statement to a workbook (the forms workbook carries them too). */
export function addStatementSheets(workbook: ExcelJS.Workbook, company: string, statements: readonly CommissionStatement[]): void {
  for (const s of statements) writeStatementSheet(workbook.addWorksheet(statementSheetName(s)), company, s);
}

/** The statements on their own, one A4 sheet each. */
export async function statementsWorkbook(company: string, statements: readonly CommissionStatement[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TradeKPI';
  addStatementSheets(workbook, company, statements);
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
