import { App as AntApp, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CustomerReceivables, ReceivablesReport } from '../../../shared/receivables/report';
import type { CreditGrade } from '../../../shared/domain';
import { useMutation } from '../../api/hooks';
import { useReport } from '../../components/common';
import { money } from '../../format';
import { useT } from '../../i18n/strings';

const GRADE_COLORS: Record<CreditGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** A credit grade as a coloured tag. */
export function GradeTag({ grade }: { grade: CreditGrade }) {
  return <Tag color={GRADE_COLORS[grade]}>{grade}</Tag>;
}

/**
 * Customers with what they owe and their credit: grade, limit, exposure, over the limit, and the
 * grade the rules suggest, which the user may accept (the change is logged).
 */
export function CustomerTable({ report, onOpen }: { report: ReceivablesReport; onOpen(customer: string): void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const accept = useMutation('customers.acceptGrade');
  const show = useReport();
  const { message } = AntApp.useApp();
  const rows = useMemo(() => {
    const words = search.trim().toLowerCase();
    return words ? report.customers.filter((c) => `${c.customer} ${c.name}`.toLowerCase().includes(words)) : report.customers;
  }, [report.customers, search]);
  const cny = (pick: (c: CustomerReceivables) => string) => (a: CustomerReceivables, b: CustomerReceivables) => Number(pick(a)) - Number(pick(b));
  const acceptGrade = async (c: CustomerReceivables) => {
    const result = await accept({ customer: c.customer, grade: c.suggestedGrade, asOf: report.asOf });
    if (show(result)) void message.success(t('rv.gradeAccepted', { name: c.name, grade: c.suggestedGrade }));
  };
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('rv.searchCustomer')}
        onSearch={setSearch}
        onChange={(e) => e.target.value === '' && setSearch('')}
        style={{ width: 260, marginBottom: 12 }}
      />
      <Table<CustomerReceivables>
        size="small"
        rowKey="customer"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1090 }}
        data-testid="rv-customer-table"
        locale={{ emptyText: t('rv.nothing') }}
        columns={[
          {
            title: t('deal.customer'),
            width: 180,
            fixed: 'left',
            ellipsis: true,
            render: (_, c) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c.customer)} data-testid={`rv-open-${c.customer}`}>
                {c.customer} {c.name}
              </Button>
            ),
          },
          { title: t('rv.outstanding'), dataIndex: 'outstanding', width: 105, align: 'right', render: money, sorter: cny((c) => c.outstanding) },
          {
            title: t('rv.overdue'),
            dataIndex: 'overdue',
            width: 105,
            align: 'right',
            render: money,
            sorter: cny((c) => c.overdue),
            defaultSortOrder: 'descend',
          },
          { title: t('rv.backlogAmount'), dataIndex: 'backlog', width: 105, align: 'right', render: money },
          { title: t('rv.unapplied'), dataIndex: 'unapplied', width: 95, align: 'right', render: money },
          { title: t('rv.oldestDays'), dataIndex: 'oldestOverdueDays', width: 70, align: 'right', sorter: (a, b) => a.oldestOverdueDays - b.oldestOverdueDays },
          { title: t('rv.grade'), dataIndex: 'creditGrade', width: 64, align: 'center', render: (g: CreditGrade) => <GradeTag grade={g} /> },
          {
            title: t('rv.limit'),
            dataIndex: 'creditLimit',
            width: 105,
            align: 'right',
            render: (v: string | null) => (v === null ? t('rv.noLimit') : money(v)),
          },
          {
            title: t('rv.exposure'),
            dataIndex: 'exposure',
            width: 150,
            align: 'right',
            sorter: cny((c) => c.exposure),
            render: (v: string, c) => (
              <Space size={4}>
                {c.overLimit && <Tag color="red">{t('rv.overLimit')}</Tag>}
                {money(v)}
              </Space>
            ),
          },
          {
            title: t('rv.suggested'),
            width: 115,
            render: (_, c) =>
              c.suggestedGrade === c.creditGrade ? (
                <span style={{ color: '#999' }}>{t('rv.keep')}</span>
              ) : (
                <Space size={4}>
                  <GradeTag grade={c.suggestedGrade} />
                  <Popconfirm
                    title={t('rv.acceptConfirm', { name: c.name, from: c.creditGrade, to: c.suggestedGrade })}
                    description={<div style={{ maxWidth: 320 }}>{t('rv.suggestWhy')}</div>}
                    okText={t('rv.accept')}
                    cancelText={t('cancel')}
                    onConfirm={() => acceptGrade(c)}
                  >
                    <Button size="small" data-testid={`rv-accept-${c.customer}`}>
                      {t('rv.accept')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
