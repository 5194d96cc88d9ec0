import type ExcelJS from 'exceljs';
import type { CommissionPlan, Salesperson, Settings, TargetIndicator } from '../../shared/domain';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import type { AppraisalRecord, StoredAdjustment } from '../../shared/entities';
import { kpiName } from '../../shared/i18n/names';
import { Dec, round2 } from '../../shared/money';
import { align, border, fill, font, numFmt, printedSheet, sharedStyle, type CellStyle } from './formStyle';
import { boundText, quarterTitle, ruleText, targetText } from './formText';

/** Everything one person's form shows. */
export type PersonForm = {
  company: string;
  quarter: string;
  row: AppraisalRow;
  person: Salesperson;
  indicators: readonly TargetIndicator[];
  adjustments: readonly StoredAdjustment[];
  record: AppraisalRecord | null;
  plan: CommissionPlan | null;
  settings: Settings;
  /** The person's receivables at the quarter's end (SPEC §12), CNY; absent when the company keeps no payment terms. */
  receivables?: { asOf: string; outstanding: string; overdue: string } | { missing: { month: string; currency: string } };
};

/** Where the figures, the self-evaluation area and the self scores are, for reading a form back. */
export type FormMap = { figures: Record<string, string>; selfRows: [number, number]; selfScores: Record<string, string> };

type Style = CellStyle;

const COLUMNS = [14, 7, 15, 15, 28, 9, 13];
const LAST = 'G';

class Writer {
  row = 1;
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  put(address: string, value: ExcelJS.CellValue, style: Style = {}): void {
    const [column, row] = split(address);
    const cell = this.sheet.getCell(row, column);
    cell.value = value;
    cell.style = sharedStyle(style);
  }

  /** A merged range with one value; the border drawn on every cell so the box prints whole. */
  merged(from: string, to: string, value: ExcelJS.CellValue, style: Style = {}): void {
    const [c1, r1] = split(from);
    const [c2, r2] = split(to);
    this.sheet.mergeCells(r1, c1, r2, c2);
    this.put(from, value, style);
    if (style.border) {
      const edge = sharedStyle({ border: style.border });
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) this.sheet.getCell(r, c).style = edge;
    }
  }

  section(title: string): void {
    // A coloured band: a merged range takes its fill from its first cell, so no other cell is needed.
    this.merged(`A${this.row}`, `${LAST}${this.row}`, title, { font: font.section, fill: fill.section, alignment: align.left });
    this.sheet.getRow(this.row).height = 20;
    this.row++;
  }

  /** Ruled lines to write on by hand, or the given text in one box. */
  area(text: string | null, lines: number): [number, number] {
    const first = this.row;
    if (text) {
      this.merged(`A${first}`, `${LAST}${first + lines - 1}`, text, { font: font.body, alignment: align.top, border: border.box, numFmt: numFmt.text });
    } else {
      // Lines to write on: the row's own format carries the rule, so no cell has to exist for
      // it (the print area keeps it to the form's width); text typed in A runs across.
      for (let r = first; r < first + lines; r++) {
        const row = this.sheet.getRow(r);
        row.border = border.rule;
        row.numFmt = numFmt.text;
        row.alignment = align.left;
        row.height = 22;
      }
    }
    this.row += lines;
    return [first, first + lines - 1];
  }
}

function split(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const column = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [column, Number(m[2])];
}

const num = (text: string | null) => (text === null || text === '' ? null : Number(text));

/** How a form sheet prints: its two title rows on every page. */
export const FORM_SHEET = printedSheet('1:2', { defaultRowHeight: 18 });

/** Writes one person's 绩效考核表 (SPEC §11) on `sheet` (added with `FORM_SHEET`) and says where its figures are. */
export function writeFormSheet(sheet: ExcelJS.Worksheet, form: PersonForm): FormMap {
  const w = new Writer(sheet);
  sheet.columns = COLUMNS.map((width) => ({ width }));
  const figures: Record<string, string> = {};
  header(w, form);
  indicatorTable(w, form, figures);
  results(w, form, figures);
  commission(w, form, figures);
  const selfScores: Record<string, string> = {};
  const selfRows = narrative(w, form, selfScores);
  signatures(w);
  sheet.pageSetup.printArea = `A1:${LAST}${w.row - 1}`;
  return { figures, selfRows, selfScores };
}

