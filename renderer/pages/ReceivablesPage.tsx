import { Alert, Button, Space, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { ReceivablesReport } from '../../shared/receivables/report';
import { useQuery } from '../api/hooks';
import { PageCard } from '../components/common';
import { DateInput } from '../components/DateInput';
import { QuarterProblem } from '../components/QuarterProblem';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { BadDebts } from './receivables/BadDebts';
import { CustomerDrawer } from './receivables/CustomerDrawer';
import { CustomerTable } from './receivables/CustomerTable';
import { todayIso } from './receivables/figures';
import { InstalmentTable } from './receivables/InstalmentTable';
import { SalespeopleAgeing } from './receivables/SalespeopleAgeing';
import { SmallBalances } from './receivables/SmallBalances';
import { Totals } from './receivables/Totals';

/**
 * 应收: what customers owe as of a date — by salesperson with the overdue ageing, by customer
 * with their credit, every instalment, the order backlog apart, write-offs and bad debts.
 */
export function ReceivablesPage() {
  const t = useT();
  const openSettings = useAppStore((s) => s.openSettings);
  // In the store, not the page: coming back to 应收 keeps the date the user chose.
  const asOf = useAppStore((s) => s.receivablesAsOf) ?? todayIso();
  const setAsOf = useAppStore((s) => s.setReceivablesAsOf);
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(null);
  // A mistyped date stays in the field; the figures below are still those of `asOf`, and say so.
  const [unreadable, setUnreadable] = useState<string | null>(null);
  // Totals and salespeople first; the customer rows (tens of thousands) only for the tabs that show them.
  const report = useQuery('receivables.report', { asOf, instalments: false, customers: false });
  const data = report.data;
  // Without any payment terms no deal has a schedule (SPEC §12): say so, or a new company sees ¥0.00 and no reason.
  const settings = useQuery('settings.get', {});
  const noTerms = settings.data !== undefined && settings.data.paymentTerms.length === 0;
  return (
    <>
      <PageCard>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space>
            <Typography.Text>{t('rv.asOf')}</Typography.Text>
            <span data-testid="rv-asof">
              <DateInput
                label={t('rv.asOf')}
                allowClear={false}
                value={dayjs(asOf)}
                onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
                onUnreadable={setUnreadable}
              />
            </span>
            {unreadable !== null && (
              <Typography.Text type="danger" data-testid="rv-asof-unreadable">
                {t('date.unreadable', { field: t('rv.asOf'), text: unreadable })}
                {t('rv.stillAsOf', { date: asOf })}
              </Typography.Text>
            )}
            {report.loading && <Spin size="small" />}
          </Space>
          <SmallBalances asOf={asOf} />
        </Space>
        {data && <Totals report={data} />}
      </PageCard>
      {noTerms && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('terms.none')}
          action={
            <Button size="small" type="primary" onClick={() => openSettings('terms')} data-testid="rv-go-terms">
              {t('rv.goTerms')}
            </Button>
          }
          data-testid="rv-no-terms"
        />
      )}
      {report.loading && !data && (
        <Alert type="info" showIcon icon={<Spin size="small" />} message={t('rv.computing')} data-testid="rv-computing" style={{ marginBottom: 16 }} />
      )}
      {report.error && <QuarterProblem error={report.error} />}
      {report.error?.code === 'appraise.missingRate' && (
        <Alert
          type="info"
          showIcon
          message={t('rv.oldRateHint')}
          action={
            <Button size="small" onClick={() => openSettings('terms')} data-testid="rv-go-receivables-from">
              {t('rv.goReceivablesFrom')}
            </Button>
          }
          data-testid="rv-old-rate-hint"
        />
      )}
      {data && (
        <PageCard>
          <Tabs
            destroyOnHidden
            items={[
              { key: 'people', label: <span data-testid="rv-tab-people">{t('rv.bySalesperson')}</span>, children: <SalespeopleAgeing report={data} /> },
              {
                key: 'customers',
                label: <span data-testid="rv-tab-customers">{t('rv.byCustomer')}</span>,
                children: (
                  <WithCustomers asOf={asOf}>
                    {(full) => (
                      <CustomerTable report={full} onOpen={(id) => setCustomer({ id, name: full.customers.find((c) => c.customer === id)?.name ?? '' })} />
                    )}
                  </WithCustomers>
                ),
              },
              {
                key: 'instalments',
                label: <span data-testid="rv-tab-instalments">{t('rv.instalments')}</span>,
                children: <WithCustomers asOf={asOf}>{(full) => <InstalmentTable report={full} receivable />}</WithCustomers>,
              },
              {
                key: 'backlog',
                label: <span data-testid="rv-tab-backlog">{t('rv.backlog')}</span>,
                children: <WithCustomers asOf={asOf}>{(full) => <InstalmentTable report={full} receivable={false} />}</WithCustomers>,
              },
              { key: 'badDebts', label: <span data-testid="rv-tab-bad">{t('rv.badDebts')}</span>, children: <BadDebts asOf={asOf} /> },
            ]}
          />
        </PageCard>
      )}
      <CustomerDrawer customer={customer?.id ?? null} asOf={asOf} name={customer?.name ?? ''} onClose={() => setCustomer(null)} />
    </>
  );
}

/** The report with its customer rows, for the tabs that list or filter by customer. */
function WithCustomers({ asOf, children }: { asOf: string; children: (report: ReceivablesReport) => ReactNode }) {
  const report = useQuery('receivables.report', { asOf, instalments: false });
  if (report.error) return <QuarterProblem error={report.error} />;
  if (!report.data) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  return <>{children(report.data)}</>;
}
