import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ExcludedLine, StatementLine } from '../../../shared/engine/commissionStatement';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { downloadExported } from '../../api/files';
import { useAction, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { money } from '../../format';
import { useT, type UiKey } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

const pct = (rate: string) => `${(Number(rate) * 100).toLocaleString('en', { maximumFractionDigits: 6 })}%`;

/**
 * 提成对账单 of one person and quarter: every receipt counted with its rate and where the rate
 * came from, the receipts of their customers left out and why, the bracket slices, and the new
 * customers by name — the figures a salesperson checks before signing.
 */
export function StatementDrawer({ quarter, salesperson, onClose }: { quarter: string; salesperson: string | null; onClose: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const report = useReport();
  const [busy, setBusy] = useState(false);
  const statement = useQuery('statements.get', salesperson ? { quarter, salesperson } : null);
  const s = statement.data;
  const exportStatement = useAction('statements.export');
  const exportOne = async () => {
    if (!salesperson) return;
    setBusy(true);
    const result = await exportStatement({ quarter, salesperson });
    setBusy(false);
    if (report(result) && result.ok) downloadExported(result.value);
  };
  const lineColumns = [
    { title: t('st.date'), dataIndex: 'date', width: 100 },
    { title: t('st.ref'), dataIndex: 'ref', ellipsis: true },
    { title: t('st.payer'), dataIndex: 'counterparty', ellipsis: true },
    { title: t('st.currency'), dataIndex: 'currency', width: 60, align: 'center' as const },
    { title: t('st.amount'), dataIndex: 'amount', align: 'right' as const, render: money },
  ];
  return (
    <Drawer
      open={salesperson !== null}
      onClose={onClose}
      width="min(1100px, 96vw)"
      title={s ? t('st.title', { name: s.name, quarter }) : ''}
      extra={
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void exportOne()} data-testid="statement-export">
          {t('st.export')}
        </Button>
      }
      data-testid="statement-drawer"
    >
      {statement.error && <Alert type="error" showIcon message={apiMessage(statement.error.code, statement.error.params ?? {}, lang)} />}
      {s && (
        <>
          <Typography.Title level={5}>{s.base === 'settled' ? t('st.linesSettled') : t('st.linesDeals')}</Typography.Title>
          <Table<StatementLine>
            rowKey="id"
            size="small"
            bordered
            pagination={false}
            dataSource={s.lines}
            data-testid="statement-lines"
            columns={[
              ...lineColumns,
              { title: t('st.rate'), dataIndex: 'rate', align: 'right', width: 100, render: (v: string | null) => v ?? '—' },
              { title: t('st.source'), dataIndex: 'rateSource', width: 150, render: (v: StatementLine['rateSource']) => t(`st.src.${v}` as UiKey) },
              { title: t('st.cny'), dataIndex: 'cny', align: 'right', render: money },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={7} align="right">
                  {t('st.baseTotal', { n: s.lines.length })}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  <Typography.Text strong data-testid="statement-base">
                    {money(s.baseTotal)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {s.base === 'settled' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('st.excluded')}
              </Typography.Title>
              {s.excluded.length === 0 ? (
                <Typography.Text type="secondary">{t('st.none')}</Typography.Text>
              ) : (
                <Table<ExcludedLine>
                  rowKey="id"
                  size="small"
                  bordered
                  pagination={false}
                  dataSource={s.excluded}
                  columns={[
                    ...lineColumns,
                    {
                      title: t('st.reason'),
                      dataIndex: 'reason',
                      render: (v: ExcludedLine['reason'], r) => t(`st.why.${v}` as UiKey, { who: r.creditedTo ?? '' }),
                    },
                    { title: t('st.cny'), dataIndex: 'cny', align: 'right', render: money },
                  ]}
                />
              )}
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('st.slices', { mode: t(s.mode === 'whole' ? 'st.whole' : 'st.progressive') })}
          </Typography.Title>
          {s.slices.length === 0 ? (
            <Typography.Text type="secondary">{t('st.noSlices')}</Typography.Text>
          ) : (
            <Table
              rowKey="from"
              size="small"
              bordered
              pagination={false}
              dataSource={s.slices}
              data-testid="statement-slices"
              columns={[
                { title: t('st.from'), dataIndex: 'from', align: 'right', render: money },
                { title: t('st.to'), dataIndex: 'to', align: 'right', render: (v: string | null) => (v === null ? t('st.above') : money(v)) },
                { title: t('st.sliceRate'), dataIndex: 'rate', align: 'right', render: pct },
                { title: t('st.sliceAmount'), dataIndex: 'amount', align: 'right', render: money },
                { title: t('st.sliceCommission'), dataIndex: 'commission', align: 'right', render: money },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('st.newCustomers', { bonus: money(s.bonusPerCustomer) })}
          </Typography.Title>
          {s.newCustomers.length === 0 ? (
            <Typography.Text type="secondary">{t('st.none')}</Typography.Text>
          ) : (
            <Table
              rowKey="customer"
              size="small"
              bordered
              pagination={false}
              dataSource={s.newCustomers}
              columns={[
                { title: t('st.firstDate'), dataIndex: 'date', width: 110 },
                { title: t('st.customer'), dataIndex: 'customer', width: 100 },
                { title: t('sp.name'), dataIndex: 'name' },
              ]}
            />
          )}
          <Descriptions bordered size="small" column={1} style={{ marginTop: 16, maxWidth: 520, marginLeft: 'auto' }} data-testid="statement-totals">
            {s.rounding !== '0.00' && <Descriptions.Item label={t('st.rounding')}>{money(s.rounding)}</Descriptions.Item>}
            <Descriptions.Item label={t('st.bracketAmount')}>{money(s.commission.bracketAmount)}</Descriptions.Item>
            <Descriptions.Item label={t('st.bonus', { n: s.newCustomers.length })}>{money(s.commission.newCustomerBonus)}</Descriptions.Item>
            <Descriptions.Item label={<Typography.Text strong>{t('st.total')}</Typography.Text>}>
              <Typography.Text strong data-testid="statement-total">
                {money(s.commission.total)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
