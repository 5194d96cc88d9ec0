import { Select, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { CustomerReceivablesDetail } from '../../../shared/api/contract';
import { useMutation } from '../../api/hooks';
import { useReport } from '../../components/common';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

type Receipt = CustomerReceivablesDetail['receipts'][number];

/**
 * A customer's receipts with where their money went. A receipt may be pinned to one deal of the
 * same currency (an L/C or a deposit that names its contract); it then pays that deal first.
 */
export function ReceiptPins({ detail }: { detail: CustomerReceivablesDetail }) {
  const t = useT();
  const pin = useMutation('receipts.pin');
  const report = useReport();
  // Bumped after a refused pin: the selects are drawn again from what is stored (value undefined
  // alone leaves the refused choice showing).
  const [redraw, setRedraw] = useState(0);
  const dealsIn = (currency: string) => [...new Set(detail.instalments.filter((i) => i.currency === currency).map((i) => i.deal))];
  return (
    <Table<Receipt>
      size="small"
      rowKey="id"
      dataSource={detail.receipts}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      data-testid="rv-detail-receipts"
      columns={[
        { title: t('rc.valueDate'), dataIndex: 'date', width: 100 },
        { title: t('rc.ref'), dataIndex: 'ref', width: 120, ellipsis: true },
        { title: t('rc.remitter'), dataIndex: 'payer', width: 180, ellipsis: true },
        { title: t('deal.currency'), dataIndex: 'currency', width: 56 },
        { title: t('rv.amount'), dataIndex: 'amount', width: 110, align: 'right', render: money },
        {
          title: t('rv.appliedTo'),
          render: (_, r) =>
            r.allocations.length === 0 ? (
              <Tag>{t('rv.notApplied')}</Tag>
            ) : (
              r.allocations.map((a) => (
                <Tag key={`${a.deal}#${a.number}`}>{t('rv.allocation', { deal: a.deal, number: a.number, amount: money(a.amount) })}</Tag>
              ))
            ),
        },
        {
          title: t('rv.pinnedTo'),
          width: 170,
          render: (_, r) =>
            r.amount.startsWith('-') ? (
              <Tag>{t('rv.refund')}</Tag>
            ) : r.deal === null && dealsIn(r.currency).length === 0 ? (
              // Nothing to pick: say why instead of an empty list (cross-currency settlement is not supported, SPEC §12).
              <Tooltip title={t('rv.noDealInCurrencyWhy', { currency: r.currency })}>
                <Tag color="orange" data-testid={`rv-pin-none-${r.id}`}>
                  {t('rv.noDealInCurrency', { currency: r.currency })}
                </Tag>
              </Tooltip>
            ) : (
              <Select
                size="small"
                allowClear
                placeholder={t('rv.fifo')}
                style={{ width: 150 }}
                value={r.deal ?? undefined}
                key={`${r.id}-${r.deal ?? ''}-${redraw}`}
                data-testid={`rv-pin-${r.id}`}
                onChange={async (deal: string | undefined) => {
                  if (!report(await pin({ id: r.id, deal: deal ?? null }), t('saved'))) setRedraw((n) => n + 1);
                }}
                options={[...new Set([...dealsIn(r.currency), ...(r.deal ? [r.deal] : [])])].map((d) => ({ value: d, label: d }))}
              />
            ),
        },
      ]}
    />
  );
}
