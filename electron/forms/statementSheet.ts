import type ExcelJS from 'exceljs';
import type { CommissionStatement, ExclusionReason, RateSource } from '../../shared/engine/commissionStatement';
import { kpiName } from '../../shared/i18n/names';
import { Dec } from '../../shared/money';
import { align, border, fill, font, numFmt, printedSheet, sharedStyle } from './formStyle';
import { quarterTitle } from './formText';

/** The words of the printed statement (its Excel output is Chinese only, like the forms). */
const RATE_SOURCE: Record<RateSource, string> = {
  bankCny: '银行人民币金额',
  bankRate: '银行汇率',
  // Short enough for its printed column: a longer label wrapped over the next row's text.
  bankRatePer100: '银行汇率÷100',
  cny: '人民币账户',
  table: '汇率表估算',
};
const EXCLUSION: Record<ExclusionReason, string> = {
  notCustomer: '已标为非客户回款',
  creditedToOther: '计入 ',
  noOwnerWhenMatched: '匹配时客户无业务员',
};
const MODE_NAME = { progressive: '超额累进', whole: '全额累进' } as const;

const WIDTHS = [5, 11, 15, 22, 6, 13, 10, 15, 13];

const ONE_LINE: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'left', indent: 1, shrinkToFit: true };

const style = {
  title: sharedStyle({ font: font.title, alignment: align.center }),
  subtitle: sharedStyle({ font: font.subtitle, alignment: align.center }),
  section: sharedStyle({ font: font.section, fill: fill.section, alignment: align.left }),
  head: sharedStyle({ font: font.label, fill: fill.header, border: border.box, alignment: align.center }),
  // One line per receipt: a long payer name shrinks to its cell instead of wrapping over the next row.
  text: sharedStyle({ font: font.body, border: border.box, alignment: ONE_LINE, numFmt: numFmt.text }),
  center: sharedStyle({ font: font.body, border: border.box, alignment: align.center, numFmt: numFmt.text }),
  money: sharedStyle({ font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.money }),
  // Four decimals as rates are quoted (7.1263); a rate stored with more shows them all, never rounded away.
  rate: sharedStyle({ font: font.body, border: border.box, alignment: align.right, numFmt: '0.0000##' }),
  totalLabel: sharedStyle({ font: font.label, border: border.box, alignment: align.right }),
  totalMoney: sharedStyle({ font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.money }),
  note: sharedStyle({ font: font.small, alignment: align.left }),
  sign: sharedStyle({ font: font.body, alignment: align.left }),
} satisfies Record<string, Partial<ExcelJS.Style>>;

const LINE_STYLES = [style.center, style.center, style.text, style.text, style.center, style.money, style.rate, style.center, style.money];

/** A money cell's value: a number for Excel to sum and format (amounts are far below 2^53 fen). */
const amount = (text: string): number => Number(text);

class Sheet {
  row = 1;
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  cells(values: (ExcelJS.CellValue | null)[], styles: Partial<ExcelJS.Style>[]): number {
    // Set cell by cell, no object per cell: a statement may have thousands of lines.
    const row = this.sheet.getRow(this.row);
    for (let i = 0; i < values.length; i++) {
      const cell = row.getCell(i + 1);
      cell.value = values[i] ?? null;
      cell.style = styles[i] ?? style.text;
    }
    return this.row++;
  }

  /** One value across columns `from`…`to` (1-based). */
  span(from: number, to: number, value: ExcelJS.CellValue, cellStyle: Partial<ExcelJS.Style>): void {
    this.sheet.mergeCells(this.row, from, this.row, to);
    Object.assign(this.sheet.getCell(this.row, from), { value, style: cellStyle });
    if (cellStyle.border) for (let c = from + 1; c <= to; c++) this.sheet.getCell(this.row, c).style = cellStyle;
  }

  line(value: string, cellStyle: Partial<ExcelJS.Style>, height?: number): void {
    this.span(1, WIDTHS.length, value, cellStyle);
    if (height) this.sheet.getRow(this.row).height = height;
    this.row++;
  }

  /** A total: its label across the first eight columns, its money in the last. */
  total(label: string, value: ExcelJS.CellValue): void {
    this.span(1, WIDTHS.length - 1, label, style.totalLabel);
    Object.assign(this.sheet.getCell(this.row, WIDTHS.length), { value, style: style.totalMoney });
    this.row++;
  }
}

/** How a statement prints: its title rows on every page. */
export const STATEMENT_SHEET = printedSheet('1:2');

const HEADS = ['序号', '日期', '银行流水号', '付款人', '币种', '原币金额', '汇率', '汇率来源', '人民币金额'];
const DEAL_HEADS = ['序号', '签约日期', '合同号', '客户', '币种', '原币金额', '汇率', '汇率来源', '人民币金额'];

/**
 * 提成对账单 on one A4 sheet: every receipt (or deal) in the commission base with its rate and
 * where the rate came from, the person's customers' receipts that were left out and why, the
 * bracket arithmetic slice by slice, the new-customer bonus by name, and a signature line.
 * The base total is a live SUM of the lines; every other figure is the engine's.
 */
