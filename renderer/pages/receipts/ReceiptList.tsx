import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Space, Tag } from 'antd';
import { useState } from 'react';
import type { ReceiptView, StoredReceipt } from '../../../shared/entities';
import { receiptSchema } from '../../../shared/schemas/bundle';
import { useMutation } from '../../api/hooks';
import { RowActions, type Editing } from '../../components/common';
import { LongTable } from '../../components/LongTable';
import { PersonName, usePeopleById } from '../../components/people';
import { CustomerPicker, SalespersonPicker } from '../../components/pickers';
import { isFutureDate, looksPer100 } from '../../../shared/plausibility';
import { RecordForm, type Field } from '../../components/RecordForm';
import { usePagedRows } from '../../components/usePagedRows';
import { money, todayIso } from '../../format';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

/** 收汇明细: the quarter's receipts, entered by hand or imported. */
export function ReceiptList() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const openSettings = useAppStore((s) => s.openSettings);
  const people = usePeopleById();
  const [unmatched, setUnmatched] = useState(false);
  const list = usePagedRows('receipts.list', { quarter, ...(unmatched ? { unmatched } : {}) });
  const create = useMutation('receipts.create');
  const update = useMutation('receipts.update');
  const remove = useMutation('receipts.delete');
  const [editing, setEditing] = useState<Editing<StoredReceipt>>({ open: false });
  const record = editing.open ? editing.record : null;
  const isEdit = record !== null && record.id !== undefined;
  const fields: Field[] = [
    { name: 'ref', label: t('rc.ref') },
    { name: 'valueDate', label: t('rc.valueDate'), kind: 'date', warn: (v) => (isFutureDate(v, todayIso()) ? t('warn.future', { date: String(v) }) : null) },
    { name: 'currency', label: t('rc.currency'), kind: 'currency' },
    { name: 'amount', label: t('rc.amount'), kind: 'money', help: t('rc.help') },
    {
      name: 'rate',
      label: t('rc.rate'),
      kind: 'money',
      warn: (v, values) => {
        const hit = typeof v === 'string' ? looksPer100(String(values.currency ?? ''), v) : null;
        return hit ? t('warn.per100', { rate: String(v), perUnit: hit.perUnit }) : null;
      },
    },
    { name: 'cnyAmount', label: t('rc.cnyAmount'), kind: 'money' },
    { name: 'remitter', label: t('rc.remitter') },
    { name: 'memo', label: t('rc.memo') },
    { name: 'customer', label: t('rc.customer'), input: <CustomerPicker /> },
    { name: 'salesperson', label: t('rc.salesperson'), input: <SalespersonPicker /> },
    { name: 'notCustomer', label: t('rc.notCustomer'), kind: 'switch' },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Checkbox checked={unmatched} onChange={(e) => setUnmatched(e.target.checked)}>
          {t('rc.unmatchedOnly')}
        </Checkbox>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: { currency: 'USD' } })} data-testid="add-receipt">
          {t('add')}
        </Button>
      </Space>
      <LongTable<ReceiptView>
        {...list}
        rowKey="id"
        width={1100}
        testId="receipts-table"
        empty={t('rc.noneInQuarter', { quarter })}
        columns={[
          { title: t('rc.valueDate'), dataIndex: 'valueDate', width: 96 },
          { title: t('rc.ref'), dataIndex: 'ref', width: 110, ellipsis: true },
          { title: t('rc.remitter'), dataIndex: 'remitter', width: 180, ellipsis: true },
          { title: t('rc.currency'), dataIndex: 'currency', width: 52 },
          { title: t('rc.amount'), dataIndex: 'amount', width: 110, align: 'right', render: money },
          {
            title: t('rc.cny'),
            dataIndex: 'cny',
            width: 135,
            align: 'right',
            render: (v: string | null, r) => (
              <span>
                {r.estimated && <Tag color="orange">{t('rc.estimated')}</Tag>}
                {v === null ? (
                  <Tag
                    color="red"
                    style={{ cursor: 'pointer' }}
                    title={t('fx.goFill', { month: r.valueDate.slice(0, 7), currency: r.currency })}
                    onClick={() => openSettings('fx', { month: r.valueDate.slice(0, 7), currency: r.currency })}
                  >
                    {t('deal.noRate')}
                  </Tag>
                ) : (
                  money(v)
                )}
              </span>
            ),
          },
          {
            title: t('rc.customer'),
            dataIndex: 'customer',
            width: 150,
            ellipsis: true,
            render: (id: string | null, r) => (id === null ? '—' : <span title={id}>{r.customerName ?? id}</span>),
          },
          {
            title: t('rc.creditedTo'),
            dataIndex: 'creditedTo',
            width: 96,
            render: (v: string | null, r) =>
              r.notCustomer ? (
                <Tag>{t('rc.notCustomer')}</Tag>
              ) : v ? (
                <PersonName id={v} people={people} />
              ) : r.customer ? (
                '—'
              ) : (
                <Tag color="volcano">{t('rc.unmatched')}</Tag>
              ),
          },
          { title: t('rc.memo'), dataIndex: 'memo', width: 81, ellipsis: true },
          {
            title: t('actions'),
            width: 90,
            fixed: 'right',
            render: (_, r) => <RowActions onEdit={() => setEditing({ open: true, record: r })} onDelete={() => remove({ id: r.id })} />,
          },
        ]}
      />
      <RecordForm<StoredReceipt>
        title={t('nav.receipts')}
        open={editing.open}
        editing={isEdit}
        initial={record}
        fields={fields}
        schema={receiptSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => (isEdit && record?.id !== undefined ? update({ ...values, id: record.id }) : create(values))}
        dateField="valueDate"
      />
    </>
  );
}
