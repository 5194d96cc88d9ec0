import { Alert, Button, Table } from 'antd';
import type { SalespersonReceivables } from '../../shared/receivables/report';
import { message as apiMessage } from '../../shared/i18n/messages';
import { useQuery } from '../api/hooks';
import { PageCard } from '../components/common';
import { money } from '../format';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { todayIso } from './receivables/figures';

/**
 * 首页: each salesperson's outstanding and overdue as of today. Nothing is drawn while the company
 * has no payment terms, since then no deal has a schedule.
 */
export function HomeReceivables() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setPage = useAppStore((s) => s.setPage);
  const openSettings = useAppStore((s) => s.openSettings);
  const settings = useQuery('settings.get', {});
  const hasTerms = (settings.data?.paymentTerms.length ?? 0) > 0;
  const report = useQuery('receivables.report', hasTerms ? { asOf: todayIso(), instalments: false, customers: false } : null);
  if (!hasTerms) return null;
  const { month, currency } = report.error?.code === 'appraise.missingRate' ? (report.error.params ?? {}) : {};
  return (
    <PageCard title={t('home.receivables')} extra={<a onClick={() => setPage('receivables')}>{t('home.toReceivables')}</a>}>
      {report.error ? (
        <Alert
          type="warning"
          showIcon
          message={apiMessage(report.error.code, report.error.params ?? {}, lang)}
          action={
            month !== undefined &&
            currency !== undefined && (
              <Button
                size="small"
                type="primary"
                onClick={() => openSettings('fx', { month: String(month), currency: String(currency) })}
                data-testid="home-fill-missing-rate"
              >
                {t('fx.goFill', { month, currency })}
              </Button>
            )
          }
          data-testid="home-receivables-problem"
        />
      ) : (
        <Table<SalespersonReceivables>
          size="small"
          rowKey="salesperson"
          loading={report.loading && !report.data ? { tip: t('rv.computing') } : false}
          dataSource={report.data?.salespeople ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('rv.nothing') }}
          data-testid="home-receivables"
          columns={[
            { title: t('sp.name'), render: (_, p) => `${p.name}（${p.salesperson}）` },
            { title: t('rv.outstanding'), dataIndex: 'outstanding', align: 'right', render: money },
            {
              title: t('rv.overdue'),
              dataIndex: 'overdue',
              align: 'right',
              render: (v: string) => <span style={{ color: v === '0.00' ? undefined : '#c8463d' }}>{money(v)}</span>,
            },
            { title: t('rv.oldestDays'), dataIndex: 'oldestOverdueDays', align: 'right', render: (d: number) => (d > 0 ? d : '') },
            { title: t('rv.backlogAmount'), dataIndex: 'backlog', align: 'right', render: money },
          ]}
        />
      )}
    </PageCard>
  );
}
