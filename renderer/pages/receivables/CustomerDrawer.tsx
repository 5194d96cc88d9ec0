import { Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CustomerReceivablesDetail } from '../../../shared/api/contract';
import type { InstalmentRow } from '../../../shared/receivables/report';
import { useQuery } from '../../api/hooks';
import { QuarterProblem } from '../../components/QuarterProblem';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { instalmentKey } from './figures';
import { useInstalmentColumns } from './InstalmentTable';
import { ReceiptPins } from './ReceiptPins';
import { WriteOffModal } from './WriteOffModal';

type Receipt = CustomerReceivablesDetail['receipts'][number];

/**
 * One customer as of the date: each instalment with the receipts that paid it, every receipt with
 * where its money went (and the deal it may be pinned to), and money not applied to anything.
 */
export function CustomerDrawer({ customer, name, asOf, onClose }: { customer: string | null; name: string; asOf: string; onClose(): void }) {
  const t = useT();
  const detail = useQuery('receivables.customer', customer ? { customer, asOf } : null);
  const [writingOff, setWritingOff] = useState<InstalmentRow | null>(null);
  const columns = useInstalmentColumns({ onWriteOff: setWritingOff });
  const paidBy = useMemo(() => {
    const by = new Map<string, { receipt: Receipt; amount: string }[]>();
    for (const receipt of detail.data?.receipts ?? []) {
      for (const a of receipt.allocations) {
        const key = instalmentKey(a);
        by.set(key, [...(by.get(key) ?? []), { receipt, amount: a.amount }]);
      }
    }
    return by;
  }, [detail.data]);
  const data = detail.data;
  return (
    <Drawer
      open={customer !== null}
      onClose={onClose}
      width={Math.min(1100, window.innerWidth - 120)}
      title={`${customer ?? ''} ${name} · ${t('rv.asOfShort', { asOf })}`}
      destroyOnHidden
    >
      {detail.error && <QuarterProblem error={detail.error} />}
      {!data && detail.loading && <Spin />}
      {data && (
        <div data-testid="rv-customer-detail">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('rv.instalments')}
          </Typography.Title>
          <Table<InstalmentRow>
            size="small"
            rowKey={instalmentKey}
            dataSource={data.instalments}
            columns={columns}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="rv-detail-instalments"
            expandable={{
              rowExpandable: (row) => paidBy.has(instalmentKey(row)),
              expandedRowRender: (row) => (
                <Space wrap>
                  <Typography.Text type="secondary">{t('rv.paidBy')}</Typography.Text>
                  {(paidBy.get(instalmentKey(row)) ?? []).map(({ receipt, amount }) => (
                    <Tag key={receipt.id}>{t('rv.paidByReceipt', { date: receipt.date, ref: receipt.ref ?? `#${receipt.id}`, amount: money(amount) })}</Tag>
                  ))}
                </Space>
              ),
            }}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rv.receipts')}
          </Typography.Title>
          {data.receipts.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <ReceiptPins detail={data} />}
          <Typography.Paragraph style={{ marginTop: 12 }} data-testid="rv-unapplied">
            {t('rv.unapplied')}：{data.unapplied.length === 0 ? '0.00' : data.unapplied.map((u) => `${u.currency} ${money(u.amount)}`).join('，')}
          </Typography.Paragraph>
        </div>
      )}
      <WriteOffModal instalment={writingOff} asOf={asOf} onClose={() => setWritingOff(null)} />
    </Drawer>
  );
}