function header(w: Writer, form: PersonForm): void {
  w.merged('A1', `${LAST}1`, '绩 效 考 核 表', { font: font.title, alignment: align.center });
  w.sheet.getRow(1).height = 32;
  w.merged('A2', `${LAST}2`, `${form.company}\u3000\u3000${quarterTitle(form.quarter)}`, { font: font.subtitle, alignment: align.center });
  const steps = form.record?.steps;
  const cells: [string, string, string, string][] = [
    ['被考核人', form.person.name, '部门', form.person.department ?? ''],
    ['编号', form.person.id, '入职日期', form.person.hiredOn ?? ''],
    ['考核人', steps?.review?.by ?? steps?.interview?.by ?? '', '审定人', steps?.approved?.by ?? ''],
  ];
  w.row = 4;
  for (const [l1, v1, l2, v2] of cells) {
    const r = w.row++;
    w.put(`A${r}`, l1, { font: font.label, fill: fill.header, border: border.box, alignment: align.center });
    w.merged(`B${r}`, `C${r}`, v1, { font: font.body, border: border.box, alignment: align.left, numFmt: numFmt.text });
    w.put(`D${r}`, l2, { font: font.label, fill: fill.header, border: border.box, alignment: align.center });
    w.merged(`E${r}`, `${LAST}${r}`, v2, { font: font.body, border: border.box, alignment: align.left, numFmt: numFmt.text });
  }
  w.row++;
}

function indicatorTable(w: Writer, form: PersonForm, figures: Record<string, string>): void {
  w.section('一、考核指标');
  const head = ['指标', '权重%', '目标/基准', '实际完成', '评分规则', '得分', '加权得分'];
  head.forEach((text, i) =>
    w.put(`${String.fromCharCode(65 + i)}${w.row}`, text, { font: font.label, fill: fill.header, border: border.box, alignment: align.center }),
  );
  w.row++;
  const first = w.row;
  const last = first + form.row.indicators.length - 1;
  const weights = `SUMIF($F$${first}:$F$${last},"<>",$B$${first}:$B$${last})`;
  form.row.indicators.forEach((result, k) => {
    const r = w.row++;
    w.sheet.getRow(r).height = 20;
    const indicator = form.indicators[k];
    const score = num(result.score);
    const weight = Number(result.weight);
    w.put(`A${r}`, indicatorName(result.kpi, result.name), { font: font.body, border: border.box, alignment: align.left });
    w.put(`B${r}`, weight, { font: font.body, border: border.box, alignment: align.center, numFmt: numFmt.weight });
    w.put(`C${r}`, indicator ? targetText(indicator) : '', { font: font.body, border: border.box, alignment: align.right });
    actualCell(w, `D${r}`, result.kpi, result.actual);
    w.put(`E${r}`, indicator ? ruleText(indicator, form.settings) : '', { font: font.small, border: border.box, alignment: align.left });
    w.put(`F${r}`, score, { font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.score });
    const applicable = form.row.indicators.filter((i) => i.score !== null).reduce((s, i) => s.plus(i.weight), new Dec(0));
    const contribution = result.score === null ? '—' : round2(new Dec(result.weight).times(result.score).div(applicable)).toNumber();
    w.put(
      `G${r}`,
      { formula: `IF(F${r}="","—",ROUND(B${r}*F${r}/${weights},2))`, result: contribution },
      { font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.score },
    );
    Object.assign(figures, { [`indicator${k}.weight`]: `B${r}`, [`indicator${k}.actual`]: `D${r}`, [`indicator${k}.score`]: `F${r}` });
  });
  const r = w.row++;
  w.merged(`A${r}`, `F${r}`, '加权得分（按适用指标的权重折算）', { font: font.label, alignment: align.right });
  w.put(
    `G${r}`,
    { formula: `ROUND(SUMPRODUCT(B${first}:B${last},F${first}:F${last})/${weights},2)`, result: Number(form.row.weightedScore) },
    { font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.score },
  );
  figures.weighted = `G${r}`;
  w.row++;
}

function indicatorName(kpi: string, name: string | undefined): string {
  return name ?? kpiName(kpi);
}

function actualCell(w: Writer, address: string, kpi: string, actual: string | null): void {
  const style = { font: font.body, border: border.box, alignment: align.right };
  const rate = kpi === 'error_rate' || kpi === 'collection_rate' || kpi === 'overdue_rate';
  if (actual === null) return w.put(address, rate ? '不适用' : '—', style);
  const format = rate ? numFmt.percent : kpi === 'new_customers' ? numFmt.count : numFmt.money;
  w.put(address, Number(actual), { ...style, numFmt: format });
}

