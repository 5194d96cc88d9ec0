import { Table, Typography } from 'antd';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import { Dec } from '../../shared/money';
import { useQuery } from '../api/hooks';
import { PageCard } from '../components/common';
import { QuarterProblem } from '../components/QuarterProblem';
import { money } from '../format';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { gradeTag } from './AppraisalPage';

type PayRow = AppraisalRow & { base3: string; quarterTotal: string };

/** 薪酬: the quarter's pay summary — 3 × monthly base, performance pay and commission. */
export function PayPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const appraisal = useQuery('appraisal.quarter', { quarter });
  const people = useQuery('salespeople.list', {});
  if (appraisal.error) return <QuarterProblem error={appraisal.error} />;
  const salary = new Map((people.data ?? []).map((p) => [p.id, p.monthlyBaseSalary]));
  // An approved person's 底薪 is the one approved with them, like every other figure.
  for (const s of appraisal.data?.snapshots ?? []) if (s.monthlyBaseSalary !== null) salary.set(s.salesperson, s.monthlyBaseSalary);
  const rows: PayRow[] = (appraisal.data?.report.rows ?? []).map((r) => {
    const base3 = new Dec(salary.get(r.salesperson) ?? '0').times(3);
    return { ...r, base3: base3.toFixed(2), quarterTotal: base3.plus(r.performancePay).plus(r.commission.total).toFixed(2) };
  });
  const total = (pick: (r: PayRow) => string) => money(rows.reduce((s, r) => s.plus(pick(r)), new Dec(0)).toFixed(2));
  return (
    <PageCard>
      <div data-testid="pay-table">
      <Table<PayRow>
        rowKey="salesperson"
        size="middle"
        bordered
        loading={appraisal.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('sp.name'), dataIndex: 'name' },
          { title: t('ap.finalGrade'), dataIndex: 'finalGrade', align: 'center', render: gradeTag },
          { title: t('pay.base3'), dataIndex: 'base3', align: 'right', render: money },
          { title: t('ap.performancePay'), dataIndex: 'performancePay', align: 'right', render: money },
          { title: t('pay.commissionBase'), dataIndex: ['commission', 'base'], align: 'right', render: money },
          { title: t('pay.bracket'), dataIndex: ['commission', 'bracketAmount'], align: 'right', render: money },
          { title: t('pay.bonus'), dataIndex: ['commission', 'newCustomerBonus'], align: 'right', render: money },
          { title: t('pay.total'), dataIndex: 'quarterTotal', align: 'right', render: (v: string) => <Typography.Text strong>{money(v)}</Typography.Text> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('pay.sum')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{total((r) => r.base3)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{total((r) => r.performancePay)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{total((r) => r.commission.base)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{total((r) => r.commission.bracketAmount)}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{total((r) => r.commission.newCustomerBonus)}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <Typography.Text strong>{total((r) => r.quarterTotal)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      </div>
    </PageCard>
  );
}
