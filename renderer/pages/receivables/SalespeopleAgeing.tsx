import { Table, Typography } from 'antd';
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
    width: 92,
    align: 'right' as const,
    render: (_: unknown, p: SalespersonReceivables) => <span data-testid={testId ? `${testId}-${p.salesperson}` : undefined}>{money(pick(p))}</span>,
  });
  return (
    <>
      <Typography.Text strong>{t('rv.ageing')}</Typography.Text>
      <div data-testid="rv-ageing-chart">
        <ResponsiveContainer width="100%" height={Math.min(300, Math.max(180, people.length * 44 + 70))}>
          <BarChart data={chart} layout="vertical" margin={{ left: 16, right: 32, top: 4 }}>
            <CartesianGrid horizontal={false} stroke="#eee" />
            <XAxis type="number" tickFormatter={(v: number) => (v >= 10000 ? `${Math.round(v / 10000)}万` : String(v))} />
            <YAxis type="category" dataKey="name" width={80} />
            <Tooltip formatter={(v) => `¥${money(Number(v).toFixed(2))}`} />
            <Legend itemSorter={null} />
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
        scroll={{ x: 1060 }}
        data-testid="rv-people-table"
        locale={{ emptyText: t('rv.nothing') }}
        columns={[
          { title: t('sp.name'), width: 100, fixed: 'left', render: (_, p) => `${p.name}（${p.salesperson}）` },
          right(t('rv.outstanding'), (p) => p.outstanding, 'rv-sp-outstanding'),
          right(t('rv.overdue'), (p) => p.overdue, 'rv-sp-overdue'),
          ...BUCKETS.map((b) => right(t(b.label), (p) => p.buckets[b.key], `rv-sp-${b.key}`)),
          {
            title: t('rv.backlogAmount'),
            width: 120,
            align: 'right',
            // A late deposit is the signal not to ship: shown under the backlog it belongs to.
            render: (_, p) => (
              <>
                <div data-testid={`rv-sp-backlog-${p.salesperson}`}>{money(p.backlog)}</div>
                {p.lateDeposits !== '0.00' && (
                  <div style={{ color: '#c8463d', fontSize: 12 }} data-testid={`rv-sp-late-${p.salesperson}`}>
                    {t('rv.lateDepositsOf', { cny: money(p.lateDeposits) })}
                  </div>
                )}
              </>
            ),
          },
          { title: t('rv.oldestDays'), dataIndex: 'oldestOverdueDays', width: 76, align: 'right' },
        ]}
      />
    </>
  );
}
