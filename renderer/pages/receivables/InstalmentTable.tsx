import { Button, Checkbox, Input, Select, Space, Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { InstalmentRow, ReceivablesReport } from '../../../shared/receivables/report';
import { useQuery } from '../../api/hooks';
import { QuarterProblem } from '../../components/QuarterProblem';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { instalmentKey } from './figures';
import { WriteOffModal } from './WriteOffModal';

export type SortKey = 'deal' | 'dueDate' | 'daysOverdue' | 'outstanding';
export type Order = { sort: SortKey; descending: boolean };

/**
 * Columns every instalment list shares; `onWriteOff` adds the write-off action. With `order` the
 * server sorts (a list of any length, a page at a time); without, the rows at hand are sorted.
 */
export function useInstalmentColumns(options: {
  customerNames?: Map<string, string>;
  onWriteOff?: (row: InstalmentRow) => void;
  order?: Order;
}): TableColumnsType<InstalmentRow> {
  const t = useT();
  const { customerNames, onWriteOff, order } = options;
  const sorted = (key: SortKey, local: (a: InstalmentRow, b: InstalmentRow) => number) =>
    order
      ? { key, sorter: true, sortOrder: order.sort === key ? (order.descending ? ('descend' as const) : ('ascend' as const)) : null }
      : { key, sorter: local };
  const columns: TableColumnsType<InstalmentRow> = [
    { title: t('rv.deal'), dataIndex: 'deal', width: 90, ...sorted('deal', (a, b) => a.deal.localeCompare(b.deal)) },
    { title: t('rv.number'), dataIndex: 'number', width: 50, align: 'center' },
    ...(customerNames
      ? [
          { title: t('deal.salesperson'), dataIndex: 'salesperson', width: 64 },
          {
            title: t('deal.customer'),
            dataIndex: 'customer',
            width: 140,
            ellipsis: true,
            render: (c: string | null) => (c === null ? '' : `${c} ${customerNames.get(c) ?? ''}`),
          },
        ]
      : []),
    // The currency goes with the amount: one column less keeps the list within 1366 pixels.
    { title: t('rv.amount'), dataIndex: 'amount', width: 132, align: 'right', render: (v: string, r) => `${r.currency} ${money(v)}` },
    {
      title: t('rv.dueDate'),
      dataIndex: 'dueDate',
      width: 96,
      render: (d: string | null) => d ?? <Tag>{t('rv.notShipped')}</Tag>,
      ...sorted('dueDate', (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')),
    },
    { title: t('rv.paid'), dataIndex: 'paid', width: 105, align: 'right', render: money },
    { title: t('rv.writtenOffShort'), dataIndex: 'writtenOff', width: 80, align: 'right', render: (v: string) => (v === '0.00' ? '' : money(v)) },
    {
      title: t('rv.owing'),
      dataIndex: 'outstanding',
      width: 105,
      align: 'right',
      render: money,
      ...sorted('outstanding', (a, b) => Number(a.outstanding) - Number(b.outstanding)),
    },
    { title: t('rv.settledOn'), dataIndex: 'settledOn', width: 96, render: (d: string | null) => d ?? '' },
    {
      title: t('rv.daysOverdue'),
      dataIndex: 'daysOverdue',
      width: 84,
      align: 'right',
      ...sorted('daysOverdue', (a, b) => a.daysOverdue - b.daysOverdue),
      // Past due in the backlog is a late deposit (定金逾期), the signal not to ship.
      render: (days: number, row) =>
        days > 0 ? <Tag color={row.receivable ? (days > 90 ? 'red' : 'volcano') : 'orange'}>{row.receivable ? days : t('rv.lateDeposit', { days })}</Tag> : '',
    },
  ];
  if (onWriteOff)
    columns.push({
      title: t('actions'),
      width: 60,
      fixed: 'right',
      render: (_, row) => (
        <Button size="small" type="link" onClick={() => onWriteOff(row)} data-testid={`rv-writeoff-${instalmentKey(row)}`}>
          {t('rv.writeOffButton')}
        </Button>
      ),
    });
  return columns;
}

/**
 * Every instalment as of the date: the receivable ones (shipped) or the order backlog (not yet
 * shipped, never aged; a deposit past its due date is flagged). Filtered and sorted by the
 * server and fetched a page at a time: a large company has hundreds of thousands.
 */
export function InstalmentTable({ report, receivable }: { report: ReceivablesReport; receivable: boolean }) {
  const t = useT();
  const [salesperson, setSalesperson] = useState<string | null>(null);
  const [customer, setCustomer] = useState<string | null>(null);
  const [deal, setDeal] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [order, setOrder] = useState<Order>({ sort: receivable ? 'daysOverdue' : 'dueDate', descending: receivable });
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [writingOff, setWritingOff] = useState<InstalmentRow | null>(null);
  const customerNames = useMemo(() => new Map(report.customers.map((c) => [c.customer, c.name])), [report.customers]);
  const rows = useQuery('receivables.instalments', {
    asOf: report.asOf,
    receivable,
    overdueOnly,
    ...(salesperson ? { salesperson } : {}),
    ...(customer ? { customer } : {}),
    ...(deal.trim() ? { deal: deal.trim() } : {}),
    sort: order.sort,
    descending: order.descending,
    offset: (page.current - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const columns = useInstalmentColumns({ customerNames, onWriteOff: setWritingOff, order });
  // A new filter starts from the first page.
  const filtered =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage((p) => ({ ...p, current: 1 }));
    };
  const onChange: TableProps<InstalmentRow>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.order ? (one.columnKey as SortKey) : null;
    const next: Order = key ? { sort: key, descending: one?.order === 'descend' } : { sort: 'deal', descending: false };
    const sortChanged = next.sort !== order.sort || next.descending !== order.descending;
    setOrder(next);
    setPage({ current: sortChanged ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? 50 });
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('deal.salesperson')}
          style={{ width: 160 }}
          value={salesperson ?? undefined}
          onChange={filtered((v: string | undefined) => setSalesperson(v ?? null))}
          options={report.salespeople.map((p) => ({ value: p.salesperson, label: `${p.salesperson} ${p.name}` }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('deal.customer')}
          style={{ width: 240 }}
          value={customer ?? undefined}
          onChange={filtered((v: string | undefined) => setCustomer(v ?? null))}
          options={report.customers.map((c) => ({ value: c.customer, label: `${c.customer} ${c.name}` }))}
        />
        <Input.Search
          allowClear
          placeholder={t('rv.dealId')}
          onSearch={filtered(setDeal)}
          onChange={(e) => e.target.value === '' && filtered(setDeal)('')}
          style={{ width: 180 }}
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => filtered(setOverdueOnly)(e.target.checked)}
          data-testid={receivable ? 'rv-overdue-only' : 'rv-late-only'}
        >
          {receivable ? t('rv.overdueOnly') : t('rv.lateOnly')}
        </Checkbox>
      </Space>
      {rows.error && <QuarterProblem error={rows.error} />}
      <Table<InstalmentRow>
        size="small"
        rowKey={instalmentKey}
        dataSource={rows.data?.rows ?? []}
        loading={rows.loading}
        columns={columns}
        onChange={onChange}
        pagination={{
          ...page,
          total: rows.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('rv.count', { n: total }),
        }}
        scroll={{ x: 1080, y: 'calc(100vh - 420px)' as unknown as number }}
        data-testid={receivable ? 'rv-instalment-table' : 'rv-backlog-table'}
        locale={{ emptyText: receivable ? t('rv.nothing') : t('rv.noBacklog') }}
      />
      <WriteOffModal instalment={writingOff} asOf={report.asOf} onClose={() => setWritingOff(null)} />
    </>
  );
}
