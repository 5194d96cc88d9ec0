import type { AgeingFigures, ReceivablesReport } from '../../shared/receivables/report';
import { renderTable, thousands, type Column } from './table';

const right = (title: string): Column => ({ title, align: 'right' });

const AGEING_COLUMNS: Column[] = [
  right('应收余额'),
  right('逾期'),
  right('未到期'),
  right('1-30天'),
  right('31-60天'),
  right('61-90天'),
  right('91-180天'),
  right('180天以上'),
  right('在手订单'),
  right('定金逾期'),
  right('已核销'),
];

function ageing(f: AgeingFigures): string[] {
  const b = f.buckets;
  return [f.outstanding, f.overdue, b.notDue, b.d1_30, b.d31_60, b.d61_90, b.d91_180, b.d181, f.backlog, f.lateDeposits, f.writtenOff].map(thousands);
}

/** The ageing as tables for the terminal: by salesperson, then by customer with credit (CNY as of the date). */
export function receivablesTable(report: ReceivablesReport): string {
  const people = renderTable(
    [{ title: '编号' }, { title: '业务员' }, ...AGEING_COLUMNS, right('最长逾期天数')],
    [...report.salespeople.map((p) => [p.salesperson, p.name, ...ageing(p), String(p.oldestOverdueDays)]), ['', '合计', ...ageing(report.totals), '']],
  );
  const customers = renderTable(
    [
      { title: '编号' },
      { title: '客户' },
      right('应收余额'),
      right('逾期'),
      right('在手订单'),
      right('预收/多收'),
      right('最长逾期天数'),
      { title: '信用等级' },
      right('信用额度'),
      right('信用敞口'),
      { title: '超额度' },
      { title: '建议等级' },
    ],
    report.customers.map((c) => [
      c.customer,
      c.name,
      thousands(c.outstanding),
      thousands(c.overdue),
      thousands(c.backlog),
      thousands(c.unapplied),
      String(c.oldestOverdueDays),
      c.creditGrade,
      c.creditLimit === null ? '-' : thousands(c.creditLimit),
      thousands(c.exposure),
      c.overLimit ? '是' : '',
      c.suggestedGrade === c.creditGrade ? c.suggestedGrade : `${c.suggestedGrade}（建议调整）`,
    ]),
  );
  const overdue = report.instalments.filter((i) => i.receivable && i.daysOverdue > 0).length;
  return [
    `截至 ${report.asOf} 应收账款（人民币，按 ${report.asOf.slice(0, 7)} 汇率表折算）`,
    '',
    '按业务员',
    people,
    '',
    '按客户',
    customers,
    '',
    `共 ${report.instalments.length} 期款项，其中逾期 ${overdue} 期`,
    `未匹配收汇：${report.unmatchedReceipts.count} 笔，¥${thousands(report.unmatchedReceipts.cny)}` + unmatchedMissing(report),
  ].join('\n');
}

/** Unmatched receipts left out of the sum for want of a rate, said after it. */
function unmatchedMissing(report: ReceivablesReport): string {
  const missing = report.unmatchedReceipts.missingRate;
  return missing ? `（另有 ${missing.count} 笔缺 ${missing.month} ${missing.currency} 等汇率，未计入）` : '';
}
