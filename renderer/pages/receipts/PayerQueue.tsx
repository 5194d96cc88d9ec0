import { Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PayerGroup } from '../../../shared/api/contract';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { CustomerPicker } from '../../components/pickers';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

/**
 * Payers whose money matched no customer. One click assigns a payer to a suggested customer:
 * the name becomes an alias and every receipt from it is matched.
 */
export function PayerQueue() {
  const t = useT();
  const payers = useQuery('payers.unmatched', {});
  const assign = useMutation('payers.assign');
  const report = useReport();
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const give = async (payer: string, customer: string) => report(await assign({ payer, customer }), t('payer.assigned', { payer, customer }));
  if (!payers.loading && (payers.data ?? []).length === 0) return <Empty description={t('payer.none')} />;
  return (
    <Table<PayerGroup>
      rowKey="key"
      size="small"
      loading={payers.loading}
      dataSource={payers.data ?? []}
      pagination={false}
      data-testid="payer-queue"
      columns={[
        { title: t('rc.remitter'), dataIndex: 'payer', render: (v: string) => <Typography.Text strong>{v || '—'}</Typography.Text> },
        { title: t('payer.count'), dataIndex: 'count', align: 'right', width: 70 },
        { title: t('rc.cny'), dataIndex: 'cny', align: 'right', width: 130, render: money },
        { title: t('payer.period'), width: 200, render: (_, p) => (p.firstDate === p.lastDate ? p.firstDate : `${p.firstDate} ~ ${p.lastDate}`) },
        {
          title: t('payer.suggestions'),
          render: (_, p) => (
            <Space wrap>
              {p.suggestions.map((s) => (
                <Button key={s.customer} size="small" onClick={() => void give(p.payer, s.customer)} data-testid={`assign-${s.customer}`}>
                  {t('payer.assignTo', { customer: `${s.customer} ${s.name}`, score: Math.round(s.score * 100) })}
                </Button>
              ))}
              <CustomerPicker value={chosen[p.key] ?? null} onChange={(v) => setChosen({ ...chosen, [p.key]: v })} placeholder={t('payer.other')} />
              <Button size="small" type="primary" disabled={!chosen[p.key]} onClick={() => void give(p.payer, chosen[p.key] ?? '')}>
                {t('payer.assign')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
