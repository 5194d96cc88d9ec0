import { Button, Checkbox, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { InstalmentRow, ReceivablesReport } from '../../../shared/receivables/report';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { instalmentKey } from './figures';
import { WriteOffModal } from './WriteOffModal';

/** Columns every instalment list shares; `onWriteOff` adds the write-off action. */
export function useInstalmentColumns(options: { customerNames?: Map<string, string>; onWriteOff?: (row: InstalmentRow) => void }): TableColumnsType<InstalmentRow> {
  const t = useT();
  const { customerNames, onWriteOff } = options;
  const columns: TableColumnsType<InstalmentRow> = [
    { title: t('rv.deal'), dataIndex: 'deal', width: 90, sorter: (a, b) => a.deal.localeCompare(b.deal) },
    { title: t('rv.number'), dataIndex: 'number', width: 50, align: 'center' },
    ...(customerNames
      ? [
          { title: t('deal.salesperson'), dataIndex: 'salesperson', width: 64 },
          { title: t('deal.customer'), dataIndex: 'customer', width: 140, ellipsis: true, render: (c: string | null) => (c === null ? '' : `${c} ${customerNames.get(c) ?? ''}`) },
        ]
      : []),
    // The currency goes with the amount: one column less keeps the list within 1366 pixels.
    { title: t('rv.amount'), dataIndex: 'amount', width: 132, align: 'right', render: (v: string, r) => `${r.currency} ${money(v)}` },
    { title: t('rv.dueDate'), dataIndex: 'dueDate', width: 96, render: (d: string | null) => d ?? <Tag>{t('rv.notShipped')}</Tag>, sorter: (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') },
    { title: t('rv.paid'), dataIndex: 'paid', width: 105, align: 'right', render: money },
    { title: t('rv.writtenOffShort'), dataIndex: 'writtenOff', width: 80, align: 'right', render: (v: string) => (v === '0.00' ? '' : money(v)) },
    { title: t('rv.owing'), dataIndex: 'outstanding', width: 105, align: 'right', render: money, sorter: (a, b) => Number(a.outstanding) - Number(b.outstanding) },
    { title: t('rv.settledOn'), dataIndex: 'settledOn', width: 96, render: (d: string | null) => d ?? '' },
    {
      title: t('rv.daysOverdue'),
      dataIndex: 'daysOverdue',
      width: 84,
      align: 'right',
      sorter: (a, b) => a.daysOverdue - b.daysOverdue,
      // Past due in the backlog is a late deposit (定金逾期), the signal not to ship.
      render: (days: number, row) => (days > 0 ? <Tag color={row.receivable ? (days > 90 ? 'red' : 'volcano') : 'orange'}>{row.receivable ? days : t('rv.lateDeposit', { days })}</Tag> : ''),
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
 * shipped, never aged; a deposit past its due date is flagged), filterable and sortable.
 */
export function InstalmentTable({ report, receivable }: { report: ReceivablesReport; receivable: boolean }) {
  const t = useT();
  const [salesperson, setSalesperson] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [openOnly, setOpenOnly] = useState(true);
  const [writingOff, setWritingOff] = useState<InstalmentRow | null>(null);
  const customerNames = useMemo(() => new Map(report.customers.map((c) => [c.customer, c.name])), [report.customers]);
  const rows = useMemo(() => {
    const words = search.trim().toLowerCase();
    return report.instalments.filter(
      (r) =>
        r.receivable === receivable &&
        (!salesperson || r.salesperson === salesperson) &&
        (!lateOnly || r.daysOverdue > 0) &&
        (!openOnly || r.outstanding !== '0.00') &&
        (!words || `${r.deal} ${r.customer ?? ''} ${customerNames.get(r.customer ?? '') ?? ''}`.toLowerCase().includes(words)),
    );
  }, [report.instalments, receivable, salesperson, lateOnly, openOnly, search, customerNames]);
  const columns = useInstalmentColumns({ customerNames, onWriteOff: setWritingOff });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('deal.salesperson')}
          style={{ width: 160 }}
          value={salesperson ?? undefined}
          onChange={(v: string | undefined) => setSalesperson(v ?? null)}
          options={report.salespeople.map((p) => ({ value: p.salesperson, label: `${p.salesperson} ${p.name}` }))}
        />
        <Input.Search allowClear placeholder={t('rv.searchDeal')} onSearch={setSearch} onChange={(e) => e.target.value === '' && setSearch('')} style={{ width: 240 }} />
        <Checkbox checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} data-testid={receivable ? 'rv-overdue-only' : 'rv-late-only'}>
          {receivable ? t('rv.overdueOnly') : t('rv.lateOnly')}
        </Checkbox>
        <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
          {t('rv.openOnly')}
        </Checkbox>
      </Space>
      <Table<InstalmentRow>
        size="small"
        rowKey={instalmentKey}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('rv.count', { n: total }) }}
        scroll={{ x: 1080, y: 'calc(100vh - 420px)' as unknown as number }}
        data-testid={receivable ? 'rv-instalment-table' : 'rv-backlog-table'}
        locale={{ emptyText: receivable ? t('rv.nothing') : t('rv.noBacklog') }}
      />
      <WriteOffModal instalment={writingOff} asOf={report.asOf} onClose={() => setWritingOff(null)} />
    </>
  );
}
