import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { SmallBalance } from '../../../shared/api/contract';
import { Dec } from '../../../shared/money';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { QuarterProblem } from '../../components/QuarterProblem';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

/**
 * 小额尾差: every instalment whose outstanding is at most the setting `smallBalance` (CNY), listed
 * first, then written off in one go as bank charges.
 */
export function SmallBalances({ asOf }: { asOf: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const settings = useQuery('settings.get', {});
  const list = useQuery('writeOffs.smallBalances', open ? { asOf } : null);
  const writeOff = useMutation('writeOffs.writeOffSmall');
  const report = useReport();
  const [busy, setBusy] = useState(false);
  const rows = list.data ?? [];
  const total = rows.reduce((sum, r) => sum.plus(r.cny), new Dec(0)).toFixed(2);
  const confirm = async () => {
    setBusy(true);
    const result = await writeOff({ asOf, reason: t('rv.smallReason') });
    setBusy(false);
    if (report(result, result.ok ? t('rv.smallDone', { n: result.value.created }) : undefined)) setOpen(false);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="rv-small">
        {t('rv.small', { limit: money(settings.data?.smallBalance ?? '300.00') })}
      </Button>
      <Modal
        open={open}
        title={t('rv.smallTitle', { limit: money(settings.data?.smallBalance ?? '300.00'), asOf })}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm()}
        okText={t('rv.smallConfirm', { n: rows.length })}
        okButtonProps={{ disabled: rows.length === 0, loading: busy, danger: true }}
        cancelText={t('cancel')}
        width={760}
        destroyOnHidden
      >
        {list.error && <QuarterProblem error={list.error} />}
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('rv.smallHelp')} />
        <Table<SmallBalance>
          size="small"
          rowKey={(r) => `${r.deal}#${r.number}`}
          loading={list.loading}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="rv-small-list"
          locale={{ emptyText: t('rv.smallNone') }}
          columns={[
            { title: t('rv.deal'), dataIndex: 'deal', width: 110 },
            { title: t('rv.number'), dataIndex: 'number', width: 60, align: 'center' },
            { title: t('deal.customer'), dataIndex: 'customer', width: 110 },
            { title: t('deal.currency'), dataIndex: 'currency', width: 60 },
            { title: t('rv.owing'), dataIndex: 'outstanding', align: 'right', render: money },
            { title: t('rv.cny'), dataIndex: 'cny', align: 'right', render: money },
          ]}
        />
        {rows.length > 0 && <Typography.Text strong>{t('rv.smallTotal', { n: rows.length, cny: money(total) })}</Typography.Text>}
      </Modal>
    </>
  );
}
