import type ExcelJS from 'exceljs';
import type { Salesperson } from '../../shared/domain';
import type { AppraisalReport } from '../../shared/engine/appraisal';
import { quarterPay, sumPay } from '../../shared/engine/quarterPay';
import { align, border, fill, font, numFmt, printedSheet, sharedStyle } from './formStyle';
import { quarterTitle } from './formText';

const HEADERS: [string, number][] = [
  ['序号', 6],
  ['编号', 8],
  ['姓名', 10],
  ['部门', 12],
  ['总分', 8],
  ['等级', 6],
  ['绩效系数', 8],
  ['绩效工资', 12],
  ['提成', 13],
  ['底薪×3', 12],
  ['本季度合计', 14],
];

/** How 汇总 prints: landscape, its three title rows on every page. */
export const SUMMARY_SHEET = printedSheet('1:3', { orientation: 'landscape' });

/** 汇总 (a sheet added with `SUMMARY_SHEET`): everyone's totals, grades, coefficients, performance pay, commission and pay. */
export function writeSummarySheet(sheet: ExcelJS.Worksheet, company: string, report: AppraisalReport, people: ReadonlyMap<string, Salesperson>): void {
  sheet.columns = HEADERS.map(([, width]) => ({ width }));
  sheet.mergeCells('A1:K1');
  sheet.getRow(1).height = 32;
  sheet.getRow(2).height = 22;
  Object.assign(sheet.getCell('A1'), { value: `${company} 绩效考核汇总表`, style: sharedStyle({ font: font.title, alignment: align.center }) });
  sheet.mergeCells('A2:K2');
  const d = report.distribution;
  const breach = d.compliant ? '符合分布规定' : '不符合分布规定';
  Object.assign(sheet.getCell('A2'), {
    value: `${quarterTitle(report.quarter)}\u3000考核 ${report.appraised} 人\u3000S ${d.counts.S} / A ${d.counts.A} / B ${d.counts.B} / C ${d.counts.C} / D ${d.counts.D}（${breach}）`,
    style: sharedStyle({ font: font.subtitle, alignment: align.center }),
  });
  HEADERS.forEach(([title], i) =>
    Object.assign(sheet.getCell(3, i + 1), {
      value: title,
      style: sharedStyle({ font: font.label, fill: fill.header, border: border.box, alignment: align.center }),
    }),
  );
  const pays = report.rows.map((row) => quarterPay(row, people.get(row.salesperson)?.monthlyBaseSalary ?? '0'));
  report.rows.forEach((row, k) => {
    const r = 4 + k;
    const person = people.get(row.salesperson);
    const pay = pays[k]!;
    const values: [ExcelJS.CellValue, string][] = [
      [k + 1, numFmt.count],
      [row.salesperson, numFmt.text],
      [row.name, numFmt.text],
      [person?.department ?? '', numFmt.text],
      [Number(row.total), numFmt.score],
      [row.finalGrade, numFmt.text],
      [Number(row.coefficient), '0.0#'],
      [Number(row.performancePay), numFmt.money],
      [Number(row.commission.total), numFmt.money],
      [Number(pay.base3), numFmt.money],
      [{ formula: `H${r}+I${r}+J${r}`, result: Number(pay.total) }, numFmt.money],
    ];
    values.forEach(([value, format], i) =>
      Object.assign(sheet.getCell(r, i + 1), {
        value,
        style: sharedStyle({ numFmt: format, font: font.body, border: border.box, alignment: i < 4 ? align.left : i === 5 ? align.center : align.right }),
      }),
    );
    sheet.getRow(r).height = 20;
  });
  const t = 4 + report.rows.length;
  sheet.mergeCells(`A${t}:G${t}`);
  Object.assign(sheet.getCell(`A${t}`), { value: '合计', style: sharedStyle({ font: font.label, border: border.box, alignment: align.center }) });
  const sums = sumPay(pays);
  const totals: Record<string, string> = { H: sums.performancePay, I: sums.commission, J: sums.base3, K: sums.total };
  for (const [column, cached] of Object.entries(totals)) {
    const total = report.rows.length ? `SUM(${column}4:${column}${t - 1})` : '0';
    Object.assign(sheet.getCell(`${column}${t}`), {
      value: { formula: total, result: Number(cached) },
      style: sharedStyle({ numFmt: numFmt.money, font: font.label, border: border.box, alignment: align.right }),
    });
  }
  const u = t + 1;
  sheet.mergeCells(`A${u}:K${u}`);
  Object.assign(sheet.getCell(`A${u}`), {
    value: `未匹配收汇 ${report.unmatchedReceipts.count} 笔，合计 ¥${report.unmatchedReceipts.cny.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}，不计入任何人。`,
    style: sharedStyle({ font: font.small, alignment: align.left }),
  });
}
