import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import { quarterPay, sumPay, type QuarterPay } from '../../shared/engine/quarterPay';
import { Dec } from '../../shared/money';
import { downloadExported } from '../api/files';
import { useAction, useQuery } from '../api/hooks';
import { PageCard, useReport } from '../components/common';
import { QuarterProblem } from '../components/QuarterProblem';
import { money } from '../format';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { gradeTag } from '../components/gradeTag';
import { StatementDrawer } from './pay/StatementDrawer';

type PayRow = AppraisalRow & { pay: QuarterPay };

/**
 * 薪酬: the quarter's pay summary — 3 × monthly base, performance pay and commission — with each
 * person's 提成对账单 a click away, and the table and the statements as workbooks.
 */
export function PayPage() {
  const t = useT();
  const report = useReport();
  const quarter = useAppStore((s) => s.quarter);
  const appraisal = useQuery('appraisal.quarter', { quarter });
  const people = useQuery('salespeople.list', {});
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pay' | 'statements' | null>(null);
  const exportPay = useAction('pay.export');
  const exportStatements = useAction('statements.export');
  if (appraisal.error) return <QuarterProblem error={appraisal.error} />;
  const salary = new Map((people.data ?? []).map((p) => [p.id, p.monthlyBaseSalary]));
  // An approved person's 底薪 is the one approved with them, like every other figure.
  for (const s of appraisal.data?.snapshots ?? []) if (s.monthlyBaseSalary !== null) salary.set(s.salesperson, s.monthlyBaseSalary);
  const rows: PayRow[] = (appraisal.data?.report.rows ?? []).map((r) => ({ ...r, pay: quarterPay(r, salary.get(r.salesperson) ?? '0') }));
  const sums = sumPay(rows.map((r) => r.pay));
  const total = (pick: (r: PayRow) => string) => money(rows.reduce((s, r) => s.plus(pick(r)), new Dec(0)).toFixed(2));
  const download = async (what: 'pay' | 'statements') => {
    setBusy(what);
    const result = what === 'pay' ? await exportPay({ quarter }) : await exportStatements({ quarter });
    setBusy(null);
    if (report(result) && result.ok) downloadExported(result.value);
  };
  return (
    <PageCard
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'pay'}
            disabled={rows.length === 0}
            onClick={() => void download('pay')}
            data-testid="pay-export"
          >
            {t('pay.export')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'statements'}
            disabled={rows.length === 0}
            onClick={() => void download('statements')}
            data-testid="statements-export"
          >
            {t('pay.exportStatements')}
          </Button>
        </Space>
      }
    >
      <div data-testid="pay-table">
        <Table<PayRow>
          rowKey="salesperson"
          size="middle"
          bordered
          loading={appraisal.loading}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('sp.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Typography.Link onClick={() => setOpen(r.salesperson)} title={t('pay.open', { name })} data-testid={`statement-open-${r.salesperson}`}>
                  {name}
                </Typography.Link>
              ),
            },
            { title: t('ap.finalGrade'), dataIndex: 'finalGrade', align: 'center', render: gradeTag },
            { title: t('pay.base3'), dataIndex: ['pay', 'base3'], align: 'right', render: money },
            { title: t('ap.performancePay'), dataIndex: 'performancePay', align: 'right', render: money },
            { title: t('pay.commissionBase'), dataIndex: ['commission', 'base'], align: 'right', render: money },
            { title: t('pay.bracket'), dataIndex: ['commission', 'bracketAmount'], align: 'right', render: money },
            { title: t('pay.bonus'), dataIndex: ['commission', 'newCustomerBonus'], align: 'right', render: money },
            { title: t('pay.total'), dataIndex: ['pay', 'total'], align: 'right', render: (v: string) => <Typography.Text strong>{money(v)}</Typography.Text> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('pay.sum')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {money(sums.base3)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {money(sums.performancePay)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {total((r) => r.commission.base)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {total((r) => r.commission.bracketAmount)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {total((r) => r.commission.newCustomerBonus)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Typography.Text strong>{money(sums.total)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </div>
      <StatementDrawer quarter={quarter} salesperson={open} onClose={() => setOpen(null)} />
    </PageCard>
  );
}