function results(w: Writer, form: PersonForm, figures: Record<string, string>): void {
  w.section('二、加扣分与总分');
  const weightedCell = figures.weighted ?? 'G1';
  const firstAdj = w.row;
  for (const a of form.adjustments) {
    const r = w.row++;
    w.merged(`A${r}`, `F${r}`, a.reason, { font: font.body, alignment: align.left, numFmt: numFmt.text });
    w.put(`G${r}`, Number(a.points), { font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.score });
  }
  const r = w.row++;
  w.merged(`A${r}`, `F${r}`, form.adjustments.length ? '加扣分合计' : '加扣分合计（无）', { font: font.label, alignment: align.right });
  const adjFormula = form.adjustments.length ? `SUM(G${firstAdj}:G${r - 1})` : '0';
  w.put(
    `G${r}`,
    { formula: adjFormula, result: Number(form.row.adjustments) },
    { font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.score },
  );
  figures.adjustments = `G${r}`;
  const t = w.row++;
  const override = form.record?.overrideTotal ?? null;
  w.merged(`A${t}`, `F${t}`, override ? `总分（总经理调整：${form.record?.overrideReason ?? ''}）` : '总分', { font: font.label, alignment: align.right });
  w.put(`G${t}`, override ? Number(form.row.total) : { formula: `MIN(100,MAX(0,${weightedCell}+G${r}))`, result: Number(form.row.total) }, {
    font: font.section,
    border: border.box,
    alignment: align.right,
    numFmt: numFmt.score,
  });
  figures.total = `G${t}`;
  const p = w.row++;
  const labels: [string, string, ExcelJS.CellValue, string][] = [
    ['A', '考核等级', form.row.finalGrade, 'B'],
    ['C', '绩效系数', Number(form.row.coefficient), 'D'],
    ['E', '季度绩效基准工资', Number(form.person.performanceBasePay), 'F'],
  ];
  for (const [lc, label, value, vc] of labels) {
    w.put(`${lc}${p}`, label, { font: font.label, fill: fill.header, border: border.box, alignment: align.center });
    w.put(`${vc}${p}`, value, {
      font: font.body,
      border: border.box,
      alignment: align.center,
      numFmt: vc === 'D' ? '0.0#' : vc === 'F' ? numFmt.money : numFmt.text,
    });
  }
  w.put(`G${p}`, '', { border: border.box });
  const q = w.row++;
  w.merged(`A${q}`, `F${q}`, '下季度绩效工资 = 季度绩效基准工资 × 绩效系数', { font: font.label, alignment: align.right });
  w.put(
    `G${q}`,
    { formula: `ROUND(F${p}*D${p},2)`, result: Number(form.row.performancePay) },
    { font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.money },
  );
  Object.assign(figures, { grade: `B${p}`, coefficient: `D${p}`, performancePay: `G${q}` });
  w.row++;
}

function commission(w: Writer, form: PersonForm, figures: Record<string, string>): void {
  w.section('三、本季度提成');
  const c = form.row.commission;
  const plan = form.plan;
  const brackets = plan
    ? plan.brackets
        .map(
          (b, i) =>
            `${b.upTo === null ? `${boundText(plan.brackets[i - 1]?.upTo ?? '0')}以上` : `${boundText(b.upTo)}以内`} ${new Dec(b.rate).times(100).toString()}%`,
        )
        .join('；')
    : '未设定提成方案';
  const mode = plan?.mode === 'whole' ? '全额累进' : '超额累进';
  const rows: [string, ExcelJS.CellValue][] = [
    [`提成基数（结汇额）\u3000计算方式：${mode}（${brackets}）`, Number(c.base)],
    ['档次提成', Number(c.bracketAmount)],
    [`新客户奖励（${form.row.newCustomers} 个 × ${plan?.newCustomerBonus ?? '0'} 元）`, Number(c.newCustomerBonus)],
  ];
  const first = w.row;
  for (const [label, value] of rows) {
    const r = w.row++;
    w.merged(`A${r}`, `F${r}`, label, { font: font.body, alignment: align.left });
    w.put(`G${r}`, value, { font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.money });
  }
  const r = w.row++;
  w.merged(`A${r}`, `F${r}`, '提成合计', { font: font.label, alignment: align.right });
  w.put(
    `G${r}`,
    { formula: `G${first + 1}+G${first + 2}`, result: Number(c.total) },
    { font: font.label, border: border.box, alignment: align.right, numFmt: numFmt.money },
  );
  figures.commission = `G${r}`;
  receivables(w, form);
  w.row++;
}

