import { Alert, App as AntApp, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PayerGroup } from '../../../shared/api/contract';
import type { Customer } from '../../../shared/entities';
import { customerSchema } from '../../../shared/schemas/bundle';
import { useAction, useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { CustomerPicker, SalespersonPicker } from '../../components/pickers';
import { RecordForm } from '../../components/RecordForm';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';
import { AssignmentHistory } from './AssignmentHistory';

/** A payer just assigned: its row stays where it was (saying so) so the rows below never move under the mouse. */
type Done = { group: PayerGroup; index: number; customer: string };

/**
 * Rows of the queue with the assigned ones kept at their places. A payer that is back in the
 * queue (its assignment undone) shows as itself again.
 */
function withDone(rows: readonly PayerGroup[], done: Record<string, Done>): (PayerGroup & { done?: string })[] {
  const list: (PayerGroup & { done?: string })[] = [...rows];
  const present = new Set(rows.map((r) => r.key));
  for (const d of Object.values(done).sort((a, b) => a.index - b.index)) {
    if (!present.has(d.group.key)) list.splice(Math.min(d.index, list.length), 0, { ...d.group, done: d.customer });
  }
  return list;
}

/**
 * Payers whose money matched no customer. Assigning one to a customer (after a confirmation)
 * makes the name an alias and matches every receipt from it; the assignment can be undone below.
 * A payer that is a new customer can be created from here, prefilled.
 */
export function PayerQueue() {
  const t = useT();
  const payers = useQuery('payers.unmatched', {});
  const assign = useMutation('payers.assign');
  const create = useMutation('customers.create');
  const report = useReport();
  const { modal } = AntApp.useApp();
  const openSettings = useAppStore((s) => s.openSettings);
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [done, setDone] = useState<Record<string, Done>>({});
  const [newCustomer, setNewCustomer] = useState<Partial<Customer> | null>(null);
  const rows = useMemo(() => withDone(payers.data ?? [], done), [payers.data, done]);

  const confirmAssign = (group: PayerGroup, index: number, customer: string, name: string) =>
    modal.confirm({
      title: group.missingRate
        ? t('payer.confirmTitleMissing', { n: group.count, cny: money(group.cny), missing: group.missingRate.count, customer: `${customer} ${name}`.trim() })
        : t('payer.confirmTitle', { n: group.count, cny: money(group.cny), customer: `${customer} ${name}`.trim() }),
      content: t('payer.confirmBody', { payer: group.payer }),
      okText: t('payer.assign'),
      cancelText: t('cancel'),
      onOk: async () => {
        const result = await assign({ payer: group.payer, customer });
        if (report(result, t('payer.assigned', { payer: group.payer, customer })))
          setDone((d) => ({ ...d, [group.key]: { group, index, customer: `${customer} ${name}`.trim() } }));
      },
    });

  const listCustomers = useAction('customers.list');
  const pickOther = async (group: PayerGroup, index: number) => {
    const id = chosen[group.key];
    if (!id) return;
    const found = await listCustomers({ search: id, limit: 5 });
    const name = found.ok ? (found.value.rows.find((c) => c.id === id)?.name ?? '') : '';
    confirmAssign(group, index, id, name);
  };

  const suggestId = async () => {
    // After the highest C-number in use, not the count: customers typed by hand (C004, C006 …)
    // leave gaps, and count + 1 then proposed an id already taken.
    let highest = 0;
    for (let offset = 0; ; offset += 500) {
      const page = await listCustomers({ offset, limit: 500 });
      if (!page.ok) break;
      for (const c of page.value.rows) highest = Math.max(highest, Number(/^C(\d+)$/.exec(c.id)?.[1] ?? 0));
      if (offset + 500 >= page.value.total) break;
    }
    return `C${String(highest + 1).padStart(3, '0')}`;
  };

  // CNY of the receipts whose value is known; the others are named apart, never summed as ¥0.00.
  const total = (payers.data ?? []).reduce(
    (sum, p) => ({ count: sum.count + p.count, fen: sum.fen + Math.round(Number(p.cny) * 100), missing: sum.missing + (p.missingRate?.count ?? 0) }),
    { count: 0, fen: 0, missing: 0 },
  );
  const firstMissing = (payers.data ?? []).find((p) => p.missingRate)?.missingRate;
  const fillRate = (m: { month: string; currency: string }) => openSettings('fx', { month: m.month, currency: m.currency });

  const queue =
    !payers.loading && rows.length === 0 ? (
      <Empty description={t('payer.none')} />
    ) : (
      <Table<PayerGroup & { done?: string }>
        rowKey="key"
        size="small"
        loading={payers.loading && !payers.data}
        dataSource={rows}
        pagination={false}
        data-testid="payer-queue"
        columns={[
          { title: t('rc.remitter'), dataIndex: 'payer', width: 260, render: (v: string) => <Typography.Text strong>{v || '—'}</Typography.Text> },
          { title: t('payer.count'), dataIndex: 'count', align: 'right', width: 70 },
          {
            title: t('rc.cny'),
            dataIndex: 'cny',
            align: 'right',
            width: 190,
            render: (v: string, p) =>
              p.missingRate ? (
                <Space direction="vertical" size={0} align="end" data-testid={`payer-missing-${p.key}`}>
                  {p.missingRate.count < p.count && money(v)}
                  <Typography.Text>{p.missingRate.amounts.map((a) => `${a.currency} ${money(a.amount)}`).join(' + ')}</Typography.Text>
                  <Typography.Link onClick={() => p.missingRate && fillRate(p.missingRate)} style={{ color: '#c8463d', fontSize: 12 }}>
                    {t('payer.missingRate', { n: p.missingRate.count, month: p.missingRate.month, currency: p.missingRate.currency })}
                  </Typography.Link>
                </Space>
              ) : (
                money(v)
              ),
          },
          { title: t('payer.period'), width: 200, render: (_, p) => (p.firstDate === p.lastDate ? p.firstDate : `${p.firstDate} ~ ${p.lastDate}`) },
          {
            title: t('payer.suggestions'),
            render: (_, p, index) =>
              p.done ? (
                <Tag color="green" data-testid={`assigned-${p.key}`}>
                  {t('payer.doneTo', { customer: p.done })}
                </Tag>
              ) : (
                <Space wrap>
                  {p.suggestions.map((s) => (
                    <Button key={s.customer} size="small" onClick={() => confirmAssign(p, index, s.customer, s.name)} data-testid={`assign-${s.customer}`}>
                      {t('payer.assignTo', { customer: `${s.customer} ${s.name}`, score: Math.round(s.score * 100) })}
                    </Button>
                  ))}
                  <CustomerPicker value={chosen[p.key] ?? null} onChange={(v) => setChosen({ ...chosen, [p.key]: v })} placeholder={t('payer.other')} />
                  <Button size="small" type="primary" disabled={!chosen[p.key]} onClick={() => void pickOther(p, index)}>
                    {t('payer.assign')}
                  </Button>
                  <Button
                    size="small"
                    onClick={async () => setNewCustomer({ id: await suggestId(), name: p.payer, aliases: [] })}
                    data-testid={`new-customer-${p.key}`}
                  >
                    {t('payer.newCustomer')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {total.count > 0 && (
        <Alert
          type={total.missing > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="payer-total"
          message={
            total.missing > 0
              ? t('payer.totalMissing', { n: total.count, cny: money((total.fen / 100).toFixed(2)), missing: total.missing })
              : t('payer.total', { n: total.count, cny: money((total.fen / 100).toFixed(2)) })
          }
          action={
            firstMissing && (
              <Button size="small" onClick={() => fillRate(firstMissing)} data-testid="payer-fill-rate">
                {t('fx.goFill', { month: firstMissing.month, currency: firstMissing.currency })}
              </Button>
            )
          }
        />
      )}
      {queue}
      <AssignmentHistory />
      <RecordForm<Customer>
        title={t('payer.newCustomer')}
        open={newCustomer !== null}
        editing={false}
        initial={newCustomer}
        fields={[
          { name: 'id', label: t('cu.id') },
          { name: 'name', label: t('cu.name') },
          { name: 'country', label: t('cu.country') },
          { name: 'owner', label: t('cu.owner'), input: <SalespersonPicker /> },
          { name: 'aliases', label: t('cu.aliases'), kind: 'tags', help: t('cu.aliasesHelp') },
        ]}
        schema={customerSchema}
        onClose={() => setNewCustomer(null)}
        onSubmit={(values) => create(values)}
      />
    </Space>
  );
}
