import type { ImportSummary, QuarterAppraisal } from '../../shared/api/contract';
import { message, type MessageKey } from '../../shared/i18n/messages';
import { kpiName } from '../../shared/i18n/names';
import type { AnnualReport } from '../../shared/engine/annual';
import { renderTable, thousands, type Column } from './table';

const right = (title: string): Column => ({ title, align: 'right' });

/** The quarter as a table for the terminal, with the distribution and warnings below it. */
export function quarterTable({ report, warnings, snapshots }: QuarterAppraisal): string {
  const columns: Column[] = [
    { title: '编号' },
    { title: '姓名' },
    right(kpiName('deal_volume')),
    right(kpiName('settled')),
    right(kpiName('new_customers')),
    right(`${kpiName('error_rate')}%`),
    right('加权得分'),
    right('加扣分'),
    right('总分'),
    { title: '等级' },
    { title: '强制' },
    { title: '最终' },
    right('系数'),
    right('绩效工资'),
    right('提成'),
    right('排名'),
  ];
  const rows = report.rows.map((r) => [
    r.salesperson,
    r.name,
    thousands(r.dealVolume),
    thousands(r.settled),
    String(r.newCustomers),
    r.errorRatePct ?? '不适用',
    r.weightedScore,
    r.adjustments,
    r.total,
    r.grade,
    r.forcedGrade,
    r.finalGrade,
    r.coefficient,
    thousands(r.performancePay),
    thousands(r.commission.total),
    String(r.rank),
  ]);
  const { caps, counts, compliant } = report.distribution;
  const summary = [
    `${report.quarter} 考核结果（${report.appraised} 人）`,
    `等级分布：S ${counts.S} / A ${counts.A} / B ${counts.B} / C ${counts.C} / D ${counts.D}；` +
      `上限 S ${caps.S}、A ${caps.A}、S+A ${caps.SA}，C+D 至少 ${caps.CD}：${compliant ? '符合' : '不符合'}`,
    `未匹配收汇：${report.unmatchedReceipts.count} 笔，¥${thousands(report.unmatchedReceipts.cny)}`,
    // Approved rows are the snapshots taken at 审定, not a computation from today's data.
    ...(snapshots && snapshots.length > 0
      ? [`已审定 ${snapshots.length} 人（${snapshots.map((s) => s.salesperson).join('、')}）：显示审定时的数字，之后的数据变化不影响`]
      : []),
  ];
  return [summary[0], '', renderTable(columns, rows), '', ...summary.slice(1), ...warnings.map((w) => `提示：${w.message}`)].join('\n');
}

export function annualTable(report: AnnualReport): string {
  const columns: Column[] = [
    { title: '编号' },
    { title: '姓名' },
    { title: '考核季度' },
    right('加权得分'),
    right('加扣分'),
    right('总分'),
    { title: '年度等级' },
    right('系数'),
    right('次年Q1绩效工资'),
    right('年终奖'),
  ];
  const rows = report.rows.map((r) => [
    r.salesperson,
    r.name,
    r.quartersAppraised.map((q) => q.slice(4)).join(','),
    r.weightedScore,
    r.adjustments,
    r.total,
    r.grade,
    r.coefficient,
    thousands(r.nextQ1PerformancePay),
    r.annualBonus === null ? '-' : thousands(r.annualBonus),
  ]);
  return [`${report.year} 年度绩效评定（${report.rows.length} 人）`, '', renderTable(columns, rows)].join('\n');
}

/** The import report as lines for the terminal. */
export function importReport(summary: ImportSummary): string {
  const skipped = Object.entries(summary.skipped)
    .map(([reason, n]) => `${message(reason as MessageKey)} ${n}`)
    .join('、');
  const skippedTotal = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
  const lines = [
    `${summary.file}：读取 ${summary.read} 行，新增 ${summary.imported} 笔（退款 ${summary.refunds} 笔，未匹配客户 ${summary.unmatched} 笔），` +
      `重复 ${summary.duplicates} 笔，跳过 ${skippedTotal} 行${skipped ? `（${skipped}）` : ''}，拒绝 ${summary.rejected.length} 行` +
      (summary.batchId === null ? '；没有写入任何数据' : `；导入批次 ${summary.batchId}`),
    ...summary.rejected.map((r) => `  第 ${r.row} 行：${r.reason}`),
    ...(summary.held ?? []).map((r) => `  第 ${r.row} 行：${message(r.code, r.params)}`),
  ];
  return lines.join('\n');
}
