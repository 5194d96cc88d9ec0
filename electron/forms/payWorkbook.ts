import type ExcelJS from 'exceljs';
import type { Salesperson } from '../../shared/domain';
import type { AppraisalReport } from '../../shared/engine/appraisal';
import { quarterPay, sumPay } from '../../shared/engine/quarterPay';
import { align, border, fill, font, numFmt, printedSheet, sharedStyle } from './formStyle';
import { StreamedWorkbook } from './streamedWorkbook';
import { quarterTitle } from './formText';

const HEADERS: [string, number][] = [
  ['序号', 6],
  ['编号', 8],
  ['姓名', 10],
  ['最终等级', 8],
  ['底薪×3', 12],
  ['绩效工资', 12],
  ['提成基数', 15],
  ['分段提成', 12],
  ['新客户奖励', 11],
  ['提成合计', 12],
  ['本季度合计', 14],
];

const style = {
  title: sharedStyle({ font: font.title, alignment: align.center }),
  head: sharedStyle({ font: font.label, fill: fill.header, border: border.box, alignment: align.center }),
  text: sharedStyle({ font: font.body, border: border.box, alignment: align.left, numFmt: numFmt.text }),
  center: sharedStyle({ font: font.body, border: border.box, alignment: align.center, numFmt: numFmt.text }),
  money: sharedStyle({ font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.money }),
  totalLabel: sharedStyle({ font: font.label, border: border.box, alignment: align.center }),
  totalMoney: sharedStyle({ font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.money }),
};

/** 薪酬 as a workbook: the page's table, every figure the engine's, with a 合计 line. */
export async function payWorkbook(company: string, report: AppraisalReport, people: ReadonlyMap<string, Salesperson>): Promise<Buffer> {
  const workbook = new StreamedWorkbook();
  workbook.sheet('薪酬', printedSheet('1:2', { orientation: 'landscape' }), (sheet) => writePaySheet(sheet, company, report, people));
  return workbook.bytes();
}

function writePaySheet(sheet: ExcelJS.Worksheet, company: string, report: AppraisalReport, people: ReadonlyMap<string, Salesperson>): void {
  sheet.columns = HEADERS.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  Object.assign(sheet.getCell(1, 1), { value: `${company} ${quarterTitle(report.quarter)} 薪酬汇总`, style: style.title });
  sheet.getRow(1).height = 30;
  HEADERS.forEach(([title], i) => Object.assign(sheet.getCell(2, i + 1), { value: title, style: style.head }));
  const pays = report.rows.map((row) => quarterPay(row, people.get(row.salesperson)?.monthlyBaseSalary ?? '0'));
  report.rows.forEach((row, k) => {
    const pay = pays[k];
    if (!pay) return;
    const values: ExcelJS.CellValue[] = [
      k + 1,
      row.salesperson,
      row.name,
      row.finalGrade,
      Number(pay.base3),
      Number(pay.performancePay),
      Number(row.commission.base),
      Number(row.commission.bracketAmount),
      Number(row.commission.newCustomerBonus),
      Number(pay.commission),
      Number(pay.total),
    ];
    const styles = [style.center, style.text, style.text, style.center, ...Array<typeof style.money>(7).fill(style.money)];
    values.forEach((value, i) => Object.assign(sheet.getCell(3 + k, i + 1), { value, style: styles[i] }));
  });
  const t = 3 + report.rows.length;
  const total = sumPay(pays);
  sheet.mergeCells(t, 1, t, 4);
  Object.assign(sheet.getCell(t, 1), { value: '合计', style: style.totalLabel });
  const sums: [number, string][] = [
    [5, total.base3],
    [6, total.performancePay],
    [10, total.commission],
    [11, total.total],
  ];
  for (const [column, value] of sums) Object.assign(sheet.getCell(t, column), { value: Number(value), style: style.totalMoney });
  for (const column of [7, 8, 9]) sheet.getCell(t, column).style = style.totalMoney;
}