export function writeStatementSheet(sheet: ExcelJS.Worksheet, company: string, s: CommissionStatement): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const w = new Sheet(sheet);
  w.line(`${company} 提成对账单`, style.title, 30);
  w.line(
    `${quarterTitle(s.quarter)}\u3000业务员：${s.name}（${s.salesperson}）\u3000提成基数：${kpiName(s.base)}\u3000方案：${MODE_NAME[s.mode]}`,
    style.subtitle,
    20,
  );

  w.line(s.base === 'settled' ? `一、计入${kpiName('settled')}的收汇（退款为负数）` : `一、计入${kpiName('deal_volume')}的成交`, style.section, 20);
  w.cells(
    s.base === 'settled' ? HEADS : DEAL_HEADS,
    HEADS.map(() => style.head),
  );
  const first = w.row;
  s.lines.forEach((line, i) =>
    w.cells(
      [
        i + 1,
        line.date,
        line.ref ?? '',
        line.counterparty ?? '',
        line.currency,
        amount(line.amount),
        line.rate === null ? '' : Number(line.rate),
        RATE_SOURCE[line.rateSource],
        amount(line.cny),
      ],
      LINE_STYLES,
    ),
  );
  w.total(`合计（${s.lines.length} 笔）＝ 提成基数`, s.lines.length ? { formula: `SUM(I${first}:I${w.row - 1})`, result: amount(s.baseTotal) } : 0);

  if (s.base === 'settled') {
    w.row++;
    w.line('二、本人客户未计入的收汇', style.section, 20);
    if (s.excluded.length === 0) w.line('无', style.note);
    else {
      w.cells(
        ['序号', '日期', '银行流水号', '付款人', '币种', '原币金额', '原因', '', '人民币金额'],
        HEADS.map(() => style.head),
      );
      sheet.mergeCells(w.row - 1, 7, w.row - 1, 8);
      s.excluded.forEach((line, i) => {
        const reason = EXCLUSION[line.reason] + (line.reason === 'creditedToOther' ? (line.creditedTo ?? '') : '');
        w.cells(
          [
            i + 1,
            line.date,
            line.ref ?? '',
            line.counterparty ?? '',
            line.currency,
            amount(line.amount),
            reason,
            '',
            line.cny === null ? '' : amount(line.cny),
          ],
          [style.center, style.center, style.text, style.text, style.center, style.money, style.text, style.text, style.money],
        );
        sheet.mergeCells(w.row - 1, 7, w.row - 1, 8);
      });
    }
  }

  w.row++;
  w.line(`${s.base === 'settled' ? '三' : '二'}、提成计算（${MODE_NAME[s.mode]}）`, style.section, 20);
  w.cells(
    ['档', '从', '', '至', '', '费率', '本档金额', '', '本档提成'],
    HEADS.map(() => style.head),
  );
  mergeSliceRow(sheet, w.row - 1);
  if (s.slices.length === 0) w.line('提成基数不大于 0，没有分段提成', style.note);
  s.slices.forEach((slice, i) => {
    w.cells(
      [
        i + 1,
        amount(slice.from),
        '',
        slice.to === null ? '以上' : amount(slice.to),
        '',
        `${percent(slice.rate)}`,
        amount(slice.amount),
        '',
        amount(slice.commission),
      ],
      [style.center, style.money, style.money, style.money, style.money, style.center, style.money, style.money, style.money],
    );
    mergeSliceRow(sheet, w.row - 1);
  });
  if (Number(s.rounding) !== 0) {
    w.total('舍入差（分段合计后四舍五入到分）', amount(s.rounding));
  }
  w.total('分段提成', amount(s.commission.bracketAmount));

  w.row++;
  w.line(`${s.base === 'settled' ? '四' : '三'}、新客户奖励（每家 ${s.bonusPerCustomer} 元）`, style.section, 20);
  if (s.newCustomers.length === 0) w.line('本季度没有新客户', style.note);
  else {
    w.cells(
      ['序号', '首次日期', '客户编号', '客户名称', '', '', '', '', ''],
      HEADS.map(() => style.head),
    );
    sheet.mergeCells(w.row - 1, 4, w.row - 1, 9);
    s.newCustomers.forEach((c, i) => {
      w.cells([i + 1, c.date, c.customer, c.name], [style.center, style.center, style.text, style.text]);
      sheet.mergeCells(w.row - 1, 4, w.row - 1, 9);
    });
  }
  w.total(`新客户奖励（${s.newCustomers.length} 家 × ${s.bonusPerCustomer}）`, amount(s.commission.newCustomerBonus));
  w.total('本季度提成合计', amount(s.commission.total));

  w.row += 2;
  w.line('以上明细已核对无误。', style.sign, 20);
  w.line(
    '业务员签字：____________________\u3000\u3000日期：____________\u3000\u3000核对人签字：____________________\u3000\u3000日期：____________',
    style.sign,
    26,
  );
}

/** Slice rows span 从 over B:C, 至 over D:E and 本档金额 over G:H, so the nine columns stay aligned. */
function mergeSliceRow(sheet: ExcelJS.Worksheet, row: number): void {
  sheet.mergeCells(row, 2, row, 3);
  sheet.mergeCells(row, 4, row, 5);
  sheet.mergeCells(row, 7, row, 8);
}

/** A rate of 0.015 as 1.5%: the way owners write commission rates. */
function percent(rate: string): string {
  return `${new Dec(rate).times(100).toString()}%`;
}
