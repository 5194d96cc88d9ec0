import { Table } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReceivablesReport, SalespersonReceivables } from '../../../shared/receivables/report';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { BUCKETS, chartNumber } from './figures';

/** Overdue ageing per salesperson: stacked bars of the buckets, and the figures as a table. */
export function SalespeopleAgeing({ report }: { report: ReceivablesReport }) {
  const t = useT();
  const people = report.salespeople;
  const chart = people.map((p) => ({ name: p.name, ...Object.fromEntries(BUCKETS.map((b) => [t(b.label), chartNumber(p.buckets[b.key])])) }));
  const right = (title: string, pick: (p: SalespersonReceivables) => string, testId?: string) => ({
    title,
    width: 96,
    align: 'right' as const,
    render: (_: unknown, p: SalespersonReceivables) => <span data-testid={testId ? `${testId}-${p.salesperson}` : undefined}>{money(pick(p))}</span>,
  });
  return (
    <>
      <div data-testid="rv-ageing-chart">
        <ResponsiveContainer width="100%" height={Math.min(300, Math.max(180, people.length * 44 + 70))}>
          <BarChart data={chart} layout="vertical" margin={{ left: 16, right: 32, top: 4 }}>
            <CartesianGrid horizontal={false} stroke="#eee" />
            <XAxis type="number" tickFormatter={(v: number) => (v >= 10000 ? `${Math.round(v / 10000)}万` : String(v))} />
            <YAxis type="category" dataKey="name" width={80} />
            <Tooltip formatter={(v) => `¥${money(Number(v).toFixed(2))}`} />
            <Legend />
            {BUCKETS.map((b) => (
              <Bar key={b.key} dataKey={t(b.label)} stackId="age" fill={b.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table<SalespersonReceivables>
        size="small"
        rowKey="salesperson"
        pagination={false}
        dataSource={people}
        scroll={{ x: 1100 }}
        data-testid="rv-people-table"
        locale={{ emptyText: t('rv.nothing') }}
        columns={[
          { title: t('sp.name'), width: 110, fixed: 'left', render: (_, p) => `${p.name}（${p.salesperson}）` },
          right(t('rv.outstanding'), (p) => p.outstanding, 'rv-sp-outstanding'),
          right(t('rv.overdue'), (p) => p.overdue, 'rv-sp-overdue'),
          ...BUCKETS.map((b) => right(t(b.label), (p) => p.buckets[b.key], `rv-sp-${b.key}`)),
          right(t('rv.backlogAmount'), (p) => p.backlog, 'rv-sp-backlog'),
          right(t('rv.lateDeposits'), (p) => p.lateDeposits),
          right(t('rv.writtenOff'), (p) => p.writtenOff),
          { title: t('rv.oldestDays'), dataIndex: 'oldestOverdueDays', width: 90, align: 'right' },
        ]}
      />
    </>
  );
}
