import { Spin, Table } from 'antd';
import { useMemo } from 'react';
import type { BadDebtRow as BadDebt } from '../../../shared/api/contract';
import { Dec } from '../../../shared/money';
import { useQuery } from '../../api/hooks';
import { QuarterProblem } from '../../components/QuarterProblem';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

type PersonDebts = { salesperson: string; name: string; cny: string; customers: BadDebt[] };

/** 坏账 written off up to the date, per salesperson with each customer beneath, CNY. */
export function BadDebts({ asOf }: { asOf: string }) {
  const t = useT();
  const debts = useQuery('receivables.badDebts', { asOf });
  const people = useMemo(() => {
    const by = new Map<string, PersonDebts>();
    for (const d of debts.data ?? []) {
      const person = by.get(d.salesperson) ?? { salesperson: d.salesperson, name: d.name, cny: '0.00', customers: [] };
      person.customers.push(d);
      person.cny = new Dec(person.cny).plus(d.cny).toFixed(2);
      by.set(d.salesperson, person);
    }
    return [...by.values()];
  }, [debts.data]);
  if (debts.error) return <QuarterProblem error={debts.error} />;
  // Drawn once the rows are there, so that every person starts expanded.
  if (!debts.data) return <Spin />;
  return (
    <Table<PersonDebts>
      size="small"
      rowKey="salesperson"
      dataSource={people}
      pagination={false}
      style={{ maxWidth: 720 }}
      data-testid="rv-bad-debts"
      locale={{ emptyText: t('rv.noBadDebts') }}
      expandable={{
        defaultExpandAllRows: true,
        expandedRowRender: (p) => (
          <Table<BadDebt>
            size="small"
            rowKey="customer"
            pagination={false}
            dataSource={p.customers}
            columns={[
              { title: t('deal.customer'), render: (_, d) => `${d.customer} ${d.customerName}` },
              { title: t('rv.badDebtCny'), dataIndex: 'cny', align: 'right', render: money },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('sp.name'), render: (_, p) => `${p.name}（${p.salesperson}）` },
        { title: t('rv.badDebtCny'), dataIndex: 'cny', align: 'right', render: money },
      ]}
    />
  );
}