/** 应收余额 and its overdue part at the quarter's end, for reference beside the money received. */
function receivables(w: Writer, form: PersonForm): void {
  if (form.receivables === undefined) return;
  const r = form.receivables;
  const rows: [string, number | string][] =
    'missing' in r
      ? [[`参考：应收余额（缺少 ${r.missing.month} ${r.missing.currency} 汇率，无法折算）`, '—']]
      : [
          [`参考：应收余额（截至季末 ${r.asOf}，人民币）`, Number(r.outstanding)],
          ['其中逾期', Number(r.overdue)],
        ];
  for (const [label, value] of rows) {
    const row = w.row++;
    w.merged(`A${row}`, `F${row}`, label, { font: font.body, alignment: align.right });
    w.put(`G${row}`, value, { font: font.body, border: border.box, alignment: align.right, numFmt: numFmt.money });
  }
}

function narrative(w: Writer, form: PersonForm, selfScores: Record<string, string>): [number, number] {
  const steps = form.record?.steps;
  w.section('四、自我评价（被考核人填写，不少于 100 字）');
  const selfRows = w.area(steps?.self?.text ?? null, 5);
  // Manual items get a self score beside the text (SPEC §8 step 2).
  for (const indicator of form.indicators) {
    if (indicator.kpi !== 'peer_review' && indicator.kpi !== 'custom') continue;
    const key = indicator.kpi === 'custom' ? `custom:${indicator.name ?? ''}` : indicator.kpi;
    const r = w.row++;
    w.merged(`A${r}`, `F${r}`, `「${indicatorName(indicator.kpi, indicator.name)}」自评分（0–100）`, { font: font.body, alignment: align.right });
    const given = steps?.self?.scores[key];
    w.put(`G${r}`, given === undefined ? null : Number(given), { font: font.body, border: border.rule, alignment: align.center, numFmt: numFmt.score });
    selfScores[key] = `G${r}`;
  }
  w.row++;
  w.section('五、面谈记录（考核人填写）');
  const interview = steps?.interview;
  const r = w.row++;
  // Label, then value, across A–G (widths 14·7·15·15·28·9·13): the date gets B–C, so it is never cut.
  const label = { font: font.label, fill: fill.header, border: border.box, alignment: align.center };
  const value = { font: font.body, border: border.box, alignment: align.center, numFmt: numFmt.text };
  w.put(`A${r}`, '面谈时间', label);
  w.merged(`B${r}`, `C${r}`, interview?.date ?? '', value);
  w.put(`D${r}`, '面谈地点', label);
  w.put(`E${r}`, interview?.place ?? '', value);
  w.put(`F${r}`, '面谈时长', label);
  // On a blank form the unit stays, to the right of where the minutes are written by hand.
  w.put(`G${r}`, interview ? `${interview.minutes} 分钟` : '分钟', interview ? value : { ...value, alignment: align.right });
  w.merged(`A${w.row}`, `${LAST}${w.row}`, '考核人评语（不少于 100 字）：', { font: font.label, alignment: align.left });
  w.row++;
  w.area(interview?.comment ?? null, 4);
  w.row++;
  w.section('六、审定意见（总经理填写）');
  w.area(steps?.approved?.opinion ?? null, 3);
  w.row++;
  return selfRows;
}

function signatures(w: Writer): void {
  const r = w.row;
  const blocks: [string, string, string][] = [
    ['A', 'B', '被考核人签字：'],
    ['C', 'D', '考核人签字：'],
    ['E', 'G', '审定人签字：'],
  ];
  for (const [from, to, label] of blocks) {
    w.merged(`${from}${r}`, `${to}${r}`, `${label}__________`, { font: font.body, alignment: align.left });
    w.merged(`${from}${r + 1}`, `${to}${r + 1}`, '日期：____年__月__日', { font: font.body, alignment: align.left });
    w.sheet.getRow(r).height = 30;
    w.sheet.getRow(r + 1).height = 24;
  }
  w.row += 2;
}
